#!/bin/bash
# Round-14 corpus workload: NATS server 2.9 (Debian 12 package nats-server), debug + trace on
# (config equivalents of -DV), own log file, JetStream, MQTT, a leaf node; randomised clients on
# 127.0.0.1 only (ports 28422-28427). Writes $OUT/nats.log unchanged.
# Run as root on Debian 12:
#   apt-get install -y nats-server mosquitto-clients python3-venv
#   python3 -m venv /tmp/r14venv && /tmp/r14venv/bin/pip install nats-py
#   bash workload.sh [OUT_DIR] [DURATION_SECONDS]   (the corpus file: bash workload.sh /work/round14/nats 100)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-200}
WD=/tmp/r14nats
PY=${PY:-/tmp/r14venv/bin/python}
[ -f $WD/nats.pid ] && kill "$(cat $WD/nats.pid)" 2>/dev/null
[ -f $WD/leaf.pid ] && kill "$(cat $WD/leaf.pid)" 2>/dev/null
sleep 1
rm -rf $WD; mkdir -p $WD/js $WD/leafjs
mkdir -p "$OUT"; rm -f "$OUT/nats.log"
export WD OUT DURATION
# main server configuration; clients.py rewrites parts of it ({{...}}) before each reload
cat > $WD/nats.conf.in <<CONF
server_name: r14nats
listen: 127.0.0.1:28422
http: 127.0.0.1:28423
debug: true
trace: true
logtime: true
log_file: "$OUT/nats.log"
pid_file: "$WD/nats.pid"
max_payload: {{MAXPAYLOAD}}
max_pending: 65536
max_control_line: 512
max_connections: {{MAXCONN}}
write_deadline: "2s"
ping_interval: "{{PING}}"
ping_max: 2
max_traced_msg_len: {{TRACELEN}}
lame_duck_duration: "30s"
lame_duck_grace_period: "1s"
jetstream {
  store_dir: "$WD/js"
  max_memory_store: 64MB
  max_file_store: 256MB
}
accounts {
  APP: {
    jetstream: enabled
    users: [
      {user: alice, password: {{ALICEPW}}}
      {user: bob, password: builder, permissions: {publish: {deny: ["secret.>", "admin.*"]}, subscribe: {deny: ["secret.>"]}}}
      {user: carol, password: carolpw, permissions: {publish: ["orders.>", "_INBOX.>", "\$JS.API.>"], subscribe: ["orders.>", "_INBOX.>"]}}
      {user: leaf, password: leafpw}
      {user: mq, password: mqttpw}
    ]
  }
  SYS: { users: [ {user: admin, password: sysadm} ] }
}
system_account: SYS
leafnodes { listen: 127.0.0.1:28424 }
mqtt { listen: 127.0.0.1:28425 }
{{EXTRA}}
CONF
# leaf node server (its own log is not part of the corpus)
cat > $WD/leaf.conf <<CONF
server_name: r14leaf
listen: 127.0.0.1:28426
http: 127.0.0.1:28427
pid_file: "$WD/leaf.pid"
log_file: "$WD/leaf.log"
leafnodes { reconnect: 2, remotes: [ { url: "nats-leaf://leaf:leafpw@127.0.0.1:28424" } ] }
CONF
"$PY" "$HERE/clients.py"
