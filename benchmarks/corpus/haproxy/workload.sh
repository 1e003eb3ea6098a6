#!/bin/bash
# Round-3 corpus workload: HAProxy 2.6 (Debian 12 package) logging to stdout in RFC 3164 form
# (as it sends to a syslog server), HTTP and TCP frontends with health-checked backends that go
# down and come back, for DURATION seconds of randomised requests on 127.0.0.1 only.
# Writes $OUT/haproxy.log unchanged. Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-200}
mkdir -p "$OUT"; rm -f "$OUT/haproxy.log"
cat > "$OUT/backend.py" <<'PY'
import http.server, random, sys, time
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        if self.path.startswith("/slow"): time.sleep(random.choice([0.1, 3]))
        code = 500 if self.path.startswith("/flaky") and random.random() < 0.5 else (404 if "missing" in self.path else 200)
        body = b"x" * random.randint(10, 5000)
        self.send_response(code); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    do_POST = do_GET
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
cat > "$OUT/haproxy.cfg" <<CFG
global
  log stdout format rfc3164 local0 info
  stats socket $OUT/admin.sock mode 600 level admin
defaults
  log global
  timeout connect 1s
  timeout client 3s
  timeout server 2s
  timeout check 1s
frontend web
  mode http
  option httplog
  bind 127.0.0.1:18080
  http-request deny if { path_beg /admin }
  use_backend static if { path_beg /static }
  default_backend app
backend app
  mode http
  balance roundrobin
  option httpchk GET /health
  server app1 127.0.0.1:18101 check inter 1s fall 2 rise 2
  server app2 127.0.0.1:18102 check inter 1s fall 2 rise 2
  server app3 127.0.0.1:18103 check inter 2s fall 2 rise 2 backup
backend static
  mode http
  server st1 127.0.0.1:18104 check inter 2s
frontend db
  mode tcp
  option tcplog
  bind 127.0.0.1:18090
  default_backend dbpool
backend dbpool
  mode tcp
  server db1 127.0.0.1:18101 check inter 2s
  server db2 127.0.0.1:18105 check inter 2s
CFG
declare -A BACK
start_back() { python3 "$OUT/backend.py" "$1" & BACK[$1]=$!; }
for p in 18101 18102 18104; do start_back $p; done
sleep 2
haproxy -db -f "$OUT/haproxy.cfg" > "$OUT/haproxy.log" 2> "$OUT/stderr" & HAP=$!
sleep 1
sock() { echo "$1" | python3 -c "import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect('$OUT/admin.sock'); s.sendall(sys.stdin.buffer.read()); s.recv(4096)"; }
END=$((SECONDS + DURATION))
paths=(/ /index.html /api/v1/users /api/v1/orders/$RANDOM /static/app.js /static/missing.png /missing /flaky /slow /admin/panel "/search?q=$RANDOM")
while [ $SECONDS -lt $END ]; do
  p=${paths[$((RANDOM % ${#paths[@]}))]}
  case $((RANDOM % 20)) in
    0) kill ${BACK[18102]} 2>/dev/null ;;
    1) kill -0 ${BACK[18102]} 2>/dev/null || start_back 18102 ;;
    2) sock "disable server app/app$((1 + RANDOM % 2))" ;;
    3) sock "enable server app/app1"; sock "enable server app/app2" ;;
    4) printf 'BROKEN REQUEST %s\r\n\r\n' $RANDOM | timeout 1 python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',18080)); s.sendall(sys.stdin.buffer.read()); s.recv(100)" ;;
    5) curl -s -o /dev/null --max-time 0.5 "http://127.0.0.1:18080/slow" ;;
    6) timeout 1 python3 -c "import socket; s=socket.create_connection(('127.0.0.1',18090)); s.sendall(b'PING\r\n'); s.close()" ;;
    7) kill ${BACK[18104]} 2>/dev/null; sleep 3; start_back 18104 ;;
    *) for _ in $(seq $((1 + RANDOM % 6))); do
         p=${paths[$((RANDOM % ${#paths[@]}))]}
         curl -s -o /dev/null -X $([ $((RANDOM % 4)) = 0 ] && echo POST || echo GET) -A "bench/$RANDOM" "http://127.0.0.1:18080$p"
       done ;;
  esac
  sleep 0.$((RANDOM % 3))
done
kill $HAP; wait $HAP 2>/dev/null
for pid in "${BACK[@]}"; do kill $pid 2>/dev/null; done
