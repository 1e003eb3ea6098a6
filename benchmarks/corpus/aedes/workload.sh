#!/bin/bash
# Randomised workload for the aedes MQTT broker (npm aedes-cli). Log: aedes.log (broker stdout+stderr).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round31-r31n/aedes; mkdir -p "$RUN"
AEDES=/tmp/round31-r31n/npm/node_modules/.bin/aedes
PY=/tmp/round31-r31n/venv/bin/python
LOG=$HERE/aedes.log; : > "$LOG"
CREDS=$RUN/creds.json; rm -f "$CREDS"
P=33001; WS=33002
cd "$RUN"
adm() { "$AEDES" --credentials "$CREDS" "$@" >> "$LOG" 2>&1; }
adm adduser alice secret1 --authorize-publish 'sensors/#' --authorize-subscribe '#'
adm adduser bob hunter2 --authorize-publish 'sensors/*' --authorize-subscribe 'sensors/#'
start() {
  env --default-signal=INT "$AEDES" --very-verbose --stats --stats-interval $((15000 + RANDOM % 10000)) --heartbeatInterval 20000 \
    --connectTimeout 3000 --port $P --ws-port $WS --protos tcp ws --credentials "$CREDS" \
    --broker-id "broker-$1" >> "$LOG" 2>&1 &
  echo $! > "$RUN/aedes.pid"; sleep 2
}
stop() { kill -${1:-TERM} "$(cat "$RUN/aedes.pid")"; wait "$(cat "$RUN/aedes.pid")" 2>/dev/null; sleep 0.5; }
start 1
for phase in 1 2 3 4; do
  "$PY" "$HERE/client.py" $P $WS $((30 + RANDOM % 40))
  case $((RANDOM % 3)) in
    0) adm adduser carol pa55 --authorize-publish 'sensors/#' --authorize-subscribe 'home/#' ;;
    1) adm adduser bob hunter2 --authorize-publish 'sensors/#' --authorize-subscribe '#' ;;
    2) adm rmuser "ghost$RANDOM" ;;
  esac
  kill -HUP "$(cat "$RUN/aedes.pid")"; sleep 1
  "$PY" "$HERE/client.py" $P $WS $((20 + RANDOM % 30))
  # a broken credentials file, then a reload that cannot read it, then repair
  cp "$CREDS" "$RUN/creds.bak"; echo '{ broken' > "$CREDS"
  kill -HUP "$(cat "$RUN/aedes.pid")"; sleep 1; mv "$RUN/creds.bak" "$CREDS"
  # a second broker on the same port, and one with TLS but no key
  "$AEDES" --port $P --ws-port $WS --protos tcp >> "$LOG" 2>&1
  [ $((RANDOM % 2)) = 0 ] && "$AEDES" --protos tls --tls-port 33003 >> "$LOG" 2>&1
  [ $((RANDOM % 3)) = 0 ] && "$AEDES" frobnicate >> "$LOG" 2>&1
  [ $((RANDOM % 3)) = 0 ] && adm rmuser carol
  stop $([ $((RANDOM % 2)) = 0 ] && echo INT || echo TERM)
  start $((phase + 1))
done
"$PY" "$HERE/client.py" $P $WS $((20 + RANDOM % 20))
stop
rm -f "$CREDS" "$RUN/creds.bak"
