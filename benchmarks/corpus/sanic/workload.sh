#!/bin/bash
# Randomised workload for the Sanic application server.py (port 27200, inspector 27201).
# Log: stdout+stderr of every server run (debug=True, access_log=True) appended to $OUT.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
V=/tmp/round31-r31h/sanic/bin
RUN=/tmp/round31-r31h/sanicrun
OUT=${OUT:-$RUN/sanic.log}
SESSIONS=${SESSIONS:-6}
mkdir -p $RUN
U=http://127.0.0.1:27200
INS_OPTS=(-p 27201 -k r31h-inspector-key)
ins() { $V/sanic inspect "$@" "${INS_OPTS[@]}" >/dev/null 2>&1; }

request() {
  case $((RANDOM % 20)) in
    0|1|2) curl -s -o /dev/null -m 5 $U/ ;;
    3|4) curl -s -o /dev/null -m 5 $U/items/$((RANDOM % 6)) ;;
    5) curl -s -o /dev/null -m 5 -X POST -H 'content-type: application/json' -d "{\"name\": \"fruit$RANDOM\"}" $U/items ;;
    6) curl -s -o /dev/null -m 5 -X POST -d "not json" $U/items ;;
    7) curl -s -o /dev/null -m 5 $U/buy/$((RANDOM % 4)) ;;
    8) curl -s -o /dev/null -m 5 $U/crash ;;
    9) curl -s -o /dev/null -m 6 "$U/slow?t=0.$((RANDOM % 9))" ;;
    10) curl -s -o /dev/null -m 6 "$U/slow?t=4" ;;
    11) curl -s -o /dev/null -m 5 $U/maintenance ;;
    12) curl -s -o /dev/null -m 5 $U/admin/stats ;;
    13) curl -s -o /dev/null -m 5 -H 'x-token: secret' $U/admin/stats ;;
    14) curl -s -o /dev/null -m 5 $U/stream ;;
    15) curl -s -o /dev/null -m 5 $U/none ;;
    16) curl -s -o /dev/null -m 5 -H 'accept: application/json' $U/nothing/here$RANDOM ;;
    17) curl -s -o /dev/null -m 5 -X DELETE $U/ ;;
    18) curl -s -o /dev/null -m 5 -H 'accept: text/html' $U/items/abc ;;
    19) curl -s -o /dev/null -m 5 -I $U/items/1 ;;
  esac
}

for ((s = 0; s < SESSIONS; s++)); do
  w=$((1 + RANDOM % 2))
  (cd $HERE && R31H_WORKERS=$w exec $V/python server.py) >>"$OUT" 2>&1 &
  pid=$!
  sleep 6
  n=$((50 + RANDOM % 100))
  for ((i = 0; i < n; i++)); do
    case $((RANDOM % 25)) in
      0|1) $V/python $HERE/client.py ws ;;
      2) $V/python $HERE/client.py garbage ;;
      3) $V/python $HERE/client.py timeout & ;;
      4) $V/python $HERE/client.py abort ;;
      5) $V/python $HERE/client.py keepalive & ;;
      6) $V/python $HERE/client.py big ;;
      7) [ $((RANDOM % 4)) = 0 ] && { ins reload; sleep 5; } ;;
      8) [ $((RANDOM % 4)) = 0 ] && { ins; $V/sanic inspect -p 27201 -k wrong-key >/dev/null 2>&1; } ;;
      9) [ $((RANDOM % 5)) = 0 ] && { ins scale $((1 + RANDOM % 3)); sleep 5; } ;;
      *) request ;;
    esac
  done
  wait_bg=$(jobs -p | grep -v "^$pid$"); [ -n "$wait_bg" ] && wait $wait_bg
  if [ $((RANDOM % 3)) = 0 ]; then  # a second instance on the busy port
    (cd $HERE && R31H_WORKERS=1 timeout 15 $V/python server.py) >>"$OUT" 2>&1
  fi
  if [ $((RANDOM % 4)) = 0 ]; then  # a broken configuration value
    (cd $HERE && R31H_REQUEST_TIMEOUT=soon timeout 15 $V/python server.py) >>"$OUT" 2>&1
  fi
  if [ $((RANDOM % 2)) = 0 ]; then ins shutdown; else kill -TERM $pid; fi
  for _ in $(seq 20); do kill -0 $pid 2>/dev/null || break; sleep 1; done
  kill -0 $pid 2>/dev/null && kill -TERM $pid
  wait $pid
  sleep 1
done
