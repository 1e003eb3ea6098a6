#!/bin/bash
# Pyro5 workload: name server + demo daemon (server.py) + randomised clients (client.py), all logging to raw.log
# (pyro5.log is one contiguous stretch of raw.log)
set -u
set -m   # background jobs keep SIGINT, so Pyro's servers stop on kill -INT
D=/work/round37/pyro5
PY=/tmp/round37-r37e/venv_pyro5/bin/python
RUN=/tmp/round37-r37e/pyro5run; mkdir -p $RUN
NSPORT=48010; PORT=48011
export PYRO_LOGLEVEL=DEBUG PYRO_LOGFILE=$D/raw.log PYRO_NS_AUTOCLEAN=${PYRO_NS_AUTOCLEAN:-4} PYRO_COMMTIMEOUT=2
cd $RUN
start_ns() {
  $PY -m Pyro5.nameserver -n 127.0.0.1 -p $NSPORT "$@" > $RUN/ns.out 2>&1 &
  echo $! > $RUN/ns.pid; echo $! >> $RUN/all.pids; sleep 1
}
stopwait() { kill -$1 $2 2>/dev/null; while kill -0 $2 2>/dev/null; do sleep 0.2; done; }
start_srv() {
  PYRO_SERVERTYPE=$1 $PY $D/server.py $PORT $NSPORT > $RUN/srv.out 2>&1 &
  echo $! > $RUN/srv.pid; echo $! >> $RUN/all.pids; sleep 1
}
clients() {
  local k=$((RANDOM % 3 + 1)); CL=""
  for i in $(seq $k); do
    if [ $((RANDOM % 25)) = 0 ]; then W=true; else W=false; fi
    PYRO_LOGWIRE=$W $PY $D/client.py $PORT $NSPORT $((RANDOM % ${1} + 5)) &
    CL="$CL $!"
  done
  wait $CL
}
ROUNDS=${ROUNDS:-4}
for r in $(seq $ROUNDS); do
  case $((RANDOM % 3)) in
    0) start_ns ;;
    1) start_ns --storage=memory ;;
    2) start_ns --storage=sql:$RUN/ns.sqlite ;;   # persistent names survive NS restarts
  esac
  types=(thread multiplex)
  start_srv ${types[$((RANDOM % 2))]}
  clients ${N:-40}
  # restart the server a couple of times mid-round
  for j in $(seq $((RANDOM % 2 + 1))); do
    stopwait INT $(cat $RUN/srv.pid)
    start_srv ${types[$((RANDOM % 2))]}
    clients ${N:-40}
  done
  # kill server hard, let the NS autoclean its names
  stopwait KILL $(cat $RUN/srv.pid)
  if [ $((RANDOM % 2)) = 0 ]; then sleep $((RANDOM % 6 + 24)); else sleep $((RANDOM % 6 + 4)); fi
  stopwait INT $(cat $RUN/ns.pid)
done
rm -f $RUN/ns.sqlite
