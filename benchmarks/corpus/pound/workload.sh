#!/bin/bash
# Round-16 corpus workload: Pound reverse proxy 4.16 (the Debian package pound_4.16-3 from
# trixie; Debian 12 has no pound, and the trixie binary needs OpenSSL >= 3.3, so the .deb and the
# trixie runtime libraries it needs (libc6, libssl3t64, libadns1t64, libpcre2-8-0, libcrypt1) are
# fetched with apt-get download through a private apt configuration and unpacked under
# /opt/r16pound, where pound runs through trixie's own dynamic loader; nothing is installed).
# Pound runs as a daemon, LogLevel 5 (detailed request log), LogFacility local0; its syslog lines
# go to a private rsyslogd instance (own socket, own pid file) writing $OUT/pound.log in the
# traditional syslog file format; pound runs in a private mount namespace whose /dev/log points at
# that socket. Ports: HTTP 38080, HTTPS 38443, backends 38081-38084, dead backend 38089, all on
# 127.0.0.1.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
OUT=${1:-/work/round16/pound}; DURATION=${2:-300}
W=/tmp/r16p; mkdir -p "$W" "$OUT"; rm -f "$OUT/pound.log"
R=/opt/r16pound; L=$R/usr/lib/x86_64-linux-gnu

# ---------- fetch pound and its runtime (private apt config, no install) ----------
if [ ! -x $R/usr/sbin/pound ]; then
  A=$W/apt; mkdir -p $A/lists/partial $A/cache/archives/partial $A/debs
  echo "deb http://deb.debian.org/debian trixie main" > $A/sources.list
  O="-o Dir::Etc::SourceList=$A/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$A/lists -o Dir::Cache=$A/cache -o Debug::NoLocking=1"
  apt-get $O update
  (cd $A/debs && apt-get $O download pound libc6 libssl3t64 libadns1t64 libpcre2-8-0 libcrypt1 libgcc-s1)
  mkdir -p $R; for d in $A/debs/*.deb; do dpkg-deb -x $d $R; done
fi
POUND="$L/ld-linux-x86-64.so.2 --library-path $L $R/usr/sbin/pound"
POUNDCTL="$L/ld-linux-x86-64.so.2 --library-path $L $R/usr/bin/poundctl"

# ---------- private syslog daemon ----------
[ -f $W/rsyslog.pid ] && kill "$(cat $W/rsyslog.pid)" 2>/dev/null; sleep 0.5
rm -f $W/log.sock $W/rsyslog.pid; mkdir -p $W/rsyslog-work
cat > $W/rsyslog.conf <<EOF
global(workDirectory="$W/rsyslog-work")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$W/log.sock" CreatePath="on")
*.* action(type="omfile" file="$OUT/pound.log" template="RSYSLOG_TraditionalFileFormat")
EOF
rsyslogd -f $W/rsyslog.conf -i $W/rsyslog.pid
sleep 1

# ---------- certificate, htpasswd, config ----------
[ -f $W/cert.pem ] || { openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=proxy.r16.test" \
    -keyout $W/key.pem -out $W/crt.pem 2>/dev/null; cat $W/key.pem $W/crt.pem > $W/cert.pem; }
printf 'alice:{SHA}%s\nbob:{SHA}%s\n' "$(printf wonder | openssl dgst -binary -sha1 | base64)" \
    "$(printf builder | openssl dgst -binary -sha1 | base64)" > $W/htpasswd
cat > $W/pound.cfg <<EOF
Daemon 1
PIDFile "$W/pound.pid"
LogFacility local0
LogTag "pound"
LogLevel 5
Alive 3
TimeOut 3
ConnTO 2
Client 4
WorkerMinCount 2
WorkerMaxCount 40
WorkerIdleTimeout 4
Control "$W/ctl.sock"

ListenHTTP
  Address 127.0.0.1
  Port 38080
  xHTTP 1
  MaxRequest 4000
  MaxURI 3000
  Service "old-site"
    Host "old.r16.test"
    Redirect 301 "http://new.r16.test"
  End
  Service "moved"
    URL "^/moved(/.*)?$"
    Redirect 302 "http://127.0.0.1:38080/new\$1"
  End
  Service "secret"
    URL "^/secret"
    BasicAuth "$W/htpasswd"
    Backend
      Address 127.0.0.1
      Port 38081
    End
  End
  Service "secret-denied"
    URL "^/secret"
    Error 401
  End
  Service "forbidden"
    URL "^/admin"
    Error 403
  End
  Service "dead"
    URL "^/dead"
    Backend
      Address 127.0.0.1
      Port 38089
    End
  End
  Service "main"
    Backend
      Address 127.0.0.1
      Port 38081
    End
    Backend
      Address 127.0.0.1
      Port 38082
    End
    Backend
      Address 127.0.0.1
      Port 38083
    End
    Session
      Type Cookie
      ID "sid"
      TTL 30
    End
  End
End

ListenHTTP
  Address 127.0.0.1
  Port 38085
  LogLevel 2
  Service "vhost-only"
    Host "app.r16.test"
    Backend
      Address 127.0.0.1
      Port 38082
    End
  End
End

ListenHTTPS
  Address 127.0.0.1
  Port 38443
  Cert "$W/cert.pem"
  xHTTP 2
  Service "tls"
    Backend
      Address 127.0.0.1
      Port 38084
    End
    Backend
      Address 127.0.0.1
      Port 38082
      Priority 3
    End
  End
End
EOF

# ---------- backends ----------
cat > $W/backend.py <<'PY'
import http.server, random, socketserver, sys, time
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def handle_one(self):
        p = self.path
        if p.startswith("/slow"): time.sleep(5)
        if p.startswith("/close"): self.close_connection = True; return
        if p.startswith("/short"):
            self.send_response(200); self.send_header("Content-Length", "100000"); self.end_headers()
            self.wfile.write(b"z" * random.randint(10, 5000)); self.close_connection = True; return
        if p.startswith("/badstatus"): self.wfile.write(b"HTTP/1.1 abc Weird\r\nContent-Length: 0\r\n\r\n"); self.close_connection = True; return
        if p.startswith("/badheader"): self.wfile.write(b"HTTP/1.1 200 OK\r\nNoColonHere\r\nContent-Length: 2\r\n\r\nok"); self.close_connection = True; return
        if p.startswith("/garbage"): self.wfile.write(b"\x00\x13garbage that is no HTTP\r\n\r\n"); self.close_connection = True; return
        code = 500 if p.startswith("/err") else 404 if p.startswith("/missing") else 200
        if p.startswith("/old"): code = 301
        body = (b"x" * random.randint(10, 5000)) if self.command != "HEAD" else b""
        self.send_response(code)
        if code == 301: self.send_header("Location", f"http://127.0.0.1:{sys.argv[1]}/new{p}")
        if random.random() < 0.3: self.send_header("Set-Cookie", f"sid={random.randint(1000,9999)}")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def _h(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n: self.rfile.read(n)
        self.handle_one()
    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _h
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True; allow_reuse_address = True
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
declare -A BE
start_be() { python3 $W/backend.py $1 2>/dev/null & BE[$1]=$!; }
stop_be() { kill ${BE[$1]} 2>/dev/null; wait ${BE[$1]} 2>/dev/null; }
for p in 38081 38082 38083 38084; do start_be $p; done

# ---------- pound inside a mount namespace with a private /dev/log ----------
cat > $W/ns.sh <<EOF
mkdir -p $W/newdev; mount -t tmpfs none $W/newdev; cp -a /dev/. $W/newdev/ 2>/dev/null
mount --bind /dev/pts $W/newdev/pts; mount --bind /dev/shm $W/newdev/shm
mount --bind $W/newdev /dev; ln -sf $W/log.sock /dev/log
exec sleep 100000
EOF
unshare -m --propagation private bash $W/ns.sh & NSPID=$!
sleep 1
inns() { nsenter -t $NSPID -m "$@"; }
start_pound() { inns $POUND -f $W/pound.cfg; sleep 1; }
stop_pound() { kill "$(cat $W/pound.pid)" 2>/dev/null; sleep 1.5; }
ctl() { inns $POUNDCTL -t $R/usr/share/pound/poundctl.tmpl -s $W/ctl.sock "$@" >>$W/ctl.out 2>&1; }
start_pound

# ---------- clients ----------
cat > $W/clients.py <<'PY'
import random, socket, ssl, string, sys, time, http.client, base64
H = "127.0.0.1"
def rn(n=6): return "".join(random.choice(string.ascii_lowercase) for _ in range(n))
def ctx():
    c = ssl.create_default_context(); c.check_hostname = False; c.verify_mode = ssl.CERT_NONE; return c
UAS = ["curl/7.88.1", "Mozilla/5.0 (X11; Linux x86_64)", "python-requests/2.28", "Wget/1.21.3", "r16-probe/" + str(random.randint(1, 9))]
def req(https=False):
    c = http.client.HTTPSConnection(H, 38443, context=ctx(), timeout=10) if https else http.client.HTTPConnection(H, 38080, timeout=10)
    r = random.random()
    path = random.choice(["/", "/index.html", f"/page/{rn()}", f"/img/{rn(4)}.png", f"/api/v1/{rn(3)}?id={random.randint(1,999)}",
                          "/err", f"/missing/{rn()}", "/slow", "/short", "/badstatus", "/badheader", "/close", "/garbage", f"/old/{rn()}", f"/moved/{rn()}",
                          f"/admin/{rn()}", f"/dead/{rn()}", "/secret/data", "/secret/" + rn()])
    method = random.choices(["GET", "POST", "HEAD", "PUT", "DELETE"], [70, 12, 8, 5, 5])[0]
    hdr = {"User-Agent": random.choice(UAS)}
    if random.random() < 0.2: hdr["Referer"] = f"http://ref.r16.test/{rn()}"
    if random.random() < 0.1: hdr["Host"] = "old.r16.test"
    if random.random() < 0.2: hdr["Cookie"] = f"sid={random.randint(1000,9999)}"
    if path.startswith("/secret"):
        u, p = random.choice([("alice", "wonder"), ("bob", "builder"), ("alice", "bad" + rn(2)), (rn(5), "x"), None]) or (None, None)
        if u: hdr["Authorization"] = "Basic " + base64.b64encode(f"{u}:{p}".encode()).decode()
    body = None
    if method in ("POST", "PUT"):
        body = rn(random.choice([10, 100, 1000, 5000])); hdr["Content-Type"] = "text/plain"
    try:
        c.request(method, path, body=body, headers=hdr); c.getresponse().read()
    except Exception: pass
    c.close()
def raw(data, port=38080, wait=0.5, tls=False):
    try:
        s = socket.create_connection((H, port), timeout=8)
        if tls: s = ctx().wrap_socket(s)
        if data: s.sendall(data)
        time.sleep(wait)
        try: s.recv(65536)
        except Exception: pass
        s.close()
    except Exception: pass
def bad():
    k = random.randrange(17)
    if k == 0: raw(b"GARBAGE " + rn(30).encode() + b"\r\n\r\n")
    elif k == 1: raw(b"GET /" + rn().encode() + b" HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n")
    elif k == 2: raw(b"PROPFIND /dav HTTP/1.1\r\nHost: x\r\n\r\n")
    elif k == 3: raw(b"GET /" + b"a" * random.randint(5000, 9000) + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    elif k == 4: raw(b"POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + str(random.randint(5000, 90000)).encode() + b"\r\n\r\n" + b"y" * 5000)
    elif k == 5: raw(b"", wait=random.uniform(4.5, 6), port=random.choice([38080, 38443]))           # client timeout
    elif k == 6: raw(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", port=38443)  # plain HTTP to the TLS port
    elif k == 7: raw(bytes(random.randrange(256) for _ in range(random.randint(10, 300))), port=38443)
    elif k == 8: raw(b"GET /partial HTTP/1.1\r\nHost: x\r\n", wait=5)       # incomplete headers
    elif k == 9: raw(b"POST /chunk HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + random.choice([b"ZZZ\r\n", b"5\r\nabcde\r\nQ\r\n", b"4\r\nabcdefgh"]))
    elif k == 10: raw(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n", wait=0.5)   # client gives up early
    elif k == 11: raw(b"GET / HTTP/1.0\r\n\r\n")
    elif k == 12: raw(b"POST /cl HTTP/1.1\r\nHost: x\r\nContent-Length: " + random.choice([b"abc", b"-5", b"1x"]) + b"\r\n\r\nhello")
    elif k == 13: raw(b"POST /te HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + random.choice([b"gzip", b"compress", b"x-" + rn(4).encode()]) + b"\r\n\r\nhello")
    elif k == 14: raw(b"GET /a%" + random.choice([b"zz", b"g1", b"%%"]) + rn(3).encode() + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    elif k == 15: raw(b"GET /" + rn().encode() + b" HTTP/1.1\r\nHost: " + random.choice([b"app.r16.test", b"other.r16.test", rn(5).encode() + b".test"]) + b"\r\nUser-Agent: " + random.choice(UAS).encode() + b"\r\n\r\n", port=38085)
    else: raw(b"GET /" + rn().encode() + b" HTTP/1.1\r\nHost: app.r16.test\r\n\r\n", port=38085)
end = time.time() + float(sys.argv[1])
while time.time() < end:
    r = random.random()
    if r < 0.62: req(False)
    elif r < 0.85: req(True)
    else: bad()
    time.sleep(random.uniform(0.02, 0.4))
PY
CL=()
cl() { for i in 1 2 3; do python3 $W/clients.py "$1" & CL+=($!); done; }
P=$((DURATION/5))
cl $((P*5))
sleep $P
stop_be 38083                       # a backend dies
sleep $((P/2))
ctl disable /1/6/1                  # disable a backend through the control socket
sleep $((P/2))
start_be 38083; ctl enable /1/6/1   # and back
stop_be 38084                       # the HTTPS primary dies
sleep $((P/2))
stop_pound; start_pound             # restart
sleep $((P/2))
start_be 38084
kill -KILL "$(pgrep -P "$(cat $W/pound.pid)" | head -1)" 2>/dev/null   # the worker dies; the supervisor restarts it
ctl off /1/5                        # disable a whole service (the dead one), then on again
sleep $((P/3)); ctl on /1/5
ctl list; ctl disable /2/0/0
stop_be 38081; stop_be 38082        # everything down for a while
sleep $((P/2))
start_be 38081; start_be 38082; ctl enable /2/0/0
inns kill -HUP "$(cat $W/pound.pid)" 2>/dev/null; sleep 4
sleep 2; [ -e /proc/$(cat $W/pound.pid 2>/dev/null)/status ] || start_pound
wait "${CL[@]}"
# ---------- stop ----------
stop_pound
for p in "${!BE[@]}"; do stop_be $p; done
kill $NSPID 2>/dev/null
sleep 1; kill "$(cat $W/rsyslog.pid)"
wc -l "$OUT/pound.log"
