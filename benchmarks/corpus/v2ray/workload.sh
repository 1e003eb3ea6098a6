#!/bin/bash
# Randomised workload for v2ray: starts backends and v2ray, runs parallel clients, kills backends,
# restarts v2ray, and stops everything. Log: run/v2ray.log (v2ray's own error log, loglevel debug).
cd "$(dirname "$0")"
mkdir -p run
rm -f run/v2ray.log run/access.log
PIDS=()
start_helper() { python3 helpers.py "$1" "$2" & echo $! > "run/$1.pid"; }
stop_helper() { [ -f "run/$1.pid" ] && kill "$(cat run/$1.pid)" 2>/dev/null; rm -f "run/$1.pid"; }
start_v2ray() { v2ray -config config.json > run/stdout.txt 2>&1 & echo $! > run/v2ray.pid; sleep 1; }
stop_v2ray() { kill -TERM "$(cat run/v2ray.pid)" 2>/dev/null; wait "$(cat run/v2ray.pid)" 2>/dev/null; }

start_helper http 25620; start_helper echo 25623; start_helper udpecho 25624; start_helper fakedns 25622
sleep 0.5
for round in 1 2 3 4; do
  start_v2ray
  nclients=$((RANDOM % 4 + 3))
  cpids=()
  for i in $(seq $nclients); do python3 v2client.py $((RANDOM % 15 + 10)) & cpids+=($!); done
  sleep $((RANDOM % 3 + 2))
  case $((RANDOM % 3)) in
    0) stop_helper http; sleep 2; start_helper http 25620 ;;
    1) stop_helper echo; sleep 2; start_helper echo 25623 ;;
    2) stop_helper fakedns; sleep 2; start_helper fakedns 25622 ;;
  esac
  for p in "${cpids[@]}"; do wait "$p"; done
  stop_v2ray
  sleep 0.5
done
stop_helper http; stop_helper echo; stop_helper udpecho; stop_helper fakedns
wait
