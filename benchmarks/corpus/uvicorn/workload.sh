#!/bin/bash
# Randomised workload for uvicorn on 127.0.0.1:15080/15081.
cd "$(dirname "$0")"
D=$PWD; PY=$D/venv/bin/python; UV=$D/venv/bin/uvicorn; LOG=$D/uvicorn.log
P=15080
mkdir -p run; rm -f "$LOG" run/pids
UVP=
start() { "$UV" app:app --host 127.0.0.1 --port $P --log-level trace "$@" >> "$LOG" 2>&1 & UVP=$!; echo $UVP >> run/pids; sleep 2; }
stop() { kill -${1:-TERM} $UVP 2>/dev/null; wait $UVP 2>/dev/null; }
cl() { timeout 60 "$PY" client.py $P "$1" >/dev/null 2>&1; }

# 1: single process, limits
start --limit-concurrency 6 --timeout-keep-alive 2 --timeout-graceful-shutdown 1
cl $((RANDOM%15+20))
CP=""; for i in 1 2 3 4 5 6 7 8; do timeout 30 "$PY" client.py $P 1 >/dev/null 2>&1 & CP="$CP $!"; done; wait $CP
"$PY" -c "import http.client as h; c=h.HTTPConnection('127.0.0.1',$P,timeout=9); c.request('GET','/slow?s=4'); c.getresponse()" >/dev/null 2>&1 &
SP=$!; sleep 1.5; stop TERM; wait $SP
# 2: port already in use, bad app strings, lifespan variants
start
"$UV" app:app --host 127.0.0.1 --port $P --log-level trace >> "$LOG" 2>&1
"$UV" app:nope --host 127.0.0.1 --port 15081 --log-level trace >> "$LOG" 2>&1
"$UV" no_such_module:app --host 127.0.0.1 --port 15081 --log-level trace >> "$LOG" 2>&1
APP_MODE=fail-startup "$UV" app:app --host 127.0.0.1 --port 15081 --log-level trace >> "$LOG" 2>&1
stop INT
APP_MODE=no-lifespan start --ws wsproto --reload-dir /tmp/nonexistent_$RANDOM
cl $((RANDOM%5+5)); stop INT
APP_MODE=no-lifespan start --lifespan on --timeout-graceful-shutdown 1
APP_MODE=fail-shutdown start --limit-max-requests $((RANDOM%10+10))
cl $((RANDOM%10+10)); sleep 1; stop
# 3: reloader
start --reload --reload-dir "$D" --reload-include 'app.py' --workers 2
cl $((RANDOM%10+10))
touch app.py; sleep 2
cl $((RANDOM%8+5))
stop INT
# 4: several workers: HUP, TTIN, TTOU, killed child, max requests
start --workers 2 --limit-max-requests $((RANDOM%20+25)) --timeout-worker-healthcheck 5
sleep 2
cl $((RANDOM%15+15))
kill -HUP $UVP; sleep 5
cl $((RANDOM%10+10))
kill -TTIN $UVP; sleep 3
for i in 1 2 3; do kill -TTOU $UVP; sleep 2; done
C=$(pgrep -P $UVP | tail -1); [ -n "$C" ] && kill -9 $C; sleep 3
cl $((RANDOM%10+10))
stop TERM
wc -l "$LOG"
