#!/bin/bash
# Randomised workload for CFSSL's API server (cfssl serve, Debian 12 golang-cfssl) at -loglevel 0
# (debug); stderr of every server start is appended to one log. A fresh test PKI is made in run/pki.
# Clients: apiclient.py (random good / wrong / garbage API calls); a local TLS server (openssl
# s_server) is the target of scan and certinfo-by-domain calls and is stopped part-way.
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
RUN=$DIR/run
PKI=$RUN/pki
LOG=$DIR/cfssl.full.log
CLOG=$RUN/clients.log
PORT=45201
URL=http://127.0.0.1:$PORT
SRV=; TLS=

rm -rf "$RUN"; mkdir -p "$RUN"; : > "$LOG"; : > "$CLOG"
"$DIR/mkpki.sh" "$PKI"
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
note() { echo "== $(date +%T) $*" >> "$CLOG"; }

start_server() {  # extra flags...
	cfssl serve -address 127.0.0.1 -port "$PORT" -loglevel 0 "$@" 2>> "$LOG" &
	SRV=$!; echo "$SRV" >> "$RUN/pids"; note "server pid $SRV: $*"
	for i in $(seq 40); do curl -s -o /dev/null "$URL/api/v1/cfssl/scaninfo" && break; kill -0 "$SRV" 2>/dev/null || break; sleep 0.25; done
}

stop_server() {
	note "stop server"
	kill -TERM "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=
}

run_once() {  # a start expected to fail
	timeout 10 cfssl serve -address 127.0.0.1 -port "$PORT" -loglevel 0 "$@" 2>> "$LOG"
	note "failed start rc=$?: $*"
}

start_tls() {
	openssl s_server -quiet -accept 127.0.0.1:45202 -cert "$PKI/leaf.pem" -key "$PKI/leaf-key.pem" \
		-cert_chain "$PKI/int.pem" -www > /dev/null 2>&1 &
	TLS=$!; echo "$TLS" >> "$RUN/pids"; sleep 0.3
}

stop_tls() { [ -n "$TLS" ] && kill "$TLS" 2>/dev/null; wait "$TLS" 2>/dev/null; TLS=; }

clients() {  # n [actions...]
	"$DIR/apiclient.py" "$URL" "$PKI" "$@" >> "$CLOG" 2>&1
}

parallel_clients() {  # k clients with n calls each
	local k=$1 n=$2 i pids=()
	for ((i = 0; i < k; i++)); do clients "$n" & pids+=($!); done
	wait "${pids[@]}"
}

FULL=(-ca "$PKI/ca.pem" -ca-key "$PKI/ca-key.pem" -config "$PKI/config.json"
	-responder "$PKI/ocsp.pem" -responder-key "$PKI/ocsp-key.pem"
	-ca-bundle "$PKI/ca.pem" -int-bundle "$PKI/int.pem" -db-config "$PKI/db.json")

# --- phase 1: full server, several clients
note "phase 1"
start_tls
start_server "${FULL[@]}"
clients $((6 + RANDOM % 5)) newkey sign info
parallel_clients $((3 + RANDOM % 2)) $((15 + RANDOM % 8))

# --- phase 2: restart without the cert DB and OCSP responder; the TLS peer goes away
note "phase 2"
stop_server
start_server -ca "$PKI/ca.pem" -ca-key "$PKI/ca-key.pem" -config "$PKI/config.json" -ca-bundle "$PKI/ca.pem" -int-bundle "$PKI/int.pem"
clients $((25 + RANDOM % 8))
clients $((4 + RANDOM % 3)) bundle init_ca scan
stop_tls
clients $((4 + RANDOM % 4)) scan certinfo revoke ocspsign

# --- phase 3: failed starts: broken config, missing key, port taken, bad db config
note "phase 3"
run_once "${FULL[@]}"                                            # port is taken
stop_server
sed 's/"168h"/"one week"/' "$PKI/config.json" > "$RUN/bad-expiry.json"
sed 's/"auth_key": "primary"/"auth_key": "secondary"/' "$PKI/config.json" > "$RUN/bad-authkey.json"
head -c 300 "$PKI/config.json" > "$RUN/truncated.json"
case $((RANDOM % 3)) in
	0) run_once -ca "$PKI/ca.pem" -ca-key "$PKI/ca-key.pem" -config "$RUN/bad-expiry.json" ;;
	1) run_once -ca "$PKI/ca.pem" -ca-key "$PKI/ca-key.pem" -config "$RUN/bad-authkey.json" ;;
	2) run_once -ca "$PKI/ca.pem" -ca-key "$PKI/ca-key.pem" -config "$RUN/truncated.json" ;;
esac
run_once -ca "$PKI/ca.pem" -ca-key "$PKI/ca-key.pem" -config "$RUN/missing-$RANDOM.json"
echo '{"driver": "nosuchdb", "data_source": "x"}' > "$RUN/bad-db.json"
run_once -ca "$PKI/ca.pem" -ca-key "$PKI/ca-key.pem" -db-config "$RUN/bad-db.json"
run_once -ca "$PKI/ca.pem" -ca-key "$PKI/ca-key.pem" -config "$PKI/config.json" unexpected-argument

# --- phase 4: a server with no usable CA key (signing endpoints disabled)
note "phase 4"
start_server -ca "$PKI/ca.pem" -ca-key "$RUN/missing-key.pem" -config "$PKI/config.json"
clients $((5 + RANDOM % 5)) sign info newcert newkey bundle certinfo authsign
stop_server

# --- phase 5: full server again, TLS peer back, more clients, shutdown
note "phase 5"
start_tls
start_server "${FULL[@]}"
parallel_clients $((4 + RANDOM % 2)) $((20 + RANDOM % 8))
clients $((8 + RANDOM % 5)) newcert sign revoke ocspsign gencrl certinfo
stop_server
stop_tls

head -n 2500 "$LOG" > "$DIR/cfssl.log"
note "done: $(wc -l < "$LOG") lines"
