#!/bin/bash
# Drives ezstream (at -vvv) against a private icecast2; log = ezstream's stderr.
# usage: workload.sh LOGFILE SECONDS
HERE=$(cd "$(dirname "$0")" && pwd)
LOG=${1:-/tmp/round36-r36c/ez/ezstream.log}
DUR=${2:-1200}
E=/tmp/round36-r36c/ez
I=/tmp/round36-r36c/ice
mkdir -p $E $I/log $I/web; chown -R icecast2:icecast $I
[ -e $E/music/track01.ogg ] || { python3 $HERE/mkmusic.py $E/music; head -c 5000 /dev/urandom > $E/music/corrupt.ogg; }
r() { echo $((RANDOM % $1)); }
start_ice() { icecast2 -b -c $HERE/icecast.xml >/dev/null 2>&1; sleep 1; }
stop_ice() { kill $(cat $I/icecast.pid) 2>/dev/null; sleep 1; }
# ezstream runs in a private mount namespace where /dev/console is /dev/null (no syslogd here)
ez() { exec unshare -m --propagation private sh -c 'mount --bind /dev/null /dev/console; exec "$@"' ez ezstream "$@" >/dev/null 2>>$LOG; }
ls $E/music/track*.ogg > $E/good.m3u
{ ls $E/music/track0*.ogg; echo "# comment"; echo; echo $E/music/missing.ogg; echo $E/music/corrupt.ogg; echo $E/notes.txt; echo "relative/song.ogg"; } > $E/mixed.m3u
echo hello > $E/notes.txt; : > $E/empty.m3u
mk() { $HERE/mk_conf.sh "$@"; }
start_ice
end=$((SECONDS + DUR))
n=0
while [ $SECONDS -lt $end ]; do
  n=$((n+1)); c=$E/c$n.xml; x=$(r 100)
  if   [ $x -lt 30 ]; then mk $c playlist $E/good.m3u shuffle=$(shuf -n1 -e Yes No) refresh=$(shuf -n1 -e -- -1 -1 5 9)
  elif [ $x -lt 38 ]; then mk $c playlist $E/mixed.m3u enc=$(shuf -n1 -e "" OggEnc)
  elif [ $x -lt 46 ]; then mk $c playlist $E/good.m3u enc=OggEnc meta=$HERE/meta.sh fstr="$(shuf -n1 -e '@a@ - @t@' '@M@' '@s@ (@T@)' '@t@ on @b@')"
  elif [ $x -lt 52 ]; then mk $c file $(ls $E/music/track*.ogg | shuf -n1) once=$(shuf -n1 -e Yes No)
  elif [ $x -lt 58 ]; then mk $c program $HERE/next.sh once=$(shuf -n1 -e Yes No)
  elif [ $x -lt 62 ]; then mk $c playlist $E/good.m3u pass=wrong$(r 9)
  elif [ $x -lt 65 ]; then mk $c playlist $E/good.m3u mount=/limited.ogg
  elif [ $x -lt 69 ]; then mk $c playlist $E/good.m3u port=47099 attempts=$(r 4)
  elif [ $x -lt 74 ]; then mk $c playlist $E/empty.m3u
  elif [ $x -lt 76 ]; then mk $c playlist $E/nothere.m3u
  elif [ $x -lt 78 ]; then mk $c playlist $E/good.m3u proto=$(shuf -n1 -e ICY RoarAudio Gopher)
  elif [ $x -lt 80 ]; then mk $c playlist $E/good.m3u fmt=$(shuf -n1 -e MP3 WebM FLAC)
  elif [ $x -lt 82 ]; then mk $c playlist $E/good.m3u tls=$(shuf -n1 -e Required Maybe)
  elif [ $x -lt 84 ]; then mk $c stdin stdin once=Yes
  elif [ $x -lt 86 ]; then mk $c playlist $E/good.m3u; chmod 644 $c
  elif [ $x -lt 88 ]; then mk $c playlist $E/good.m3u; sed -i 's#</streams>#</streams><bogus>1</bogus>#' $c
  elif [ $x -lt 90 ]; then mk $c playlist $E/good.m3u; sed -i 's#ezstream>#ezstreamx>#g' $c
  elif [ $x -lt 91 ]; then (ez -q -vvv -c $E/nonexistent.xml); continue
  elif [ $x -lt 92 ]; then (ez -vvv); continue
  elif [ $x -lt 94 ]; then stop_ice; sleep $(r 3); start_ice; continue
  else mk $c playlist $E/good.m3u shuffle=Yes
       mk $E/c${n}b.xml playlist $E/good.m3u
       ez -q -vvv -c $c & p1=$!; sleep 2; ez -q -vvv -c $E/c${n}b.xml & p2=$!
       sleep $((3 + $(r 8))); kill $p1 $p2 2>/dev/null; wait $p1 $p2 2>/dev/null; rm -f $c $E/c${n}b.xml; continue
  fi
  v=$(shuf -n1 -e -- -vvv -vvv -vvv -vv -v)
  if [ $(r 10) -lt 2 ]; then
    ez -q $v -c $c < $(ls $E/music/track*.ogg | shuf -n1) &
  else
    ez -q $v -c $c -p $E/ez.pid &
  fi
  p=$!
  t=$((2 + $(r 12))); k=0
  while [ $k -lt $t ] && kill -0 $p 2>/dev/null; do
    sleep 1; k=$((k+1))
    ep=$p
    y=$(r 20)
    if   [ $y -lt 5 ]; then kill -USR1 $ep 2>/dev/null
    elif [ $y -lt 7 ]; then kill -HUP $ep 2>/dev/null
    elif [ $y -lt 9 ]; then kill -USR2 $ep 2>/dev/null
    elif [ $y -lt 10 ] && [ $(r 4) -eq 0 ]; then stop_ice; sleep $(r 4); start_ice
    fi
  done
  kill -$(shuf -n1 -e TERM TERM INT) $p 2>/dev/null; wait $p 2>/dev/null
  rm -f $c
done
stop_ice
