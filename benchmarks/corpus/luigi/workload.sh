#!/bin/bash
# Randomised workload: luigid central scheduler + luigi workers; the workers' log (DEBUG) is luigi.log.
# Needs ./venv with luigi 3.8.1 from PyPI: python3 -m venv venv && venv/bin/pip install luigi==3.8.1
cd "$(dirname "$0")"
D=$PWD
PORT=60500
PY=$D/venv/bin/python
LUIGI=$D/venv/bin/luigi
LUIGID=$D/venv/bin/luigid
rm -rf data run luigi.log; mkdir -p data run
: > luigi.log

cat > run/logging.conf <<EOC
[loggers]
keys=root
[handlers]
keys=file
[formatters]
keys=plain
[logger_root]
level=DEBUG
handlers=file
[handler_file]
class=FileHandler
level=DEBUG
formatter=plain
args=('$D/luigi.log', 'a')
[formatter_plain]
format=%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s
EOC

write_cfg() {  # $1 = email format
cat > run/luigi.cfg <<EOC
[core]
default_scheduler_host=127.0.0.1
default_scheduler_port=$PORT
logging_conf_file=$D/run/logging.conf
rpc_retry_attempts=8
rpc_retry_wait=1
no_lock=False
lock_pid_dir=$D/run/locks
[worker]
wait_interval=0.3
keep_alive=False
ping_interval=0.5
retry_external_tasks=False
check_unfulfilled_deps=True
[scheduler]
state_path=$D/run/luigi-state.pickle
retry_delay=1
remove_delay=5
worker_disconnect_delay=3
[email]
receiver=ops@example.invalid
format=$1
force_send=True
[smtp]
host=127.0.0.1
port=60509
timeout=2
EOC
}
cat > run/luigid.cfg <<EOC
[scheduler]
state_path=$D/run/luigi-state.pickle
retry_delay=1
remove_delay=5
worker_disconnect_delay=3
EOC
export LUIGI_CONFIG_PATH=$D/run/luigi.cfg
export PYTHONPATH=$D
write_cfg plain

SCHED_PID=
start_sched() {
  LUIGI_CONFIG_PATH=$D/run/luigid.cfg $LUIGID --port $PORT --address 127.0.0.1 --pidfile $D/run/luigid.pid --state-path $D/run/luigi-state.pickle >> run/luigid.out 2>&1 &
  SCHED_PID=$!; echo $SCHED_PID >> run/pids
  sleep 1.5
}
stop_sched() { [ -n "$SCHED_PID" ] && kill $SCHED_PID 2>/dev/null; wait $SCHED_PID 2>/dev/null; SCHED_PID=; }

W() { $LUIGI --module tasks "$@" >> run/workers.out 2>&1; }
R() { echo $((RANDOM % $1)); }
TAG() { echo "t$RANDOM"; }

start_sched

for round in $(seq 1 5); do
  t=$(TAG)
  # several clients at once, sharing some tasks
  W Agg --n $((2 + $(R 5))) --tag $t --workers $((1 + $(R 3))) & P1=$!
  W Agg --n $((2 + $(R 5))) --tag $t & P2=$!
  W Dyn --tag $t --workers 2 & P3=$!
  wait $P1 $P2 $P3
  case $(R 4) in
    0) W Flaky --tag $(TAG) --p 0.7 --workers 2 ;;
    1) W Wrapper --tag $(TAG) --workers 2 ;;
    2) W NeedsMissing --tag $(TAG) ;;
    3) W Crash --tag $(TAG) --workers 3 ;;
  esac
  # already done: rerun the same aggregation
  W Agg --n 2 --tag $t
  # task limit
  [ $(R 2) = 0 ] && W Agg --n 6 --tag $(TAG) --worker-task-limit 3
  # external program ok / failing
  W Cmd --tag $(TAG) --code $((RANDOM % 3 == 0 ? 2 : 0))
  # timeouts and crashes need separate processes
  [ $(R 2) = 0 ] && W Slow --tag $(TAG) --secs 3 --workers 2
  [ $(R 2) = 0 ] && W Crash --tag $(TAG) --workers 2
  [ $(R 3) = 0 ] && W Wrapper --tag $(TAG) --workers 2
  # scheduler messages to a running task
  if [ $(R 2) = 0 ]; then
    t2=$(TAG)
    W Listen --tag $t2 --workers 2 &
    LP=$!
    $PY ctl.py http://127.0.0.1:$PORT message >> run/ctl.out 2>&1
    wait $LP
  fi
  # email format switch
  if [ $(R 2) = 0 ]; then write_cfg none; else write_cfg plain; fi
  # the same job twice at once (pid lock)
  t3=$(TAG)
  W Slow --tag $t3 --secs 0.5 & P1=$!
  W Slow --tag $t3 --secs 0.5 & P2=$!
  wait $P1 $P2
  $PY ctl.py http://127.0.0.1:$PORT garbage >> run/ctl.out 2>&1
  # scheduler dies while workers run, then restart
  if [ $(R 3) = 0 ]; then
    W Agg --n 5 --tag $(TAG) &
    WP=$!
    sleep 0.8; stop_sched; sleep 2; start_sched
    wait $WP
  fi
done
W Agg --n 3 --tag final --local-scheduler
stop_sched
rm -rf data
