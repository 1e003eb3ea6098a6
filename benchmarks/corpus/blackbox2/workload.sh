#!/bin/bash
# Randomised workload for the Prometheus blackbox exporter; raw log in run/raw.log, kept as blackbox.log
D=/work/round27/blackbox
R=$D/run
PORT=45200
cd "$D" || exit 1
rm -rf "$R"; mkdir -p "$R"
LOG=$R/raw.log
: > "$LOG"
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
BB=prometheus-blackbox-exporter
# Python helpers for the local targets (DNS, gRPC health) and the bcrypt hash of the web config
[ -x venv/bin/python ] || { python3 -m venv venv && venv/bin/pip install -q dnslib grpcio grpcio-health-checking bcrypt; }

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$R/key.pem" -out "$R/cert.pem" >/dev/null 2>&1
python3 gen_config.py base "$R/blackbox.yml"

# local targets
SRVS=()
for kind in web dns grpc; do
  ./venv/bin/python servers.py $kind > "$R/servers-$kind.out" 2>&1 &
  SRVS+=($!); echo "$!" >> "$R/started.pids"
done
sleep 2

start() { # start ARGS...
  $BB "$@" 2>>"$LOG" &
  BPID=$!; echo "$BPID" >> "$R/started.pids"
  sleep 1
}
clients() { # clients BASE N COUNT [curl opts]
  local base=$1 n=$2 count=$3; shift 3
  CPIDS=()
  for ((c = 0; c < n; c++)); do ./probe_client.sh "$base" "$count" "$@" & CPIDS+=($!); done
  echo "${CPIDS[*]}" >> "$R/started.pids"
}
waitclients() { for p in "${CPIDS[@]}"; do wait "$p"; done; }
reload() { # reload PID BASE [curl opts]
  local pid=$1 base=$2; shift 2
  python3 gen_config.py "$(pick base alt alt broken-yaml broken-regexp broken-field broken-timeout broken-dns broken-prober)" "$R/blackbox.yml"
  if (( RANDOM % 2 )); then kill -HUP "$pid"; else curl -s -o /dev/null -X POST "$@" "$base/-/reload"; fi
  sleep 0.5
  if (( RANDOM % 3 == 0 )); then curl -s -o /dev/null "$@" "$base/-/reload"; fi   # GET is refused
  python3 gen_config.py "$(pick base alt)" "$R/blackbox.yml"
  if (( RANDOM % 2 )); then kill -HUP "$pid"; else curl -s -o /dev/null -X POST "$@" "$base/-/reload"; fi
  sleep 0.3
}

# --- phase 1: plain HTTP listener, debug log, probes + reloads
start --config.file="$R/blackbox.yml" --web.listen-address=127.0.0.1:$PORT --log.level=debug --timeout-offset=0.$((3 + RANDOM % 5))
A=$BPID
# a second exporter on the same port fails; config checks
$BB --config.file="$R/blackbox.yml" --web.listen-address=127.0.0.1:$PORT --log.level=debug 2>>"$LOG"
$BB --config.file="$R/blackbox.yml" --config.check --log.level=debug 2>>"$LOG"
python3 gen_config.py "$(pick broken-yaml broken-regexp broken-field)" "$R/broken.yml"
$BB --config.file="$R/broken.yml" --log.level=debug --web.listen-address=127.0.0.1:$((PORT + 1)) 2>>"$LOG"
$BB --config.file="$R/missing.yml" --config.check --log.level=debug 2>>"$LOG"

for round in 1 2 3; do
  clients "http://127.0.0.1:$PORT" $((2 + RANDOM % 2)) $((24 + RANDOM % 10))
  sleep 2; reload "$A" "http://127.0.0.1:$PORT"
  waitclients
done
kill -"$(pick TERM INT)" "$A"; wait "$A" 2>/dev/null

# --- phase 2: TLS + basic auth web config, external URL with a path prefix
HASH=$(./venv/bin/python -c "import bcrypt; print(bcrypt.hashpw(b'probepass', bcrypt.gensalt(rounds=4)).decode())")
cat > "$R/web.yml" <<WEB
tls_server_config:
  cert_file: $R/cert.pem
  key_file: $R/key.pem
basic_auth_users:
  prom: $HASH
WEB
start --config.file="$R/blackbox.yml" --web.listen-address=127.0.0.1:$((PORT + 2)) --log.level=debug \
  --web.config.file="$R/web.yml" --web.external-url="https://127.0.0.1:$((PORT + 2))/bb/" --history.limit=20
B=$BPID
BASEB="https://127.0.0.1:$((PORT + 2))/bb"
clients "$BASEB" 2 $((25 + RANDOM % 10)) -k -u prom:probepass
for k in $(seq 1 $((6 + RANDOM % 5))); do
  case $((RANDOM % 5)) in
  0) curl -s -o /dev/null --max-time 2 -k -u prom:wrong "$BASEB/probe?module=tcp_connect&target=127.0.0.1:45220" ;;
  1) curl -s -o /dev/null --max-time 2 -k "$BASEB/metrics" ;;
  2) curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$((PORT + 2))/bb/metrics" ;;
  3) curl -s -o /dev/null --max-time 2 "$BASEB/" ;;
  4) timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$((PORT + 2)); printf '\\x16\\x03\\x01junk' >&3" 2>/dev/null ;;
  esac
  sleep 0.2
done
sleep 1; reload "$B" "$BASEB" -k -u prom:probepass
waitclients
kill -"$(pick TERM INT)" "$B"; wait "$B" 2>/dev/null

# --- phase 3: the DNS and gRPC backends die, exporter restarted
kill "${SRVS[1]}" "${SRVS[2]}"; wait "${SRVS[1]}" "${SRVS[2]}" 2>/dev/null
start --config.file="$R/blackbox.yml" --web.listen-address=127.0.0.1:$PORT --log.level=debug
C=$BPID
clients "http://127.0.0.1:$PORT" 2 $((15 + RANDOM % 8))
waitclients
kill -TERM "$C"; wait "$C" 2>/dev/null
kill "${SRVS[0]}"; wait "${SRVS[0]}" 2>/dev/null
echo "log lines: $(wc -l < "$LOG")"
