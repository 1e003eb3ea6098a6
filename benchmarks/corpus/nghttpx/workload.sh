#!/bin/bash
# Round-17 corpus workload: nghttpx 1.52 reverse proxy (Debian 12 package nghttp2-proxy), error log
# only (--errorlog-file, --log-level=NOTICE: INFO writes multi-line header dumps), a generated TLS
# certificate, backends from backends.py (ok, flaky, hanging, one that comes and goes, a dead port, an
# HTTP/1 server behind proto=h2 and tls), API and healthmon frontends; clients curl/nghttp/h2load/raw
# sockets over HTTP/1.1 and HTTP/2; SIGHUP reloads (some broken), SIGUSR1, SIGUSR2 binary upgrades,
# restarts, stop. 127.0.0.1 ports 42101-42130 only.
# Run as root on Debian 12:  bash workload.sh OUT_DIR [DURATION_SECONDS]
# Needs: apt-get install nghttp2-proxy nghttp2-client curl openssl python3
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r17nx; mkdir -p "$W" "$OUT"; rm -f "$OUT/nghttpx.log"
LOG="$OUT/nghttpx.log"; CONF="$W/nghttpx.conf"; PIDF="$W/nghttpx.pid"
cd "$W"
[ -f cert.pem ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 30 -subj "/CN=localhost" 2>/dev/null
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# backends
BPIDS=()
startb() { python3 "$HERE/backends.py" "$1" "$2" >/dev/null 2>&1 & echo $! > "$W/b$2.pid"; BPIDS+=($!); }
startb ok 42111; startb flaky 42112; startb hang 42113; startb ok 42114; startb ok 42116; startb ok 42117
# 42115 never listens

writeconf() { # variant
  local wk=$((3 + RANDOM % 4))
  cat > "$CONF" <<EOF
frontend=127.0.0.1,42101
frontend=127.0.0.1,42102;no-tls
frontend=127.0.0.1,42103;api;no-tls
frontend=127.0.0.1,42104;healthmon;no-tls
backend=127.0.0.1,42111;/;proto=http/1.1
backend=127.0.0.1,42112;/flaky/;fall=$((2 + RANDOM % 3));rise=1
backend=127.0.0.1,42113;/hang/;read-timeout=$((1 + RANDOM % 3))s
backend=127.0.0.1,42114;/gone/;fall=2;rise=1
backend=127.0.0.1,42115;/dead/;fall=2;rise=2
backend=127.0.0.1,42116;/h2/;proto=h2
backend=127.0.0.1,42117;/tls/;tls;sni=backend$RANDOM.test
backend=localhost,42111;example.com/;dns;affinity=ip
backend=127.0.0.1,42111;/secure/;redirect-if-not-tls
private-key-file=$W/key.pem
certificate-file=$W/cert.pem
no-ocsp=yes
insecure=yes
errorlog-file=$LOG
log-level=NOTICE
workers=$wk
pid-file=$PIDF
backend-connect-timeout=1s
backend-read-timeout=$((3 + RANDOM % 3))s
frontend-read-timeout=$((4 + RANDOM % 3))s
frontend-http2-read-timeout=$((5 + RANDOM % 3))s
frontend-keep-alive-timeout=3s
stream-read-timeout=$((6 + RANDOM % 4))s
request-header-field-buffer=$(pick 4K 8K 16K)
max-request-header-fields=$(pick 40 60 100)
backend-connections-per-host=$(pick 4 8 16)
EOF
  case ${1:-good} in
    badopt) echo "no-such-option-$RANDOM=1" >> "$CONF";;
    badval) echo "backend-read-timeout=$(pick abc 3x -1s)" >> "$CONF";;
    badback) echo "backend=127.0.0.1,$(pick 99999 0 abc);/bad$RANDOM/" >> "$CONF";;
    badcert) sed -i "s#certificate-file=.*#certificate-file=$W/missing$RANDOM.pem#" "$CONF";;
  esac
}

start_nx() { writeconf; /usr/sbin/nghttpx --conf="$CONF" --daemon 2>>"$LOG"; sleep 1; }
stop_nx() { local p; p=$(cat "$PIDF" 2>/dev/null) && kill -QUIT "$p" 2>/dev/null; sleep 1.5; }

PATHS=(/ /index.html /ok/a /flaky/x /flaky/y /hang/z /gone/g /dead/d /dead/e /h2/h /h2/i /tls/t /tls/u /secure/s /missing$RANDOM /flaky/slow)
rpath() { local p; p=$(pick "${PATHS[@]}"); echo "$p?q=$RANDOM"; }
TLS=https://127.0.0.1:42101; PLAIN=http://127.0.0.1:42102

raw() { # kind port
  python3 - "$1" "$2" <<'PY' 2>/dev/null
import os, random, socket, ssl, sys, time
kind, port = sys.argv[1], int(sys.argv[2])
s = socket.create_connection(("127.0.0.1", port), timeout=8)
try:
    if kind == "garbage":
        s.sendall(os.urandom(random.randint(20, 400)))
    elif kind == "badline":
        s.sendall(random.choice([b"GET\r\n\r\n", b"FOO /x HTTP/9.9\r\n\r\n", b"GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n",
                                 b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", b"GET / HTTP/1.1\r\nBad Header\r\n\r\n",
                                 b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                                 b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"]))
    elif kind == "bighdr":
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * random.randint(5000, 40000) + b"\r\n\r\n")
    elif kind == "manyhdr":
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(random.randint(70, 200))) + b"\r\n")
    elif kind == "idle":
        time.sleep(random.uniform(5, 9))
    elif kind == "partial":
        s.sendall(b"GET /flaky/p HTTP/1.1\r\nHost: x\r\n"); time.sleep(random.uniform(5, 9))
    elif kind == "h2garbage":
        s.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + os.urandom(random.randint(9, 200)))
    elif kind == "h2preface":
        s.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"); time.sleep(random.uniform(1, 8))
    elif kind == "tlsidle":
        ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
        s = ctx.wrap_socket(s); time.sleep(random.uniform(5, 9))
    elif kind == "tlsgarbage":
        s.sendall(b"\x16\x03\x01\x00\x50" + os.urandom(80))
    elif kind == "tlsabort":
        s.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"); time.sleep(0.2)
    s.settimeout(3); s.recv(65536)
except Exception:
    pass
s.close()
PY
}

api_call() {
  case $((RANDOM % 5)) in
    0) printf 'backend=127.0.0.1,42111;/;proto=http/1.1\nbackend=127.0.0.1,42112;/flaky/;fall=2;rise=1\nbackend=127.0.0.1,42113;/hang/\nbackend=127.0.0.1,42114;/gone/;fall=2;rise=1\nbackend=127.0.0.1,42115;/dead/;fall=2;rise=2\nbackend=127.0.0.1,42116;/h2/;proto=h2\n' \
        | curl -s -m 5 -X PUT --data-binary @- http://127.0.0.1:42103/api/v1beta1/backendconfig -o /dev/null;;
    1) printf 'backend=127.0.0.1,%s;/api%s/\n' "$(pick 1 70000 x)" $RANDOM | curl -s -m 5 -X POST --data-binary @- http://127.0.0.1:42103/api/v1beta1/backendconfig -o /dev/null;;
    2) curl -s -m 5 http://127.0.0.1:42103/api/v1beta1/configrevision -o /dev/null;;
    3) curl -s -m 5 -X $(pick GET DELETE PUT) http://127.0.0.1:42103/api/v1beta1/$(pick nothing backendconfig x$RANDOM) --data-binary "frontend=127.0.0.1,42199" -o /dev/null;;
    4) curl -s -m 3 http://127.0.0.1:42104/$(pick "" health x$RANDOM) -o /dev/null;;
  esac
}

client_action() {
  local r=$((RANDOM % 26))
  case $r in
    0|1|2) curl -sk -m 8 --http2 "$TLS$(rpath)" -o /dev/null;;
    3|4) curl -sk -m 8 --http1.1 "$TLS$(rpath)" -o /dev/null;;
    5|6) curl -s -m 8 "$PLAIN$(rpath)" -o /dev/null;;
    7) curl -s -m 8 --http2-prior-knowledge "$PLAIN$(rpath)" -o /dev/null;;
    8) curl -s -m 8 --http2 "$PLAIN$(rpath)" -o /dev/null;;   # h2c upgrade
    9) head -c $((RANDOM * 8)) /dev/urandom | curl -sk -m 8 -X $(pick POST PUT PATCH) --data-binary @- "$TLS$(rpath)" -o /dev/null;;
    10) curl -sk -m 8 -H "Host: example.com" "$TLS/$(pick a b c)" -o /dev/null; curl -s -m 5 -H "Host: example.com" "$PLAIN/e" -o /dev/null;;
    11) nghttp -n -t 8 -m $((1 + RANDOM % 5)) "$TLS$(rpath)" >/dev/null 2>&1;;
    12) nghttp -n -t 8 -d <(head -c $((RANDOM)) /dev/zero) "$TLS$(rpath)" >/dev/null 2>&1;;
    13) nghttp -n -t 8 -H "x-big: $(head -c $((2000 + RANDOM % 30000)) /dev/zero | tr '\0' b)" "$TLS/" >/dev/null 2>&1;;
    14) h2load -n $((5 + RANDOM % 40)) -c $((1 + RANDOM % 4)) -m $((1 + RANDOM % 8)) -T 8 "$TLS$(pick / /ok/h /flaky/l /dead/x /gone/q)" >/dev/null 2>&1;;
    15) h2load --h1 -n $((5 + RANDOM % 30)) -c $((1 + RANDOM % 3)) -T 8 "$PLAIN$(pick / /flaky/l /hang/w /h2/q)" >/dev/null 2>&1;;
    16) raw "$(pick garbage badline badline bighdr manyhdr)" 42102;;
    17) raw "$(pick idle partial h2garbage h2preface)" 42102 ;;
    18) raw "$(pick tlsidle tlsgarbage tlsabort garbage)" 42101;;
    19) curl -s -m 5 "http://127.0.0.1:42101/" -o /dev/null; curl -sk -m 5 "https://127.0.0.1:42102/" -o /dev/null;;
    20) curl -sk -m 5 --tls-max 1.1 "$TLS/" -o /dev/null; curl -sk -m 5 --ciphers "$(pick AES128-SHA DES-CBC3-SHA)" --tls-max 1.2 "$TLS/" -o /dev/null;;
    21|22) api_call; api_call;;
    23) curl -sk -m 8 -X CONNECT "$TLS/" -o /dev/null; curl -s -m 5 -X $(pick OPTIONS TRACE DELETE HEAD) "$PLAIN$(rpath)" -o /dev/null;;
    24) curl -s -m 5 -H "Upgrade: websocket" -H "Connection: Upgrade" "$PLAIN/ws$RANDOM" -o /dev/null;;
    25) curl -sk -m 5 --http2 -H "te: gzip" -H "connection: close" "$TLS/$(pick a b)" -o /dev/null;;
  esac
}

CPIDS=()
waitc() { local p; for p in "${CPIDS[@]}"; do wait "$p" 2>/dev/null; done; CPIDS=(); }
END=$(( $(date +%s) + DURATION ))
start_nx
while [ "$(date +%s)" -lt "$END" ]; do
  PH_END=$(( $(date +%s) + 1 + RANDOM % 3 ))
  while [ "$(date +%s)" -lt "$PH_END" ]; do
    client_action &
    CPIDS+=($!)
    sleep "0.$((RANDOM % 5 + 1))"
    [ $((RANDOM % 4)) -eq 0 ] && waitc
  done
  waitc
  # the backend on 42114 disappears or comes back
  if kill -0 "$(cat "$W/b42114.pid")" 2>/dev/null; then
    [ $((RANDOM % 2)) -eq 0 ] && kill "$(cat "$W/b42114.pid")"
  else startb ok 42114; fi
  MP=$(cat "$PIDF" 2>/dev/null)
  case $((RANDOM % 9)) in
    0|1|2) writeconf; kill -HUP "$MP";;
    3) writeconf "$(pick badopt badval badback badcert)"; kill -HUP "$MP"; sleep 1; writeconf;;
    4) kill -USR1 "$MP";;
    5) writeconf; kill -USR2 "$MP"; sleep 2; NP=$(cat "$PIDF" 2>/dev/null)
       [ -n "$NP" ] && [ "$NP" != "$MP" ] && kill -QUIT "$MP";;
    6) stop_nx; start_nx;;
    7) # a second instance on the same ports fails
       /usr/sbin/nghttpx --conf="$CONF" --pid-file="$W/second.pid" 2>>"$LOG" & SP=$!; sleep 1.5; kill "$SP" 2>/dev/null;;
    8) writeconf "$(pick badopt badback)"; /usr/sbin/nghttpx --conf="$CONF" --pid-file="$W/third.pid" 2>>"$LOG"; writeconf;;
  esac
  sleep 0.5
done
stop_nx
for p in "${BPIDS[@]}"; do kill "$p" 2>/dev/null; done
kill "$(cat "$W/b42114.pid")" 2>/dev/null
waitc
echo "lines: $(wc -l < "$LOG")"
