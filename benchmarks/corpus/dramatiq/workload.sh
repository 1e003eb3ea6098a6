#!/bin/bash
# Randomised workload for dramatiq (Redis broker on 127.0.0.1:15379).
cd "$(dirname "$0")"
D=$PWD
PY=$D/venv/bin/python
DQ=$D/venv/bin/dramatiq
LOG=$D/dramatiq.log
mkdir -p run
rm -f "$LOG" run/*
REDIS_PID=
start_redis() {
  redis-server --port 15379 --bind 127.0.0.1 --save "" --appendonly no --dir "$D/run" \
    --logfile "$D/run/redis.log" --daemonize no & REDIS_PID=$!
  echo $REDIS_PID >> run/pids; sleep 0.7
}
stop_redis() { kill $REDIS_PID 2>/dev/null; wait $REDIS_PID 2>/dev/null; }
DQ_PID=
start_dq() {
  "$DQ" tasks --path app --processes $((RANDOM%2+2)) --threads $((RANDOM%3+2)) -v \
     --log-file "$LOG" --pid-file "$D/run/dq.pid" --watch app --fork-function tasks:fork_main \
     --worker-shutdown-timeout 3000 "$@" & DQ_PID=$!
  echo $DQ_PID >> run/pids; sleep 4
}
stop_dq() { kill -TERM $DQ_PID 2>/dev/null; wait $DQ_PID 2>/dev/null; }
client() { "$PY" client.py "$1" >/dev/null 2>&1; }

start_redis
# a start with a garbage pid file, and one with a module that cannot be imported
echo garbage > run/dq.pid
"$DQ" tasks --path app -v --log-file "$LOG" --pid-file "$D/run/dq.pid"; rm -f run/dq.pid
"$DQ" no_such_tasks_module --path app -p 1 -t 1 -v --log-file "$LOG"
"$DQ" tasks --path app -p 1 -v --log-file "$LOG" --watch /nonexistent_dir_$RANDOM 2>/dev/null
DUP_MW=1 start_dq
for round in $(shuf -e 0 1 2 3 4 5); do
  client $((RANDOM%6+6)) &
  CL=$!
  case $round in
    0) sleep 2; touch app/tasks.py; sleep 6 ;;             # watcher reload
    1) sleep 2; kill -HUP $DQ_PID; sleep 6 ;;             # explicit reload
    2) sleep 2; stop_redis; sleep 5; start_redis; sleep 4 ;;  # broker dies
    3) sleep 3; "$PY" -c "import sys; sys.path.insert(0,'app'); import tasks; [tasks.long_job.send(20) for _ in range(3)]" ;
       sleep 2; stop_dq; start_dq ;;                       # shutdown notification
    4) sleep 3; W=$(pgrep -P $DQ_PID | head -1); [ -n "$W" ] && kill -9 $W; wait $DQ_PID 2>/dev/null; start_dq ;;
    5) sleep 4 ;;
  esac
  wait $CL
  sleep 2
done
# messages that age out while no worker runs
stop_dq
"$PY" -c "import sys; sys.path.insert(0,'app'); import tasks; [tasks.add.send_with_options(args=(i,i), max_age=500) for i in range(4)]"
sleep 2
start_dq
client 8
sleep 4
# two SIGTERMs: the second kills the workers
"$PY" -c "import sys; sys.path.insert(0,'app'); import tasks; [tasks.long_job.send(30) for _ in range(2)]"
sleep 2
kill -TERM $DQ_PID; sleep 0.5; kill -TERM $DQ_PID 2>/dev/null; sleep 4
for c in $(pgrep -P $DQ_PID); do kill -9 $c 2>/dev/null; done; wait $DQ_PID 2>/dev/null
# start with the broker down, then bring it back
stop_redis
start_dq
sleep 4
start_redis
client 8
sleep 5
kill -INT $DQ_PID; wait $DQ_PID 2>/dev/null
stop_redis
wc -l "$LOG"
