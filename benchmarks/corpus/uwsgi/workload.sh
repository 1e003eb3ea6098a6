#!/bin/bash
# Round-8 corpus workload: uWSGI 2.0 (Debian 12 packages uwsgi, uwsgi-plugin-python3) in plain mode:
# master + log master, --logto <file>, request logging on, --memory-report, an HTTP router on
# 127.0.0.1:28930 in front of a uwsgi socket on 127.0.0.1:28931 (listen queue 8), stats on :28932,
# a master FIFO; five Python WSGI apps mounted (hello, one that raises, one that is slow, one that
# leaks memory, one that exits); harakiri, max-requests, reload-on-rss, cheaper (spare) 1..4 workers.
# Python's multi-line tracebacks are kept out of the log with --log-drain on their continuation lines
# (the exception line itself stays), so the file keeps one line per record.
# Workload (curl + python): normal requests, 404s, exceptions, harakiri timeouts, worker respawns,
# SIGHUP graceful reloads, touch-reload, chain reloads via the FIFO, garbage on the uwsgi socket,
# overload of the listen queue, stop.
# Run as root: bash workload.sh OUT_DIR [DURATION]     (writes OUT_DIR/uwsgi.log unchanged)
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
W=/tmp/m8uwsgi
mkdir -p "$OUT"; rm -f "$OUT/uwsgi.log"
[ -f $W/uwsgi.pid ] && kill -INT $(cat $W/uwsgi.pid) 2>/dev/null && sleep 3
rm -rf $W; mkdir -p $W/apps
RANDOM=$$
cat > $W/apps/hello.py <<'PY'
import json, os
def application(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    if path in ("/", ""):
        body = b"hello from worker %d\n" % os.getpid()
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [body]
    if path.startswith("/echo"):
        n = int(environ.get("CONTENT_LENGTH") or 0)
        data = environ["wsgi.input"].read(n)
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return [data]
    if path.startswith("/json"):
        start_response("200 OK", [("Content-Type", "application/json")])
        return [json.dumps({"q": environ.get("QUERY_STRING", "")}).encode()]
    if path.startswith("/redirect"):
        start_response("302 Found", [("Location", "/hello/")])
        return [b""]
    if path.startswith("/warn"):
        environ["wsgi.errors"].write("hello app: suspicious query %s\n" % environ.get("QUERY_STRING", ""))
        environ["wsgi.errors"].flush()
        start_response("400 Bad Request", [("Content-Type", "text/plain")])
        return [b"bad\n"]
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not found: " + path.encode() + b"\n"]
PY
cat > $W/apps/boom.py <<'PY'
import random
def application(environ, start_response):
    kind = environ.get("QUERY_STRING", "")
    n = random.randint(1, 9999)
    if kind == "key":
        return {}["missing-%d" % n]
    if kind == "zero":
        return [b"%d" % (n // 0)]
    if kind == "late":
        start_response("200 OK", [("Content-Type", "text/plain")])
        def gen():
            yield b"partial "
            raise ValueError("generator broke after %d bytes" % n)
        return gen()
    if kind == "bad":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return n
    raise RuntimeError("boom number %d" % n)
PY
cat > $W/apps/slow.py <<'PY'
import time
def application(environ, start_response):
    try:
        secs = float(environ.get("QUERY_STRING") or 1)
    except ValueError:
        secs = 1
    time.sleep(secs)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"slept %.1f\n" % secs]
PY
cat > $W/apps/leak.py <<'PY'
LEAK = []
def application(environ, start_response):
    mb = int(environ.get("QUERY_STRING") or 8)
    LEAK.append(bytearray(b"x" * (mb * 1024 * 1024)))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"holding %d chunks\n" % len(LEAK)]
PY
cat > $W/apps/die.py <<'PY'
import os, sys
def application(environ, start_response):
    code = int(environ.get("QUERY_STRING") or 3)
    if code == 99:
        sys.exit(7)
    os._exit(code)
PY
touch $W/reload.txt
cat > $W/uwsgi.ini <<INI
[uwsgi]
plugins = python3,http
master = true
log-master = true
logto = $OUT/uwsgi.log
log-drain = ^(Traceback \(most recent call last\):$|  |During handling|The above exception)
memory-report = true
pidfile = $W/uwsgi.pid
master-fifo = $W/master.fifo
http = 127.0.0.1:28930
socket = 127.0.0.1:28931
listen = 8
stats = 127.0.0.1:28932
chdir = $W/apps
mount = /hello=hello.py
mount = /boom=boom.py
mount = /slow=slow.py
mount = /leak=leak.py
mount = /die=die.py
manage-script-name = true
single-interpreter = true
processes = 4
cheaper = 1
cheaper-initial = 2
cheaper-step = 1
cheaper-algo = spare
cheaper-overload = 3
harakiri = 4
harakiri-verbose = true
max-requests = 12
reload-on-rss = 100
evil-reload-on-rss = 400
touch-reload = $W/reload.txt
reload-mercy = 6
worker-reload-mercy = 6
vacuum = true
enable-threads = true
INI
setsid uwsgi --ini $W/uwsgi.ini >/dev/null 2>&1 &
sleep 4
H=http://127.0.0.1:28930
rq() { curl -s -o /dev/null -m 10 "$@"; }
garbage() { python3 - "$1" <<'PY'
import os, random, socket, struct, sys
kind = sys.argv[1]
s = socket.create_connection(("127.0.0.1", 28931 if kind != "http" else 28930), timeout=3)
if kind == "big":
    s.sendall(struct.pack("<BHB", 0, random.randint(5000, 65000), 0) + os.urandom(64))
elif kind == "junk":
    s.sendall(os.urandom(random.randint(4, 200)))
elif kind == "short":
    s.sendall(struct.pack("<BHB", 0, 300, 0) + b"\x03\x00abc")
elif kind == "http":
    s.sendall(random.choice([b"GARBAGE\r\n\r\n", b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Pad: " + b"a" * 70000 + b"\r\n\r\n", b"\x16\x03\x01\x00\xa5\x01"]))
try:
    s.recv(4096)
except Exception:
    pass
s.close()
PY
}
START=$(date +%s)
while [ $(( $(date +%s) - START )) -lt $DURATION ]; do
  case $((RANDOM % 40)) in
    0|1|2|3) rq $H/hello/ ;;
    4) rq $H/hello/json?id=$RANDOM ;;
    5) rq -d "$(head -c $((RANDOM % 3000 + 1)) /dev/urandom | base64)" $H/hello/echo ;;
    6|7) rq $H/hello/missing/$RANDOM.html ;;
    8) rq $H/hello/redirect ;;
    9) rq "$H/hello/warn?user=u$RANDOM" ;;
    10|11) rq "$H/boom/?$(echo key zero late bad other | tr ' ' '\n' | shuf -n1)" ;;
    12) rq "$H/slow/?$((RANDOM % 3)).$((RANDOM % 9))" ;;
    13) rq -m 8 "$H/slow/?$((RANDOM % 4 + 5))" ;;
    14) rq "$H/leak/?$((RANDOM % 40 + 30))" ;;
    15) rq "$H/die/?$(echo 0 1 3 9 99 | tr ' ' '\n' | shuf -n1)" ;;
    16) rq $H/nowhere/$RANDOM ;;
    17) rq -X $(echo PUT DELETE PATCH OPTIONS | tr ' ' '\n' | shuf -n1) $H/hello/ ;;
    18) garbage $(echo big junk short http | tr ' ' '\n' | shuf -n1) 2>/dev/null ;;
    19) kill -HUP $(cat $W/uwsgi.pid); sleep 3 ;;
    20) touch $W/reload.txt; sleep 3 ;;
    21) timeout 3 sh -c "echo c > $W/master.fifo"; sleep 4 ;;
    22) # overload the listen queue with many slow requests at once
        ( for i in $(seq 1 $((RANDOM % 20 + 20))); do rq -m 6 "$H/slow/?2" & done; wait ) ;;
    23) curl -s -m 3 127.0.0.1:28932 >/dev/null ;;
    24) timeout 3 sh -c "echo $(echo + - | tr ' ' '\n' | shuf -n1) > $W/master.fifo" ;;
    25) pids=$(pgrep -P $(cat $W/uwsgi.pid) -f "uwsgi --ini" | shuf -n1); [ -n "$pids" ] && kill -9 $pids ;;
    26) ( for i in $(seq 1 $((RANDOM % 10 + 5))); do rq $H/hello/ & done; wait ) ;;
    27) rq -H "Host: h$RANDOM.test" "$H/hello/?$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" ;;
    28) timeout 3 sh -c "echo r > $W/master.fifo"; sleep 3 ;;
    29) rq --http1.0 $H/hello/ ;;
    30|31|32) rq $H/hello/ ; rq "$H/hello/json?q=$RANDOM" ;;
    33|34) rq "$H/leak/?$((RANDOM % 30 + 10))" ;;
    35) rq "$H/boom/?$(echo key zero late bad other | tr ' ' '\n' | shuf -n1)" ;;
    36) rq "$H/slow/?0.$((RANDOM % 9))" ; rq $H/hello/missing-$RANDOM ;;
    37) rq -X POST -d "x=$RANDOM" $H/hello/echo ; rq -I $H/hello/ ;;
    38) rq "$H/die/?$((RANDOM % 5))" ;;
    39) ( for i in $(seq 1 $((RANDOM % 6 + 3))); do rq "$H/slow/?1.$((RANDOM % 9))" & done; wait ) ;;
  esac
  sleep 0.$((RANDOM % 8 + 1))
done
timeout 10 uwsgi --stop $W/uwsgi.pid
sleep 8
[ -f $W/uwsgi.pid ] && kill -INT $(cat $W/uwsgi.pid) 2>/dev/null
true
