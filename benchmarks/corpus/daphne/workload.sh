#!/bin/bash
# Randomised workload for daphne -v 3 serving app.py on 127.0.0.1:39100-39101 (and a unix socket).
# usage: workload.sh [seed] [rounds]   output appended to $B/dph/daphne.log
# log: "workload.sh 3303 14", stopped by hand before it finished; lines 2489-4988 (from a server start) are kept
HERE=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round33-r33c; D=$B/dph; OUT=$D/daphne.log; PY=$B/venv/bin/python3
RANDOM=${1:-3303}; ROUNDS=${2:-12}
mkdir -p $D
[ -x $B/venv/bin/daphne ] || { python3 -m venv $B/venv; $B/venv/bin/pip install -q daphne websockets; }
export PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
cd $HERE
start() { # args
  $B/venv/bin/daphne -v 3 --access-log - --application-close-timeout 2 --ping-interval 2 --ping-timeout 3 \
     --websocket_connect_timeout 3 --websocket-max-message-size 65536 -t 4 "$@" app:application >> $OUT 2>&1 & DPID=$!
  sleep 2
}
stop() {
  kill -TERM $DPID 2>/dev/null
  for i in $(seq 10); do kill -0 $DPID 2>/dev/null || break; sleep 0.5; done
  kill -KILL $DPID 2>/dev/null; wait $DPID 2>/dev/null
}
for round in $(seq $ROUNDS); do
  n=$((20 + RANDOM % 60))
  case $((RANDOM % 10)) in
    0) rm -f $D/d.sock; start -u $D/d.sock; $PY client.py $RANDOM $n x 0 $D/d.sock; stop;;
    1) start -b 127.0.0.1 -p 39100 --proxy-headers; $PY client.py $RANDOM $n 127.0.0.1 39100; stop;;
    2) start -b 127.0.0.1 -p 39100; P1=$DPID; start -b 127.0.0.1 -p 39100; wait $DPID 2>/dev/null; DPID=$P1
       $PY client.py $RANDOM $n 127.0.0.1 39100; stop;;
    3) start -e tcp:39101:interface=127.0.0.1 -b 127.0.0.1 -p 39100; $PY client.py $RANDOM $n 127.0.0.1 $(( 39100 + RANDOM % 2 )); stop;;
    *) start -b 127.0.0.1 -p 39100 $( [ $((RANDOM % 3)) -eq 0 ] && echo --proxy-headers ); $PY client.py $RANDOM $n 127.0.0.1 39100; stop;;
  esac
done
