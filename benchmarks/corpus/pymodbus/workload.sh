#!/bin/bash
# Randomised workload for a pymodbus server (server.py) driven by pymodbus clients (client.py).
cd "$(dirname "$0")"
D=$PWD; PY=$D/venv/bin/python; LOG=$D/pymodbus.log; BASE=61000
[ -x "$PY" ] || { python3 -m venv venv && venv/bin/pip install -q pymodbus==3.16.1; }
rm -f "$LOG"; : > pids.txt
start() { $PY server.py "$LOG" $BASE new 2>>server.stderr & SRV=$!; echo $SRV >> pids.txt; sleep 1.2; }
clients() { local n=$1 k; for k in $(seq 1 $n); do $PY client.py $BASE $((RANDOM % 8 + 5)) 2>>client.stderr & echo $! >> pids.txt; CL+=" $!"; done; }
waitcl() { for p in $CL; do wait $p 2>/dev/null; done; CL=""; }
start
clients $((RANDOM % 3 + 2)); waitcl
# second instance on the same ports: fails to listen
$PY server.py "$LOG" $BASE new 2>>server.stderr & DUP=$!; echo $DUP >> pids.txt; sleep 2; kill -TERM $DUP 2>/dev/null; wait $DUP 2>/dev/null
clients $((RANDOM % 3 + 1)); sleep $((RANDOM % 3 + 1))
# server dies abruptly while clients work
kill -KILL $SRV; wait $SRV 2>/dev/null; waitcl
start
clients $((RANDOM % 3 + 2)); waitcl
# graceful restart
kill -TERM $SRV; wait $SRV 2>/dev/null
start
clients $((RANDOM % 4 + 2)); sleep 2
kill -TERM $SRV; wait $SRV 2>/dev/null; waitcl
start
clients $((RANDOM % 3 + 1)); waitcl
kill -TERM $SRV; wait $SRV 2>/dev/null
