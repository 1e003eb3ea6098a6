#!/bin/bash
# Round-7 corpus workload: Privoxy 3.0.34 (Debian 12 package "privoxy"), own logfile, verbose
# debug mask (one line per record), on 127.0.0.1 only, for about DURATION seconds of randomised
# clients (curl + python raw sockets) through the proxy to local test servers that answer, are
# slow, dead or send garbage; CONNECT requests; blocked / redirected / filtered URLs; forwarding
# to dead upstreams; bad requests; ACL refusals; config reloads by editing the config; stop.
# Run as root on Debian 12:
#   apt-get install -y privoxy curl python3
#   bash workload.sh [OUT_DIR] [DURATION]      (OUT_DIR defaults to this script's folder)
# Writes OUT_DIR/privoxy.log unchanged. Scratch files live in /tmp/r7privoxy.
set -u
OUT=${1:-$(cd "$(dirname "$0")" && pwd)}; DURATION=${2:-200}
W=/tmp/r7privoxy; PORT=18118
GOOD=18191; SLOW=18192; GARB=18193; DEAD=18194; EMPTY=18195; ECHO=18196
# debug: 1 requests, 2 connections, 4 I/O, 8 headers, 64 filters, 128 redirects, 512 CLF,
# 1024 blocked requests, 4096 info, 8192 errors (no 16/2048/32768: multi-line dumps)
DEBUG_BITS="1 2 4 8 64 128 512 1024 4096 8192"

[ -f $W/privoxy.pid ] && kill "$(cat $W/privoxy.pid)" 2>/dev/null
[ -f $W/servers.pid ] && kill "$(cat $W/servers.pid)" 2>/dev/null
sleep 1
rm -rf $W; mkdir -p $W/conf "$OUT"; rm -f "$OUT/privoxy.log"
cp -r /etc/privoxy/templates /etc/privoxy/default.action /etc/privoxy/default.filter \
      /etc/privoxy/match-all.action $W/conf/

cat > $W/conf/user.filter <<'EOF'
FILTER: r7-secrets Mask secret words in test pages
s/secret-[0-9]+/[masked]/g
s/password=\w+/password=***/ig
FILTER: r7-scripts Remove inline scripts
s@<script[^>]*>.*?</script>@<!-- script removed -->@sig
SERVER-HEADER-FILTER: r7-server Drop the Server header
s/^Server:.*//i
CLIENT-HEADER-FILTER: r7-ua Rewrite the user agent
s/^User-Agent: curl/User-Agent: hidden-curl/i
EOF

write_user_action() {  # $1 = extra variant
cat > $W/conf/user.action <<EOF
{ +block{Test ad path} +handle-as-image }
/ads/
/banner/.*\.gif
{ +block{Tracking is not allowed here.} }
/track/
.tracker.test
{ +block{Denied test domain} +handle-as-empty-document }
.blocked.test
127.0.0.1:$GOOD/forbidden/
{ +redirect{http://127.0.0.1:$GOOD/landing} }
127.0.0.1:$GOOD/moved/
{ +redirect{s@/old/@/new/@} }
127.0.0.1:$GOOD/old/
{ +fast-redirects{check-decoded-url} }
127.0.0.1:$GOOD/out/
{ +filter{r7-secrets} +filter{r7-scripts} +server-header-filter{r7-server} }
127.0.0.1:$GOOD/filtered/
{ +client-header-filter{r7-ua} +hide-user-agent{Privoxy-Test/1.0} +crunch-incoming-cookies +crunch-outgoing-cookies }
127.0.0.1:$GOOD/private/
{ +limit-connect{,} }
127.0.0.1:$ECHO
127.0.0.1:$DEAD
127.0.0.1:$GARB
{ +add-header{X-R7-Test: $1} +hide-referrer{forge} }
127.0.0.1:$GOOD/hdr/
{ -block }
127.0.0.1:$GOOD/ads/allowed
EOF
}
write_user_action start

write_config() {  # $1 socket-timeout, $2 extra lines
{
echo "confdir $W/conf"
echo "logdir $OUT"
echo "logfile privoxy.log"
echo "actionsfile match-all.action"
echo "actionsfile default.action"
echo "actionsfile user.action"
echo "filterfile default.filter"
echo "filterfile user.filter"
echo "listen-address 127.0.0.1:$PORT"
echo "toggle 1"
echo "enable-remote-toggle 1"
echo "enable-remote-http-toggle 0"
echo "enable-edit-actions 1"
echo "enforce-blocks 0"
echo "buffer-limit 4096"
echo "forwarded-connect-retries 1"
echo "accept-intercepted-requests 0"
echo "allow-cgi-request-crunching 0"
echo "keep-alive-timeout 5"
echo "tolerate-pipelining 1"
echo "connection-sharing 1"
echo "socket-timeout $1"
echo "max-client-connections 12"
echo "permit-access 127.0.0.1"
echo "deny-access 127.0.0.3"
echo "forward .deadproxy.test 127.0.0.1:$DEAD"
echo "forward .garbproxy.test 127.0.0.1:$GARB"
echo "forward-socks5 .deadsocks.test 127.0.0.1:$DEAD ."
echo "forward-socks5t .garbsocks.test 127.0.0.1:$GARB ."
echo "forward-socks4a .socks4.test 127.0.0.1:$EMPTY ."
for b in $DEBUG_BITS; do echo "debug $b"; done
printf '%b' "${2:-}"
} > $W/config.new
mv $W/config.new $W/config
}
write_config 6

# ---- local test servers -------------------------------------------------------------------
cat > $W/servers.py <<'PY'
import os, random, socket, socketserver, sys, threading, time
GOOD, SLOW, GARB, EMPTY, ECHO = (int(p) for p in sys.argv[1:6])
WORDS = "alpha beta gamma delta omega lorem ipsum privacy proxy cookie".split()

def page(path):
    body = "<html><head><title>%s</title></head><body>" % path
    for _ in range(random.randint(2, 30)):
        body += "<p>%s secret-%d password=%s</p>" % (" ".join(random.sample(WORDS, 4)),
                                                     random.randint(1, 99999), random.choice(WORDS))
        if random.random() < 0.3:
            body += "<script>var x=%d;</script>" % random.randint(1, 999)
    return (body + "</body></html>").encode()

class Good(socketserver.StreamRequestHandler):
    def handle(self):
        while True:
            try:
                line = self.rfile.readline(65536)
            except OSError:
                return
            if not line:
                return
            headers = {}
            while True:
                h = self.rfile.readline(65536)
                if h in (b"\r\n", b"\n", b""):
                    break
                k, _, v = h.decode("latin1").partition(":")
                headers[k.strip().lower()] = v.strip()
            n = int(headers.get("content-length", "0") or 0)
            if n:
                self.rfile.read(n)
            parts = line.decode("latin1").split()
            path = parts[1] if len(parts) > 1 else "/"
            status, extra, body = "200 OK", "", page(path)
            if path.startswith("/status/"):
                code = path.split("/")[2]
                status = code + " Test"
                body = b"status " + code.encode()
            elif path.startswith("/redirect"):
                status, extra = "302 Found", "Location: http://127.0.0.1:%d/landing\r\n" % GOOD
                body = b""
            elif path.startswith("/big/"):
                body = os.urandom(int(path.split("/")[2]))
            elif path.startswith("/cookie"):
                extra = "Set-Cookie: sid=%d; Path=/\r\n" % random.randint(1, 10**9)
            elif path.startswith("/chunked"):
                chunks = [page(path)[:random.randint(10, 200)] for _ in range(random.randint(1, 4))]
                out = "HTTP/1.1 200 OK\r\nServer: r7test\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
                for c in chunks:
                    out += b"%x\r\n%s\r\n" % (len(c), c)
                self.wfile.write(out + b"0\r\n\r\n")
                continue
            elif path.startswith("/nolength"):
                self.wfile.write(b"HTTP/1.0 200 OK\r\nServer: r7test\r\nContent-Type: text/html\r\n\r\n" + page(path))
                return
            close = headers.get("connection", "").lower() == "close" or random.random() < 0.3
            hdr = ("HTTP/1.1 %s\r\nServer: r7test/1.%d\r\nContent-Type: text/html\r\n%sContent-Length: %d\r\n%s\r\n"
                   % (status, random.randint(0, 9), extra, len(body), "Connection: close\r\n" if close else ""))
            try:
                self.wfile.write(hdr.encode() + body)
            except OSError:
                return
            if close:
                return

class Slow(socketserver.StreamRequestHandler):
    def handle(self):
        self.rfile.readline()
        time.sleep(random.choice([1, 3, 8, 12]))
        try:
            body = b"slow answer"
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body))
        except OSError:
            pass

class Garb(socketserver.StreamRequestHandler):
    def handle(self):
        self.rfile.readline()
        try:
            r = random.random()
            if r < 0.4:
                self.wfile.write(os.urandom(random.randint(5, 300)))
            elif r < 0.7:
                self.wfile.write(b"HTTP/1.1 abc Weird\r\nContent-Length: xyz\r\n\r\nhello")
            else:
                self.wfile.write(b"NOT-HTTP %d\r\n\r\n" % random.randint(1, 999))
        except OSError:
            pass

class Empty(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.recv(100)

class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            d = self.request.recv(4096)
            if not d:
                return
            self.request.sendall(d)

class TS(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

for port, h in ((GOOD, Good), (SLOW, Slow), (GARB, Garb), (EMPTY, Empty), (ECHO, Echo)):
    threading.Thread(target=TS(("127.0.0.1", port), h).serve_forever, daemon=True).start()
while True:
    time.sleep(3600)
PY
python3 $W/servers.py $GOOD $SLOW $GARB $EMPTY $ECHO & echo $! > $W/servers.pid

cat > $W/raw.py <<'PY'
import random, socket, sys, time
port, kind = int(sys.argv[1]), sys.argv[2]
G = sys.argv[3]
s = socket.create_connection(("127.0.0.1", port), timeout=15)
r = random.randint(1, 99999)
def send(b):
    s.sendall(b)
if kind == "garbage":
    send(bytes(random.getrandbits(8) for _ in range(random.randint(10, 200))) + b"\r\n\r\n")
elif kind == "badline":
    send(random.choice([b"GET\r\n\r\n", b"HELLO WORLD\r\n\r\n", b"GET /relative/%d HTTP/1.1\r\nHost: \r\n\r\n" % r,
                        b"GET http:// HTTP/1.1\r\n\r\n", b"FOO http://127.0.0.1:%s/x HTTP/1.1\r\n\r\n" % G.encode(),
                        b"GET http://127.0.0.1:%s/p%d HTTP/9.9\r\n\r\n" % (G.encode(), r),
                        b"CONNECT nohostport HTTP/1.1\r\n\r\n", b"GET ftp://127.0.0.1/f%d HTTP/1.1\r\n\r\n" % r]))
elif kind == "http09":
    send(b"GET http://127.0.0.1:%s/old%d\r\n\r\n" % (G.encode(), r))
elif kind == "huge":
    send(b"GET http://127.0.0.1:%s/h%d HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: %s\r\n\r\n" % (G.encode(), r, b"A" * random.randint(5000, 20000)))
elif kind == "partial":
    send(b"GET http://127.0.0.1:%s/partial%d HTTP/1.1\r\nHost: 127.0.0.1\r\n" % (G.encode(), r))
    time.sleep(random.uniform(0.5, 2))
elif kind == "idle":
    time.sleep(random.uniform(1, 8))
elif kind == "post":
    body = b"x=%d&password=hunter%d" % (r, r)
    send(b"POST http://127.0.0.1:%s/form%d HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s"
         % (G.encode(), r, G.encode(), len(body) + random.choice([0, 0, 20]), body))
elif kind == "pipeline":
    send(b"".join(b"GET http://127.0.0.1:%s/pipe%d-%d HTTP/1.1\r\nHost: 127.0.0.1:%s\r\n\r\n" % (G.encode(), r, i, G.encode())
                  for i in range(random.randint(2, 4))))
elif kind == "shortclose":
    send(b"GET http://127.0.0.1:%s/sc%d HTTP/1.1\r\n" % (G.encode(), r))
try:
    s.settimeout(10)
    while s.recv(65536):
        pass
except OSError:
    pass
s.close()
PY

/usr/sbin/privoxy --pidfile $W/privoxy.pid $W/config
sleep 1

P="-s -o /dev/null --max-time 20 -x http://127.0.0.1:$PORT"
rnd() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

one_action() {
  local n=$RANDOM
  case $(rnd 40) in
    0|1|2|3) curl $P "http://127.0.0.1:$GOOD/page/$n?q=$(rnd 1000)" ;;
    4) curl $P -H "Connection: close" "http://127.0.0.1:$GOOD/status/$(pick 200 204 301 403 404 500 503)" ;;
    5) curl $P "http://127.0.0.1:$GOOD/ads/img$n.gif" ;;
    6) curl $P "http://127.0.0.1:$GOOD/banner/b$n.gif" ;;
    7) curl $P "http://$(pick www ads cdn x$n).blocked.test/$(pick index.html a/b/c q?x=$n)" ;;
    8) curl $P "http://127.0.0.1:$GOOD/track/pixel?id=$n" ;;
    9) curl $P "http://127.0.0.1:$GOOD/moved/item$n" ;;
    10) curl $P "http://127.0.0.1:$GOOD/old/doc$n.html" ;;
    11) curl $P "http://127.0.0.1:$GOOD/out/?url=http%3A%2F%2F127.0.0.1%3A$GOOD%2Fpage%2F$n" ;;
    12|13) curl $P --compressed "http://127.0.0.1:$GOOD/filtered/p$n" ;;
    14) curl $P -b "session=$n; pref=x" "http://127.0.0.1:$GOOD/private/cookie$n" ;;
    15) curl $P -e "http://ref$n.test/" "http://127.0.0.1:$GOOD/hdr/$n" ;;
    16) curl $P "http://127.0.0.1:$SLOW/slow$n" ;;
    17) curl $P "http://127.0.0.1:$DEAD/dead$n" ;;
    18) curl $P "http://127.0.0.1:$GARB/garb$n" ;;
    19) curl $P "http://127.0.0.1:$EMPTY/empty$n" ;;
    20) curl $P "http://host$n.nosuch.invalid/x" ;;
    21) curl $P "http://site$n.deadproxy.test/p" ;;
    22) curl $P "http://site$n.garbproxy.test/p" ;;
    23) curl $P "http://site$n.deadsocks.test/p" ;;
    24) curl $P "http://site$n.garbsocks.test/p" ;;
    25) curl $P "http://site$n.socks4.test/p" ;;
    26) curl $P -p "http://127.0.0.1:$ECHO/tunnel$n" ;;     # CONNECT to echo (allowed port)
    27) curl $P -p "http://127.0.0.1:$(pick $DEAD $GARB)/t$n" ;;  # CONNECT to dead / garbage
    28) curl $P -k "https://127.0.0.1:$(pick 8443 9$((RANDOM % 900 + 100)))/" ;;   # CONNECT denied port
    29) curl $P "http://127.0.0.1:$GOOD/redirect$n" ;;
    30) curl $P "http://127.0.0.1:$GOOD/big/$((RANDOM * 3 + 100))" ;;
    31) curl $P "http://127.0.0.1:$GOOD/$(pick chunked nolength)/$n" ;;
    32) curl $P "http://$(pick p.p config.privoxy.org)/$(pick show-status show-version 'show-url-info?url=127.0.0.1%3A'$GOOD'%2Fads%2F' show-request toggle 'show-status?file=actions&index=2' nosuchpage$n edit-actions 'show-url-info?url=www.blocked.test')" ;;
    33) curl -s -o /dev/null --max-time 10 --interface 127.0.0.3 -x http://127.0.0.1:$PORT "http://127.0.0.1:$GOOD/acl$n" ;;
    34) python3 $W/raw.py 2>/dev/null $PORT $(pick garbage badline badline http09 huge partial shortclose) $GOOD ;;
    35) python3 $W/raw.py 2>/dev/null $PORT $(pick post pipeline idle) $GOOD ;;
    36) curl $P -X $(pick PUT DELETE OPTIONS HEAD PATCH) "http://127.0.0.1:$GOOD/api/$n" ;;
    37) curl $P "http://127.0.0.1:$GOOD/ads/allowed$n" ;;
    38) curl $P "http://$n.tracker.test/t.js" ;;
    39) curl $P -o /dev/null "http://127.0.0.1:$GOOD/page/$n" "http://127.0.0.1:$GOOD/page/$((n+1))" ;;
  esac
}

START=$(date +%s); phase=0
while [ $(( $(date +%s) - START )) -lt "$DURATION" ]; do
  pids=""; for i in $(seq $((RANDOM % 3 / 2 + 1))); do one_action & pids="$pids $!"; done
  wait $pids
  sleep $((RANDOM % 3 + 1)).$((RANDOM % 10))
  el=$(( $(date +%s) - START ))
  # config reloads by editing the config and the action file (Privoxy re-reads changed files)
  if [ $phase -eq 0 ] && [ $el -gt $((DURATION / 5)) ]; then
    phase=1; write_config 4 "bogus-directive 42\n"
  elif [ $phase -eq 1 ] && [ $el -gt $((DURATION * 2 / 5)) ]; then
    phase=2; write_user_action "v$RANDOM"; write_config 8
  elif [ $phase -eq 2 ] && [ $el -gt $((DURATION * 3 / 5)) ]; then
    phase=3; write_config 5 "forward .late.test 127.0.0.1:$DEAD\nunknown-option yes\n"
    printf '{ +block{broken file} \n/nope/\n{ +unknown-action-xyz }\n/x/\n' >> $W/conf/user.action
    curl $P "http://127.0.0.1:$GOOD/page/after-break"; sleep 1
    if ! kill -0 "$(cat $W/privoxy.pid 2>/dev/null)" 2>/dev/null; then   # fatal: repair and restart
      write_user_action "v$RANDOM"; sleep 3
      for try in 1 2 3 4 5; do
        /usr/sbin/privoxy --pidfile $W/privoxy.pid $W/config; sleep 2
        kill -0 "$(cat $W/privoxy.pid 2>/dev/null)" 2>/dev/null && break
      done
    fi
  elif [ $phase -eq 3 ] && [ $el -gt $((DURATION * 4 / 5)) ]; then
    phase=4; write_user_action "v$RANDOM"; write_config 6
    # burst over max-client-connections
    pids=""; for i in $(seq 16); do curl $P --max-time 15 "http://127.0.0.1:$SLOW/burst$i" & pids="$pids $!"; done; wait $pids
  fi
done

kill "$(cat $W/privoxy.pid)"; sleep 2
kill "$(cat $W/servers.pid)"
wc -l "$OUT/privoxy.log"
