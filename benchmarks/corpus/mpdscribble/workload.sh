#!/bin/bash
# Drives mpd + mpdscribble + two fake scrobbler servers; log = mpdscribble's stderr.
# usage: workload.sh LOGFILE SECONDS
HERE=$(cd "$(dirname "$0")" && pwd)
LOG=${1:-/tmp/round36-r36c/mpds/mpdscribble.log}
DUR=${2:-1200}
T=/tmp/round36-r36c/mpds
M=/tmp/round36-r36c/mpd
mkdir -p $T $M/music $M/playlists
[ -e $M/music/track01.ogg ] || python3 $HERE/mkmusic.py $M/music
ctl() { python3 $HERE/mpdctl.py 47001 "$@" 2>/dev/null; }
start_mpd() { mpd $HERE/mpd.conf 2>/dev/null; sleep 1; ctl update; sleep 1; }
stop_mpd() { [ -s $M/pid ] && kill $(cat $M/pid) 2>/dev/null; sleep 1; }
start_fs() { python3 $HERE/fakescrobbler.py $((47001+$1)) $T/mode$1 & echo $! > $T/fs$1.pid; }
stop_fs() { kill $(cat $T/fs$1.pid) 2>/dev/null; rm -f $T/fs$1.pid; }
MS_CONF=$HERE/mpdscribble.conf
start_ms() { mpdscribble --no-daemon --conf $MS_CONF --verbose 0 --log - >>$LOG 2>&1 & echo $! > $T/ms.pid; sleep 0.5; }
stop_ms() { kill -TERM $(cat $T/ms.pid) 2>/dev/null; wait $(cat $T/ms.pid) 2>/dev/null; }
r() { echo $((RANDOM % $1)); }
echo ok > $T/mode1; echo ok > $T/mode2; echo ok > $T/mode3
start_mpd; start_fs 1; start_fs 2; start_fs 3
ctl clear "add /" "random 1" "repeat 1" play
start_ms
end=$((SECONDS + DUR))
while [ $SECONDS -lt $end ]; do
  x=$(r 100)
  if   [ $x -lt 22 ]; then sleep $((3 + $(r 14)))
  elif [ $x -lt 34 ]; then ctl next
  elif [ $x -lt 40 ]; then ctl "play $(r 20)"
  elif [ $x -lt 46 ]; then ctl "pause 1"; sleep $((1 + $(r 6))); ctl "pause 0"
  elif [ $x -lt 49 ]; then ctl stop; sleep $(r 5); ctl play
  elif [ $x -lt 53 ]; then ctl "seekcur +$((5 + $(r 15)))"
  elif [ $x -lt 55 ]; then ctl "seekcur 0"
  elif [ $x -lt 59 ]; then ctl "sendmessage mpdscribble love"
  elif [ $x -lt 61 ]; then ctl "sendmessage mpdscribble $(shuf -n1 -e hate skip 'what is this' LOVE)"
  elif [ $x -lt 67 ]; then kill -USR1 $(cat $T/ms.pid) 2>/dev/null
  elif [ $x -lt 75 ]; then n=$((1 + $(r 3))); shuf -n1 -e ok ok ok bad bad http slow > $T/mode$n
  elif [ $x -lt 79 ]; then n=$((1 + $(r 3))); if [ -e $T/fs$n.pid ]; then stop_fs $n; else start_fs $n; fi
  elif [ $x -lt 83 ]; then stop_ms; start_ms
  elif [ $x -lt 85 ]; then stop_mpd; sleep $((2 + $(r 8))); start_mpd; ctl play
  elif [ $x -lt 87 ]; then mpdscribble --no-daemon --conf $HERE/bad$((1 + $(r 5))).conf --verbose 0 --log - >>$LOG 2>&1 & p=$!; sleep 2; kill $p 2>/dev/null; wait $p 2>/dev/null
  elif [ $x -lt 88 ]; then mpdscribble --no-daemon --conf $HERE/nonexistent.conf --log - >>$LOG 2>&1
  elif [ $x -lt 89 ]; then mpdscribble --no-daemon --conf $MS_CONF --port 47009 --verbose 0 --log - >>$LOG 2>&1 & p=$!; sleep $((3 + $(r 20))); kill $p; wait $p 2>/dev/null
  elif [ $x -lt 90 ]; then mpdscribble --no-daemon --conf $MS_CONF --bogus >>$LOG 2>&1
  else ctl "playid $(( $(r 20) + 1 ))"
  fi
  sleep 0.$(r 10)
done
stop_ms; stop_fs 1; stop_fs 2; stop_fs 3; stop_mpd
