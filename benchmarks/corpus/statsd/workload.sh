#!/bin/bash
# Install first: npm install --prefix /tmp/round31-r31j/npm statsd@0.9.0
# Randomised StatsD workload: several daemon runs with random options, UDP/TCP traffic
# (valid and malformed), management commands and resets, graphite peer up or down,
# TCP/UDP repeater, config reloads, SIGTERM shutdowns and failing starts.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round31-r31j/statsd
STATSD=/tmp/round31-r31j/npm/node_modules/statsd/bin/statsd
LOG=$HERE/statsd.log
UDP=29001 MGMT=29002 TCP=29003 GRAPHITE=29004 REPEAT=29005
mkdir -p "$RUN"; : > "$LOG"
PIDS=$RUN/pids; : > "$PIDS"

config() {  # debug dump histogram repeaterProto flushMs
  local backends="'./backends/graphite'"
  [ "$4" != none ] && backends="$backends, './backends/repeater'"
  local hist=""
  [ "$3" = 1 ] && hist="histogram: [ { metric: '', bins: [ 100, 'inf'] } ],"
  cat <<CFG
{
  graphiteHost: "127.0.0.1", graphitePort: $GRAPHITE,
  mgmt_port: $MGMT, mgmt_address: "127.0.0.1",
  servers: [ { server: "./servers/udp", address: "127.0.0.1", port: $UDP },
             { server: "./servers/tcp", address: "127.0.0.1", port: $TCP } ],
  backends: [ $backends ],
  repeater: [ { host: "127.0.0.1", port: $REPEAT } ], repeaterProtocol: "$4",
  debug: $1, dumpMessages: $2, $hist
  flushInterval: $5, percentThreshold: [ 90, 99 ],
  deleteIdleStats: $((RANDOM % 2)) == 1,
  log: { backend: "stdout" }
}
CFG
}
tf() { [ $((RANDOM % 100)) -lt "$1" ] && echo true || echo false; }

start_statsd() {
  (cd /tmp && exec node "$STATSD" "$RUN/config.js" >> "$LOG" 2>&1) &
  SPID=$!; echo "$SPID" >> "$PIDS"; sleep 1
}
peer_up() { python3 "$HERE/fake_graphite.py" $1 & echo $! >> "$PIDS"; eval "PEER_$1=$!"; }
peer_down() { local v="PEER_$1"; [ -n "${!v}" ] && kill "${!v}" 2>/dev/null; wait "${!v}" 2>/dev/null; eval "PEER_$1="; }

runs=$((7 + RANDOM % 3))
for r in $(seq 1 $runs); do
  proto=$(shuf -n1 -e tcp udp4 none none); [ $r = 2 ] && proto=tcp
  config "$(tf 90)" "$(tf 50)" $((RANDOM % 4 / 3)) $proto $((700 + RANDOM % 1500)) > "$RUN/config.js"
  [ $((RANDOM % 3)) -gt 0 ] && peer_up $GRAPHITE
  [ $((RANDOM % 2)) = 0 ] && [ "$proto" = tcp ] && [ $r != 2 ] && peer_up $REPEAT
  start_statsd
  for phase in 1 2 3; do
    python3 "$HERE/client.py" $UDP $MGMT $TCP $((20 + RANDOM % 100))
    [ "$proto" = tcp ] && [ -z "$PEER_29005" ] && peer_up $REPEAT   # repeater peer comes back
    case $((RANDOM % 5)) in
      0) peer_down $GRAPHITE ;;
      1) [ -z "$PEER_29004" ] && peer_up $GRAPHITE ;;
      2) # reload: touch the watched config with new flags
         config "$(tf 85)" "$(tf 45)" $((RANDOM % 4 / 3)) $proto $((700 + RANDOM % 1500)) > "$RUN/config.js.new"
         cat "$RUN/config.js.new" > "$RUN/config.js"; sleep 1 ;;
      3) # a second daemon on the same ports fails
         [ $((RANDOM % 3)) = 0 ] && { (cd /tmp && exec node "$STATSD" "$RUN/config.js" >> "$LOG" 2>&1) & echo $! >> "$PIDS"; wait $!; } ;;
      *) sleep $((RANDOM % 3)) ;;
    esac
  done
  sleep 1.5
  kill -TERM "$SPID"; wait "$SPID" 2>/dev/null
  peer_down $GRAPHITE; peer_down $REPEAT
done
# failing starts: missing config, broken config
(cd /tmp && exec node "$STATSD" "$RUN/missing.js" >> "$LOG" 2>&1)
echo '{ debug: true, port: ' > "$RUN/bad.js"
(cd /tmp && exec node "$STATSD" "$RUN/bad.js" >> "$LOG" 2>&1)
rm -f "$RUN/config.js.new" "$RUN/bad.js"
