#!/bin/bash
# Crossbar.io workload: a standalone node (router worker, web + rawsocket transports) driven by
# autobahn WAMP clients (client.py); crossbar's stdout+stderr appended to raw.log
# (crossbar.log is one contiguous stretch of raw.log)
set -u
set -m
D=/work/round37/crossbar
VB=/tmp/round37-r37e/venv_crossbar/bin
CB=/tmp/round37-r37e/cbdir; RUN=/tmp/round37-r37e/cbrun; mkdir -p $CB $RUN
PORT=48200
LOG=$D/raw.log
cstart() {
  $VB/crossbar start --cbdir $CB --config ${1:-$D/config.json} --loglevel debug --logformat standard --color false >> $LOG 2>&1 &
  CP=$!; echo $CP >> $RUN/all.pids; sleep ${2:-12}
}
cstop() { kill -$1 $CP 2>/dev/null; for i in $(seq 100); do kill -0 $CP 2>/dev/null || break; sleep 0.2; done; kill -9 $CP 2>/dev/null; wait $CP 2>/dev/null; }
clients() {
  local CL=""
  for i in $(seq $((RANDOM % 3 + 1))); do $VB/python $D/client.py $PORT $((RANDOM % $1 + 3)) > /dev/null 2>&1 & CL="$CL $!"; done
  wait $CL
}
for round in $(seq ${ROUNDS:-2}); do
  cstart
  clients 15; sleep 1; clients 10
  # a router worker dies: the controller notices
  if [ $((RANDOM % 2)) = 0 ]; then
    W=$(pgrep -P $CP | head -1); [ -n "$W" ] && kill -9 $W; sleep 3
  fi
  cstop $(shuf -n1 -e INT TERM)
  # invalid configuration
  cstart $D/bad_config.json 5; cstop TERM
done
