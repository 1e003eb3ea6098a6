#!/bin/bash
# Randomised RQ workload: redis-server, several workers (with scheduler), a worker pool, rq cron,
# clients enqueueing many kinds of jobs, worker commands, suspend/resume, redis restart, signals.
F=/work/round29/rq
R=$F/run
cd $F
rm -rf $R; mkdir -p $R
LOG=$R/rq_full.log; : > $LOG
export PYTHONUNBUFFERED=1 PYTHONPATH=$F
RQ=$F/venv/bin/rq; PY=$F/venv/bin/python
URL=redis://127.0.0.1:28379/0
pick() { local a=("$@"); echo ${a[$((RANDOM % ${#a[@]}))]}; }

start_redis() { redis-server --port 28379 --bind 127.0.0.1 --dir $R --save '' --appendonly no --daemonize no --logfile $R/redis.log & echo $! > $R/redis.pid; sleep 1; }
stop_redis() { kill $(cat $R/redis.pid); sleep 1; }
# start_worker NAME [extra args...]: appends stdout+stderr to the log
start_worker() { local n=$1; shift; local wn="$n-$RANDOM"; [ "$n" = wdup ] && { wn=$(cat $R/w1.name); }; echo $wn > $R/$n.name; bash -c "echo \$\$ > $R/$n.pid; exec $RQ worker -v -u $URL -n $wn $* >> $LOG 2>&1" & sleep 1; }
wait_exit() { local p=$(cat $R/$1.pid); for i in $(seq 1 40); do kill -0 $p 2>/dev/null || return 0; sleep 0.5; done; kill -9 $p 2>/dev/null; }
sig() { kill -$2 $(cat $R/$1.pid) 2>/dev/null; }
jobs_() { $PY $F/client.py jobs $1 >> $R/client.out 2>&1; }
cmd() { $PY $F/client.py cmd $1 >> $R/client.out 2>&1; }

start_redis
$PY $F/webhook_server.py & echo $! > $R/webhook.pid
start_worker w1 --with-scheduler high default low
sleep 2
start_worker w2 --with-scheduler -ds $(pick round_robin random default) default low high
bash -c "echo \$\$ > $R/cron.pid; exec $RQ cron -u $URL --logging-level DEBUG $F/cron_config.py >> $LOG 2>&1" &
sleep 2
jobs_ 4; sleep 4

ACTS=(dup badopt jobs jobs stop stop killhorse shutdown suspend burst maxjobs idle pool term int kill9 redis info empty requeue cronrestart jobs)
ORDER=$(printf '%s\n' "${ACTS[@]}" | shuf)
for a in $ORDER; do
  echo "$(date +%T) $a" >> $R/actions.txt
  case $a in
    jobs) jobs_ $((RANDOM % 4 + 2)); sleep $((RANDOM % 4 + 2));;
    stop) cmd stop; sleep 3;;
    killhorse) cmd killhorse; sleep 3;;
    shutdown) cmd shutdown; sleep 4; for w in w1 w2; do kill -0 $(cat $R/$w.pid) 2>/dev/null || start_worker $w --with-scheduler default high low; done;;
    suspend) $RQ suspend -u $URL $(pick "" "--duration 8") >> $R/client.out 2>&1; jobs_ 2; start_worker wb$RANDOM -b default; sleep 9; $RQ resume -u $URL >> $R/client.out 2>&1; sleep 4;;
    burst) jobs_ 3; start_worker wburst$RANDOM -b $(pick default low high) ; sleep 8;;
    maxjobs) jobs_ 4; start_worker wmax$RANDOM --max-jobs 3 default low; sleep 8;;
    idle) start_worker widle$RANDOM --max-idle-time 3 $(pick high low); sleep 6;;
    pool) bash -c "echo \$\$ > $R/pool.pid; exec $RQ worker-pool -v -u $URL -n 2 default low >> $LOG 2>&1" & sleep 4; jobs_ 3; sleep 5
          p=$(pgrep -P $(cat $R/pool.pid) | head -1); [ -n "$p" ] && kill -9 $p; sleep 4; kids=$(pgrep -P $(cat $R/pool.pid)); sig pool TERM; sleep 6; [ -n "$kids" ] && kill $kids 2>/dev/null;;
    term) jobs_ 2; sig w2 TERM; sleep 1; wait_exit w2; start_worker w2 --with-scheduler low default high;;
    int) $PY -c "
import sys; sys.path.insert(0,'$F')
from redis import Redis; from rq import Queue; import tasks
Queue('default', connection=Redis(port=28379)).enqueue(tasks.slow, 6)" ; sleep 2; sig w1 INT; sleep 0.3; sig w1 INT; sleep 1; wait_exit w1; start_worker w1 --with-scheduler high default low;;
    kill9) $PY -c "
import sys; sys.path.insert(0,'$F')
from redis import Redis; from rq import Queue; import tasks
Queue('high', connection=Redis(port=28379)).enqueue(tasks.slow, 10)"; sleep 2; sig w1 KILL; sleep 1; wait_exit w1; start_worker w1 --with-scheduler high default low --maintenance-interval 5; sleep 8;;
    redis) stop_redis; sleep 2; start_worker wdown default; sleep $((RANDOM % 4 + 2)); start_redis; sleep 6; jobs_ 2;;
    dup) start_worker wdup default; sleep 2;;
    badopt) start_worker wbad -ds bogus default; sleep 1;;
    info) $RQ info -u $URL >> $R/client.out 2>&1; $RQ enqueue -u $URL -q default tasks.add 3 4 >> $R/client.out 2>&1; $RQ enqueue -u $URL tasks.hello "x" >> $R/client.out 2>&1; $RQ enqueue -u $URL tasks.hello ":bad:{" >> $R/client.out 2>&1;;
    empty) $RQ empty -u $URL low >> $R/client.out 2>&1; jobs_ 2;;
    requeue) $RQ requeue -u $URL --all -q default >> $R/client.out 2>&1; $RQ requeue -u $URL --all -q low >> $R/client.out 2>&1; sleep 4;;
    cronrestart) sig cron TERM; sleep 2; bash -c "echo \$\$ > $R/cron.pid; exec $RQ cron -u $URL --logging-level DEBUG $F/cron_config.py >> $LOG 2>&1" & sleep 3;;
  esac
  [ $(wc -l < $LOG) -gt 2300 ] && break
done
sleep 5
# shutdown: warm stop everything
sig cron INT; sig w2 TERM; sig w1 TERM
sleep 6
for p in $R/*.pid; do kill $(cat $p) 2>/dev/null; done
sleep 1
head -n 2500 $LOG > $F/rq.log
wc -l $LOG
