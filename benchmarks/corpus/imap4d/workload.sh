#!/bin/bash
# Randomised workload for GNU Mailutils imap4d (ports 52143/52144 on 127.0.0.1).
# Writes the daemon's stderr (its log) to imap4d.raw.log; imap4d.log is its first 2500 lines.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
D=$HERE/run
LOG=$HERE/imap4d.raw.log
CLIENT="python3 $HERE/imap_client.py"
P1=52143
P2=52144
rm -rf "$D"; mkdir -p "$D/vdom" "$D/home"
: > "$LOG"

for u in alice bob carol dave; do
  h=$(openssl passwd -6 "pw_$u")
  echo "$u:$h:65534:65534:$u:$D/home/$u:/bin/false"
done > "$D/vdom/example.test"
for u in alice bob dave; do mkdir -p "$D/home/$u"; done   # carol's home is created on first login
printf 'this is not a mailbox\n\x00\x01\x02\n' > "$D/home/dave/Broken"
chown -R 65534:65534 "$D/home"
chmod 755 "$HERE" "$D" "$D/home"

write_conf() {  # $1 = extra text
cat > "$D/imap4d.conf" <<EOF
logging {
  syslog false;
  print-severity true;
  severity debug;
  session-id true;
};
debug {
  level "app.trace9;acl.trace9;auth.trace9;server.trace9;mailbox.trace1;config.error";
};
auth {
  authorization virtdomain;
  authentication generic;
};
virtdomain {
  passwd-dir "$D/vdom";
};
mailbox {
  mailbox-type mbox;
};
create-home-dir true;
home-dir-mode 755;
max-children $((RANDOM % 4 + 6));
pidfile $D/imap4d.pid;
timeout 60;
deny-users dave;
server 127.0.0.1:$P1 {
  timeout 30;
  acl {
    log from 127.0.0.1;
    deny from 127.0.0.3;
    allow from any;
  };
};
server 127.0.0.1:$P2 {
  timeout 3;
};
tcp-wrappers { enable false; };
$1
EOF
}

start() {
  imap4d --config-file="$D/imap4d.conf" --daemon --foreground >> "$LOG" 2>&1 &
  echo $! > "$D/daemon.pid"
  sleep 1
}
stop() {
  local pid; pid=$(cat "$D/daemon.pid")
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
}

kinds=(good good good good badpass nouser garbage notls drop denied good badpass)

PIDS=()
bg() { "$@" 2>/dev/null & PIDS+=($!); }
waitc() { local p; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done; PIDS=(); }

round() {  # $1 = number of sessions
  local n=$1 i k
  for i in $(seq "$n"); do
    k=${kinds[$((RANDOM % ${#kinds[@]}))]}
    bg $CLIENT 127.0.0.1 $P1 "$k" $RANDOM
    if (( RANDOM % 3 == 0 )); then waitc; fi
    sleep 0.0$((RANDOM % 9))
  done
  waitc
}

# 1. a start with a broken configuration (fails), then the real start
write_conf "bogus-statement yes; namespace nosuch { mailbox-mode g+q; };"
imap4d --config-file="$D/imap4d.conf" --daemon --foreground >> "$LOG" 2>&1 & BADPID=$!
sleep 1; kill "$BADPID" 2>/dev/null; wait "$BADPID" 2>/dev/null
write_conf ""
start

# 2. normal traffic
round $((RANDOM % 10 + 25))

# 3. idle timeouts on the short-timeout server
for i in $(seq $((RANDOM % 3 + 2))); do bg $CLIENT 127.0.0.1 $P2 idle-timeout $RANDOM; done
waitc

# 4. more than max-children at once
for i in $(seq 14); do bg $CLIENT 127.0.0.1 $P2 idle-timeout $RANDOM; done
sleep 1
round 5
waitc

# 5. users that are denied or whose mailbox is not usable
$CLIENT 127.0.0.1 $P1 good $RANDOM 2>/dev/null
python3 - "$P1" <<'EOF' 2>/dev/null
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1]))); s.settimeout(5)
f = s.makefile("rwb")
f.readline()
for c in ['A1 LOGIN dave@example.test "pw_dave"', 'A2 LOGIN carol@example.test "pw_carol"',
          'A3 SELECT Broken', 'A4 EXAMINE ../../etc', 'A5 CREATE /tmp/abs', 'A6 SELECT INBOX', 'A7 LOGOUT']:
    f.write((c + "\r\n").encode()); f.flush()
    while True:
        l = f.readline()
        if not l or l.startswith(c.split()[0].encode()): break
EOF

# 6. reload (SIGHUP) and more traffic
kill -HUP "$(cat "$D/daemon.pid")"; sleep 2
if ! kill -0 "$(cat "$D/daemon.pid")" 2>/dev/null; then start; fi
round $((RANDOM % 10 + 20))

# 7. a child killed in the middle of a session
bg $CLIENT 127.0.0.1 $P2 idle-timeout $RANDOM; sleep 1
for c in $(pgrep -P "$(cat "$D/daemon.pid")"); do kill -KILL "$c"; break; done
waitc

# 8. shutdown, restart, more traffic, shutdown
stop
write_conf ""
start
round $((RANDOM % 10 + 20))
for i in $(seq 3); do bg $CLIENT 127.0.0.1 $P1 good $RANDOM; done
sleep 0.3
stop
waitc
head -n 2500 "$LOG" > "$HERE/imap4d.log"
wc -l "$LOG" "$HERE/imap4d.log"
