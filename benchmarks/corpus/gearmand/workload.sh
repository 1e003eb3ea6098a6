#!/bin/bash
# Round-10 corpus workload: Gearman job server 1.1.20 (Debian 12 package gearman-job-server),
# --log-file with --verbose DEBUG, --worker-wakeup 1, --job-retries 3, sqlite persistent queue,
# the Gear protocol on 127.0.0.1:19730 and the HTTP protocol module on 127.0.0.1:19731. gm_load.py (beside this script) drives randomised
# workers and clients over the raw protocol: jobs that complete, fail, raise exceptions, send
# status/data/warnings, time out (CAN_DO_TIMEOUT), workers dropping mid-job, background,
# prioritised, scheduled and coalesced jobs, unknown functions, status polls, garbage packets,
# admin text commands (status, workers, maxqueue, show, cancel, unknown ...), HTTP requests.
# Four load phases (each a shuffled deck of actions; the 2nd and 3rd shorter), and between them:
# SIGHUP (log reopen), SIGUSR1 (graceful shutdown) and restart (queue replay), SIGTERM and
# restart; a final SIGINT. DURATION bounds the four phases together.
# Writes OUT_DIR/gearmand.log (the server's log file, unchanged; cut to its first MAXLINES lines,
# which usually ends inside the 4th phase).
# Run as root on Debian 12: apt-get install -y gearman-job-server python3
#   bash workload.sh [OUT_DIR] [DURATION] [MAXLINES]
set -u
OUT=${1:-/work/round10/gearmand}; DURATION=${2:-240}; MAXLINES=${3:-2500}
HERE=$(cd "$(dirname "$0")" && pwd)
B=/tmp/gm10
export GM_PORT=19730 GM_HTTP_PORT=19731
if [ -f $B/gearmand.pid ]; then kill "$(cat $B/gearmand.pid)" 2>/dev/null; sleep 2; fi
rm -rf $B; mkdir -p $B "$OUT"
LOG=$B/gearmand.log

start_gm() {
  gearmand --listen 127.0.0.1 --port $GM_PORT --log-file $LOG --verbose DEBUG --pid-file $B/gearmand.pid \
    --threads $((2 + RANDOM % 3)) --queue-type libsqlite3 --libsqlite3-db $B/queue.db \
    --protocol http --http-port $GM_HTTP_PORT --job-retries 3 --worker-wakeup 1 --daemon
  for _ in $(seq 20); do [ -s $B/gearmand.pid ] && break; sleep 0.2; done
  sleep 1
}
alive() { [ -e /proc/$1 ] && ! grep -q '^State:.*Z' /proc/$1/status 2>/dev/null; }
wait_gone() { # graceful shutdown waits for queued jobs: fall back to SIGTERM, then SIGKILL
  for _ in $(seq 30); do alive "$1" || return 0; sleep 0.2; done; kill -TERM "$1" 2>/dev/null
  for _ in $(seq 30); do alive "$1" || return 0; sleep 0.2; done; kill -9 "$1" 2>/dev/null; }
phase() { python3 "$HERE/gm_load.py" "$1" $RANDOM "${2:-99}"; }   # seconds, [number of actions]

P=$((DURATION / 4))   # upper bound of each of the four load phases
start_gm
phase $P
kill -HUP "$(cat $B/gearmand.pid)"; sleep 1
phase $P 7
# leave background jobs for a function nobody serves, then a graceful shutdown: replayed at start
for i in $(seq $((2 + RANDOM % 4))); do echo "pending $i $RANDOM" | timeout 3 gearman -h 127.0.0.1 -p $GM_PORT -b -f "archive_$((RANDOM % 3))" >/dev/null 2>&1; done
PID=$(cat $B/gearmand.pid); kill -USR1 "$PID"; wait_gone "$PID"
start_gm
phase $P 7
PID=$(cat $B/gearmand.pid); kill "$PID"; wait_gone "$PID"
start_gm
phase $P
PID=$(cat $B/gearmand.pid); kill -INT "$PID"; wait_gone "$PID"
head -n "$MAXLINES" $LOG > "$OUT/gearmand.log"
wc -l $LOG "$OUT/gearmand.log"
