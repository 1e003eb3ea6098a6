#!/bin/bash
# Round-13 corpus workload: Gunicorn 20.1 (Debian 12 package) error log at --log-level debug,
# sent with gunicorn's own --log-syslog to a private rsyslogd (Debian 12 package) over a unix
# datagram socket; rsyslog escapes control characters (#012), so every record (tracebacks and the
# debug configuration dump included) is one line. Access log off. A small WSGI app (app.py, written
# below) with endpoints that succeed, fail, raise, crash and hang past the worker timeout; sync and
# gthread workers; HUP, TTIN/TTOU, USR1, USR2 re-exec, WINCH, killed workers, code reloads, broken
# app starts, a busy port, restarts and stops. 127.0.0.1:22301-22302 only.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_SECONDS]   (writes OUT_DIR/gunicorn.log)
set -u
OUT=${1:-/work/round13/gunicorn}; DURATION=${2:-240}
command -v gunicorn >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y gunicorn rsyslog
W=/tmp/r13gu; rm -rf "$W"; mkdir -p "$W/rs" "$OUT"; rm -f "$OUT/gunicorn.log"
PORT=22301; BUSY=22302
cat > "$W/rs/rsyslog.conf" <<EOF
global(workDirectory="$W/rs" maxMessageSize="64k")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$W/rs/log.sock" CreatePath="on" RateLimit.Interval="0")
template(name="GuFmt" type="string" string="%TIMESTAMP:::date-rfc3339% %HOSTNAME% %syslogfacility-text%.%syslogseverity-text% %syslogtag%%msg:::sp-if-no-1st-sp%%msg:::drop-last-lf%\n")
if \$programname startswith "gunicorn" then {
  action(type="omfile" file="$OUT/gunicorn.log" template="GuFmt")
}
stop
EOF
rsyslogd -f "$W/rs/rsyslog.conf" -i "$W/rs/rsyslogd.pid"
sleep 1

# ---- the WSGI app ----
cat > "$W/app.py" <<'EOF'
import json, logging, os, random, signal, time
from urllib.parse import parse_qs

log = logging.getLogger("gunicorn.error")
USERS = {"alice": "wonderland", "bob": "builder", "carol": "s3cret"}
DBS = ["orders-db", "users-db", "cache-redis", "search-es"]
MAX_UPLOAD = 4096

def app(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    method = environ["REQUEST_METHOD"]
    qs = parse_qs(environ.get("QUERY_STRING", ""))
    addr = environ.get("REMOTE_ADDR", "?")

    def reply(status, body=b"", ctype="text/plain"):
        start_response(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))])
        return [body]

    def body():
        n = int(environ.get("CONTENT_LENGTH") or 0)
        return environ["wsgi.input"].read(n)

    if path == "/":
        return reply("200 OK", b"hello\n")
    if path.startswith("/items/"):
        iid = path[len("/items/"):]
        if iid.isdigit() and int(iid) % 4:
            return reply("200 OK", json.dumps({"id": int(iid)}).encode(), "application/json")
        log.warning("item %s not found (requested by %s)", iid, addr)
        return reply("404 Not Found", b"no such item\n")
    if path == "/login" and method == "POST":
        form = parse_qs(body().decode("utf-8", "replace"))
        user = form.get("user", [""])[0]
        pw = form.get("password", [""])[0]
        if user not in USERS:
            log.warning("login attempt for unknown user %r from %s", user, addr)
            return reply("401 Unauthorized")
        if USERS[user] != pw:
            log.warning("wrong password for user %s from %s", user, addr)
            return reply("401 Unauthorized")
        log.info("user %s logged in from %s", user, addr)
        return reply("200 OK", b"welcome\n")
    if path == "/upload" and method == "POST":
        data = body()
        name = qs.get("name", ["unnamed"])[0]
        if len(data) > MAX_UPLOAD:
            log.error("upload %s rejected: %d bytes exceeds limit of %d", name, len(data), MAX_UPLOAD)
            return reply("413 Payload Too Large")
        log.info("stored upload %s (%d bytes)", name, len(data))
        return reply("201 Created")
    if path == "/orders" and method == "POST":
        try:
            order = json.loads(body())
            qty = int(order["qty"])
        except (ValueError, KeyError, TypeError) as e:
            log.warning("malformed order from %s: %s", addr, e)
            return reply("400 Bad Request")
        log.info("order %s accepted: %d x %s", random.randint(10000, 99999), qty, order.get("sku"))
        return reply("201 Created")
    if path == "/fail":
        db = random.choice(DBS)
        log.error("backend %s unreachable after %d ms", db, random.randint(50, 3000))
        return reply("503 Service Unavailable")
    if path == "/raise":
        raise ValueError("invalid order id %r" % qs.get("id", [""])[0])
    if path == "/divide":
        a = int(qs.get("a", ["1"])[0]); b = int(qs.get("b", ["0"])[0])
        return reply("200 OK", str(a // b).encode())
    if path == "/lookup":
        return reply("200 OK", {"alpha": b"1"}[qs.get("key", [""])[0]])
    if path == "/sleep":
        s = float(qs.get("s", ["1"])[0])
        log.debug("sleeping %.1f s in worker %d", s, os.getpid())
        time.sleep(s)
        return reply("200 OK", b"slept\n")
    if path == "/stream":
        n = int(qs.get("n", ["20"])[0])
        start_response("200 OK", [("Content-Type", "text/plain")])
        def gen():
            for i in range(n):
                yield (b"chunk %d " % i) * 512 + b"\n"
                time.sleep(0.05)
        return gen()
    if path == "/badheader":
        start_response("200 OK", [("X-Note", "line1\r\nline2")])
        return [b"bad\n"]
    if path == "/crash":
        log.critical("simulated fatal error in worker %d", os.getpid())
        os.kill(os.getpid(), signal.SIGSEGV)
    return reply("404 Not Found", b"not found\n")

application = app
EOF
cat > "$W/broken.py" <<'EOF'
import json
SETTINGS = json.loads("{'debug': true}")
def application(environ, start_response):
    pass
EOF

# ---- gunicorn config: the server hooks of gunicorn's example_config.py, and a few more ----
cat > "$W/hooks.py" <<'EOF'
def when_ready(server):
    server.log.info("Server is ready. Spawning workers")

def post_fork(server, worker):
    server.log.info("Worker spawned (pid: %s)", worker.pid)

def pre_exec(server):
    server.log.info("Forked child, re-executing.")

def on_reload(server):
    server.log.info("Reloading configuration (%d workers configured)", server.cfg.workers)

def worker_int(worker):
    worker.log.info("worker received INT or QUIT signal")

def worker_abort(worker):
    worker.log.info("worker received SIGABRT signal")

def child_exit(server, worker):
    server.log.debug("Child %s exited after %d requests", worker.pid, worker.nr)

def nworkers_changed(server, new_value, old_value):
    server.log.info("Number of workers changed from %s to %s", old_value, new_value)

def on_exit(server):
    server.log.info("Master %s exiting", server.pid)
EOF

r() { echo $((RANDOM % $1)); }
GPID=
start_gunicorn() {  # $1 app module, $2 proc name, rest: extra options
  local mod=$1 name=$2; shift 2
  local wc=sync extra=()
  if [ $((round % 4)) = 3 ]; then wc=gthread; extra+=(--threads $((2 + $(r 3)))); fi
  [ $(r 3) = 0 ] && extra+=(--reload)
  [ $(r 4) = 0 ] && [ $wc = gthread ] && extra+=(--worker-connections 2)
  (cd "$W" && exec gunicorn -c "$W/hooks.py" --chdir "$W" -b 127.0.0.1:${PORT_USE:-$PORT} \
     -n "$name" -k $wc -w $((1 + $(r 3))) -t $((4 + $(r 3))) --graceful-timeout 4 --keep-alive 2 \
     --max-requests $((30 + $(r 40))) --max-requests-jitter 10 \
     --limit-request-line 1024 --limit-request-fields 20 --limit-request-field_size 1024 \
     --log-level debug --log-syslog --log-syslog-to "unix://$W/rs/log.sock#dgram" --log-syslog-prefix "$name" \
     --disable-redirect-access-to-syslog --error-logfile "$W/stderr.log" -p "$W/gu.pid" \
     "${extra[@]}" "$@" "$mod") >>"$W/console.log" 2>&1 &
  GPID=$!
  sleep 2
}
workers() { pgrep -P "$(cat "$W/gu.pid" 2>/dev/null || echo 1)" 2>/dev/null; }

# ---- HTTP client: random requests, good and bad ----
cat > "$W/client.py" <<'EOF'
import http.client, json, random, socket, sys, time
port = int(sys.argv[1]); end = time.time() + float(sys.argv[2])
R = random.Random()
users = ["alice", "bob", "carol", "mallory", "eve", "admin", "root", "guest%d" % R.randint(1, 99)]
def raw(data, read=True, timeout=3):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        s.sendall(data)
        if read:
            s.recv(4096)
        s.close()
    except OSError:
        pass
def req(method, path, body=None, headers=None, timeout=12):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        c.request(method, path, body=body, headers=headers or {})
        c.getresponse().read()
        c.close()
    except (OSError, http.client.HTTPException):
        pass
while time.time() < end:
    k = R.randrange(26)
    if k < 3:
        req("GET", R.choice(["/", "/index.html", "/favicon.ico", "/robots.txt", "/static/app%d.js" % R.randint(1, 9)]))
    elif k < 6:
        req("GET", "/items/%d" % R.randint(1, 500))
    elif k == 6:
        req("GET", "/items/" + R.choice(["abc", "x%d" % R.randint(1, 99), "-1", "%d.5" % R.randint(1, 9)]))
    elif k == 7:
        u = R.choice(users)
        pw = R.choice(["wonderland", "builder", "s3cret", "hunter%d" % R.randint(1, 99), ""])
        req("POST", "/login", "user=%s&password=%s" % (u, pw), {"Content-Type": "application/x-www-form-urlencoded"})
    elif k == 8:
        req("POST", "/upload?name=file%d.%s" % (R.randint(1, 999), R.choice(["txt", "png", "csv"])), b"x" * R.choice([R.randint(1, 4000), R.randint(4097, 20000)]))
    elif k == 9:
        good = R.random() < 0.6
        body = json.dumps({"sku": "SKU-%d" % R.randint(100, 999), "qty": R.randint(1, 20)}) if good else R.choice(['{"sku": 1', '{"qty": "many"}', '[]', '{"sku": "A"}', 'qty=3'])
        req("POST", "/orders", body, {"Content-Type": "application/json"})
    elif k == 10:
        req("GET", "/fail")
    elif k == 11:
        req("GET", "/raise?id=%s" % R.choice(["%d" % R.randint(1, 9999), "abc", "0x%x" % R.randint(1, 255)]))
    elif k == 12:
        req("GET", "/divide?a=%d&b=0" % R.randint(1, 100))
    elif k == 13:
        req("GET", "/lookup?key=%s" % R.choice(["beta", "gamma", "k%d" % R.randint(1, 50)]))
    elif k == 14:
        s = R.choice([0.2, 0.5, 1.0, 1.5]) if R.random() < 0.7 else R.choice([7.0, 9.0, 12.0])
        req("GET", "/sleep?s=%s" % s, timeout=15)
    elif k == 15:  # stream and hang up early
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=3)
            s.sendall(b"GET /stream?n=%d HTTP/1.1\r\nHost: x\r\n\r\n" % R.randint(50, 200))
            s.recv(R.randint(100, 3000))
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00" if R.random() < 0.5 else b"\x00" * 8)
            s.close()
        except OSError:
            pass
    elif k == 16:
        req("GET", "/badheader")
    elif k == 17:
        raw(R.choice([b"HELLO\r\n\r\n", b"GET\r\n\r\n", b"GET / FOO/1.1\r\n\r\n", b"GET / HTTP/9.%d\r\n\r\n" % R.randint(0, 9),
                      b"G@T / HTTP/1.1\r\n\r\n", b"get%d / HTTP/1.1\r\n\r\n" % R.randint(1, 9), b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(R.randrange(256) for _ in range(40)),
                      b"GET / HTTP/1.1\r\nHost x\r\n\r\n", b"GET / HTTP/1.1\r\nBad Name: v\r\n\r\n"]))
    elif k == 18:
        raw(b"GET /" + b"a" * R.randint(1100, 3000) + b" HTTP/1.1\r\n\r\n")
    elif k == 19:
        raw(b"GET / HTTP/1.1\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(R.randint(21, 40))) + b"\r\n")
    elif k == 20:
        raw(b"GET / HTTP/1.1\r\nCookie: " + b"c" * R.randint(1100, 2000) + b"\r\n\r\n")
    elif k == 21:
        req("GET", "/", headers={"X-Forwarded-Proto": "https", "X-Forwarded-Ssl": "off"})
    elif k == 22:  # connect and send a partial request, then drop
        raw(b"GET /items/%d HTTP/1.1\r\nHost: loc" % R.randint(1, 99), read=False)
    elif k == 23:
        raw(b"POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + R.choice([b"zz\r\nabc\r\n0\r\n\r\n", b"3\r\nabcXY0\r\n\r\n"]))
    elif k == 24:
        req("GET", "/crash") if R.random() < 0.3 else req("DELETE", "/items/%d" % R.randint(1, 99))
    else:
        req(R.choice(["PUT", "PATCH", "OPTIONS", "HEAD"]), "/items/%d" % R.randint(1, 99))
    time.sleep(R.uniform(0.1, 0.7))
EOF

sig() { [ -s "$W/gu.pid" ] && kill -"$1" "$(cat "$W/gu.pid")" 2>/dev/null; }
stop_gunicorn() {
  sig "$1"; for i in $(seq 20); do kill -0 "$GPID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$GPID" 2>/dev/null; wait "$GPID" 2>/dev/null; rm -f "$W/gu.pid"
}
END=$((SECONDS + DURATION)); round=0
names=(shop api billing)
while [ $SECONDS -lt $END ]; do
  round=$((round + 1))
  name=${names[$(r 3)]}
  case $((round % 4)) in
    2) # an app that fails at import: workers fail to boot, the master halts
       start_gunicorn broken:application "$name"; sleep 2; stop_gunicorn TERM; continue ;;
    0) # a module that does not exist, or a port already taken
       if [ $(r 2) = 0 ]; then start_gunicorn "missing$(r 9):app" "$name"; sleep 2; stop_gunicorn TERM
       else python3 -c "import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1',$BUSY)); s.listen(); time.sleep(8)" & HOLD=$!
            sleep 0.5; PORT_USE=$BUSY start_gunicorn app:app "$name"; sleep 5; stop_gunicorn TERM; kill $HOLD 2>/dev/null; wait $HOLD 2>/dev/null
       fi; continue ;;
  esac
  start_gunicorn app:app "$name"
  span=$((30 + $(r 25)))
  python3 "$W/client.py" $PORT $span & C1=$!
  python3 "$W/client.py" $PORT $span & C2=$!
  t_end=$((SECONDS + span))
  while [ $SECONDS -lt $t_end ]; do
    sleep $((3 + $(r 5)))
    case $(r 12) in
      0|10|11) sig HUP ;;
      1) sig TTIN ;;
      2) sig TTOU ;;
      3) sig USR1 ;;
      4) sig WINCH ;;
      5) w=$(workers | shuf -n1); [ -n "$w" ] && kill -9 "$w" ;;
      6) w=$(workers | shuf -n1); [ -n "$w" ] && kill -TERM "$w" ;;
      7) touch "$W/app.py" ;;
      8) w=$(workers | shuf -n1); [ -n "$w" ] && kill -INT "$w" ;;
      9) if [ -s "$W/gu.pid" ] && [ $(r 3) = 0 ]; then  # USR2 re-exec, then retire the old master
           old=$(cat "$W/gu.pid"); kill -USR2 "$old"; sleep 3
           sig WINCH; sleep 1; kill -TERM "$old" 2>/dev/null; sleep 2
           GPID=$(cat "$W/gu.pid" 2>/dev/null)
         else sig TTIN; fi ;;
    esac
  done
  wait $C1 $C2
  case $(r 3) in 0) stop_gunicorn TERM ;; 1) stop_gunicorn INT ;; 2) stop_gunicorn QUIT ;; esac
done
sleep 1; kill "$(cat "$W/rs/rsyslogd.pid")"
