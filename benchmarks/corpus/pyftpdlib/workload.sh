#!/bin/bash
# Randomised workload for pyftpdlib (FTP server). Writes pyftpdlib.full.log, keeps head -n 2500 as pyftpdlib.log
cd "$(dirname "$0")"
[ -x venv/bin/python ] || { python3 -m venv venv && venv/bin/pip install -q pyftpdlib==2.2.0 pyopenssl; }
[ -f cert.pem ] || { openssl req -x509 -newkey rsa:2048 -nodes -keyout cert.pem -out cert.crt -days 30 -subj /CN=127.0.0.1 2>/dev/null && cat cert.crt >> cert.pem && rm -f cert.crt; }
PY=./venv/bin/python
PORT=$((59020 + RANDOM % 10))
ROOT=$PWD/ftproot
LOG=$PWD/pyftpdlib.full.log
rm -rf "$ROOT" "$LOG"; mkdir -p "$ROOT"
PIDS=()

start_server() {  # mode tls
  setsid $PY ftpserver.py $PORT "$ROOT" "$1" "$2" cert.pem >>"$LOG" 2>&1 &
  SPID=$!
  echo "$SPID" >> server.pids
  sleep 1.5
}
stop_server() {
  if [ "$1" = prefork ]; then
    for c in $(pgrep -P "$SPID"); do kill -INT "$c"; done
  else
    kill -INT "$SPID"
  fi
  for i in $(seq 1 30); do kill -0 "$SPID" 2>/dev/null || break; sleep 0.3; done
  kill -0 "$SPID" 2>/dev/null && kill -KILL "$SPID"
  wait "$SPID" 2>/dev/null
}
run_clients() {  # tls n_clients n_sessions
  local cp=()
  for i in $(seq 1 "$2"); do
    $PY client.py $PORT "$1" $(( $3 + RANDOM % 4 )) & cp+=($!)
  done
  for p in "${cp[@]}"; do wait "$p"; done
}
idle_client() {
  ( exec 3<>/dev/tcp/127.0.0.1/$PORT; printf 'USER bob\r\nPASS builder2\r\n' >&3; sleep 23; cat <&3 >/dev/null ) &
}

: > server.pids
MODES=(async thread)
start_server async plain
idle_client
run_clients plain 3 5
sleep 1
stop_server async

# a short run of the multi-thread concurrency model
start_server thread plain
run_clients plain 1 1
stop_server thread

start_server async tls
run_clients tls 2 2
stop_server async

start_server prefork plain
run_clients plain 2 2
# kill one worker hard: the master restarts it
c=$(pgrep -P "$SPID" | shuf -n 1); [ -n "$c" ] && kill -KILL "$c"
sleep 1
run_clients plain 2 2
stop_server prefork

M=${MODES[$((RANDOM % 2))]}
start_server "$M" plain
run_clients plain 3 4
stop_server "$M"
wait
head -n 2500 "$LOG" > pyftpdlib.log
wc -l "$LOG" pyftpdlib.log
