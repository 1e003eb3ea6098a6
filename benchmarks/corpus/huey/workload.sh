#!/bin/bash
# Randomised workload for the huey consumer (SQLite storage, 4 process workers, debug log).
set -u
D=/work/round30/huey
cd "$D"
PY=$D/venv/bin/python
CONSUMER=$D/venv/bin/huey_consumer
rm -rf "$D/run" "$D/huey.log"
mkdir -p "$D/run"
export PYTHONPATH=$D

start() {
  $CONSUMER tasks.huey -k process -w 4 -v -l "$D/huey.log" -f -M $((40 + RANDOM % 30)) -c 3 -t 1 \
      >>"$D/run/consumer.out" 2>&1 &
  echo $! > "$D/run/consumer.pid"
  sleep 1.5
}
cpid() { cat "$D/run/consumer.pid"; }
producers() {
  local pids=""
  for i in $(seq 1 "$1"); do
    $PY "$D/producer.py" $((8 + RANDOM % 12)) &
    pids="$pids $!"
  done
  wait $pids
}

# Tasks enqueued while no consumer runs: some expire before it starts; a stale lock is left behind.
$PY "$D/producer.py" 0 expire
$PY "$D/producer.py" 0 stalelock
sleep 3
start
producers $((2 + RANDOM % 2))
sleep 2
$PY "$D/producer.py" 0 crash          # a worker process dies
sleep 4
# kill one child process of the consumer (scheduler or a worker) outright
kids=$(ps -o pid= --ppid "$(cpid)" | tr -d ' ')
victim=$(echo "$kids" | shuf -n 1)
[ -n "$victim" ] && kill -9 "$victim"
sleep 4
producers 2
kill -HUP "$(cpid)"                     # graceful restart (exec in place)
sleep 3
producers $((1 + RANDOM % 3))
$PY "$D/producer.py" 0 slow
sleep 0.5
kill -INT "$(cpid)"                     # graceful shutdown with tasks in flight
wait "$(cpid)" 2>/dev/null
# second life: run across a minute boundary for periodic tasks
start
end=$((SECONDS + 55 + RANDOM % 20))
while [ $SECONDS -lt $end ]; do
  $PY "$D/producer.py" $((2 + RANDOM % 5))
  sleep $((1 + RANDOM % 3))
done
$PY "$D/producer.py" 0 slow
sleep 0.3
kill -TERM "$(cpid)"                    # immediate shutdown
wait "$(cpid)" 2>/dev/null
rm -rf "$D/run"
