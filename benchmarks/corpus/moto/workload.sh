#!/bin/bash
# Randomised workload for moto_server (PyPI moto[server]); log = its stderr/stdout.
# Usage: workload.sh [seed]   (venv with moto[server] and boto3 in /tmp/round33-r33d/venv)
set -u
SEED=${1:-$RANDOM}; RANDOM=$SEED
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round33-r33d/moto; VENV=/tmp/round33-r33d/venv
PORT=39500
mkdir -p "$RUN"; LOG=$RUN/moto.log; : > "$LOG"
start() { (cd "$RUN"; nohup "$VENV/bin/moto_server" -H 127.0.0.1 -p $PORT >> "$LOG" 2>&1 & echo $! > "$RUN/pid"); sleep 3; }
stop()  { kill "$(cat "$RUN/pid")"; for i in $(seq 30); do kill -0 "$(cat "$RUN/pid")" 2>/dev/null || break; sleep 1; done; kill -9 "$(cat "$RUN/pid")" 2>/dev/null; sleep 1; }
start
for round in $(seq $((7 + RANDOM % 4))); do
  n=$((40 + RANDOM % 160))
  timeout 600 "$VENV/bin/python" "$HERE/client.py" $PORT $n $((SEED + round))
  case $((RANDOM % 5)) in
    0) stop; start ;;                                      # restart
    1) (cd "$RUN" && timeout 20 "$VENV/bin/moto_server" -H 127.0.0.1 -p $PORT >> "$LOG" 2>&1) ;;  # second instance on a busy port
    2) stop; start ;;
    *) : ;;
  esac
done
stop
