#!/bin/bash
# Round-19 corpus workload: Hitch 1.7 TLS proxy (Debian 12 package), log-level 2, own log file
# (log-filename), 127.0.0.1 only, ports 24100-24199. Randomised TLS clients (openssl s_client, curl,
# raw sockets): good handshakes with and without SNI, unknown SNI names (one frontend aborts them),
# client certificates required (good, missing, foreign), old protocols and cipher mismatches,
# plaintext and garbage to the TLS ports, idle clients (handshake timeout), a backend that answers,
# stalls, closes early or is stopped; SIGHUP reloads with good and broken configurations; restart, stop.
# Run as root: bash workload.sh OUT_DIR [DURATION]   (writes OUT_DIR/hitch.log unchanged)
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
W=/tmp/r19-hitch; rm -rf "$W"; mkdir -p "$W/certs" "$W/pemdir" "$W/ocsp"
mkdir -p "$OUT"; rm -f "$OUT/hitch.log"
cd "$W/certs"
# --- certificates: a CA, server certs, a client cert and a foreign client cert
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=R19 Test CA" -keyout ca.key -out ca.pem 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Foreign CA" -keyout fca.key -out fca.pem 2>/dev/null
mkcert() { # name cn san [ocsp-url]
  local ext="subjectAltName=$3"
  [ -n "${4:-}" ] && ext="$ext
authorityInfoAccess=OCSP;URI:$4"
  printf '%s\n' "$ext" > $1.ext
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$2" -keyout $1.key -out $1.csr 2>/dev/null
  openssl x509 -req -in $1.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -extfile $1.ext -out $1.crt 2>/dev/null
  cat $1.key $1.crt ca.pem > $1.pem
}
mkcert default default.r19.test DNS:default.r19.test
mkcert shop shop.r19.test DNS:shop.r19.test,DNS:www.shop.r19.test
mkcert wild '*.api.r19.test' DNS:*.api.r19.test
mkcert mail mail.r19.test DNS:mail.r19.test http://127.0.0.1:24199/
mkcert blog blog.r19.test DNS:blog.r19.test
cp shop.pem wild.pem "$W/pemdir/"
openssl req -newkey rsa:2048 -nodes -subj "/CN=client-$RANDOM" -keyout client.key -out client.csr 2>/dev/null
openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -out client.crt 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=intruder-$RANDOM" -keyout bad.key -out bad.csr 2>/dev/null
openssl x509 -req -in bad.csr -CA fca.pem -CAkey fca.key -CAcreateserial -days 30 -out bad.crt 2>/dev/null
chown -R _hitch "$W/ocsp"
C=$W/certs

# --- backend: answers, stalls, closes early, or sends a big body
cat > "$W/backend.py" <<'PY'
import socket, threading, random, time, sys
def handle(c):
    try:
        c.settimeout(8)
        data = c.recv(65536)
        r = random.random()
        if r < 0.1:
            c.close(); return
        if r < 0.2:
            time.sleep(random.uniform(1, 4))
        body = b"x" * random.choice([0, 12, 512, 4096, 70000, 300000])
        c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
        if random.random() < 0.3:
            time.sleep(random.uniform(0.5, 3))
    except Exception:
        pass
    finally:
        c.close()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(100)
while True:
    c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
PY
start_backend() { python3 "$W/backend.py" 24100 & echo $! > "$W/backend.pid"; }
# --- a fake OCSP responder for mail.r19.test: refuses, hangs, or answers garbage / HTTP errors
cat > "$W/ocspd.py" <<'PY'
import socket, threading, random, time
def handle(c):
    try:
        c.recv(65536); r = random.random()
        if r < 0.3: time.sleep(4)
        elif r < 0.6: c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: application/ocsp-response\r\nContent-Length: 7\r\n\r\n\x30\x03\x0a\x01\x00zz")
        elif r < 0.8: c.sendall(b"HTTP/1.0 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n")
    except Exception: pass
    finally: c.close()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 24199)); s.listen(20)
while True:
    c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
PY
stop_backend() { [ -f "$W/backend.pid" ] && kill "$(cat "$W/backend.pid")" 2>/dev/null; rm -f "$W/backend.pid"; }

# --- configuration (variant: good | badpem | syntax | proxy | blackhole)
writeconf() {
  local v=$1 backend='"[127.0.0.1]:24100"' proxy="" extra=""
  [ "$v" = proxy ] && proxy='write-proxy-v2 = on'
  [ "$v" = proxyv1 ] && proxy='write-proxy-v1 = on'
  [ "$v" = blackhole ] && backend='"[192.0.2.45]:24100"'
  [ "$v" = badpem ] && extra="pem-file = \"$C/missing-$RANDOM.pem\""
  [ "$v" = syntax ] && extra="frontend = { host = \"127.0.0.1\" port = "
  [ "$v" = unknownkey ] && extra='no-such-option = "yes"'
  cat > "$W/hitch.conf" <<CONF
log-filename = "$OUT/hitch.log"
log-level = 2
daemon = off
user = "_hitch"
group = "_hitch"
workers = $((1 + RANDOM % 3))
backend = $backend
ocsp-dir = "$W/ocsp"
ocsp-connect-tmo = 1
ocsp-resp-tmo = 2
alpn-protos = "h2,http/1.1"
tls-protos = TLSv1.2 TLSv1.3
$proxy
pem-file = "$C/default.pem"
pem-file = "$C/mail.pem"
pem-dir = "$W/pemdir"
pem-dir-glob = "*.pem"
frontend = {
  host = "127.0.0.1"
  port = "24110"
}
frontend = {
  host = "127.0.0.1"
  port = "24111"
  pem-file = "$C/blog.pem"
  sni-nomatch-abort = on
  match-global-certs = on
}
frontend = {
  host = "127.0.0.1"
  port = "24112"
  pem-file = "$C/blog.pem"
  client-verify = required
  client-verify-ca = "$C/ca.pem"
}
frontend = {
  host = "127.0.0.1"
  port = "24113"
  pem-file = "$C/shop.pem"
  tls-protos = TLSv1.3
}
$extra
CONF
}
start_hitch() { hitch --config="$W/hitch.conf" & echo $! > "$W/hitch.pid"; sleep 1; }
hpid() { cat "$W/hitch.pid"; }

writeconf good; start_backend; start_hitch
python3 "$W/ocspd.py" & OCSPD=$!
END=$((SECONDS + DURATION))
r() { echo $((RANDOM % $1)); }
names=(shop.r19.test www.shop.r19.test v$RANDOM.api.r19.test mail.r19.test blog.r19.test default.r19.test unknown$RANDOM.example nope.r19.test)
req() { printf 'GET /%s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "p$RANDOM" "$1"; }
sclient() { # port name extra-args...
  local p=$1 n=$2; shift 2
  { req "$n"; sleep 0.$(r 9); } | timeout 5 openssl s_client -quiet -connect 127.0.0.1:$p -servername "$n" "$@" >/dev/null 2>&1
}
raw() { # port bytes-command
  timeout 3 python3 -c "import socket,sys,time; s=socket.create_connection(('127.0.0.1',$1)); s.sendall(sys.stdin.buffer.read()); time.sleep(float(sys.argv[1])); s.settimeout(2); s.recv(100)" "$2" 2>/dev/null
}
while [ $SECONDS -lt $END ]; do
  n=${names[$(r ${#names[@]})]}
  case $(r 24) in
    0|1|2) sclient 24110 "$n" -$( [ $(r 2) = 0 ] && echo tls1_2 || echo tls1_3) & ;;
    3) sclient 24110 "$n" -alpn "$( [ $(r 2) = 0 ] && echo h2 || echo spdy/3,foo)" & ;;
    4|5) timeout 6 curl -sk --resolve "$n:24110:127.0.0.1" "https://$n:24110/c$RANDOM" -o /dev/null & ;;
    6) sclient 24111 "$n" & ;;
    7) timeout 5 openssl s_client -quiet -connect 127.0.0.1:24111 </dev/null >/dev/null 2>&1 & ;;
    8) sclient 24112 blog.r19.test -cert $C/client.crt -key $C/client.key & ;;
    9) sclient 24112 blog.r19.test & ;;
    10) sclient 24112 blog.r19.test -cert $C/bad.crt -key $C/bad.key & ;;
    11) sclient 24113 shop.r19.test -tls1_2 & ;;
    12) sclient 24113 shop.r19.test -tls1_3 & ;;
    13) sclient 24110 "$n" -tls1 -cipher 'DEFAULT@SECLEVEL=0' & ;;
    14) sclient 24110 "$n" -tls1_2 -cipher 'AES128-SHA:CAMELLIA128-SHA' & ;;
    15) printf 'GET / HTTP/1.1\r\nHost: %s\r\n\r\n' "$n" | raw 24110 0.$(r 9) & ;;
    16) head -c $((50 + RANDOM % 2000)) /dev/urandom | raw $((24110 + $(r 4))) 0.5 & ;;
    17) printf '\x16\x03\x01\x00\x05\x01\x00\x00\x01\x00' | raw 24110 1 & ;;
    18) : | raw 24110 $((3 + $(r 2))) & ;;  # idle: handshake timeout
    19) { req "$n"; sleep 0.2; } | timeout 1 openssl s_client -quiet -connect 127.0.0.1:24110 -servername "$n" >/dev/null 2>&1 & ;;
    20) if [ $(r 3) = 0 ]; then stop_backend; sleep 0.5; sclient 24110 "$n"; sclient 24113 shop.r19.test; sleep 1; start_backend; fi ;;
    21) [ $(r 3) = 0 ] && continue
        v=(good proxy proxyv1 badpem syntax unknownkey blackhole); v=${v[$(r 7)]}
        writeconf $v; kill -HUP $(hpid); sleep 1
        if [ $v = blackhole ]; then sclient 24110 "$n"; sleep 2; fi
        [ $v != good ] && { writeconf good; kill -HUP $(hpid); } ;;
    22) [ $(r 5) = 0 ] && { kill $(hpid); wait $(hpid) 2>/dev/null; writeconf good; start_hitch; } ;;
    23) for i in $(seq $((2 + RANDOM % 6))); do sclient 24110 "$n" & done ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
sleep 6; kill $(hpid); wait $(hpid) 2>/dev/null; stop_backend; kill $OCSPD
