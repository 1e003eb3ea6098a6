#!/bin/bash
# Randomised workload for Haraka (npm) in /work/round26/haraka.
# Haraka instance in ./inst (config in inst/config), log level PROTOCOL with timestamps,
# master + 1 cluster worker; all of its stdout/stderr goes to run/haraka.raw.log.
# Ports: 47025 (smtp), 47587 (submission), 47465 (smtps), 47026 (sink backend for smtp_forward),
# 47783/47310 (spamd/clamd backends that are never up).
set -u
cd "$(dirname "$0")"
DIR=$PWD
RUN=$DIR/run
mkdir -p "$RUN"
# Haraka 3.3.4 from npm, installed in this folder (node_modules is removed after a run to save space)
[ -x node_modules/.bin/haraka ] || npm install --no-audit --no-fund Haraka@3.3.4 > "$RUN/npm.out" 2>&1
LOG=$RUN/haraka.raw.log
: > "$LOG"
rm -rf inst/queue
printf 'example.test\nmail.example.test\n' > inst/config/host_list

r() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }   # random integer in [a, b]

start_sink() { python3 "$DIR/sink.py" 47026 > "$RUN/sink.out" 2>&1 & echo $! > "$RUN/sink.pid"; sleep 0.5; }
stop_sink() { kill "$(cat "$RUN/sink.pid")" 2>/dev/null; wait "$(cat "$RUN/sink.pid")" 2>/dev/null; }

start_haraka() {
    (cd inst && exec ../node_modules/.bin/haraka -c . >> "$LOG" 2>&1) &
    echo $! > "$RUN/haraka.pid"
    for _ in $(seq 1 40); do
        ss -ltn | grep -q '127.0.0.1:47465 ' && break
        sleep 0.25
    done
    sleep 1
}
master() { cat "$RUN/haraka.pid"; }
worker() { ps -o pid= --ppid "$(master)" | head -n1 | tr -d ' '; }
stop_haraka() {
    kill -INT "$(master)" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$(master)" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$(master)" 2>/dev/null && kill -KILL "$(master)"
}
clients() { # clients COUNT [cover]
    python3 "$DIR/client.py" 47025 "$1" "$RANDOM" ${2:-} 2>> "$RUN/client.err"
}

start_sink
start_haraka

# 1. normal use by two clients at once, first one covers most kinds of session
clients "$(r 8 10)" cover &
C1=$!
sleep 0.$(r 2 9)
clients "$(r 0 1)"
wait $C1

# 2. the smtp_forward backend dies: forwards fail, outbound to partner.test is deferred
stop_sink
python3 - <<'EOF2'
import random, smtplib
for rc in (["alice@example.test"], ["bob@partner.test"]):
    try:
        s = smtplib.SMTP("127.0.0.1", 47025, timeout=20,
                         source_address=(random.choice(["127.0.0.5", "127.0.0.6"]), 0))
        s.ehlo("relayclient.example.test")
        s.sendmail("carol@example.test", rc, "Subject: while sink down\r\n\r\nhello\r\n")
        s.quit()
    except Exception:
        pass
EOF2
start_sink

# 3. SIGHUP: flush the temp-fail queue now that the backend is back
sleep 1
kill -HUP "$(master)"
sleep 2

# 4. the worker dies hard and the master forks a new one
kill -KILL "$(worker)"
sleep 3

# 5. a configuration file changes (watched and reloaded)
echo "extra$(r 1 99).example.test" >> inst/config/host_list
sleep 2

# 6. graceful restart of the worker through INTERNALCMD, then a little traffic
python3 "$DIR/client.py" 47025 cmd gracefulRestart
sleep 4
clients 1

# 7. shutdown, restart, a little more traffic, final shutdown
stop_haraka
start_haraka
clients "$(r 2 4)"
stop_haraka
stop_sink
printf 'example.test\nmail.example.test\n' > inst/config/host_list
