#!/bin/bash
# Round-14 corpus workload: Matrix Synapse homeserver (pip matrix-synapse in a private venv, SQLite),
# Python logging to its own file (default "precise" format), root at INFO and a few loggers at DEBUG.
# Randomised Matrix clients (clients.py beside this file) on 127.0.0.1:30808 only, restarts and a stop.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
# Writes OUT_DIR/synapse.log (default: this script's folder).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-240}
W=/tmp/synapse-r14; VENV=/opt/synvenv; PORT=30808
[ -x $VENV/bin/python ] || { python3 -m venv $VENV && $VENV/bin/pip install -q matrix-synapse requests; }
rm -rf $W; mkdir -p $W "$OUT"; rm -f "$OUT/synapse.log"
cd $W
$VENV/bin/python -m synapse.app.homeserver --server-name test.local --config-path $W/gen.yaml \
   --generate-keys --report-stats=no >/dev/null 2>&1 || true
cat > $W/homeserver.yaml <<CONF
server_name: "test.local"
pid_file: $W/homeserver.pid
listeners:
  - port: $PORT
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client, federation]
        compress: false
database:
  name: sqlite3
  args:
    database: $W/homeserver.db
log_config: "$W/log.config"
media_store_path: $W/media_store
registration_shared_secret: "r14-shared-secret-$RANDOM"
macaroon_secret_key: "r14-macaroon-$RANDOM$RANDOM"
form_secret: "r14-form-$RANDOM$RANDOM"
signing_key_path: "$W/test.local.signing.key"
report_stats: false
trusted_key_servers: []
suppress_key_server_warning: true
enable_registration: true
enable_registration_without_verification: true
allow_public_rooms_without_auth: true
max_upload_size: 200K
password_config:
  enabled: true
  policy:
    enabled: true
    minimum_length: 8
    require_digit: true
rc_login:
  address: {per_second: 0.3, burst_count: 5}
  account: {per_second: 0.3, burst_count: 4}
  failed_attempts: {per_second: 0.1, burst_count: 3}
rc_registration: {per_second: 0.5, burst_count: 6}
rc_message: {per_second: 1, burst_count: 8}
rc_joins:
  local: {per_second: 0.5, burst_count: 5}
presence:
  enabled: true
CONF
cat > $W/log.config <<CONF
version: 1
formatters:
    precise:
        format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
handlers:
    file:
        class: logging.FileHandler
        formatter: precise
        filename: $W/current.log
        encoding: utf8
loggers:
    synapse.storage.SQL:
        level: INFO
    synapse.handlers.auth:
        level: DEBUG
    synapse.handlers.register:
        level: DEBUG
    synapse.handlers.room_member:
        level: DEBUG
    synapse.rest.client.login:
        level: DEBUG
    synapse.rest.client.register:
        level: DEBUG
    synapse.api.ratelimiting:
        level: DEBUG
    synapse.handlers.message:
        level: DEBUG
    synapse.handlers.room:
        level: DEBUG
    synapse.handlers.directory:
        level: DEBUG
    synapse.handlers.profile:
        level: DEBUG
    synapse.media.media_repository:
        level: DEBUG
root:
    level: INFO
    handlers: [file]
disable_existing_loggers: false
CONF
start() { $VENV/bin/python -m synapse.app.homeserver -c $W/homeserver.yaml >$W/stdout 2>&1 & echo $! > $W/pid
  for i in $(seq 60); do curl -s -o /dev/null http://127.0.0.1:$PORT/_matrix/client/versions && return; sleep 1; done; }
stop() { kill -TERM $(cat $W/pid); wait $(cat $W/pid) 2>/dev/null; }
# first start on the fresh database (schema creation) logs to a scratch file; then the real log
start; stop; sed -i "s#$W/current.log#$OUT/synapse.log#" $W/log.config
start
END=$((SECONDS + DURATION)); round=0
while [ $SECONDS -lt $END ]; do
  round=$((round + 1))
  $VENV/bin/python "$HERE/clients.py" http://127.0.0.1:$PORT $W/homeserver.yaml $((40 + RANDOM % 40)) || true
  case $((RANDOM % 3)) in
    0) stop; sleep 1; start ;;          # restart
    1) kill -HUP $(cat $W/pid); sleep 1 ;;  # reload log config
    *) : ;;
  esac
done
stop
