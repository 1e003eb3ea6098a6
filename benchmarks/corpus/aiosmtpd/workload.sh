#!/bin/bash
# Randomised workload for the aiosmtpd SMTP server: several clients, good and bad, and restarts.
D=/work/round30/aiosmtpd
cd "$D" || exit 1
PY=$D/venv/bin/python
# the venv and the self-signed certificate are made on first use
[ -x "$PY" ] || { python3 -m venv venv && venv/bin/pip install -q aiosmtpd; }
[ -f cert.pem ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 -subj /CN=127.0.0.1 2>/dev/null
rm -rf run smtpd.raw.log; mkdir -p run
start() { $PY server.py >> run/server.stderr 2>&1 & echo $! > run/server.pid; sleep 1; }
stop() { kill "$(cat run/server.pid)" 2>/dev/null; wait "$(cat run/server.pid)" 2>/dev/null; }
start
SC=(normal normal normal auth auth starttls garbage garbage drop idle limit proxy proxy)
N=${N:-80}
CLIENTS=()
# first round: every scenario once in random order, then random picks, some in parallel
PLAN=($(printf '%s\n' normal auth starttls garbage drop idle limit proxy | shuf))
for ((n=0; n<N; n++)); do
  if [ $n -lt ${#PLAN[@]} ]; then sc=${PLAN[n]}; else sc=${SC[RANDOM % ${#SC[@]}]}; fi
  if [ $((RANDOM % 4)) -eq 0 ]; then
    $PY client.py "$sc" >> run/client.out 2>&1 &
    CLIENTS+=($!)
  else
    $PY client.py "$sc" >> run/client.out 2>&1
  fi
  if [ $((RANDOM % 30)) -eq 0 ]; then [ ${#CLIENTS[@]} -gt 0 ] && wait "${CLIENTS[@]}" 2>/dev/null; CLIENTS=(); stop; start; fi
done
[ ${#CLIENTS[@]} -gt 0 ] && wait "${CLIENTS[@]}" 2>/dev/null
stop
