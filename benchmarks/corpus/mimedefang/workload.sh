#!/bin/bash
# Randomised workload for MIMEDefang 3.3 (mimedefang milter + mimedefang-multiplexor).
# The multiplexor logs only through syslog, so the whole run happens in a private mount
# namespace whose /dev is a private tmpfs: /dev/log there is the socket of a private
# rsyslogd (own config, pid file, work dir and output file in ./run/).  The multiplexor
# logs with facility local5, which that rsyslogd writes to run/multiplexor.log.
# Ports: milter 55200.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=$HERE/run
if [ -z "${MD_IN_NS:-}" ]; then
  mkdir -p "$RUN"
  exec unshare -m --propagation private env MD_IN_NS=1 bash "$0" "$@"
fi

# ---- private /dev with a private /dev/log ----
mkdir -p "$RUN/olddev"
mount --rbind /dev "$RUN/olddev"
mount -t tmpfs -o mode=755 tmpfs /dev
for n in null zero random urandom full tty; do
  touch /dev/$n; mount --bind "$RUN/olddev/$n" /dev/$n
done
mkdir -p /dev/shm /dev/pts
mount --rbind "$RUN/olddev/shm" /dev/shm
mount --rbind "$RUN/olddev/pts" /dev/pts
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin
ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr

cd "$RUN"
mkdir -p rsys spool quarantine
chown defang:defang spool quarantine
LOG=$RUN/multiplexor.log
rm -f "$LOG"
cat > rsyslog.conf <<EOF
global(workDirectory="$RUN/rsys")
module(load="imuxsock" SysSock.Name="/dev/log")
local5.*;user.*    $LOG
EOF
rsyslogd -f "$RUN/rsyslog.conf" -i "$RUN/rsyslogd.pid"
for i in $(seq 1 20); do [ -S /dev/log ] && break; sleep 0.2; done

cp "$HERE/mimedefang-filter" "$RUN/filter"
SOCK=$RUN/spool/mimedefang-multiplexor.sock
USOCK=$RUN/spool/mx-unpriv.sock
NSOCK=$RUN/spool/mx-notify.sock
MSOCK=$RUN/spool/mx-map.sock
C="python3 $HERE/milterclient.py 127.0.0.1 55200"
PIDS=()
R() { echo $(( (RANDOM % ($2 - $1 + 1)) + $1 )); }
CTL() { md-mx-ctrl -s "$SOCK" "$@" >> ctl.out 2>&1; }
UCTL() { md-mx-ctrl -s "$USOCK" "$@" >> ctl.out 2>&1; }

start_mx() {  # extra options in "$@"
  mimedefang-multiplexor -D -U defang -S local5 -l -Z -z "$RUN/spool" -s "$SOCK" -a "$USOCK" \
    -O "$NSOCK" -N "$MSOCK" -F "$RUN/filter" -p "$RUN/spool/mx.pid" -o "$RUN/spool/mx.lock" "$@" >> mx.out 2>&1 &
  MX_PID=$!
  for i in $(seq 1 30); do [ -S "$SOCK" ] && break; sleep 0.2; done
  sleep 0.5
}
stop_mx() {
  kill -"${1:-TERM}" "$MX_PID" 2>/dev/null
  for i in $(seq 1 120); do kill -0 "$MX_PID" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$MX_PID" 2>/dev/null; wait "$MX_PID" 2>/dev/null
}
start_milter() {
  mimedefang -D -U defang -z "$RUN/spool" -m "$SOCK" -p inet:55200@127.0.0.1 -r -s -t -H -P "$RUN/spool/milter.pid" -o "$RUN/spool/milter.lock" "$@" >> milter.out 2>&1 &
  MILTER_PID=$!
  sleep 1
}
stop_milter() {
  kill -TERM "$MILTER_PID" 2>/dev/null
  for i in $(seq 1 40); do kill -0 "$MILTER_PID" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$MILTER_PID" 2>/dev/null; wait "$MILTER_PID" 2>/dev/null
}
traffic() { $C "$1" $RANDOM "$2" 2>>client.err; }
# notification listener: subscribe to all messages for a while
listen_notify() {
  python3 - "$NSOCK" "$1" <<'EOF' >> notify.out 2>&1
import socket, sys, time
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.settimeout(1)
s.sendall(b"?\n" if time.time() % 2 < 1 else b"*\n")
end = time.time() + float(sys.argv[2])
while time.time() < end:
    try:
        if not s.recv(4096): break
    except socket.timeout:
        pass
s.close()
EOF
}
# sendmail socketmap requests, some malformed
socketmap() {
  python3 - "$MSOCK" $RANDOM <<'EOF' >> map.out 2>&1
import socket, sys, random
r = random.Random(int(sys.argv[2]))
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.settimeout(5)
def ns(x): return f"{len(x)}:{x},".encode()
for _ in range(r.randint(1, 4)):
    kind = r.choice(["good", "good", "garbage", "long"])
    if kind == "good":
        s.sendall(ns(f"{r.choice(['virtusers', 'access', 'aliases'])} {r.choice(['alice', 'bob'])}@example.org"))
    elif kind == "garbage":
        s.sendall(b"xyz:not-a-netstring" if r.random() < .5 else b"5:ab,")
    else:
        s.sendall(b"99999:" + b"A" * 100)
    try:
        print(s.recv(4096))
    except OSError:
        break
s.close()
EOF
}

# raw requests on the multiplexor socket: idle clients, overlong lines, bursts of slow commands
rawmx() {  # $1 = mode, $2 = count
  python3 - "$SOCK" "$1" "${2:-1}" "$RUN/spool" <<'EOF' >> raw.out 2>&1
import socket, sys, threading, time, random
sock, mode, count, spool = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def one(i):
    s = socket.socket(socket.AF_UNIX); s.connect(sock); s.settimeout(30)
    try:
        if mode == "idle":
            time.sleep(11)
        elif mode == "long":
            s.sendall((random.choice(["scan ", "senderok "]) + "x" * random.randint(4200, 6000) + "\n").encode())
        elif mode == "slowsender":
            s.sendall(f"senderok <HALFSLOW{i}@bulk.example> 127.0.0.{i+1} host{i}.example helo{i}.example {spool} NOQUEUE\n".encode())
        elif mode == "half":
            s.sendall(b"stat")
            time.sleep(0.5)
        print(mode, s.recv(200))
    except OSError as e:
        print(mode, e)
    s.close()
ts = [threading.Thread(target=one, args=(i,)) for i in range(count)]
for t in ts: t.start(); time.sleep(0.05)
for t in ts: t.join()
EOF
}

# ---------- phase 1: normal operation ----------
start_mx -T -m 2 -x 4 -y 2 -r $(R 15 30) -i 20 -b 8 -c 10 -q 4 -Q 6 -L 10 -X 7 -w 1 -V 90
start_milter
listen_notify 30 &
for round in $(seq 1 $(R 3 4)); do
  traffic md $(R 10 20)
  for j in $(seq 1 $(R 3 5)); do traffic slowrcpt 1 & PIDS+=($!); done
  wait "${PIDS[@]}"; PIDS=()
  for j in $(seq 1 $(R 2 5)); do traffic md $(R 3 8) & PIDS+=($!); done
  wait "${PIDS[@]}"; PIDS=()
  for c in $(shuf -e status msgs workers load rawload load-relayok histo "worker 1" "worker 9" \
               busyworkers rawstatus jsonstatus "hload 1" "load1 30" bogus-command "scan" help); do
    CTL $c
  done
  UCTL status; UCTL "scan /tmp/nonexistent"; UCTL reread; UCTL free
  socketmap
  rawmx $(shuf -n1 -e idle long half) 1 &
  [ $((RANDOM % 2)) = 0 ] && CTL reread
done

# ---------- phase 2: overload (queueing, no free workers) ----------
for j in $(seq 1 $(R 6 9)); do traffic md $(R 3 6) & PIDS+=($!); done
wait "${PIDS[@]}"; PIDS=()
for j in $(seq 1 $(R 9 12)); do traffic slow 1 & PIDS+=($!); sleep 0.3; done
wait "${PIDS[@]}"; PIDS=()
rawmx slowsender $(R 10 13)
rawmx long 2
kill -HUP "$MX_PID"; sleep 1
traffic md $(R 5 10)
# idle period: idle workers get killed, status log and ticks keep running
sleep $(R 25 35)
traffic md $(R 5 10)
# stop while a slow scan is running: workers must be terminated
traffic slow 1 & SLOWPID=$!
sleep 2
stop_mx TERM
wait $SLOWPID
stop_milter

# ---------- phase 3: embedded perl, tighter limits ----------
cp /usr/bin/mimedefang.pl "$RUN/mdpl"; chmod 755 "$RUN/mdpl"
start_mx -f "$RUN/mdpl" -T -E -m 1 -x 2 -r $(R 3 6) -i 10 -b 5 -c 5 -L 8 -X 5 -P 2 -W 1
start_milter
for j in $(seq 1 3); do traffic md $(R 8 15) & PIDS+=($!); done
wait "${PIDS[@]}"; PIDS=()
CTL reread; CTL status; CTL "worker 0"
for j in 1 2 3; do socketmap & PIDS+=($!); done
traffic md $(R 5 10)
wait "${PIDS[@]}"; PIDS=()
kill -INT "$MX_PID"; sleep 1
traffic md $(R 5 10)
# reread while the filter program on disk is broken (embedded interpreter)
echo 'sub { this is not perl' >> "$RUN/mdpl"
CTL reread; sleep 1
cp /usr/bin/mimedefang.pl "$RUN/mdpl"
traffic md $(R 3 6)
stop_milter
stop_mx TERM

# ---------- phase 4: broken filter, then restart with memory limits ----------
cp "$HERE/mimedefang-filter" "$RUN/filter"
echo 'sub filter_begin { this is not perl' >> "$RUN/filter"
start_mx -m 1 -x 3 -r 10 -b 6 -L 5
start_milter
traffic md $(R 4 8)
sleep 2
cp "$HERE/mimedefang-filter" "$RUN/filter"
CTL reread
traffic md $(R 5 10)
# workers that are slow to exit, then ones that ignore SIGTERM
echo slow > "$RUN/slowexit"; chmod 644 "$RUN/slowexit"
CTL reread; traffic md $(R 2 4); sleep 13
echo stubborn > "$RUN/slowexit"
CTL reread; traffic md $(R 2 4); sleep 23
traffic md $(R 2 4)
stop_milter
stop_mx TERM
rm -f "$RUN/slowexit"
# scheduling debug; then second copies that must fail (lock held, bad socket path)
start_mx -A -m 1 -x 2 -M 2000000 -R 1500000 -L 6
mimedefang-multiplexor -D -U defang -S local5 -l -z "$RUN/spool" -s "$RUN/spool/z.sock" -F "$RUN/filter" \
  -p "$RUN/spool/mx.pid" -o "$RUN/spool/mx.lock" >> mx.out 2>&1
mimedefang-multiplexor -D -U defang -S local5 -l -z "$RUN/spool" -s "$RUN/spool/nodir/x.sock" -F "$RUN/filter" >> mx.out 2>&1
mimedefang-multiplexor -D -U defang -S local5 -l -z "$RUN/spool" -s "$RUN/spool/w.sock" -F "$RUN/filter" \
  -p "$RUN/nodir/mx.pid" >> mx.out 2>&1
mimedefang-multiplexor -D -U nosuchuser -S local5 -l -z "$RUN/spool" -s "$RUN/spool/y.sock" >> mx.out 2>&1
start_milter
for j in $(seq 1 3); do traffic md $(R 5 10) & PIDS+=($!); done
wait "${PIDS[@]}"; PIDS=()
stop_milter
stop_mx TERM
# embedded interpreter requested while the filter program is broken
echo 'sub { this is not perl' >> "$RUN/mdpl"
start_mx -f "$RUN/mdpl" -E -m 1 -x 2 -L 5
start_milter
traffic md $(R 2 4)
stop_milter
stop_mx TERM
cp /usr/bin/mimedefang.pl "$RUN/mdpl"

# tiny address-space limits: workers run out of memory or cannot load modules
for lim in 15000 $(R 22000 28000); do
  start_mx -m 1 -x 2 -M $lim -L 5
  start_milter
  traffic md $(R 3 6)
  stop_milter
  stop_mx TERM
done

kill "$(cat "$RUN/rsyslogd.pid")" 2>/dev/null
sleep 1
umount -l /dev/pts /dev/shm 2>/dev/null
