#!/bin/bash
# Install first: npm install --prefix /tmp/round31-r31j/npm maildev@3.0.0
# Randomised MailDev workload: several runs with random options (SMTP/web auth, persistent
# mail directory with limits, relay to a fake SMTP peer or a dead port, auto-relay, MCP,
# small message-size limit), random SMTP/API traffic, SIGINT/SIGTERM shutdowns, failing starts.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round31-r31j/maildev
MD=/tmp/round31-r31j/npm/node_modules/maildev/dist/bin/maildev.js
LOG=$HERE/maildev.log
mkdir -p "$RUN"; : > "$LOG"; PIDS=$RUN/pids; : > "$PIDS"
rm -rf "$RUN/mail"; mkdir -p "$RUN/mail"
python3 "$HERE/fake_smtp.py" 29203 & PEER=$!; echo $PEER >> "$PIDS"
pick() { [ $((RANDOM % 100)) -lt "$1" ]; }
BASE=(--smtp 29201 --web 29202 --ip 127.0.0.1 --web-ip 127.0.0.1)
cd "$RUN"

runs=$((7 + RANDOM % 3))
for r in $(seq 1 $runs); do
  args=("${BASE[@]}" --verbose --mail-directory "$RUN/mail")
  sauth=- wauth=-
  pick 35 && { sauth="mailer:pw$r"; args+=(--incoming-user mailer --incoming-pass "pw$r"); }
  pick 30 && { wauth="admin:web$r"; args+=(--web-user admin --web-pass "web$r"); }
  pick 40 && args+=(--max-emails $((5 + RANDOM % 30)))
  pick 20 && args+=(--max-message-size 200000)
  if pick 70; then
    port=$(shuf -n1 -e 29203 29203 29204)
    args+=(--outgoing-host 127.0.0.1 --outgoing-port $port)
    pick 12 && args+=(--outgoing-user relay --outgoing-pass nope)
    pick 45 && args+=(--auto-relay $(shuf -n1 -e "" "" qa@example.test))
    pick 30 && args+=(--auto-relay-rules "$HERE/relay_rules.json")
  elif pick 30; then
    args+=(--auto-relay)               # auto-relay without an outgoing host
  fi
  pick 25 && args+=(--mcp)
  pick 20 && args+=(--hide-extensions PIPELINING,8BITMIME)
  pick 15 && printf 'garbage' > "$RUN/mail/broken$r.eml"   # a stray non-mail .eml in the mail directory
  node "$MD" "${args[@]}" >> "$LOG" 2>&1 & P=$!; echo $P >> "$PIDS"; sleep 3
  if pick 25; then   # a second instance on the same ports fails
    node "$MD" "${BASE[@]}" --verbose --mail-directory "$RUN/mail" >> "$LOG" 2>&1 & X=$!; echo $X >> "$PIDS"
    sleep 3; kill -INT $X 2>/dev/null; wait $X 2>/dev/null
  fi
  python3 "$HERE/mdclient.py" $((25 + RANDOM % 40)) "$sauth" "$wauth"
  sleep 1
  kill -$(shuf -n1 -e INT TERM) $P; pick 15 && { sleep 0.2; kill -INT $P 2>/dev/null; }
  wait $P 2>/dev/null
  rm -f "$RUN"/mail/broken*.eml
  pick 40 && rm -rf "$RUN"/mail/*      # sometimes start the next run with an empty mail directory
done
# failing starts: bad option values, broken config file, missing relay rules, missing TLS files
node "$MD" "${BASE[@]}" --verbose --smtp notaport >> "$LOG" 2>&1
node "$MD" --verbose --config "$HERE/broken.json" >> "$LOG" 2>&1
node "$MD" "${BASE[@]}" --verbose --mail-directory "$RUN/mail" --outgoing-host 127.0.0.1 --outgoing-port 29203 \
  --auto-relay --auto-relay-rules "$RUN/missing-rules.json" >> "$LOG" 2>&1
node "$MD" "${BASE[@]}" --verbose --mail-directory "$RUN/mail" --https --https-key "$RUN/none.key" --https-cert "$RUN/none.crt" >> "$LOG" 2>&1 & X=$!
echo $X >> "$PIDS"; sleep 3; kill -INT $X 2>/dev/null; wait $X 2>/dev/null
kill $PEER; wait $PEER 2>/dev/null
rm -rf "$RUN/mail"
