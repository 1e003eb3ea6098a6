#!/bin/bash
# Randomised workload for circusd 0.19 (debug log written to run/circus.log).
# Ports: 47201 endpoint, 47202 pubsub, 47211 echo socket, 47220 watchdog UDP. All files stay in this folder.
cd "$(dirname "$0")"
D=$PWD; R=$D/run; PY=$D/venv/bin/python
[ -x "$PY" ] || { python3 -m venv venv && venv/bin/pip install -q circus==0.19.0; }
ROUNDS=${ROUNDS:-100}
rm -rf "$R"; mkdir -p "$R"
mkini() { sed "s#@RUN@#$R#g; s#@PY@#$PY#g; s#@DIR@#$D#g" circus.ini.in > "$R/circus.ini"; }
mkini
ctl() { timeout 20 "$D/venv/bin/circusctl" --endpoint tcp://127.0.0.1:47201 --timeout 10 "$@" >> "$R/ctl.out" 2>&1; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
start_circusd() {
  (cd "$R" && PYTHONPATH=$D exec "$D/venv/bin/circusd" circus.ini >> "$R/circusd.out" 2>&1) &
  CPID=$!; echo "$CPID" >> "$R/pids"; sleep 4
}
W() { pick worker hb crasher echo hooked oneshot ghost; }

echo_clients() {
  local i n=$((1 + RANDOM % 6))
  for ((i = 0; i < n; i++)); do
    timeout 3 $PY -c "import socket;s=socket.create_connection(('127.0.0.1',47211),timeout=2);s.sendall(b'hello $i');print(s.recv(64))" >/dev/null 2>&1
  done
}

reload_config() {
  # change the ini: add / drop a watcher, change process counts, then reloadconfig
  if grep -q "watcher:extra" "$R/circus.ini"; then
    mkini
  else
    printf '\n[watcher:extra]\ncmd = %s %s/worker.py\nnumprocesses = %d\n' "$PY" "$D" $((1 + RANDOM % 3)) >> "$R/circus.ini"
    sed -i "0,/^numprocesses = 2/s//numprocesses = $((1 + RANDOM % 4))/" "$R/circus.ini"
    [ $((RANDOM % 2)) = 0 ] && sed -i '/^\[watcher:oneshot\]/,/^$/d' "$R/circus.ini"
  fi
  ctl reloadconfig
}

start_circusd
for ((round = 0; round < ROUNDS; round++)); do
  case $((RANDOM % 30)) in
    0|1) ctl status ;;
    2) ctl list "$(W)" ;;
    3) ctl start "$(W)" ;;
    4) ctl stop "$(W)" ;;
    5) ctl restart "$(W)" ;;
    6) ctl incr "$(pick worker hb echo crasher)" $((1 + RANDOM % 2)) ;;
    7) ctl decr "$(pick worker hb echo crasher)" ;;
    8) ctl add "dyn$((RANDOM % 3))" "$PY $D/worker.py" $(pick --start "") ;;
    9) ctl rm "dyn$((RANDOM % 3))" ;;
    10) ctl reload "$(pick worker hb echo '')" ;;
    11) reload_config ;;
    12) ctl signal "$(pick worker hb hooked)" "$(pick HUP USR1 TERM)" ;;
    13) ctl "$(pick frobnicate 'start nosuchwatcher' 'stop nosuch' 'incr nosuch' 'set worker nosuchopt 1' 'signal worker NOSIG' 'rm nosuch' 'dstats' 'stats' 'listen' 'get nosuch numprocesses' 'add worker /bin/true' 'decr' 'reload nosuch')" ;;
    14) ctl set "$(pick worker hb)" "$(pick numprocesses graceful_timeout max_retry)" $((1 + RANDOM % 3)) ;;
    15) ctl get "$(pick worker hb crasher)" numprocesses cmd max_retry ;;
    16) ctl options "$(W)"; ctl globaloptions ;;
    17) ctl numwatchers; ctl numprocesses; ctl listsockets ;;
    18) echo_clients ;;
    19) p=$(timeout 10 "$D/venv/bin/circusctl" --endpoint tcp://127.0.0.1:47201 list "$(pick worker hb echo)" 2>/dev/null | tr ',' '\n' | head -1 | tr -dc 0-9); [ -n "$p" ] && kill -9 "$p" ;;
    20) kill -HUP "$CPID" ;;
    21) ctl start crasher ;;
    22) ctl kill "$(pick worker hb crasher)" ;;
    23) ctl stop; sleep 1; ctl start ;;
    24) ctl quit; wait "$CPID"; sleep 1; start_circusd ;;
    25) timeout 5 "$D/venv/bin/circusctl" --endpoint tcp://127.0.0.1:47299 --timeout 2 status >> "$R/ctl.out" 2>&1 ;;
    26) ctl restart "$(W)"; ctl status ;;
    27) ctl start ghost ;;
    28) ctl stop "plugin:$(pick flapping watchdog)"; sleep 1; ctl start "plugin:$(pick flapping watchdog)" ;;
    29) ctl set crasher numprocesses $((1 + RANDOM % 4)); ctl start crasher ;;
  esac
  sleep 0.$((RANDOM % 9))
done
ctl quit
wait "$CPID"
