#!/bin/bash
# Round-19 corpus workload: apt-cacher-ng 3.7.4 (Debian 12 package), VerboseLog 1, Debug 7 (all
# messages, unbuffered); the log kept is its own apt-cacher.err (line-oriented, one record a line).
# apt-cacher-ng listens on 127.0.0.1:21310 and caches a fake Debian mirror served by a local Python
# backend (127.0.0.1:21311: good, missing, forbidden, failing, slow, truncated, garbage, redirecting
# files), a black-holed backend (21313) and a dead port (21312); curl and raw-socket clients do
# proxy and remapped requests, cache hits, range and conditional requests, HEAD, aborted downloads,
# bad requests, forbidden ports, unknown hosts, CONNECT, report/maintenance pages with right and
# wrong admin passwords, expiration runs; between phases: restarts and stop.
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION]
#   (needs: apt-get install apt-cacher-ng curl python3)
set -u
OUT=${1:-$(dirname "$(readlink -f "$0")")}; DURATION=${2:-200}
W=/tmp/r19acng; PORT=21310; BE=21311; DEAD=21312; HOLE=21313
mkdir -p "$OUT" $W
for p in $W/pid $W/backend.pid; do [ -f $p ] && kill "$(cat $p)" 2>/dev/null; done
sleep 1
rm -rf $W/cache $W/log $W/conf; mkdir -p $W/cache $W/log $W/conf
chown -R apt-cacher-ng $W/cache $W/log; chown apt-cacher-ng $W

cat > $W/conf/acng.conf <<EOF
CacheDir: $W/cache
LogDir: $W/log
SupportDir: /usr/lib/apt-cacher-ng
Port: $PORT
BindAddress: 127.0.0.1
SocketPath: $W/socket
PidFile: $W/pid
VerboseLog: 1
Debug: 7
ReportPage: acng-report.html
ExThreshold: 4
AllowUserPorts: 80 $BE $DEAD $HOLE
Remap-fakedeb: /fakedeb ; http://127.0.0.1:$BE/debian http://127.0.0.1:$DEAD/debian
Remap-holedeb: /holedeb ; http://127.0.0.1:$HOLE/debian
Remap-deaddeb: /deaddeb ; http://127.0.0.1:$DEAD/debian
NetworkTimeout: 4
DlMaxRetries: 1
PassThroughPattern: ^127\.0\.0\.1:$BE$
LocalDirs: localdocs $W/localdocs
EOF
cat > $W/conf/security.conf <<EOF
AdminAuth: admin:s3cret-$RANDOM
EOF
ADMINPW=$(sed 's/AdminAuth: admin://' $W/conf/security.conf)
chmod 640 $W/conf/security.conf; chgrp apt-cacher-ng $W/conf/security.conf
mkdir -p $W/localdocs; for i in 1 2 3; do head -c $((RANDOM * 3)) /dev/urandom > $W/localdocs/doc$i.bin; done

cat > $W/backend.py <<'EOF'
# fake Debian mirror with misbehaving paths, plus a black hole port that accepts and never answers
import hashlib, os, random, socket, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
port, hole = int(sys.argv[1]), int(sys.argv[2])
def body(path):
    n = int(hashlib.md5(path.encode()).hexdigest()[:6], 16) % 60000 + 200
    return (hashlib.sha256(path.encode()).digest() * (n // 32 + 1))[:n]
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_HEAD(self): self.do_GET(head=True)
    def do_GET(self, head=False):
        p = self.path
        if "missing" in p or p.endswith(".diff/Index"):
            return self.send_error(404)
        if "forbidden" in p:
            return self.send_error(403)
        if "broken" in p:
            return self.send_error(500)
        if "unavail" in p:
            return self.send_error(503)
        if "slow" in p:
            time.sleep(7)
        if "garbage" in p:
            self.wfile.write(b"SSH-2.0-OpenSSH_9.2 garbage\r\n\r\n"); return
        if "redirect" in p:
            self.send_response(302); self.send_header("Location", p.replace("redirect", "moved"))
            self.send_header("Content-Length", "0"); self.end_headers(); return
        if "loop" in p:
            self.send_response(301); self.send_header("Location", p)
            self.send_header("Content-Length", "0"); self.end_headers(); return
        b = body(p)
        if "Release" in p:
            b = ("Origin: Fake\nSuite: %s\nDate: %s\n" % (p.split("/")[3] if p.count("/") > 3 else "x",
                 time.strftime("%a, %d %b %Y %H:%M:%S UTC", time.gmtime()))).encode() + b[:300].hex().encode()
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes=") and "norange" not in p:
            start = int(rng[6:].split("-")[0] or 0)
            if start >= len(b):
                self.send_response(416); self.send_header("Content-Range", "bytes */%d" % len(b))
                self.send_header("Content-Length", "0"); self.end_headers(); return
            self.send_response(206); self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(b) - 1, len(b)))
            b = b[start:]
        else:
            self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Last-Modified", "Tue, 01 Nov 2022 10:00:00 GMT")
        self.send_header("Content-Length", str(len(b) + (5000 if "short" in p else 0)))
        self.end_headers()
        if not head:
            self.wfile.write(b)
            if "short" in p:
                self.close_connection = True
def blackhole():
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", hole)); s.listen(50); keep = []
    while True:
        c, _ = s.accept(); keep.append(c)
threading.Thread(target=blackhole, daemon=True).start()
ThreadingHTTPServer.allow_reuse_address = True
ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
EOF
python3 $W/backend.py $BE $HOLE & echo $! > $W/backend.pid

start_acng() { runuser -u apt-cacher-ng -- /usr/sbin/apt-cacher-ng -c $W/conf >/dev/null 2>&1; sleep 1; }
stop_acng() { [ -f $W/pid ] && kill "$(cat $W/pid)"; sleep 1.5; }

cat > $W/client.py <<'EOF'
import random, socket, subprocess, sys, threading, time, base64
port, be, dead, hole, pw, seconds, sockpath = sys.argv[1:8]
port = int(port); R = random.Random(); end = time.time() + float(seconds)
suites = ["bookworm", "bookworm-updates", "trixie", "sid", "bullseye"]
pkgs = ["nginx", "curl", "libssl3", "python3.11", "zsh", "htop", "vim-tiny", "openssh-client", "git", "jq",
        "tmux", "rsync", "less", "bash", "coreutils", "gcc-12", "make", "perl-base", "sudo", "wget"]
def deb(tag=""):
    p = R.choice(pkgs)
    return "pool/main/%s/%s/%s_%d.%d-%d%s_amd64.deb" % (p[0], p, p, R.randrange(1, 9), R.randrange(30), R.randrange(1, 5), tag)
def index(tag=""):
    s = R.choice(suites)
    return R.choice(["dists/%s/InRelease" % s, "dists/%s/Release%s" % (s, tag), "dists/%s/main/binary-amd64/Packages%s.xz" % (s, tag),
                     "dists/%s/main/i18n/Translation-en%s.bz2" % (s, tag), "dists/%s/main/binary-amd64/Packages.diff/Index" % s,
                     "dists/%s/main/source/Sources%s.gz" % (s, tag)])
def url(kind="proxy", tag=""):
    path = deb(tag) if R.random() < 0.6 else index(tag)
    if kind == "proxy":
        return "http://127.0.0.1:%s/debian/%s" % (be, path)
    return "http://127.0.0.1:%d/%s/%s" % (port, kind, path)
def curl(u, *extra, proxy=True, t=12):
    cmd = ["curl", "-s", "-o", "/dev/null", "-m", str(t)] + (["-x", "http://127.0.0.1:%d" % port] if proxy else []) + list(extra) + [u]
    subprocess.run(cmd)
def raw(data, wait=True):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=3); s.sendall(data)
        if wait:
            try: s.recv(65536)
            except socket.timeout: pass
        s.close()
    except OSError: pass
seen = []
while time.time() < end:
    k = R.randrange(100)
    if k < 22:                                   # proxy request of a file, maybe repeated (cache hit)
        u = url("proxy"); seen.append(u); curl(u)
    elif k < 36:                                 # remapped request
        u = url("fakedeb"); seen.append(u); curl(u, proxy=False)
    elif k < 46 and seen:                        # repeat: cache hit, conditional, range, HEAD
        u = R.choice(seen); prox = "fakedeb" not in u
        ex = R.choice([[], ["-H", "If-Modified-Since: %s" % R.choice(["Tue, 01 Nov 2022 10:00:00 GMT", "Mon, 01 Jan 2024 00:00:00 GMT", "garbage date"])],
                       ["-r", "%d-" % R.randrange(0, 70000)], ["-I"], ["-H", "Cache-Control: no-cache"]])
        curl(u, *ex, proxy=prox)
    elif k < 56:                                 # backend errors: missing, forbidden, broken, redirects, truncated, garbage
        tag = R.choice(["-missing", "-forbidden", "-broken", "-unavail", "-redirect", "-short", "-garbage", "-loop", "-norange"])
        curl(url(R.choice(["proxy", "fakedeb"]), tag), proxy=R.random() < 0.5)
    elif k < 60:                                 # slow backend: timeout (sometimes client gives up first)
        curl(url("proxy", "-slow"), t=R.choice([2, 12]))
    elif k < 63:                                 # dead and black-holed backends
        curl("http://127.0.0.1:%d/%s/%s" % (port, R.choice(["deaddeb", "holedeb"]), deb()), proxy=False, t=R.choice([3, 10]))
    elif k < 66:                                 # unknown host, port not allowed, bad scheme
        curl(R.choice(["http://mirror%d.nowhere.invalid/debian/%s" % (R.randrange(99), deb()),
                       "http://127.0.0.1:%d/debian/%s" % (R.choice([22, 8080, 21399]), deb()),
                       "http://127.0.0.1:%s/debian/../../etc/passwd" % be,
                       "http://127.0.0.1:%s/some/random/file%d.txt" % (be, R.randrange(999))]))
    elif k < 72:                                 # malformed and odd requests
        raw(R.choice([b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"POST /fakedeb/x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
                      b"GET /fakedeb/%s HTTP/1.0\r\n\r\n" % deb().encode(), b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(R.randrange(256) for _ in range(40)),
                      b"GET http://127.0.0.1:%s/debian/%s HTTP/1.1\r\nHost: 127.0.0.1\r\n" % (be.encode(), deb().encode()),
                      b"DELETE /fakedeb/dists/sid/Release HTTP/1.1\r\nHost: x\r\n\r\n",
                      b"GET /nonexisting/%d HTTP/1.1\r\nHost: x\r\n\r\n" % R.randrange(9999),
                      b"CONNECT 127.0.0.1:%d HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" % R.choice([443, int(be), 22])]), wait=R.random() < 0.7)
    elif k < 76:                                 # client aborts a download
        raw(b"GET /fakedeb/%s HTTP/1.1\r\nHost: localhost\r\n\r\n" % (deb("-slow") if R.random() < 0.5 else deb()).encode(), wait=False)
    elif k < 78:                                 # client sends half a request and goes silent
        def idle(req):
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=30); s.sendall(req); time.sleep(R.randrange(16, 25)); s.close()
            except OSError: pass
        threading.Thread(target=idle, args=(R.choice([b"GET /fakedeb/%s HTTP/1.1\r\nHost: x\r\n" % deb().encode(), b"GET /fakedeb/", b""]),), daemon=True).start()
    elif k < 80:                                 # local directory
        curl("http://127.0.0.1:%d/localdocs/%s" % (port, R.choice(["doc1.bin", "doc2.bin", "doc3.bin", "missing.bin", "../etc/x"])), proxy=False)
    elif k < 88:                                 # report / maintenance pages, right and wrong passwords
        auth = R.choice([None, "admin:" + pw, "admin:wrong%d" % R.randrange(99), "root:" + pw])
        page = R.choice(["acng-report.html", "acng-report.html?doCount=Count+Data", "acng-report.html?justShow=1&doExpire=Start+Scan+and%2For+Expiration&calcSize=cs",
                         "acng-report.html?doExpire=Start+Scan+and%2For+Expiration&abortOnErrors=aOe", "acng-report.html?doImport=Start+Import",
                         "acng-report.html?doTraceStart=1", "acng-report.html?doMirror=Start+Mirroring", "acng-report.html?doTraceEnd=1", "acng-report.html?doDelete=x"])
        ex = ["-u", auth] if auth else []
        curl("http://127.0.0.1:%d/%s" % (port, page), *ex, proxy=False, t=20)
    elif k < 92:                                 # several files on one keep-alive connection
        us = [url("fakedeb") for _ in range(R.randrange(2, 5))]
        subprocess.run(["curl", "-s", "-m", "15"] + sum([["-o", "/dev/null", u] for u in us], []))
        seen.extend(us)
    elif k < 96:                                 # apt-like client with a User-Agent and index files
        curl("http://127.0.0.1:%d/fakedeb/%s" % (port, index()), "-A", "Debian APT-HTTP/1.3 (2.6.1)", proxy=False)
    else:                                        # local client over the UNIX domain socket
        try:
            s = socket.socket(socket.AF_UNIX); s.settimeout(5); s.connect(sockpath)
            s.sendall(b"GET /fakedeb/%s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" % R.choice([deb(), index()]).encode())
            while s.recv(65536): pass
            s.close()
        except OSError: pass
    time.sleep(R.random() * 0.3)
EOF

# a few cache directories the daemon may not write into (storage errors)
for d in fakedeb/pool/main/j 127.0.0.1/debian/pool/main/w fakedeb/dists/sid/main/source; do
  mkdir -p $W/cache/$d; chown -R apt-cacher-ng $W/cache; chown root $W/cache/$d; chmod 555 $W/cache/$d
done
touch $W/cache/fakedeb/pool/main/k; chown root $W/cache/fakedeb/pool/main/k   # a file where a directory belongs
start_acng
END=$((SECONDS + DURATION))
r() { echo $((RANDOM % $1)); }
while [ $SECONDS -lt $END ]; do
  timeout 60 python3 $W/client.py $PORT $BE $DEAD $HOLE "$ADMINPW" $((10 + $(r 20))) $W/socket
  case $(r 6) in
    0) stop_acng; start_acng ;;
    1) kill -HUP "$(cat $W/pid)"; sleep 1 ;;
    2) kill -USR1 "$(cat $W/pid)"; sleep 1 ;;
    *) ;;
  esac
  kill -0 "$(cat $W/pid 2>/dev/null)" 2>/dev/null || start_acng
done
stop_acng
kill "$(cat $W/backend.pid)"
cp $W/log/apt-cacher.err "$OUT/aptcacher.log"
wc -l "$OUT/aptcacher.log"
