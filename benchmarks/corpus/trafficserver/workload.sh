#!/bin/bash
# Round-10 corpus workload: Apache Traffic Server 9.2 (Debian 12 package `trafficserver`) as a
# reverse and forward caching proxy on 127.0.0.1:17080 in front of a small local Python origin
# (127.0.0.1:17081, plus a black-hole port 17083 and a dead port 17082) and a tiny local DNS
# server (127.0.0.1:17053). traffic_manager + traffic_server, diags.log with debug output for a few
# tags (proxy.config.diags.output.* = L, show_location default). The randomised workload sends
# hits, misses, revalidations, uncacheable and error responses, bad requests, requests to a dead
# and a black-holed origin, DNS failures, PURGE/PUSH (allowed and denied), kills and restarts the
# origin, rewrites remap.config / ip_allow.yaml (sometimes broken) and reloads them with
# `traffic_ctl config reload`, sets records with `traffic_ctl config set`, restarts traffic_server
# with `traffic_ctl server restart`, restarts traffic_manager, and stops it at the end.
# The resulting /var/log/trafficserver/diags.log is copied unchanged to trafficserver.log.
#
# Run as root on Debian 12:  apt-get install -y trafficserver curl python3
#                            bash workload.sh [MAX_SECONDS (default 300)] [LINE_BUDGET (default 2350)]
# It overwrites /etc/trafficserver/{records.config,remap.config,ip_allow.yaml} (the originals are
# saved once to /etc/trafficserver.r10-orig) and clears /var/log/trafficserver.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
DURATION=${1:-300}
BUDGET=${2:-2350}   # stop the workload once diags.log has this many lines
MAXLINES=2500
TAGS=${TAGS:-'http_seq|dns|hostdb|cache_init|url_rewrite_regex|http_chunk|privileges|plugin_factory|ssl_load|log-config|cache_dir_sync'}
W=/tmp/r10-ats
P=17080
mkdir -p "$W"
r() { echo $((RANDOM % $1)); }

cleanup() {
  for f in tm origin dns; do
    [ -f "$W/$f.pid" ] && kill "$(cat "$W/$f.pid")" 2>/dev/null
  done
  sleep 2
  rm -f "$W"/*.pid
}
cleanup

# ---------------------------------------------------------------- origin and DNS helpers
cat > "$W/origin.py" <<'EOF'
import sys, time, random, socket, threading, hashlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def body(self, code, data, headers=()):
        self.send_response(code)
        for k, v in headers: self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD": self.wfile.write(data)
    def do_HEAD(self): self.do_GET()
    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(n)
        self.body(201, b"stored %d\n" % n, [("Content-Type", "text/plain")])
    do_PUT = do_POST
    def do_DELETE(self): self.body(204, b"")
    def do_GET(self):
        p = self.path.split("?")[0]; parts = p.strip("/").split("/")
        q = dict(x.split("=", 1) for x in self.path.split("?", 1)[1].split("&") if "=" in x) if "?" in self.path else {}
        sz = int(q.get("sz", random.randint(10, 5000)))
        data = (hashlib.md5(p.encode()).hexdigest() * (sz // 32 + 1))[:sz].encode()
        etag = '"%s"' % hashlib.md5(data).hexdigest()[:12]
        k = parts[0]
        if k == "static":
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304); self.send_header("ETag", etag); self.send_header("Content-Length", "0"); self.end_headers(); return
            self.body(200, data, [("Cache-Control", "max-age=%s" % q.get("ma", "300")), ("ETag", etag), ("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT"), ("Content-Type", "text/plain")])
        elif k == "short":
            if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
                self.send_response(304); self.send_header("ETag", etag); self.send_header("Cache-Control", "max-age=2"); self.send_header("Content-Length", "0"); self.end_headers(); return
            self.body(200, data, [("Cache-Control", "max-age=2"), ("ETag", etag), ("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT")])
        elif k == "nocache": self.body(200, data, [("Cache-Control", "no-store")])
        elif k == "private": self.body(200, data, [("Cache-Control", "private"), ("Set-Cookie", "s=%d" % random.randint(1, 99999))])
        elif k == "vary": self.body(200, data, [("Cache-Control", "max-age=120"), ("Vary", "Accept-Encoding")])
        elif k == "err": self.body(int(parts[1]) if len(parts) > 1 else 500, b"error\n", [("Cache-Control", "max-age=30")])
        elif k == "slow":
            time.sleep(float(parts[1]) if len(parts) > 1 else 5); self.body(200, data)
        elif k == "redirect": self.body(302, b"", [("Location", "http://www.example.test/static/" + str(random.randint(1, 50)))])
        elif k == "chunked":
            self.send_response(200); self.send_header("Transfer-Encoding", "chunked"); self.send_header("Cache-Control", "max-age=60"); self.end_headers()
            for _ in range(random.randint(1, 5)):
                c = data[:random.randint(1, 500)]; self.wfile.write(b"%x\r\n%s\r\n" % (len(c), c))
            self.wfile.write(b"0\r\n\r\n")
        elif k == "garbage":
            self.wfile.write(b"HTTX/9.9 ??? nonsense\r\n\x00\x01garbage\r\n\r\n"); self.close_connection = True
        elif k == "close": self.close_connection = True; self.connection.shutdown(socket.SHUT_RDWR)
        elif k == "badlen":
            self.send_response(200); self.send_header("Content-Length", str(sz + 1000)); self.end_headers(); self.wfile.write(data); self.close_connection = True
        else: self.body(404, b"not found\n")
def blackhole(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", port)); s.listen(50)
    conns = []
    while True:
        c, _ = s.accept(); conns.append(c)
threading.Thread(target=blackhole, args=(int(sys.argv[2]),), daemon=True).start()
ThreadingHTTPServer.allow_reuse_address = True
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
EOF
cat > "$W/dns.py" <<'EOF'
# *.origin.test -> 127.0.0.1, *.slowdns.test -> no answer, *.servfail.test -> SERVFAIL, rest NXDOMAIN
import socket, struct, sys, random
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", int(sys.argv[1])))
while True:
    data, addr = s.recvfrom(512)
    if len(data) < 12: continue
    tid = struct.unpack(">H", data[:2])[0]
    i = 12; labels = []
    while i < len(data) and data[i]:
        labels.append(data[i+1:i+1+data[i]].decode(errors="replace")); i += data[i] + 1
    q = data[12:i+5]; name = ".".join(labels).lower()
    qtype = struct.unpack(">H", data[i+1:i+3])[0] if i + 3 <= len(data) else 1
    if name.endswith("slowdns.test"): continue
    if name.endswith("origin.test"):
        if qtype == 1:
            ans = b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, random.choice([5, 30, 60]), 4) + socket.inet_aton("127.0.0.1")
            s.sendto(struct.pack(">HHHHHH", tid, 0x8180, 1, 1, 0, 0) + q + ans, addr)
        else:
            s.sendto(struct.pack(">HHHHHH", tid, 0x8180, 1, 0, 0, 0) + q, addr)
    elif name.endswith("servfail.test"):
        s.sendto(struct.pack(">HHHHHH", tid, 0x8182, 1, 0, 0, 0) + q, addr)
    else:
        s.sendto(struct.pack(">HHHHHH", tid, 0x8183, 1, 0, 0, 0) + q, addr)
EOF
cat > "$W/raw.py" <<'EOF'
# send raw bytes (python escapes in argv[1]) to the proxy, print the status line
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[2])), timeout=4)
s.sendall(sys.argv[1].encode().decode("unicode_escape").encode("latin1"))
try: print(s.recv(200).split(b"\r\n")[0])
except Exception as e: print(e)
EOF

start_origin() { python3 "$W/origin.py" 17081 17083 >/dev/null 2>&1 & echo $! > "$W/origin.pid"; }
stop_origin() { [ -f "$W/origin.pid" ] && kill "$(cat "$W/origin.pid")" 2>/dev/null; rm -f "$W/origin.pid"; }

# ---------------------------------------------------------------- Traffic Server configuration
C=/etc/trafficserver
[ -d /etc/trafficserver.r10-orig ] || cp -a $C /etc/trafficserver.r10-orig
cp /etc/trafficserver.r10-orig/records.config $C/records.config
cat >> $C/records.config <<EOF
# --- round-10 workload overrides
CONFIG proxy.config.http.server_ports STRING $P
CONFIG proxy.config.url_remap.remap_required INT 0
CONFIG proxy.config.http.transaction_no_activity_timeout_out INT 3
CONFIG proxy.config.http.connect_attempts_timeout INT 2
CONFIG proxy.config.http.connect_attempts_max_retries INT 1
CONFIG proxy.config.http.connect_attempts_rr_retries INT 1
CONFIG proxy.config.http.down_server.cache_time INT 10
CONFIG proxy.config.http.push_method_enabled INT 1
CONFIG proxy.config.http.negative_caching_enabled INT 1
CONFIG proxy.config.http.negative_caching_lifetime INT 20
CONFIG proxy.config.net.connections_throttle INT 10000
CONFIG proxy.config.dns.nameservers STRING 127.0.0.1:17053
CONFIG proxy.config.dns.resolv_conf STRING $W/resolv.conf
CONFIG proxy.config.dns.lookup_timeout INT 2
CONFIG proxy.config.dns.retries INT 1
CONFIG proxy.config.hostdb.host_file.path STRING $W/hosts
CONFIG proxy.config.diags.debug.enabled INT 1
CONFIG proxy.config.diags.debug.tags STRING $TAGS
CONFIG proxy.config.diags.output.debug STRING L
CONFIG proxy.config.diags.output.diag STRING L
CONFIG proxy.config.diags.output.status STRING L
CONFIG proxy.config.diags.output.note STRING L
CONFIG proxy.config.diags.output.warning STRING L
CONFIG proxy.config.diags.output.error STRING L
CONFIG proxy.config.diags.output.fatal STRING L
CONFIG proxy.config.diags.output.alert STRING L
CONFIG proxy.config.diags.output.emergency STRING L
CONFIG proxy.config.diags.logfile.rolling_enabled INT 0
EOF
printf 'search example.test\n' > "$W/resolv.conf"   # no system nameserver: only the local one
printf '127.0.0.1 localhost\n127.0.0.1 files.hosts.test\n127.0.0.1 img.hosts.test\n' > "$W/hosts"

write_remap() {  # $1 = 1 to add a broken line
  {
    echo "map http://www.example.test/ http://127.0.0.1:17081/"
    echo "map http://dead.example.test/ http://127.0.0.1:17082/"
    echo "map http://hole.example.test/ http://127.0.0.1:17083/"
    echo "redirect http://old.example.test/ http://www.example.test/"
    echo "regex_map http://shop([0-9]+).example.test/ http://127.0.0.1:17081/static/"
    for i in $(seq $((1 + $(r 4)))); do
      echo "map http://site$(r 40).example.test/ http://127.0.0.1:17081/"
    done
    [ $(r 2) = 0 ] && echo "reverse_map http://127.0.0.1:17081/ http://www.example.test/"
    if [ "${1:-0}" = 1 ]; then
      case $(r 3) in
        0) echo "map http://broken$(r 99).example.test/" ;;
        1) echo "frobnicate http://x$(r 99).example.test/ http://127.0.0.1:17081/" ;;
        2) echo "map http://bad$(r 99).example.test/ ftp://127.0.0.1:17081/" ;;
      esac
    fi
  } > $C/remap.config
}
write_ipallow() {  # $1 = 1 to write a broken file
  if [ "${1:-0}" = 1 ]; then
    printf 'ip_allow:\n  - apply: in\n    ip_addrs: 127.0.0.%s\n    action: perhaps\n' $(r 250) > $C/ip_allow.yaml
    return
  fi
  cat > $C/ip_allow.yaml <<EOF
ip_allow:
  - apply: in
    ip_addrs: 127.0.0.1
    action: allow
    methods: ALL
  - apply: in
    ip_addrs: 127.0.0.3
    action: deny
    methods: ALL
  - apply: in
    ip_addrs: 0/0
    action: deny
    methods:
      - PURGE
      - PUSH
      - DELETE
      - TRACE
  - apply: in
    ip_addrs: ::/0
    action: deny
    methods:
      - PURGE
      - PUSH
      - DELETE
      - TRACE
EOF
}
write_remap 0
write_ipallow 0

# ---------------------------------------------------------------- start
rm -rf /var/log/trafficserver/* /var/log/trafficserver/.??* 2>/dev/null
rm -f /var/cache/trafficserver/cache.db   # start with an empty cache
python3 "$W/dns.py" 17053 >/dev/null 2>&1 & echo $! > "$W/dns.pid"
start_origin
start_tm() { traffic_manager >/dev/null 2>&1 & echo $! > "$W/tm.pid"; }
start_tm
sleep 5

X="-s -o /dev/null -m 8"
hostcurl() { curl $X -H "Host: $1" "${@:3}" "http://127.0.0.1:$P$2"; }
fwd() { curl $X -x "http://127.0.0.1:$P" "$@"; }
names=(alpha beta gamma index logo app style main feed news)
nm() { echo "${names[$(r ${#names[@]})]}$(r 3)"; }
encs=(gzip br identity "gzip, deflate" "")
reload() {  # the manager notices changed files by mtime; touch again so the change is picked up
  sleep 1; traffic_ctl config reload >/dev/null 2>&1; sleep 2
  touch $C/remap.config $C/ip_allow.yaml; traffic_ctl config reload >/dev/null 2>&1; sleep 2
  write_ipallow 0
}
START=$SECONDS
END=$((START + DURATION))
D=/var/log/trafficserver/diags.log
lines() { wc -l < $D; }
# one traffic_server restart, one origin outage and one traffic_manager restart, placed at random
# fractions of the line budget
L_RESTART=$((BUDGET * (20 + $(r 15)) / 100))
L_OUTAGE=$((BUDGET * (45 + $(r 10)) / 100))
L_MANAGER=$((BUDGET * (70 + $(r 10)) / 100))
T_RESTART=-1; T_OUTAGE=-1; T_MANAGER=-1
while [ $SECONDS -lt $END ] && [ $(lines) -lt $BUDGET ]; do
  n=$(lines)
  [ $T_RESTART = -1 ] && [ $n -ge $L_RESTART ] && T_RESTART=$SECONDS
  [ $T_OUTAGE = -1 ] && [ $n -ge $L_OUTAGE ] && T_OUTAGE=$SECONDS
  [ $T_MANAGER = -1 ] && [ $n -ge $L_MANAGER ] && T_MANAGER=$SECONDS
  if [ $T_RESTART -gt 0 ] && [ $SECONDS -ge $T_RESTART ]; then
    T_RESTART=0; b=$(r 2)
    [ $b = 1 ] && write_remap 1      # sometimes restart with a broken remap.config (restart loop), fixed a few seconds later
    traffic_ctl server restart >/dev/null 2>&1; sleep 8
    [ $b = 1 ] && { write_remap 0; sleep 6; }
  fi
  if [ $T_OUTAGE -gt 0 ] && [ $SECONDS -ge $T_OUTAGE ]; then
    T_OUTAGE=0; stop_origin; T_BACK=$((SECONDS + 8 + $(r 8)))
  fi
  if [ -n "${T_BACK:-}" ] && [ $SECONDS -ge $T_BACK ]; then
    T_BACK=; start_origin
  fi
  if [ $T_MANAGER -gt 0 ] && [ $SECONDS -ge $T_MANAGER ]; then
    T_MANAGER=0; kill "$(cat "$W/tm.pid")"; sleep 4; start_tm; sleep 6
  fi
  case $(r 32) in
    0|1|2) hostcurl www.example.test "/static/$(nm)" ;;
    3) hostcurl www.example.test "/static/$(nm)?sz=$((50 + $(r 8000)))" ;;
    4) for i in $(seq $((2 + $(r 3)))); do hostcurl www.example.test "/static/$(nm)"; done ;;
    5) hostcurl www.example.test "/short/$(r 5)" ;;
    6) hostcurl www.example.test "/$(echo nocache private chunked vary | tr ' ' '\n' | shuf -n1)/$(nm)" -H "Accept-Encoding: ${encs[$(r 5)]}" ;;
    7) hostcurl www.example.test "/err/$(echo 404 500 503 403 410 | tr ' ' '\n' | shuf -n1)/$(r 20)" ;;
    8) hostcurl dead.example.test "/static/$(nm)" ;;
    9) [ $(r 3) = 0 ] && hostcurl hole.example.test "/x/$(r 100)" ;;
    10) hostcurl www.example.test "/slow/$((2 + $(r 4)))" -m $((1 + $(r 6))) ;;
    11) hostcurl www.example.test "/$(echo garbage close badlen | tr ' ' '\n' | shuf -n1)/$(r 50)" ;;
    12) fwd "http://127.0.0.1:17081/static/$(nm)" ;;
    13) fwd "http://$(echo cdn img api www | tr ' ' '\n' | shuf -n1)$(r 9).origin.test:17081/static/$(nm)" ;;
    14) fwd "http://$(echo files img | tr ' ' '\n' | shuf -n1).hosts.test:17081/static/$(nm)" ;;
    15) fwd "http://nx$(r 1000).$(echo example.org nowhere.test | tr ' ' '\n' | shuf -n1)/" ;;
    16) [ $(r 3) = 0 ] && fwd "http://h$(r 99).$(echo slowdns servfail | tr ' ' '\n' | shuf -n1).test/" ;;
    17) hostcurl www.example.test "/static/$(nm)" -X PURGE ;;
    18) hostcurl www.example.test "/static/$(nm)" -X PURGE --interface 127.0.0.2 ;;
    19) hostcurl www.example.test "/static/$(nm)" --interface 127.0.0.3 ;;
    20) hostcurl www.example.test "/upload/$(nm)" -X $(echo POST PUT DELETE | tr ' ' '\n' | shuf -n1) --data-binary "@/etc/services" ;;
    21) hostcurl old.example.test "/static/$(nm)" ; hostcurl "shop$(r 20).example.test" "/$(nm)" ;;
    22) hostcurl "unmapped$(r 50).example.test" "/" ;;
    23) case $(r 9) in
          0) p='GET / HTTP/1.1\r\n\r\n' ;;
          1) p="FOO$(r 99) /x HTTP/1.1\r\nHost: www.example.test\r\n\r\n" ;;
          2) p='\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 garbage' ;;
          3) p="GET /$(head -c $((70000 + $(r 9000))) /dev/zero | tr '\0' a) HTTP/1.1\r\nHost: www.example.test\r\n\r\n" ;;
          4) p="GET /static/x HTTP/1.1\r\nHost: www.example.test\r\nContent-Length: -$(r 9)\r\n\r\n" ;;
          5) p="GET /static/x HTTP/9.$(r 9)\r\nHost: www.example.test\r\n\r\n" ;;
          6) p="POST /upload/x HTTP/1.1\r\nHost: www.example.test\r\nContent-Length: $((100 + $(r 900)))\r\n\r\nshort" ;;
          7) p="GET /static/x HTTP/1.1\r\nHost: www.example.test\r\nX-Big: $(head -c $((140000 + $(r 9000))) /dev/zero | tr '\0' b)\r\n\r\n" ;;
          8) p="CONNECT 127.0.0.1:$((17000 + $(r 999))) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" ;;
        esac
        python3 "$W/raw.py" "$p" $P >/dev/null 2>&1 ;;
    24) [ -n "${T_BACK:-}" ] && continue; stop_origin; for i in $(seq $((1 + $(r 4)))); do hostcurl www.example.test "/static/$(nm)"; done; start_origin ;;
    25|30|31) case $(r 4) in
          0|1) write_remap 0; reload ;;
          2) write_remap 1; reload; write_remap 0; reload ;;   # broken, then fixed
          3) write_ipallow $(( $(r 2) == 0 )); reload ;;
        esac ;;
    26) case $(r 5) in
          0) traffic_ctl config set proxy.config.http.transaction_no_activity_timeout_out $((2 + $(r 5))) ;;
          1) traffic_ctl config set proxy.config.http.cache.http $(r 2) ;;
          2) traffic_ctl config set proxy.config.http.negative_caching_lifetime $((5 + $(r 60))) ;;
          3) traffic_ctl config set proxy.config.no.such.record$(r 9) 1 ;;
          4) traffic_ctl config set proxy.config.http.connect_attempts_timeout $((1 + $(r 3))) ;;
        esac >/dev/null 2>&1
        traffic_ctl config reload >/dev/null 2>&1 ;;
    27) hostcurl www.example.test "/static/$(nm)" -H "Cache-Control: $(echo no-cache max-age=0 only-if-cached no-store | tr ' ' '\n' | shuf -n1)" ;;
    28) hostcurl www.example.test "/short/$(r 5)" -H "If-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT" ;;
    29) hostcurl www.example.test "/static/$(nm)" -r "$(r 100)-$((100 + $(r 900)))"
        hostcurl www.example.test "/static/$(nm)" -I
        hostcurl www.example.test "/static/$(nm)" -X PUSH --data-binary $'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nCache-Control: max-age=60\r\n\r\nabc' ;;
  esac
  sleep 0.$((1 + $(r 5)))
done

# ---------------------------------------------------------------- stop
[ -f "$W/origin.pid" ] || start_origin
traffic_ctl server stop >/dev/null 2>&1
sleep 3
cleanup
head -n "$MAXLINES" /var/log/trafficserver/diags.log > "$HERE/trafficserver.log"
wc -l /var/log/trafficserver/diags.log "$HERE/trafficserver.log"
