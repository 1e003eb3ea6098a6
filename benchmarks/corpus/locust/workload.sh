#!/bin/bash
# Randomised workload for locust: master/workers, local runs, shapes, web UI, failures.
cd "$(dirname "$0")"
D=$PWD
L=$D/run.log
LOC=$D/venv/bin/locust
PY=$D/venv/bin/python
rm -f "$L"
[ -x $LOC ] || { python3 -m venv $D/venv && $D/venv/bin/pip install -q locust; }   # PyPI package in a venv of this folder
BACK=62001
r() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
COMMON="-f $D/locustfile.py --loglevel DEBUG --logfile $L -H http://127.0.0.1:$BACK"
start_backend() { $PY $D/target_server.py $BACK >/dev/null 2>&1 & BPID=$!; echo $BPID >> $D/pids; sleep 0.5; }
stop_backend() { kill $BPID 2>/dev/null; wait $BPID 2>/dev/null; }
run_bg() { $PY $D/sigdfl.py "$@" >/dev/null 2>&1 & echo $! >> $D/pids; LAST=$!; }
# wait until the log shows N more lines matching a pattern (at most T seconds)
waitlog() { local n0=$(grep -c "$1" "$L" 2>/dev/null); for i in $(seq $(( $3 * 2 ))); do [ $(( $(grep -c "$1" "$L") - n0 )) -ge $2 ] && return; sleep 0.5; done; }
: > $D/pids
start_backend

# 1. distributed: master + 2 workers, normal run
MP=$(pick 62010 62011 62012)
run_bg $LOC $COMMON --master --master-bind-host 127.0.0.1 --master-bind-port $MP --headless -u $(r 3 6) -r $(r 1 3) -t $(r 8 12)s --expect-workers 2 --expect-workers-max-wait 40 --exclude-tags rare; M=$LAST
sleep 0.5
run_bg $LOC $COMMON --worker --master-host 127.0.0.1 --master-port $MP; W1=$LAST
run_bg $LOC $COMMON --worker --master-host 127.0.0.1 --master-port $MP; W2=$LAST
wait $M; wait $W1 $W2

# 2. worker started before its master (connect retries), then master appears
MP=$(pick 62013 62014)
run_bg $LOC $COMMON --worker --master-host 127.0.0.1 --master-port $MP; W1=$LAST
sleep $(r 6 11)
run_bg $LOC $COMMON --master --master-bind-host 127.0.0.1 --master-bind-port $MP --headless -u $(r 2 4) -r $(r 2 5) -t $(r 14 18)s --expect-workers 1 --expect-workers-max-wait 40 --stop-timeout 2; M=$LAST
waitlog 'Sending spawn jobs' 1 30
# a late worker joins a running test, and one worker leaves gracefully
run_bg $LOC $COMMON --worker --master-host 127.0.0.1 --master-port $MP; W2=$LAST
waitlog 'reported as ready' 1 20
sleep $(r 1 3)
kill -INT $W1
# backend dies for a while
sleep 1; stop_backend; sleep $(r 2 3); start_backend
wait $M; wait $W1 $W2 2>/dev/null

# 3. a worker that is killed hard: master notices missing heartbeats
MP=62015
run_bg $LOC $COMMON --master --master-bind-host 127.0.0.1 --master-bind-port $MP --headless -u $(r 2 4) -r 5 -t 20s --expect-workers 2 --expect-workers-max-wait 40 --exclude-tags rare; M=$LAST
sleep 0.5
run_bg $LOC $COMMON --worker --master-host 127.0.0.1 --master-port $MP; W1=$LAST
run_bg $LOC $COMMON --worker --master-host 127.0.0.1 --master-port $MP; W2=$LAST
waitlog 'Sending spawn jobs' 1 40
sleep $(r 2 4)
kill -9 $(pick $W1 $W2)
sleep 6
kill -9 $W1 $W2 2>/dev/null
wait $M; wait $W1 $W2 2>/dev/null

# 4. master that gives up waiting for workers
run_bg $LOC $COMMON --master --master-bind-host 127.0.0.1 --master-bind-port 62016 --headless -u 2 -r 1 -t 5s --expect-workers 3 --expect-workers-max-wait $(r 6 8); M=$LAST
sleep 0.5
run_bg $LOC $COMMON --worker --master-host 127.0.0.1 --master-port 62016; W1=$LAST
wait $M; sleep 1; kill -INT $W1 2>/dev/null; sleep 5; kill -TERM $W1 2>/dev/null; wait $W1

# 5. bad command lines
$LOC $COMMON --headless -u 1 -t 2s NoSuchUser$(r 1 9) >/dev/null 2>&1
$LOC $COMMON --master --worker --headless >/dev/null 2>&1
$LOC $COMMON --master --expect-workers 0 --headless --master-bind-port 62017 >/dev/null 2>&1
$LOC $COMMON --headless -u 1 -t 1s --config-users '[{"user_class_name": "Nobody", "fixed_count": 1}]' >/dev/null 2>&1
run_bg $LOC $COMMON --master --master-bind-host 127.0.0.1 --master-bind-port 62018 --headless -u 1 -t 6s --expect-workers-max-wait 20; M=$LAST
waitlog 'Waiting for workers' 1 20
$LOC $COMMON --master --master-bind-host 127.0.0.1 --master-bind-port 62018 --headless -u 1 -t 2s >/dev/null 2>&1
kill -TERM $M; wait $M

# 6. local runs: --processes, a shape, reset-stats, a very high spawn rate, SIGTERM
$LOC $COMMON --headless --processes 2 -u $(r 2 4) -r 2 -t $(r 5 7)s --exclude-tags rare >/dev/null 2>&1
$LOC -f $D/shapefile.py --loglevel DEBUG --logfile $L -H http://127.0.0.1:$BACK --headless $(pick "" "-u 5") >/dev/null 2>&1
$LOC $COMMON --headless -u $(r 101 106) -r 200 -t 3s --reset-stats WebUser ApiUser --stop-timeout 1 >/dev/null 2>&1
run_bg $LOC $COMMON --headless -u $(r 2 3) -r 1 -t 30s -T rare; M=$LAST
waitlog 'All users spawned' 1 30; sleep $(r 2 4); kill -TERM $M; wait $M

# 7. web UI: API calls good and bad, then an autostart/autoquit run
WP=62020
C="curl -s -o /dev/null -m 5"
waitweb() { for i in $(seq 40); do curl -s -o /dev/null -m 1 http://127.0.0.1:$WP/ && return; sleep 0.5; done; }
run_bg $LOC $COMMON --web-host 127.0.0.1 --web-port $WP; M=$LAST
waitweb
for i in $(seq $(r 6 9)); do
  case $(r 0 9) in
    0) $C -X POST -d "user_count=abc&spawn_rate=1" http://127.0.0.1:$WP/swarm ;;
    1) $C -X POST -d "user_count=3&spawn_rate=x" http://127.0.0.1:$WP/swarm ;;
    2) $C -X POST -d "user_count=3&spawn_rate=2&run_time=forever" http://127.0.0.1:$WP/swarm ;;
    3) $C -X POST -d "host=http://127.0.0.1:$BACK" http://127.0.0.1:$WP/swarm ;;
    4) $C http://127.0.0.1:$WP/no/such/page ;;
    5) $C -X POST http://127.0.0.1:$WP/stats/reset ;;
    6) $C -X POST -d "user_count=$(r 1 4)&spawn_rate=2&host=http://127.0.0.1:$BACK" http://127.0.0.1:$WP/swarm; sleep 2 ;;
    7) timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$WP; printf 'GARBAGE\\r\\n\\r\\n' >&3; cat <&3" >/dev/null 2>&1 ;;
    8) $C -X POST http://127.0.0.1:$WP/stop ;;
    9) $C -X POST -d "user_count=$(r 1 3)&spawn_rate=1&run_time=$(r 3 5)s" http://127.0.0.1:$WP/swarm; sleep 1 ;;
  esac
  sleep 0.5
done
$C -X POST http://127.0.0.1:$WP/stop
kill -TERM $M; wait $M
run_bg $LOC $COMMON --web-host 127.0.0.1 --web-port $WP --autostart --autoquit 2 -u 2 -r 2 -t 6s; M=$LAST
wait $M

# 8. final distributed run ended by SIGTERM on the master
MP=62019
run_bg $LOC $COMMON --master --master-bind-host 127.0.0.1 --master-bind-port $MP --headless -u $(r 2 5) -r 2 --expect-workers 2 --expect-workers-max-wait 40; M=$LAST
sleep 0.5
run_bg $LOC $COMMON --worker --master-host 127.0.0.1 --master-port $MP; W1=$LAST
run_bg $LOC $COMMON --worker --master-host 127.0.0.1 --master-port $MP; W2=$LAST
waitlog 'Sending spawn jobs' 1 40
sleep $(r 4 8)
kill -TERM $M; wait $M; wait $W1 $W2

stop_backend
head -n 2500 "$L" > $D/locust.log
wc -l "$L" $D/locust.log
