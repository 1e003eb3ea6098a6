#!/bin/bash
# Randomised workload for WsgiDAV (cheroot) on 127.0.0.1:31080; log -> wsgidav.raw.log
cd "$(dirname "$0")"
D=$PWD
R=$D/run
LOG=$D/wsgidav.raw.log
PY=$D/venv/bin/python
rm -rf "$R"
for s in share ro pub; do for d in docs tmp music Projects; do mkdir -p "$R/$s/$d"; done; done
for s in share ro pub; do for f in notes.txt todo.txt data.xml; do
  for d in "" docs/ tmp/ music/ Projects/; do
    ((RANDOM % 2)) && head -c $((RANDOM % 3000)) /dev/urandom | base64 > "$R/$s/$d$f"
  done; done; done
echo "read only file" > "$R/ro/readme.txt"; mkdir -p "$R/ro/sub"; echo "x" > "$R/ro/sub/a.txt"
echo "hello" > "$R/share/docs/notes.txt"
ln -s /etc/hostname "$R/share/docs/link.txt"
mkfifo "$R/share/docs/fifo" 2>/dev/null
sed "s#@ROOT@#$R#g" wsgidav.yaml.in > "$R/wsgidav.yaml"
: > "$LOG"

start() {   # start server; SIGINT restored so that Ctrl-C handling runs
  "$PY" -c 'import os,signal,sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
    "$D/venv/bin/wsgidav" --config "$R/wsgidav.yaml" "$@" >> "$LOG" 2>&1 &
  echo $! > "$R/dav.pid"
  for i in $(seq 50); do curl -s -o /dev/null http://127.0.0.1:31080/pub/ && break; sleep 0.2; done
}
stop() {
  kill -INT "$(cat "$R/dav.pid")" 2>/dev/null
  for i in $(seq 50); do kill -0 "$(cat "$R/dav.pid")" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$(cat "$R/dav.pid")" 2>/dev/null
}
clients() {  # n parallel clients with m ops each
  local pids=()
  for c in $(seq "$1"); do "$PY" "$D/dav_client.py" "$2" & pids+=($!); done
  wait "${pids[@]}"
}

start
clients $((2 + RANDOM % 3)) $((40 + RANDOM % 30))
sleep $((RANDOM % 3))
clients $((2 + RANDOM % 2)) $((30 + RANDOM % 30))
stop
# restart (lock and property storage are in memory: locks gone)
start
clients $((2 + RANDOM % 3)) $((40 + RANDOM % 30))
sleep 2
clients 2 $((20 + RANDOM % 20))
stop
