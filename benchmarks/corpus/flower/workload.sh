#!/bin/bash
# Randomised workload for Flower (`celery flower --logging=debug`) in network namespace r38a, with a
# private redis-server (port 46200) and a Celery worker running tasks.py. Flower's output: $R/flower.out
set -m
R=/tmp/round38-r38a
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data XDG_CACHE_HOME=$R/xdg/cache XDG_STATE_HOME=$R/xdg/state XDG_RUNTIME_DIR=$R/xdg/runtime
NS="ip netns exec r38a"
HERE=$(cd "$(dirname "$0")" && pwd); cd $HERE
C=$R/venv_flower/bin/celery; U=http://127.0.0.1:46201; OUT=$R/flower.out
ROUNDS=${ROUNDS:-25}
ip netns list | grep -qw r38a || { ip netns add r38a; ip netns exec r38a ip link set lo up; }   # private namespace, loopback only
[ -x $C ] || { python3 -m venv $R/venv_flower && $R/venv_flower/bin/pip install flower celery redis packaging; }   # one-time setup
r() { echo $(( RANDOM % $1 )); }
redis_start() { mkdir -p $R/redis; $NS redis-server --port 46200 --bind 127.0.0.1 --dir $R/redis --save "" --appendonly no >> $R/redis.out 2>&1 & echo $! > $R/redis.pid; sleep 1; }
worker_start() { $NS $C -A tasks worker -E -c 2 -n w1@r38a --loglevel=INFO >> $R/worker.out 2>&1 & echo $! > $R/worker.pid; sleep 3; }
flower_start() { $NS $C -A tasks flower --port=46201 --address=127.0.0.1 --logging=debug --basic-auth=admin:secret >> $OUT 2>&1 & echo $! > $R/flower.pid; sleep 5; }
stopp() { pid=$(cat $R/$1.pid); kill -${2:-TERM} $pid 2>/dev/null; for i in $(seq 10); do kill -0 $pid 2>/dev/null || return; sleep 1; done; kill -KILL $pid 2>/dev/null; }
c() { $NS curl -s -m 10 -o /dev/null "$@"; }
a() { $NS curl -s -m 10 -u admin:secret "$@"; }
redis_start; worker_start; flower_start
ids=()
for round in $(seq $ROUNDS); do
  for i in $(seq $((2 + $(r 8)))); do
    case $(r 10) in
      0|1|2) id=$(a -X POST -H 'Content-Type: application/json' -d "{\"args\":[$(r 100),$(r 100)]}" $U/api/task/async-apply/tasks.add | sed -n 's/.*"task-id": *"\([^"]*\)".*/\1/p'); ids+=($id) ;;
      3) a -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"args":["boom"]}' $U/api/task/async-apply/tasks.fail ;;
      4) a -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"args":[0.7]}' $U/api/task/async-apply/tasks.flaky ;;
      5) a -o /dev/null -m 5 -X POST -H 'Content-Type: application/json' -d "{\"args\":[$(r 3)]}" $U/api/task/apply/tasks.sleepy ;;
      6) a -o /dev/null -X POST -d '{"args":[1,2]}' $U/api/task/send-task/tasks.add ;;
      7) a -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"args":[1,' $U/api/task/async-apply/tasks.add ;;
      8) a -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' $U/api/task/async-apply/tasks.nosuch ;;
      9) a -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"args":[5],"countdown":1}' $U/api/task/async-apply/tasks.sleepy ;;
    esac
  done
  for i in $(seq $((1 + $(r 6)))); do
    id=${ids[$(r $(( ${#ids[@]} + 1 )))]:-00000000-dead-beef-0000-000000000000}
    case $(r 14) in
      0) a -o /dev/null $U/api/workers ;; 1) a -o /dev/null "$U/api/tasks?limit=$(r 20)" ;; 2) a -o /dev/null $U/api/task/info/$id ;;
      3) a -o /dev/null $U/api/task/result/$id ;; 4) a -o /dev/null -X POST $U/api/task/revoke/$id ;; 5) a -o /dev/null $U/api/queues/length ;;
      6) a -o /dev/null $U/dashboard ;; 7) c $U/healthcheck ;; 8) c $U/metrics ;; 9) a -o /dev/null $U/api/task/types ;;
      10) a -o /dev/null -X POST -d 'n=1' $U/api/worker/pool/grow/w1@r38a ;; 11) a -o /dev/null -X POST -d 'n=1' $U/api/worker/pool/shrink/nosuch@x ;;
      12) a -o /dev/null -X POST -d 'ratelimit=10/m' $U/api/task/rate-limit/tasks.add ;; 13) a -o /dev/null -X POST -d 'soft=2&hard=5' $U/api/task/timeout/tasks.sleepy ;;
    esac
  done
  case $(r 6) in 0) c -u admin:wrong $U/api/workers ;; 1) c $U/api/tasks ;; 2) a -o /dev/null $U/nosuchpage ;; 3) a -o /dev/null $U/task/nosuch-id ;; esac
  case $(r 14) in
    0) stopp worker TERM; sleep 2; a -o /dev/null $U/api/workers; worker_start ;;
    1) stopp redis TERM; sleep 4; a -o /dev/null $U/api/workers; a -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"args":[1,1]}' $U/api/task/async-apply/tasks.add; sleep 3; redis_start; sleep 3 ;;
    2) stopp flower INT; flower_start ;;
    3) stopp flower TERM; flower_start ;;
    4) a -o /dev/null -X POST $U/api/worker/shutdown/w1@r38a; sleep 3; stopp worker TERM; worker_start ;;
  esac
  sleep $(r 3)
done
stopp flower INT; stopp worker TERM; stopp redis TERM
