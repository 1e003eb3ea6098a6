#!/bin/bash
# Runs pebble (Debian 2.4.0) several times with different settings, capturing stdout+stderr into
# pebble.log, and drives it with acmeclient.py; pebble-challtestsrv is the fake peer (DNS, HTTP-01,
# TLS-ALPN-01 responder). Ports 23100-23109. TLS key/cert are made in $RUN and deleted at the end.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round31-r31d/pebble
LOG=$HERE/pebble.log
mkdir -p "$RUN"
: > "$LOG"
SEED=${SEED:-$RANDOM}
echo "seed $SEED"
RANDOM=$SEED
if [ ! -f "$RUN/cert.pem" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$RUN/key.pem" \
    -out "$RUN/cert.pem" -days 30 -subj /CN=localhost \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
fi

pebble-challtestsrv -defaultIPv4 127.0.0.1 -defaultIPv6 "" -dns01 127.0.0.1:23104 \
  -http01 127.0.0.1:23102 -https01 "" -tlsalpn01 127.0.0.1:23103 -management 127.0.0.1:23105 \
  > "$RUN/challtestsrv.out" 2>&1 &
CHALL_PID=$!
echo $CHALL_PID > "$RUN/challtestsrv.pid"
sleep 1

mkconf() { # $1 file, $2 eab(true/false), $3 mgmt addr
  cat > "$1" <<EOF
{
  "pebble": {
    "listenAddress": "127.0.0.1:23100",
    "managementListenAddress": "$3",
    "certificate": "$RUN/cert.pem",
    "privateKey": "$RUN/key.pem",
    "httpPort": 23102,
    "tlsPort": 23103,
    "ocspResponderURL": "$4",
    "externalAccountBindingRequired": $2,
    "domainBlocklist": ["blocked.test", "evil.example.test"],
    "certificateValidityPeriod": $5
  }
}
EOF
}

start_pebble() { # env assignments in "$@"
  env "$@" pebble -config "$RUN/pebble.json" -dnsserver 127.0.0.1:23104 $STRICT >> "$LOG" 2>&1 &
  PEBBLE_PID=$!
  echo $PEBBLE_PID > "$RUN/pebble.pid"
  sleep 1.5
}

stop_pebble() {
  kill -TERM "$PEBBLE_PID" 2>/dev/null
  wait "$PEBBLE_PID" 2>/dev/null
}

# a few failing starts: missing config, malformed config, port in use
pebble -config "$RUN/missing-$RANDOM.json" >> "$LOG" 2>&1
echo '{"pebble": {"listenAddress": ' > "$RUN/bad.json"
pebble -config "$RUN/bad.json" >> "$LOG" 2>&1

RUNS=$((4 + RANDOM % 3))
for i in $(seq 1 $RUNS); do
  MG=127.0.0.1:23101
  [ $((RANDOM % 6)) -eq 0 ] && MG=""
  OCSP=""
  [ $((RANDOM % 2)) -eq 0 ] && OCSP="http://127.0.0.1:23109/ocsp"
  mkconf "$RUN/pebble.json" false "$MG" "$OCSP" $(( (RANDOM % 3) * 86400 ))
  STRICT=""
  [ $((RANDOM % 3)) -eq 0 ] && STRICT="-strict"
  ENVS=(PEBBLE_VA_NOSLEEP=1)
  [ $((RANDOM % 4)) -eq 0 ] && ENVS=(PEBBLE_VA_SLEEPTIME=1)
  [ $((RANDOM % 5)) -eq 0 ] && ENVS+=(PEBBLE_VA_ALWAYS_VALID=1)
  ENVS+=(PEBBLE_WFE_NONCEREJECT=$((RANDOM % 15)))
  ENVS+=(PEBBLE_AUTHZREUSE=$((RANDOM % 100)))
  [ $((RANDOM % 2)) -eq 0 ] && ENVS+=(PEBBLE_CHAIN_LENGTH=$((1 + RANDOM % 3)))
  [ $((RANDOM % 2)) -eq 0 ] && ENVS+=(PEBBLE_ALTERNATE_ROOTS=$((RANDOM % 3)))
  [ $((RANDOM % 2)) -eq 0 ] && ENVS+=(PEBBLE_WFE_ORDERS_PER_PAGE=$((1 + RANDOM % 5)))
  start_pebble "${ENVS[@]}"
  # management port already taken by a second instance: it exits
  if [ $((RANDOM % 2)) -eq 0 ]; then
    pebble -config "$RUN/pebble.json" >> "$LOG" 2>&1
  fi
  python3 "$HERE/acmeclient.py" https://127.0.0.1:23100 https://127.0.0.1:23101 http://127.0.0.1:23105 \
    $((20 + RANDOM % 40)) $RANDOM
  stop_pebble
done

kill -TERM "$CHALL_PID" 2>/dev/null
wait "$CHALL_PID" 2>/dev/null
rm -f "$RUN/key.pem" "$RUN/cert.pem" "$RUN/bad.json"
