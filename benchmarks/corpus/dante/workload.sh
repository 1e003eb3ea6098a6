#!/bin/bash
# Round-14 corpus workload: Dante SOCKS server 1.4.2 (Debian 12 package dante-server), private config,
# `logoutput: <file>`, `debug: 0`, rules logging connect/disconnect/error and iooperation,
# listening on 127.0.0.1:29080 and 29081. Local backends (servers.py): HTTP 29090, TCP echo 29091,
# UDP echo 29092, a stalling server 29094; 29093 is closed and 29099 is blocked by a rule.
# Clients: curl --socks4/4a/5/5h (good and wrong passwords, unknown users), python raw SOCKS
# (CONNECT, BIND, UDP ASSOCIATE, unresolvable names, bad versions, bad methods, garbage, half-sent negotiations),
# SIGHUP reloads (some with broken configs), SIGUSR1 state dumps, restarts, stop. Writes $OUT/dante.log unchanged.
# Run as root on Debian 12:  bash workload.sh OUT_DIR [DURATION_SECONDS]
#   (needs: apt-get install dante-server curl python3)
set -u
OUT=$(realpath -m "${1:?out dir}"); DURATION=${2:-240}
W=/tmp/r14dante
SCRIPT=$(realpath "$0")
mkdir -p "$OUT" $W
if [ -z "${R14_IN_NS:-}" ]; then
  # private mount namespace: a resolv.conf pointing at 127.0.0.1 so that no name lookup leaves the host
  R14_IN_NS=1 exec unshare -m --propagation private bash "$SCRIPT" "$OUT" "$DURATION"
fi
echo 'nameserver 127.0.0.1' > $W/resolv.conf; mount --bind $W/resolv.conf /etc/resolv.conf
rm -f "$OUT/dante.log"
id r14sock >/dev/null 2>&1 || useradd -M -d /nonexistent -s /usr/sbin/nologin r14sock
id r14proxy >/dev/null 2>&1 || useradd -M -d /nonexistent -s /usr/sbin/nologin r14proxy
echo 'r14sock:s0cksPass' | chpasswd; echo 'r14proxy:Pr0xyPass' | chpasswd

write_conf() {  # $1 = io timeout
cat > $W/danted.conf <<EOF
logoutput: $OUT/dante.log
debug: 0
internal: 127.0.0.1 port = 29080
internal: 127.0.0.1 port = 29081
external: 127.0.0.1
clientmethod: none
socksmethod: username none
user.privileged: root
user.unprivileged: nobody
timeout.negotiate: 4
timeout.io: $1
client block {
        from: 127.0.0.9/32 to: 0.0.0.0/0
        log: connect error
}
client pass {
        from: 127.0.0.0/8 to: 0.0.0.0/0
        log: connect disconnect error iooperation
}
socks block {
        from: 0.0.0.0/0 to: 127.0.0.1/32 port = 29099
        log: connect error
}
socks block {
        from: 0.0.0.0/0 to: .blocked.test
        log: connect error
}
socks pass {
        from: 127.0.0.0/8 to: 127.0.0.1/32 port = 29091
        socksmethod: username
        command: connect
        session.max: 2
        log: connect disconnect error iooperation
}
socks pass {
        from: 127.0.0.0/8 to: 127.0.0.0/8
        command: bind connect udpassociate
        log: connect disconnect error iooperation
}
socks pass {
        from: 127.0.0.0/8 to: 0.0.0.0/0
        command: bindreply udpreply
        log: connect disconnect error iooperation
}
socks block {
        from: 0.0.0.0/0 to: 0.0.0.0/0
        log: connect error
}
EOF
}
write_conf 15

cat > $W/servers.py <<'EOF'
import socket, threading, time, random
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        n = random.randint(10, 20000) if not self.path.startswith('/big') else random.randint(200000, 800000)
        code = 404 if 'missing' in self.path else 200
        self.send_response(code); self.send_header('Content-Length', str(n)); self.end_headers()
        self.wfile.write(b'x' * n)
    def log_message(self, *a): pass
threading.Thread(target=ThreadingHTTPServer(('127.0.0.1', 29090), H).serve_forever, daemon=True).start()
def echo(c):
    try:
        while True:
            d = c.recv(4096)
            if not d: break
            c.sendall(d)
    except Exception: pass
    c.close()
def stall(c):
    time.sleep(40); c.close()
def tcp(port, fn):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', port)); s.listen(50)
    while True:
        c, _ = s.accept(); threading.Thread(target=fn, args=(c,), daemon=True).start()
threading.Thread(target=tcp, args=(29091, echo), daemon=True).start()
threading.Thread(target=tcp, args=(29094, stall), daemon=True).start()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', 29092))
while True:
    d, a = u.recvfrom(65535); u.sendto(d.upper(), a)
EOF

cat > $W/client.py <<'EOF'
import socket, struct, random, sys, time, string
P = (127, 29080) if random.random() < 0.7 else (127, 29081)
PORT = P[1]
kind = sys.argv[1]
def conn(src=None):
    s = socket.socket(); s.settimeout(25)
    if src: s.bind((src, 0))
    s.connect(('127.0.0.1', PORT)); return s
def greet(s, methods=(0,)):
    s.sendall(bytes([5, len(methods)] + list(methods))); return s.recv(2)
def userpass(s, u, p):
    s.sendall(bytes([1, len(u)]) + u.encode() + bytes([len(p)]) + p.encode()); return s.recv(2)
def req(s, cmd, host, port):
    if isinstance(host, str) and not host[0].isdigit():
        a = bytes([3, len(host)]) + host.encode()
    else:
        a = bytes([1]) + socket.inet_aton(host)
    s.sendall(bytes([5, cmd, 0]) + a + struct.pack('>H', port))
    r = s.recv(10); return r
rnd = lambda n: ''.join(random.choice(string.ascii_lowercase) for _ in range(n))
try:
    if kind == 'echo':
        s = conn(); greet(s, (2,)); userpass(s, 'r14sock', 's0cksPass'); r = req(s, 1, '127.0.0.1', 29091)
        for _ in range(random.randint(1, 5)):
            s.sendall(rnd(random.randint(1, 3000)).encode()); s.recv(8192); time.sleep(random.random() / 3)
        s.close()
    elif kind == 'echo_noauth':
        s = conn(); greet(s, (0,)); req(s, 1, '127.0.0.1', 29091); s.close()
    elif kind == 'badpass':
        s = conn(); greet(s, (2,)); userpass(s, random.choice(['r14sock', 'r14proxy']), rnd(8)); s.close()
    elif kind == 'nouser':
        s = conn(); greet(s, (2,)); userpass(s, 'ghost' + rnd(3), 'x'); s.close()
    elif kind == 'nomethod':
        s = conn(); greet(s, random.choice([(1,), (3, 4), (0x80,)])); s.close()
    elif kind == 'closed':
        s = conn(); greet(s); req(s, 1, '127.0.0.1', 29093); s.close()
    elif kind == 'blocked':
        s = conn(); greet(s); req(s, 1, random.choice(['127.0.0.1', 'www.blocked.test']), 29099 if random.random() < 0.7 else 80); s.close()
    elif kind == 'nohost':
        s = conn(); greet(s); req(s, 1, 'no-such-host-%s.invalid' % rnd(4), 80); s.close()
    elif kind == 'outside':
        s = conn(); greet(s); req(s, 1, random.choice(['198.51.100.%d' % random.randint(1, 250), '203.0.113.7']), random.choice([80, 443, 25])); s.close()
    elif kind == 'stall':
        s = conn(); greet(s); req(s, 1, '127.0.0.1', 29094); s.sendall(b'hello'); time.sleep(random.uniform(16, 20)); s.close()
    elif kind == 'udp':
        s = conn(); greet(s); u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', 0)); u.settimeout(3)
        r = req(s, 3, '127.0.0.1', u.getsockname()[1])
        if len(r) >= 10 and r[1] == 0:
            rport = struct.unpack('>H', r[8:10])[0]
            for _ in range(random.randint(1, 4)):
                dport = random.choice([29092, 29092, 29092, 29099])
                u.sendto(b'\x00\x00\x00\x01' + socket.inet_aton('127.0.0.1') + struct.pack('>H', dport) + rnd(random.randint(5, 300)).encode(), ('127.0.0.1', rport))
                try: u.recvfrom(2000)
                except socket.timeout: pass
            if random.random() < 0.3:
                u.sendto(b'\x00\x00\x05garbage', ('127.0.0.1', rport))
        time.sleep(random.random()); s.close(); u.close()
    elif kind == 'bind':
        s = conn(); greet(s); r = req(s, 2, '127.0.0.1', 0)
        if len(r) >= 10 and r[1] == 0:
            bport = struct.unpack('>H', r[8:10])[0]
            if random.random() < 0.7:
                c = socket.create_connection(('127.0.0.1', bport), timeout=5); s.recv(10)
                c.sendall(b'reply ' + rnd(20).encode()); s.recv(100); c.close()
            else:
                time.sleep(random.uniform(0.5, 2))
        s.close()
    elif kind == 'badver':
        s = conn(); s.sendall(random.choice([b'\x06\x01\x00', b'GET / HTTP/1.0\r\n\r\n', bytes(random.randint(0, 255) for _ in range(20))])); time.sleep(0.3); s.close()
    elif kind == 'badcmd':
        s = conn(); greet(s); s.sendall(bytes([5, random.choice([4, 9, 0x20]), 0, 1, 127, 0, 0, 1, 0x71, 0x62])); s.recv(10); s.close()
    elif kind == 'badatyp':
        s = conn(); greet(s); s.sendall(bytes([5, 1, 0, random.choice([2, 5, 7]), 127, 0, 0, 1, 0x71, 0x62])); time.sleep(0.3); s.close()
    elif kind == 'halfneg':
        s = conn(); s.sendall(b'\x05'); time.sleep(random.uniform(4.5, 6)); s.close()
    elif kind == 'dropneg':
        s = conn(); s.sendall(b'\x05\x02\x00'); s.close()
    elif kind == 'socks4':
        s = conn(); s.sendall(b'\x04\x01' + struct.pack('>H', random.choice([29090, 29093, 29099])) + socket.inet_aton('127.0.0.1') + rnd(5).encode() + b'\x00'); s.recv(8); s.close()
    elif kind == 'denied_client':
        s = conn('127.0.0.9'); time.sleep(0.2); s.close()
except Exception as e:
    print(kind, 'client error', e, file=sys.stderr)
EOF

python3 $W/servers.py & SRV=$!
start_d() { danted -f $W/danted.conf -p $W/danted.pid -N 2 & DANTED=$!; sleep 1.5; }
start_d

r() { echo $((RANDOM % $1)); }
px() { echo $(( $(r 10) < 7 ? 29080 : 29081 )); }
paths=(/ /index.html /missing/page /big/file /a/b/c /status /missing)
kinds=(echo echo echo echo_noauth badpass badpass nouser nomethod closed closed blocked blocked nohost outside stall udp udp udp bind bind
       badver badcmd badatyp halfneg dropneg socks4 denied_client)
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  p=${paths[$(r ${#paths[@]})]}
  case $(r 14) in
    0|1|2) curl -s -o /dev/null --max-time 10 --socks5 127.0.0.1:$(px) "http://127.0.0.1:29090$p?n=$RANDOM" ;;
    3) curl -s -o /dev/null --max-time 10 --socks5-hostname 127.0.0.1:$(px) "http://localhost:29090$p" ;;
    4) curl -s -o /dev/null --max-time 10 --socks4 127.0.0.1:$(px) "http://127.0.0.1:$((29090 + $(r 4)))$p" ;;
    5) curl -s -o /dev/null --max-time 10 --socks4a 127.0.0.1:$(px) "http://localhost:29090$p" ;;
    6) curl -s -o /dev/null --max-time 10 --socks5 "r14proxy:$([ $(r 3) = 0 ] && echo wrong$RANDOM || echo Pr0xyPass)@127.0.0.1:$(px)" "http://127.0.0.1:29090$p" ;;
    7) curl -s -o /dev/null --max-time 10 --socks5 127.0.0.1:$(px) "http://127.0.0.1:$(( $(r 2) ? 29093 : 29099 ))/" ;;
    *) k=${kinds[$(r ${#kinds[@]})]}
       case $k in stall|halfneg) timeout 30 python3 $W/client.py $k & ;; *) timeout 30 python3 $W/client.py $k ;; esac ;;
  esac
  case $(r 45) in
    0) kill -HUP $DANTED; sleep 1 ;;
    1) write_conf $((10 + $(r 10))); kill -HUP $DANTED; sleep 1 ;;
    2) kill $DANTED; wait $DANTED 2>/dev/null; sleep 1; start_d ;;
    3) kill -USR1 $DANTED; sleep 0.5 ;;
    5) cp $W/danted.conf $W/good.conf
       case $(r 3) in
         0) echo 'socks pass { from: 127.0.0.0/8 to: 0.0.0.0/0 bogus: yes }' >> $W/danted.conf ;;
         1) sed -i 's/port = 29080/port = 29o80/' $W/danted.conf ;;
         2) echo "internal: 127.0.0.1 port = $((29100 + $(r 50)))" >> $W/danted.conf ;;
       esac
       kill -HUP $DANTED; sleep 1; mv $W/good.conf $W/danted.conf
       if kill -0 $DANTED 2>/dev/null; then kill -HUP $DANTED; sleep 1; else wait $DANTED 2>/dev/null; start_d; fi ;;
  esac
  sleep 0.$((1 + $(r 5)))
done
sleep 5
kill $DANTED; wait $DANTED 2>/dev/null
kill $SRV
wc -l "$OUT/dante.log"
