#!/bin/bash
# Randomised workload for Sidekiq 6.4.1 with a private Redis on 127.0.0.1:25379.
# Log: sidekiq.log (Sidekiq's stdout+stderr, run with -v).
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round31-r31f/sidekiq
LOG=$HERE/sidekiq.log
PORT=25379
export REDIS_URL=redis://127.0.0.1:$PORT/0
mkdir -p $RUN
cd $HERE
R() { echo $(( RANDOM % $1 )); }

start_redis() {
  local policy=noeviction
  [ $(R 4) = 0 ] && policy=allkeys-lru
  redis-server --port $PORT --bind 127.0.0.1 --dir $RUN --save "" --appendonly no \
    --maxmemory-policy $policy --logfile $RUN/redis.log --daemonize no &
  echo $! > $RUN/redis.pid
  sleep 0.5
}
stop_redis() { kill $(cat $RUN/redis.pid) 2>/dev/null; wait $(cat $RUN/redis.pid) 2>/dev/null; }

start_sidekiq() {
  sidekiq -v -e production -r ./app.rb -C ./config.yml "$@" >>$LOG 2>&1 &
  echo $! > $RUN/sidekiq.pid
  sleep 3
}
stop_sidekiq() {
  local pid=$(cat $RUN/sidekiq.pid)
  kill -${1:-TERM} $pid 2>/dev/null
  for i in $(seq 1 60); do kill -0 $pid 2>/dev/null || break; sleep 0.2; done
  kill -KILL $pid 2>/dev/null; wait $pid 2>/dev/null
}

: > $LOG
start_redis
# bad invocations first (each exits)
timeout 6 sidekiq -L $RUN/x.log -r ./app.rb -C ./config.yml >>$LOG 2>&1
sidekiq -r ./nonexistent_app.rb >>$LOG 2>&1
REDIS_URL=redis://127.0.0.1:25378/0 timeout 20 sidekiq -e production -r ./app.rb -C ./config.yml >>$LOG 2>&1
start_sidekiq

ROUNDS=${ROUNDS:-26}
for round in $(seq 1 $ROUNDS); do
  ruby enqueue.rb $(( 3 + $(R 18) ))
  sleep $(( 1 + $(R 4) ))
  case $(R 12) in
    0) kill -TTIN $(cat $RUN/sidekiq.pid); sleep 1 ;;
    1|2) kill -TSTP $(cat $RUN/sidekiq.pid); sleep 2; ruby -r ./app.rb -e 'SlowJob.perform_async(1)'; stop_sidekiq TERM; start_sidekiq ;;
    3|4) # Redis goes away for a while
       stop_redis; sleep $(( 3 + $(R 6) )); start_redis; sleep 3 ;;
    5) stop_sidekiq KILL; start_sidekiq ;;
    6|7) # restart with busy slow jobs -> hard shutdown
       ruby -r ./app.rb -e '6.times { SlowJob.set(queue: "default").perform_async(8 + rand(5)) }'; sleep 1.5
       stop_sidekiq TERM; start_sidekiq ;;
    8) stop_sidekiq INT; start_sidekiq -c $(( 2 + $(R 5) )) ;;
    *) : ;;
  esac
  # retries need time to come due
  sleep $(( 1 + $(R 6) ))
done
sleep 25   # let first retries fire
ruby enqueue.rb 15
sleep 5
stop_sidekiq TERM
stop_redis
