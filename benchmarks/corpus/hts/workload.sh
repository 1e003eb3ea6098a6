#!/bin/bash
# Randomised workload for hts (httptunnel 3.3, Debian). The Debian build has no debug mode, so hts
# logs through syslog(3); this script re-runs itself in a private mount namespace where /dev is a
# private tmpfs whose /dev/log belongs to a private rsyslogd (rsyslog.conf) that keeps hts's lines.
# Usage: workload.sh RAWLOG ROUNDS   (RAWLOG must match the file named in rsyslog.conf)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round36-r36a/hts
ROUNDS=${2:-30}
if [ -z "${R36A_INNS:-}" ]; then
  mkdir -p $RUN/olddev $RUN/rs
  exec env R36A_INNS=1 unshare -m --propagation private "$0" "$@"
fi
mount --bind /dev $RUN/olddev
mount -t tmpfs -o size=1m,mode=755 tmpfs /dev
for n in null zero random urandom full tty; do touch /dev/$n; mount --bind $RUN/olddev/$n /dev/$n; done
ln -s /proc/self/fd /dev/fd
rsyslogd -n -f "$HERE/rsyslog.conf" -i $RUN/rsyslogd.pid & RSYS=$!
sleep 1
python3 "$HERE/peers.py" & PEERS=$!
PORT=46101
H=
start_hts() { hts -w "$@" & H=$!; sleep 0.5; }
stop_hts() { [ -n "$H" ] && kill $H 2>/dev/null; wait $H 2>/dev/null; H=; }
pick() { shuf -n1 -e -- "$@"; }
session() { # a tunnel through htc in stdin/stdout mode
  ( for i in $(seq $((RANDOM % 5 + 1))); do head -c $((RANDOM % 2000 + 1)) /dev/urandom | base64; sleep 0.$((RANDOM % 9)); done; sleep $((RANDOM % 3)) ) |
    timeout $((RANDOM % 4 + 2)) htc -s "$@" 127.0.0.1:$PORT > /dev/null 2>&1
}
for round in $(seq $ROUNDS); do
  v=$((RANDOM % 100))
  if   [ $v -lt 60 ]; then start_hts -F 127.0.0.1:46102 $(pick "" "-k 1" "-k 3" "-c 2k" "-c 16k" "-S" "-M 5" "-p $RUN/hts.pid") 127.0.0.1:$PORT
  elif [ $v -lt 66 ]; then start_hts -F 127.0.0.1:46102 -u r36a-nosuchuser 127.0.0.1:$PORT
  elif [ $v -lt 72 ]; then start_hts -F 127.0.0.1:46102 -r $RUN/missing-root 127.0.0.1:$PORT
  elif [ $v -lt 78 ]; then start_hts -d $RUN/missing-device 127.0.0.1:$PORT
  elif [ $v -lt 84 ]; then start_hts -F 127.0.0.1:46109 127.0.0.1:$PORT      # nothing listens on 46109
  elif [ $v -lt 90 ]; then start_hts -F 127.0.0.1:46102 127.0.0.1:46101; hts -w -F 127.0.0.1:46102 127.0.0.1:$PORT; # port taken
  else start_hts -F 127.0.0.1:46102 $PORT
  fi
  n=$((RANDOM % 6 + 1))
  for a in $(seq $n); do
    kill -0 $H 2>/dev/null || break
    r=$((RANDOM % 100))
    if   [ $r -lt 40 ]; then session $(pick "" "" "-k 1" "-c 4k" "-S")
    elif [ $r -lt 48 ]; then session & SP=$!; sleep 0.7; python3 "$HERE/rawhttp.py" $PORT $(pick post get); wait $SP
    elif [ $r -lt 58 ]; then python3 "$HERE/rawhttp.py" $PORT garbage
    elif [ $r -lt 66 ]; then python3 "$HERE/rawhttp.py" $PORT method
    elif [ $r -lt 74 ]; then python3 "$HERE/rawhttp.py" $PORT $(pick get post)
    elif [ $r -lt 80 ]; then python3 "$HERE/rawhttp.py" $PORT half
    elif [ $r -lt 85 ]; then python3 "$HERE/rawhttp.py" $PORT empty
    elif [ $r -lt 90 ]; then python3 "$HERE/rawhttp.py" $PORT post; python3 "$HERE/rawhttp.py" $PORT get
    else sleep $((RANDOM % 3 + 1))
    fi
  done
  stop_hts
done
kill $PEERS; wait $PEERS 2>/dev/null
sleep 1; kill $RSYS; wait $RSYS 2>/dev/null
umount /dev/fd 2>/dev/null
