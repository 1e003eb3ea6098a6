#!/bin/bash
# Round-12 corpus workload: Celery 5.2.6 worker (Debian 12 python3-celery) with embedded beat (-B),
# broker and result backend a private redis-server on 127.0.0.1:21601. Worker log: --logfile at
# --loglevel=DEBUG, celery's default formats; tasks.py adds a logging filter on the worker's handler
# that drops tracebacks and writes every record on one line.
# Run as root from this folder: bash workload.sh [OUT_DIR] [SCALE]   (OUT_DIR defaults to this folder)
# Writes OUT_DIR/celery.log (the raw worker log; cut to <= 2,500 lines afterwards at a line boundary).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; SCALE=${2:-1}
RUN=/tmp/r12celery; PORT=21601
mkdir -p "$OUT" "$RUN/redis"; rm -f "$OUT/celery.log" "$RUN"/*.pid "$RUN/beat-schedule"*
export PYTHONPATH=$HERE R12_REDIS_PORT=$PORT R12_BEAT_DB=$RUN/beat-schedule
PY=/usr/bin/python3
CEL="$PY -m celery -A tasks"
LOG="--logfile=$OUT/celery.log --loglevel=DEBUG"
r() { echo $((RANDOM % $1)); }

start_redis() {
  redis-server --port $PORT --bind 127.0.0.1 --dir $RUN/redis --save "" --appendonly no \
    --daemonize yes --pidfile $RUN/redis.pid --logfile $RUN/redis.log
  sleep 1
}
stop_redis() { kill "$(cat $RUN/redis.pid)"; sleep 1; }
start_worker() {  # extra worker options
  $CEL worker -B -n w1@r12host $LOG --pidfile=$RUN/w1.pid -s $RUN/beat-schedule "$@" >>$RUN/w1.out 2>&1 &
  sleep 4
}
wpid() { cat $RUN/w1.pid 2>/dev/null; }
wait_gone() { local p=$1; for i in $(seq 60); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.5; done; kill -9 "$p"; }
client() { $PY "$HERE/client.py" "$(( $1 * SCALE ))" >>$RUN/client.out 2>&1; }
controls() {  # random inspect/control commands for $1 seconds
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt $end ]; do
    case $(r 16) in
      0) $CEL inspect ping -t 2 ;;
      1) $CEL inspect active -t 2 ;;
      2) $CEL inspect stats -t 2 ;;
      3) $CEL inspect registered -t 2 ;;
      4) $CEL inspect scheduled -t 2 ;;
      5) $CEL inspect reserved -t 2 ;;
      6) $CEL inspect revoked -t 2 ;;
      7) $CEL control rate_limit tasks.$(shuf -n1 -e add mul limited sleepy) $(shuf -n1 -e 1/s 5/s 30/m 100/m 2/h 0) ;;
      8) $CEL control time_limit tasks.$(shuf -n1 -e sleepy soft_limited add) $((1 + $(r 4))) $((5 + $(r 5))) ;;
      9) $CEL control pool_grow $((1 + $(r 2))) ;;
      10) $CEL control pool_shrink 1 ;;
      11) q=q$(r 9); $CEL control add_consumer $q; sleep 0.$(r 9); $CEL control cancel_consumer $q ;;
      12) $CEL control enable_events; sleep 1; $CEL control disable_events ;;
      13) $CEL control revoke $(cat /proc/sys/kernel/random/uuid) ;;
      14) $CEL inspect query_task $(cat /proc/sys/kernel/random/uuid) -t 2 ;;
      15) $CEL inspect active_queues -t 2; $CEL inspect conf -t 2 ;;
    esac >>$RUN/ctl.out 2>&1
    sleep $((2 + $(r 4)))
  done
}

start_redis
# phase 1: prefork concurrency 3, a second worker joins and dies (gossip/mingle), control commands
start_worker -c 3
client 60 & C1=$!
controls 60 & K1=$!
sleep $((8 + $(r 6)))
$CEL worker -n w2@r12host -c 1 --loglevel=INFO --logfile=$RUN/w2.log --pidfile=$RUN/w2.pid >>$RUN/w2.out 2>&1 &
sleep $((15 + $(r 8)))
kill -9 "$(cat $RUN/w2.pid)"; rm -f $RUN/w2.pid
wait $C1 $K1
# phase 2: broker stopped and started while clients keep sending
client 45 & C1=$!
sleep $((5 + $(r 5)))
stop_redis
sleep $((6 + $(r 10)))
start_redis
sleep $((5 + $(r 5)))
stop_redis
sleep $((2 + $(r 4)))
start_redis
wait $C1
# phase 3: SIGHUP restart, then warm shutdown while tasks run
P=$(wpid); kill -HUP "$P"; sleep 6
client 30 & C1=$!
controls 30; wait $C1
$CEL call tasks.sleepy --args="[4]" >/dev/null; sleep 1
P=$(wpid); kill -TERM "$P"; wait_gone "$P"
# phase 4: autoscaling worker with max-tasks-per-child and a global time limit
start_worker --autoscale=6,1 --max-tasks-per-child=$((3 + $(r 4))) --soft-time-limit=8 --time-limit=12
client 50 & C1=$!
controls 50 & K1=$!
for i in 1 2 3; do sleep $((10 + $(r 6))); $CEL control autoscale $((4 + $(r 5))) $((1 + $(r 2))) >>$RUN/ctl.out 2>&1; done
wait $C1 $K1
# a garbage message on the task queue (the worker dies on it), then a restart at concurrency 1
redis-cli -p $PORT lpush celery "not json $RANDOM" >/dev/null
sleep 5; P=$(wpid); [ -n "$P" ] && wait_gone "$P"; rm -f $RUN/w1.pid
start_worker -c 1 --without-mingle --without-gossip
client 30 & C1=$!
controls 30; wait $C1
$CEL control shutdown >>$RUN/ctl.out 2>&1; P=$(wpid); [ -n "$P" ] && wait_gone "$P"
# phase 5: concurrency 2, cold shutdown (SIGQUIT) while tasks run
start_worker -c 2 --prefetch-multiplier=1
client 30
for i in 1 2 3; do $CEL call tasks.sleepy --args="[$((3 + $(r 4)))]" >/dev/null; done; sleep 1
P=$(wpid); kill -QUIT "$P"; wait_gone "$P"
stop_redis
echo "lines: $(wc -l < "$OUT/celery.log")"
