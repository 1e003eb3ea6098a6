#!/bin/bash
# Randomised workload for the amqtt broker. Writes amqtt.full.log, keeps head -n 2500 as amqtt.log
cd "$(dirname "$0")"
[ -x venv/bin/python ] || { python3 -m venv venv && venv/bin/pip install -q amqtt==0.12.1; }
set -m   # job control: background broker keeps default SIGINT handling
PY=./venv/bin/python
LOG=$PWD/amqtt.full.log
rm -f "$LOG"
: > broker.pids

start_broker() {
  ./venv/bin/amqtt -d -c "$1" >>"$LOG" 2>&1 &
  BPID=$!; echo "$BPID" >> broker.pids
  sleep 2
}
stop_broker() {
  kill -INT "$BPID"
  for i in $(seq 1 40); do kill -0 "$BPID" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$BPID" 2>/dev/null && kill -KILL "$BPID"
  wait "$BPID" 2>/dev/null
}
clients() {  # n_clients n_iter
  local cp=()
  for i in $(seq 1 "$1"); do $PY client.py 59500 0 $(( $2 + RANDOM % 4 )) >/dev/null 2>&1 & cp+=($!); done
  for p in "${cp[@]}"; do wait "$p"; done
}

start_broker broker.yaml
clients 3 3
sleep $((RANDOM % 3))
clients 2 2
stop_broker

# a broken configuration: missing password file
sed "s#$PWD/passwd#$PWD/nonexistent.passwd#" broker.yaml > broken.yaml
start_broker broken.yaml
kill -0 "$BPID" 2>/dev/null && stop_broker
rm -f broken.yaml

start_broker broker.yaml
clients 2 3
# broker dies hard while clients are connected, then restart
( $PY client.py 59500 0 6 >/dev/null 2>&1 ) & CP=$!
sleep 1
kill -KILL "$BPID"; wait "$BPID" 2>/dev/null
wait "$CP"
start_broker broker.yaml
clients 2 3
stop_broker
head -n 2500 "$LOG" > amqtt.log
wc -l "$LOG" amqtt.log
