#!/bin/bash
# Round-5 corpus workload: OpenVPN 2.6 server (Debian 12 package), UDP on 127.0.0.1:15731,
# a tun device r5ovpn0 left unconfigured (ifconfig-noexec/route-noexec; clients use `dev null`), verb 3, log-append to $OUT/openvpn.log, for DURATION
# seconds of randomised clients started on the same machine: good certificates, a revoked one,
# one from a foreign CA, a wrong tls-crypt key, no common data cipher, wrong passwords, duplicate
# common names, garbage UDP packets, management-interface commands and SIGUSR1/SIGHUP restarts.
# Throwaway PKI made with easy-rsa in $OUT/pki-work (deleted at the end; keys never reach the log).
# Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=$(realpath -m "${1:?out dir}"); DURATION=${2:-150}
PORT=15731; MPORT=15732
mkdir -p "$OUT"; rm -f "$OUT/openvpn.log"
W="$OUT/pki-work"; rm -rf "$W"; mkdir -p "$W"
export EASYRSA_BATCH=1
mkpki() {  # dir CA-name clients...
  local d=$1 cn=$2; shift 2
  cp -r /usr/share/easy-rsa "$d"
  ( cd "$d" && ./easyrsa init-pki && EASYRSA_REQ_CN="$cn" ./easyrsa build-ca nopass &&
    ./easyrsa build-server-full server nopass &&
    for c in "$@"; do ./easyrsa build-client-full "$c" nopass; done ) >/dev/null 2>&1
}
mkpki "$W/ca" "Round5 Test CA" alice bob carol dave mallory eve
cp "$W/ca/pki/issued/mallory.crt" "$W/ca/pki/private/mallory.key" "$W/"
( cd "$W/ca" && ./easyrsa revoke mallory && ./easyrsa gen-crl ) >/dev/null 2>&1
mkpki "$W/rogue" "Rogue CA" trudy
openvpn --genkey tls-crypt "$W/tc.key"
openvpn --genkey tls-crypt "$W/tc-wrong.key"
printf 'alice s3cret\nbob hunter2\ncarol letmein\ndave pa55\nmallory x\neve evepw\n' > "$W/users"
cat > "$W/checkpw.sh" <<'EOF'
#!/bin/sh
u=$(sed -n 1p "$1"); p=$(sed -n 2p "$1")
grep -qx "$u $p" "$(dirname "$0")/users"
EOF
chmod +x "$W/checkpw.sh"
P="$W/ca/pki"
cat > "$W/server.conf" <<CONF
mode server
tls-server
proto udp4
local 127.0.0.1
port $PORT
dev r5ovpn0
dev-type tun
topology subnet
server 10.88.0.0 255.255.255.0
ifconfig-noexec
route-noexec
ca $P/ca.crt
cert $P/issued/server.crt
key $P/private/server.key
dh none
crl-verify $P/crl.pem
tls-crypt $W/tc.key
data-ciphers AES-256-GCM:AES-128-GCM
keepalive 3 12
explicit-exit-notify 1
max-clients 6
script-security 2
auth-user-pass-verify $W/checkpw.sh via-file
username-as-common-name
management 127.0.0.1 $MPORT
status $OUT/pki-work/status.log 10
verb 3
log-append $OUT/openvpn.log
CONF
openvpn --config "$W/server.conf" --writepid "$W/server.pid" >/dev/null 2>&1 &
SRV=$!
sleep 2
r() { echo $((RANDOM % $1)); }
users=(alice bob carol dave eve)
declare -A pw=([alice]=s3cret [bob]=hunter2 [carol]=letmein [dave]=pa55 [eve]=evepw [mallory]=x [trudy]=t)
client() {  # name certdir tc-key life extra...
  local n=$1 cd=$2 tk=$3 life=$4; shift 4
  local up="$W/up-$n-$RANDOM"
  printf '%s\n%s\n' "$n" "${CLIENT_PW:-${pw[$n]}}" > "$up"
  timeout -s TERM "$life" openvpn --client --dev null --proto udp4 --remote 127.0.0.1 $PORT \
    --nobind --ca "$cd/ca.crt" --cert "${CERT:-$cd/issued/$n.crt}" --key "${KEY:-$cd/private/$n.key}" \
    --tls-crypt "$tk" --auth-user-pass "$up" --ifconfig-noexec --route-noexec \
    --explicit-exit-notify 1 --connect-retry-max 1 --verb 0 "$@" >/dev/null 2>&1
  rm -f "$up"
}
mgmt() { # send management commands
  { for c in "$@"; do echo "$c"; sleep 0.3; done; echo quit; } |
    timeout 5 python3 -c "
import socket,sys,time
s=socket.create_connection(('127.0.0.1',$MPORT)); s.settimeout(1)
for l in sys.stdin:
    s.sendall(l.encode()); time.sleep(0.2)
    try: s.recv(65536)
    except Exception: pass
s.close()" 2>/dev/null
}
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  u=${users[$(r ${#users[@]})]}
  case $(r 16) in
    0|1|2|3) client "$u" "$P" "$W/tc.key" $((4 + $(r 10))) & ;;
    4) client "$u" "$P" "$W/tc.key" $((20 + $(r 15))) --reneg-sec 10 & ;;
    5) CERT="$W/mallory.crt" KEY="$W/mallory.key" client mallory "$P" "$W/tc.key" 5 & ;;
    6) CERT="$W/rogue/pki/issued/trudy.crt" KEY="$W/rogue/pki/private/trudy.key" client trudy "$P" "$W/tc.key" 5 & ;;
    7) client "$u" "$P" "$W/tc-wrong.key" 4 & ;;
    8) client "$u" "$P" "$W/tc.key" 6 --data-ciphers CHACHA20-POLY1305 & ;;
    9) CLIENT_PW="wrong$RANDOM" client "$u" "$P" "$W/tc.key" 5 & ;;
    10) client "$u" "$P" "$W/tc.key" 6 & sleep 2; client "$u" "$P" "$W/tc.key" 6 & ;;
    11) head -c $((20 + $(r 80))) /dev/urandom | timeout 1 python3 -c "import socket,sys; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.sendto(sys.stdin.buffer.read(),('127.0.0.1',$PORT))" ;;
    12) mgmt status "status 2" "state" "load-stats" & ;;
    13) mgmt "kill ${users[$(r ${#users[@]})]}" "kill 127.0.0.1:$((40000 + $(r 20000)))" "version" & ;;
    14) [ $(r 3) = 0 ] && kill -USR1 "$(cat "$W/server.pid")" ;;
    15) [ $(r 4) = 0 ] && kill -HUP "$(cat "$W/server.pid")" ;;
  esac
  sleep 1.$(r 10)
done
for j in $(jobs -p); do [ "$j" != "$SRV" ] && wait "$j"; done
sleep 2
mgmt "signal SIGTERM"
sleep 2
kill "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null
rm -rf "$W"
