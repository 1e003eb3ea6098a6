#!/bin/bash
# Randomised workload for jupyter_server: token auth, REST clients starting/stopping kernels,
# contents and sessions, bad requests and tokens, a killed kernel, SIGUSR1 info, SIGTERM stop, restart, API shutdown.
# Ports 48200-48299 only.
set -u
HERE=/work/round26/jupyter
RUN=$HERE/run
LOG=$HERE/jupyter.full.log
PORT=$((48200 + RANDOM % 50))
TOKEN=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
rm -rf "$RUN" "$LOG"; mkdir -p "$RUN/root"
export JUPYTER_CONFIG_DIR=$RUN/cfg JUPYTER_DATA_DIR=$RUN/data JUPYTER_RUNTIME_DIR=$RUN/rt IPYTHONDIR=$RUN/ipy
PY=$HERE/venv/bin/python
CL="$PY $HERE/jpclient.py"

start_server() {
    $HERE/venv/bin/jupyter server --debug --allow-root --no-browser --ServerApp.ip=127.0.0.1 \
        --ServerApp.port=$PORT --ServerApp.port_retries=0 --IdentityProvider.token=$TOKEN \
        --ServerApp.root_dir=$RUN/root --ServerApp.shutdown_no_activity_timeout=0 >> "$LOG" 2>&1 &
    SPID=$!
    echo $SPID >> "$RUN/server.pids"
    for i in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/status" && break; sleep 0.2; done
}
wait_gone() { for i in $(seq 100); do kill -0 "$SPID" 2>/dev/null || break; sleep 0.2; done; kill -0 "$SPID" 2>/dev/null && kill -KILL "$SPID"; wait "$SPID" 2>/dev/null; }

start_server
# a second server on the same port fails to bind
$HERE/venv/bin/jupyter server --allow-root --no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port=$PORT \
    --ServerApp.port_retries=0 --ServerApp.root_dir=$RUN/root >> "$LOG" 2>&1
PIDS=()
for c in $(seq 3); do $CL $PORT $TOKEN mix $((3 + RANDOM % 2)) & PIDS+=($!); sleep 0.$((RANDOM % 9)); done
wait "${PIDS[@]}"; PIDS=()
# leave a kernel running, ask for server info (SIGUSR1), then stop with SIGTERM
curl -s -o /dev/null -X POST -H "Authorization: token $TOKEN" -d '{"name":"python3"}' "http://127.0.0.1:$PORT/api/kernels"
sleep 2
kill -USR1 $SPID; sleep 1; kill -TERM $SPID
wait_gone
# restart and run more clients, then shut down through the API
start_server
for c in $(seq 2); do $CL $PORT $TOKEN mix $((2 + RANDOM % 2)) & PIDS+=($!); sleep 0.$((RANDOM % 9)); done
wait "${PIDS[@]}"; PIDS=()
$CL $PORT $TOKEN shutdown
wait_gone
head -n 2500 "$LOG" > "$HERE/jupyter.log"
wc -l "$LOG" "$HERE/jupyter.log"
