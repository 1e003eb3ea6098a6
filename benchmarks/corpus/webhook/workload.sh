#!/bin/bash
# Randomised workload for adnanh's webhook; raw log in run/raw.log, kept as webhook.log
D=/work/round27/webhook
R=$D/run
PORT=45100
cd "$D" || exit 1
rm -rf "$R"; mkdir -p "$R"
LOG=$R/raw.log
: > "$LOG"
PIDS=()
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

python3 gen_hooks.py base "$R/hooks.json"
python3 gen_hooks.py extra "$R/extra.json"
printf '{"build":{"id":%d,"status":"passed"}}' $RANDOM > "$R/meta-good.json"
printf '{"build":{"id":%d,"status":' $RANDOM > "$R/meta-bad.json"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -keyout "$R/key.pem" -out "$R/cert.pem" >/dev/null 2>&1

start() { # start ARGS... ; sets WPID
  TMPDIR=$R webhook "$@" 2>>"$LOG" >>"$LOG" &
  WPID=$!
  echo "$WPID" >> "$R/started.pids"
  sleep 0.8
}
stop() { kill -"${2:-TERM}" "$1" 2>/dev/null; wait "$1" 2>/dev/null; }
clients() { # clients BASE N COUNT [curl opts]
  local base=$1 n=$2 count=$3; shift 3
  local cp=()
  for ((c = 0; c < n; c++)); do ./client.sh "$base" "$count" "$@" & cp+=($!); done
  echo "${cp[*]}" >> "$R/started.pids"
  CPIDS=("${cp[@]}")
}
waitclients() { for p in "${CPIDS[@]}"; do wait "$p"; done; }

reload_action() {
  case $((RANDOM % 7)) in
  0) kill -HUP "$WPID" ;;
  1) kill -USR1 "$WPID" ;;
  2) python3 gen_hooks.py "$(pick trimmed grown base)" "$R/hooks.json.new"; cat "$R/hooks.json.new" > "$R/hooks.json" ;;
  3) python3 gen_hooks.py "$(pick grown base)" "$R/hooks.json.new"; mv "$R/hooks.json" "$R/hooks.json.old"; mv "$R/hooks.json.new" "$R/hooks.json" ;;
  4) python3 gen_hooks.py broken "$R/hooks.json.new"; cat "$R/hooks.json.new" > "$R/hooks.json"; sleep 0.5
     python3 gen_hooks.py base "$R/hooks.json.new"; cat "$R/hooks.json.new" > "$R/hooks.json" ;;
  5) python3 gen_hooks.py empty "$R/hooks.json"; sleep 0.4; kill -HUP "$WPID"; sleep 0.3
     python3 gen_hooks.py base "$R/hooks.json.new"; cat "$R/hooks.json.new" > "$R/hooks.json" ;;
  6) python3 gen_hooks.py broken "$R/hooks.json.new"; cp "$R/hooks.json" "$R/hooks.json.good"; cp "$R/hooks.json.new" "$R/hooks.json"
     kill -USR1 "$WPID"; sleep 0.3; cat "$R/hooks.json.good" > "$R/hooks.json" ;;
  esac
  sleep 0.5
}

# --- phase 1: plain HTTP, hot reload, two hooks files
XR=$(pick "" "-x-request-id" "-x-request-id -x-request-id-limit 12")
start -verbose -hotreload -ip 127.0.0.1 -port $PORT -hooks "$R/hooks.json" -hooks "$R/extra.json" \
  -pidfile "$R/webhook.pid" -header X-Served-By=webhook $XR
A=$WPID
# refused second instances: port in use, pid file in use
webhook -verbose -ip 127.0.0.1 -port $PORT -hooks "$R/hooks.json" 2>>"$LOG"
webhook -verbose -ip 127.0.0.1 -port $((PORT + 1)) -hooks "$R/hooks.json" -pidfile "$R/webhook.pid" 2>>"$LOG"

for round in 1 2 3; do
  clients "http://127.0.0.1:$PORT/hooks" $((2 + RANDOM % 2)) $((20 + RANDOM % 12))
  for k in 1 2; do sleep 1.2; reload_action; done
  waitclients
done
# extra hooks file goes away (rm or rename)
GONE=$(pick rm mv)
if [ $GONE = rm ]; then rm -f "$R/extra.json"; else mv "$R/extra.json" "$R/extra.json.gone"; fi
sleep 0.6
clients "http://127.0.0.1:$PORT/hooks" 2 10
waitclients
kill -HUP "$A"; sleep 0.3
stop "$A" "$(pick TERM INT)"

# --- phase 2: HTTPS with another URL prefix and default methods
python3 gen_hooks.py base "$R/hooks.json"
start -verbose -secure -cert "$R/cert.pem" -key "$R/key.pem" -tls-min-version "$(pick 1.2 1.3)" \
  -ip 127.0.0.1 -port $((PORT + 2)) -urlprefix "$(pick api ci)" -http-methods "POST, put" -hooks "$R/hooks.json" -x-request-id
B=$WPID
PFX=$(grep -o 'serving hooks on https://[^ ]*' "$LOG" | tail -1 | sed 's|.*://[^/]*/||; s|/{id}||')
clients "https://127.0.0.1:$((PORT + 2))/$PFX" 3 $((18 + RANDOM % 8)) -k
for k in $(seq 1 $((8 + RANDOM % 6))); do
  case $((RANDOM % 5)) in
  0) curl -s --max-time 2 "https://127.0.0.1:$((PORT + 2))/" >/dev/null 2>&1 ;;                # untrusted cert
  1) curl -s --max-time 2 -k --tlsv1.2 --tls-max 1.2 "https://127.0.0.1:$((PORT + 2))/" >/dev/null 2>&1 ;;
  2) timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$((PORT + 2)); printf '\\x16\\x03\\x01GARBAGE%s\\r\\n' $RANDOM >&3; cat <&3" >/dev/null 2>&1 ;;
  3) timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$((PORT + 2)); exec 3>&-" 2>/dev/null ;;
  4) curl -s --max-time 2 "http://127.0.0.1:$((PORT + 2))/" >/dev/null 2>&1 ;;                 # plain HTTP to TLS port
  esac
  sleep 0.2
done
waitclients
kill -USR1 "$B"; sleep 0.3
stop "$B" "$(pick INT TERM)"

# --- phase 3: restart in plain HTTP, template mode, a hooks file that is not there
python3 gen_hooks.py extra "$R/extra.json"
start -verbose -template -ip 127.0.0.1 -port $PORT -hooks "$R/hooks.json" -hooks "$R/nonexistent.json" -hooks "$R/extra.json" -hotreload
C=$WPID
clients "http://127.0.0.1:$PORT/hooks" 2 $((10 + RANDOM % 6))
sleep 1.5; kill -HUP "$C"; sleep 1
if [ $GONE = rm ]; then mv "$R/extra.json" "$R/extra.json.gone"; else rm -f "$R/extra.json"; fi
sleep 0.6
waitclients
stop "$C" TERM
sleep 0.3
echo "log lines: $(wc -l < "$LOG")"
