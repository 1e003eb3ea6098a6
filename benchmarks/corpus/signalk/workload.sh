#!/bin/bash
# Signal K workload: runs signalk-server in a private net+mount namespace with sample data,
# drives it with client/skclient.js (REST, PUT, websockets, tcp) and curl, restarts it with
# security on, with a broken settings file, and again; keeps at most 2500 lines as signalk.log.
D=/work/round43/signalk
if [ -z "$R43G_INNS" ]; then
  exec env R43G_INNS=1 unshare -n -m --propagation private /bin/bash "$D/workload.sh" "$@"
fi
set -m
cd "$D" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
B=/tmp/round43-r43g/sk-home
rm -rf "$B" "$D/config"; mkdir -p "$B" "$D/config"
cp "$D/client/settings.template.json" "$D/config/settings.json"
export HOME=$B TMPDIR=$B XDG_CONFIG_HOME=$B XDG_CACHE_HOME=$B XDG_DATA_HOME=$B XDG_RUNTIME_DIR=$B
export PORT=49100 NMEA0183PORT=49110 TCPSTREAMPORT=49111 SIGNALK_DISABLE_SERVER_UPDATES=true NO_COLOR=1
RAW=/tmp/round43-r43g/signalk-raw.log
: > "$RAW"
U=http://127.0.0.1:49100
PID=
start() {
  DEBUG='signalk*,-signalk-server:events*' /tmp/round43-r43g/npm-sk/node_modules/.bin/signalk-server -c "$D/config" "$@" >>"$RAW" 2>&1 &
  PID=$!
  for i in $(seq 100); do curl -s -o /dev/null "$U/signalk" && break; kill -0 "$PID" 2>/dev/null || break; sleep 0.2; done
}
stop() { kill -"${1:-INT}" "$PID"; wait "$PID"; }
C() { curl -s -o /dev/null --max-time 4 "$@"; }

# 1: security off, NMEA 0183 sample data
start --sample-nmea0183-data
node "$D/client/skclient.js" $((25 + RANDOM % 15))
C -X POST -H 'Content-Type: application/json' -d '{"userId":"","password":""}' "$U/skServer/enableSecurity"
C -X POST -H 'Content-Type: application/json' -d '{"userId":"admin","password":"r43g-pass","type":"admin"}' "$U/skServer/enableSecurity"
sleep 1; stop INT
# 2: security on (from settings), NMEA 2000 sample data
start --sample-n2k-data
node "$D/client/skclient.js" $((30 + RANDOM % 15)) secure
stop TERM
# 3: broken settings file
cp "$D/config/settings.json" "$B/settings.good"
printf '{ "interfaces": {, "pipedProviders": [' > "$D/config/settings.json"
start --sample-nmea0183-data
sleep 3; kill -0 "$PID" 2>/dev/null && stop INT
wait "$PID" 2>/dev/null
cp "$B/settings.good" "$D/config/settings.json"
# 4: both sample sources, security on
start --sample-nmea0183-data --sample-n2k-data
node "$D/client/skclient.js" $((15 + RANDOM % 10)) secure
stop INT
N=$(wc -l < "$RAW")
if [ "$N" -gt 2500 ]; then sed -n "1,2500p" "$RAW" > "$D/signalk.log"; else cp "$RAW" "$D/signalk.log"; fi
rm -rf "$D/config"
