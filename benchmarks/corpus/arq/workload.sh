#!/bin/bash
# Randomised workload for arq 0.28.0 (PyPI) workers against a private Redis
# (Debian redis-server, 127.0.0.1:31379, redis.conf here). The worker runs with
# --verbose (DEBUG); its stderr is captured to /tmp/round31-r31l/arq-run/arq.log.
# Several worker lives: SIGINT/SIGTERM shutdowns, a patient shutdown, burst runs,
# health checks, wrong password, Redis going away and coming back.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round31-r31l
VENV=$BASE/venv-arq
RUN=$BASE/arq-run
LOG=$RUN/arq.log
mkdir -p "$RUN"
: > "$RUN/pids"
export PYTHONPATH=$HERE
cd "$HERE"

redis_up() {
  /usr/bin/redis-server "$HERE/redis.conf" & REDIS=$!; echo "$REDIS redis" >> "$RUN/pids"
  for i in $(seq 40); do redis-cli -p 31379 -a arqsecret --no-auth-warning ping 2>/dev/null | grep -q PONG && break; sleep 0.25; done
}
redis_down() { kill -TERM "$REDIS" 2>/dev/null; wait "$REDIS" 2>/dev/null; }

worker() {  # start a worker with given settings class and extra args
  env --default-signal=INT "$VENV/bin/arq" --verbose "$@" >> "$LOG" 2>&1 &
  W=$!; echo "$W worker" >> "$RUN/pids"
}
stopw() {   # $1 = signal
  kill -"$1" "$W" 2>/dev/null
  for i in $(seq 60); do kill -0 "$W" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$W" 2>/dev/null; wait "$W" 2>/dev/null
}
client() { "$VENV/bin/python" "$HERE/client.py" "$1" "$2" >> "$RUN/client.txt" 2>&1; }
health() { "$VENV/bin/arq" --check tasks.WorkerSettings >> "$LOG" 2>&1; }

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# worker started before Redis exists: connection retries then failure
worker tasks.WorkerSettings; sleep 6; stopw INT
health
# worker started just before Redis comes up: retries, then connects
worker tasks.WorkerSettings; sleep 1.5
redis_up
client $((RANDOM % 20 + 10)) 0.2
# stop while jobs are still running: running jobs are cancelled and re-queued
"$VENV/bin/python" -c "
import asyncio
from arq import create_pool
from tasks import REDIS
async def m():
    r = await create_pool(REDIS)
    for i in range(4):
        await r.enqueue_job('sleepy', 3)
    await r.aclose()
asyncio.run(m())"
sleep 1.5
stopw INT

for round in 1 2 3 4; do
  worker tasks.WorkerSettings
  client $((RANDOM % 60 + 40)) 0.3 &
  C=$!
  sleep 12; health
  wait $C; sleep $((RANDOM % 5 + 4))
  stopw "$(pick INT TERM)"
done

# patient worker waits for running jobs on shutdown
worker tasks.PatientSettings
client $((RANDOM % 30 + 20)) 0.2
sleep 1; stopw TERM

# jobs queued while no worker runs, then a burst worker drains them
client $((RANDOM % 40 + 30)) 0.05
env --default-signal=INT "$VENV/bin/arq" --verbose --burst tasks.BurstSettings >> "$LOG" 2>&1
health

# Redis goes away under a running worker, then comes back
worker tasks.WorkerSettings
client $((RANDOM % 20 + 10)) 0.2
redis_down; sleep 4
redis_up
stopw INT

# wrong password
sed 's/requirepass arqsecret/requirepass otherpass/' "$HERE/redis.conf" > "$RUN/redis-wrongpw.conf"
redis_down
/usr/bin/redis-server "$RUN/redis-wrongpw.conf" & REDIS=$!; echo "$REDIS redis" >> "$RUN/pids"; sleep 1
worker tasks.WorkerSettings; sleep 6; stopw INT
redis_down
redis_up

worker tasks.WorkerSettings
client $((RANDOM % 60 + 40)) 0.3
sleep 8
stopw INT
redis_down
echo done
