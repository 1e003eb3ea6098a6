#!/bin/bash
# Round-19 corpus workload: dask.distributed scheduler (PyPI `distributed`, private venv
# /opt/r19dask) with logging distributed=debug (distributed.core at info: its per-heartbeat
# message dumps would swamp the file), three nanny workers and extra workers joining and
# leaving, random client actions (client.py): maps, failing tasks, dask.array graphs, persist,
# rebalance/replicate, scatter and datasets, cancels, tasks that kill their worker, workers
# killed -9, stopped past worker-ttl, retired, cluster restarts, clients that vanish, garbage
# on the scheduler port, a scheduler restart, a final shutdown. 127.0.0.1, ports 26200-26239.
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
# Writes OUT_DIR/dask.log: the scheduler's stderr (its only log output), unchanged but cut
# after its first 2,500 lines (the full file stays in the mktemp folder).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-200}
VENV=/opt/r19dask
[ -x $VENV/bin/dask ] || { python3 -m venv $VENV && $VENV/bin/pip install -q distributed numpy; }
WORK=$(mktemp -d /tmp/r19dask.XXXX)
cat > "$WORK/dask.yaml" <<YAML
logging:
  distributed: debug
  distributed.core: info
distributed:
  scheduler:
    worker-ttl: 15s
    allowed-failures: $((1 + RANDOM % 3))
    active-memory-manager:
      interval: 5s
YAML
export DASK_CONFIG=$WORK
LOG="$WORK/scheduler.log"
start_sched() { $VENV/bin/dask scheduler --host 127.0.0.1 --port 26200 --dashboard-address 127.0.0.1:26201 >> "$LOG" 2>&1 & SCHED=$!; }
NW=0
start_worker() {  # $1 = extra flags
  NW=$((NW + 1))
  $VENV/bin/dask worker tcp://127.0.0.1:26200 --host 127.0.0.1 --worker-port 26210:26229 --nanny-port 26230:26239 \
    --no-dashboard --name "w$NW-$RANDOM" --nthreads $((1 + RANDOM % 3)) --memory-limit $((200 + RANDOM % 300))MB $1 \
    >> "$WORK/workers.log" 2>&1 &
  echo $! >> "$WORK/worker.pids"
}
start_sched; sleep 3
for i in 1 2 3; do start_worker ""; done
sleep 5
# pid of a worker process (the child of a nanny, or a nanny-less worker)
worker_pid() { pgrep -P "$(shuf -n1 "$WORK/worker.pids")" -f 'spawn_main|dask worker' | head -1; }
alive() { n=0; for p in $(cat "$WORK/worker.pids"); do kill -0 $p 2>/dev/null && n=$((n + 1)); done; echo $n; }
C="timeout 90 $VENV/bin/python $HERE/client.py"
END=$((SECONDS + DURATION)); RESTARTED=0
while [ $SECONDS -lt $END ]; do
  [ "$(alive)" -lt 2 ] && { start_worker ""; sleep 3; }
  s=$RANDOM
  case $((RANDOM % 20)) in
    0|1|2|3) $C map $s ;;
    4|5) $C fail $s ;;
    6) $C array $s ;;
    7) $C persist $s ;;
    8) $C scatter $s ;;
    9) $C cancel $s ;;
    10) [ $((RANDOM % 3)) = 0 ] && $C killer $s ;;
    11) p=$(worker_pid); [ -n "$p" ] && kill -9 $p ;;
    12) start_worker "$([ $((RANDOM % 2)) = 0 ] && echo --no-nanny)" ;;
    13) $C retire $s ;;
    14) [ $((RANDOM % 3)) = 0 ] && $C restart $s ;;
    15) $C abandon $s ;;
    16) $C garbage $s ;;
    17) p=$(worker_pid); [ -n "$p" ] && { kill -STOP $p; sleep $((10 + RANDOM % 15)); kill -CONT $p; } ;;
    18) $C $(shuf -n1 -e resources timeout) $s ;;
    19) if [ $RESTARTED = 0 ] && [ $SECONDS -gt $((END - DURATION / 2)) ]; then
          RESTARTED=1; kill -TERM $SCHED; wait $SCHED; sleep $((2 + RANDOM % 5)); start_sched; sleep 3
          for i in 1 2 3; do start_worker ""; done; sleep 5
        fi ;;
  esac >> "$WORK/clients.out" 2>&1
  sleep 0.$((RANDOM % 10))
done
$C shutdown 0 >> "$WORK/clients.out" 2>&1
sleep 5
kill -TERM $SCHED 2>/dev/null; wait $SCHED 2>/dev/null
for p in $(cat "$WORK/worker.pids"); do kill -TERM $p 2>/dev/null; done
sleep 3
head -n 2500 "$LOG" > "$OUT/dask.log"
echo "scheduler log: $(wc -l < "$LOG") lines, dask.log: $(wc -l < "$OUT/dask.log") lines ($WORK)"
