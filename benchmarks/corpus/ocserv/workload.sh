#!/bin/bash
# Round-12 corpus workload: OpenConnect VPN server ocserv 1.1.6 (Debian 12 package), run in the
# foreground as `ocserv -f -d 3` (log level "debug") with stderr kept as the log ($OUT/ocserv.log).
# The server lives in network namespace r12osrv; openconnect clients and raw TLS/HTTP clients run in
# namespaces r12oc1..r12oc3, each joined to the server by a veth pair. Port 20843 (TCP and UDP).
# Plain password file auth plus certificate auth; occtl over a private socket.
# Run as root on Debian 12: bash workload.sh OUT_DIR [DURATION_SECONDS]
# (ocserv.log here was made with DURATION_SECONDS=270)
set -u
OUT=${1:?out dir}; DURATION=${2:-300}
OUT=$(readlink -f "$OUT"); mkdir -p "$OUT"
WORK=/tmp/r12o; PORT=20843; SRV=r12osrv

if ! command -v ocserv >/dev/null || ! command -v openconnect >/dev/null || ! command -v certtool >/dev/null; then
  apt-get update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y ocserv openconnect gnutls-bin python3 iproute2 >/dev/null
fi

mine() { # pidfile name...: true when the pid in the file is still a process with one of those names
  local f=$1 c; shift; [ -f "$f" ] || return 1
  c=$(cat /proc/$(cat "$f")/comm 2>/dev/null) || return 1
  for n in "$@"; do [ "$c" = "$n" ] && return 0; done; return 1
}
cleanup() {
  mine $WORK/ocserv.pid.main ocserv && kill "$(cat $WORK/ocserv.pid.main)" 2>/dev/null
  for f in $WORK/clients/*.pid; do mine "$f" bash openconnect && kill -KILL "$(cat "$f")" 2>/dev/null; done
  pkill_ns() { local p; for p in $(ip netns pids "$1" 2>/dev/null); do kill -KILL $p 2>/dev/null; done; }
  for n in $SRV r12oc1 r12oc2 r12oc3; do pkill_ns $n; done   # whatever is left inside our own namespaces
  sleep 1
  ip netns del $SRV 2>/dev/null; for i in 1 2 3; do ip netns del r12oc$i 2>/dev/null; done
}
cleanup
rm -rf $WORK; mkdir -p $WORK/clients $WORK/chroot; rm -f "$OUT/ocserv.log"

# ---------------------------------------------------------------- network
ip netns add $SRV; ip -n $SRV link set lo up
for i in 1 2 3; do
  ip netns add r12oc$i; ip -n r12oc$i link set lo up
  ip link add r12os$i type veth peer name r12oc$i
  ip link set r12os$i netns $SRV; ip link set r12oc$i netns r12oc$i
  ip -n $SRV addr add 10.214.$i.1/24 dev r12os$i; ip -n $SRV link set r12os$i up
  ip -n r12oc$i addr add 10.214.$i.2/24 dev r12oc$i; ip -n r12oc$i link set r12oc$i up
done
ip netns exec $SRV sysctl -qw net.ipv4.ip_forward=1

# ---------------------------------------------------------------- PKI (GnuTLS certtool)
P=$WORK/pki; mkdir -p $P
tmpl() { printf '%s\n' "$@" > $P/t.tmpl; }
certtool --generate-privkey --outfile $P/ca.key 2>/dev/null
tmpl 'cn = "R12 VPN CA"' 'organization = "R12 Lab"' 'serial = 1' 'expiration_days = 60' 'ca' 'signing_key' 'cert_signing_key' 'crl_signing_key'
certtool --generate-self-signed --load-privkey $P/ca.key --template $P/t.tmpl --outfile $P/ca.crt 2>/dev/null
certtool --generate-privkey --outfile $P/rogue.key 2>/dev/null
tmpl 'cn = "Rogue CA"' 'serial = 7' 'expiration_days = 60' 'ca' 'cert_signing_key'
certtool --generate-self-signed --load-privkey $P/rogue.key --template $P/t.tmpl --outfile $P/rogue.crt 2>/dev/null
certtool --generate-privkey --outfile $P/server.key 2>/dev/null
tmpl 'cn = "vpn.r12.test"' 'dns_name = "vpn.r12.test"' 'ip_address = "10.214.1.1"' 'ip_address = "10.214.2.1"' 'ip_address = "10.214.3.1"' 'serial = 2' 'expiration_days = 30' 'signing_key' 'encryption_key' 'tls_www_server'
certtool --generate-certificate --load-privkey $P/server.key --load-ca-certificate $P/ca.crt --load-ca-privkey $P/ca.key --template $P/t.tmpl --outfile $P/server.crt 2>/dev/null
usercert() { # name cn ca serial [expired]
  certtool --generate-privkey --outfile $P/$1.key 2>/dev/null
  if [ "${5:-}" = expired ]; then
    tmpl "cn = \"$2\"" "uid = \"$2\"" "serial = $4" 'activation_date = "2020-01-01 00:00:00"' 'expiration_date = "2021-01-01 00:00:00"' 'signing_key' 'tls_www_client'
  else
    tmpl "cn = \"$2\"" "uid = \"$2\"" "serial = $4" 'expiration_days = 30' 'signing_key' 'tls_www_client'
  fi
  certtool --generate-certificate --load-privkey $P/$1.key --load-ca-certificate $P/$3.crt --load-ca-privkey $P/$3.key --template $P/t.tmpl --outfile $P/$1.crt 2>/dev/null
}
usercert carol carol ca 11; usercert erin erin ca 12; usercert dave dave ca 13 expired
usercert mallory mallory rogue 14; usercert revoked trent ca 15
tmpl 'crl_next_update = 30' 'crl_number = 1'
certtool --generate-crl --load-ca-privkey $P/ca.key --load-ca-certificate $P/ca.crt --load-certificate $P/revoked.crt --template $P/t.tmpl --outfile $P/crl.pem 2>/dev/null
PIN=$(certtool --certificate-info --infile $P/server.crt 2>/dev/null | awk '/pin-sha256:/ {print $1; exit}')
chmod 644 $P/*.crt $P/crl.pem; chmod 640 $P/server.key; chgrp ocserv $P/server.key 2>/dev/null
chmod 755 $WORK $P

# ---------------------------------------------------------------- users
PASSWD=$WORK/ocpasswd; : > $PASSWD
declare -A PW
for u in alice bob carol erin frank grace heidi ivan judy; do
  PW[$u]=$(head -c 9 /dev/urandom | base64 | tr -d '/+=')
  g=staff; [ $u = bob ] || [ $u = frank ] && g=admins,staff
  printf '%s\n%s\n' "${PW[$u]}" "${PW[$u]}" | ocpasswd -c $PASSWD -g $g $u
done
ocpasswd -c $PASSWD -l judy   # locked account
USERS=(alice bob carol erin frank grace heidi ivan)

# ---------------------------------------------------------------- config
mkdir -p $WORK/config-per-user $WORK/config-per-group
printf 'route = 10.220.0.0/16\nidle-timeout = 25\n' > $WORK/config-per-user/grace
printf 'route = 10.221.0.0/16\nrestrict-user-to-routes = true\n' > $WORK/config-per-group/admins
printf 'route = default\n' > $WORK/config-per-group/staff
write_conf() { # idle-timeout value
cat > $WORK/ocserv.conf <<CONF
auth = "plain[passwd=$PASSWD]"
enable-auth = "certificate"
tcp-port = $PORT
udp-port = $PORT
run-as-user = ocserv
run-as-group = ocserv
socket-file = /ocserv-socket
occtl-socket-file = $WORK/occtl.socket
chroot-dir = $WORK/chroot
server-cert = $P/server.crt
server-key = $P/server.key
ca-cert = $P/ca.crt
crl = $P/crl.pem
cert-user-oid = 2.5.4.3
isolate-workers = false
max-clients = 12
max-same-clients = 2
rate-limit-ms = 50
server-stats-reset-time = 604800
keepalive = 30
dpd = 10
mobile-dpd = 60
switch-to-tcp-timeout = 15
try-mtu-discovery = true
tls-priorities = "NORMAL:%SERVER_PRECEDENCE:%COMPAT:-VERS-SSL3.0:-VERS-TLS1.0:-VERS-TLS1.1"
auth-timeout = 20
idle-timeout = $1
mobile-idle-timeout = 120
session-timeout = 240
min-reauth-time = 2
max-ban-score = 40
ban-reset-time = 60
cookie-timeout = 60
deny-roaming = false
rekey-time = 90
rekey-method = ssl
use-occtl = true
pid-file = $WORK/ocserv.pid
log-level = 3
device = r12ovpn
predictable-ips = false
default-domain = r12.test
ipv4-network = 10.215.0.0
ipv4-netmask = 255.255.255.0
dns = 10.215.0.1
ping-leases = false
config-per-user = $WORK/config-per-user/
config-per-group = $WORK/config-per-group/
select-group = staff
select-group = admins
auto-select-group = false
route = 10.216.0.0/16
no-route = 10.216.9.0/255.255.255.0
cisco-client-compat = true
dtls-legacy = true
client-bypass-protocol = false
CONF
}
write_conf 40

# ---------------------------------------------------------------- helpers
start_srv() {
  ip netns exec $SRV ocserv -f -d 3 -c $WORK/ocserv.conf >>"$OUT/ocserv.log" 2>&1 &
  echo $! > $WORK/ocserv.pid.main
  for i in $(seq 40); do [ -S $WORK/occtl.socket ] && break; sleep 0.25; done
  sleep 0.5
}
stop_srv() { # [signal]
  local pid; mine $WORK/ocserv.pid.main ocserv || return; pid=$(cat $WORK/ocserv.pid.main)
  kill -${1:-TERM} $pid 2>/dev/null
  for i in $(seq 40); do kill -0 $pid 2>/dev/null || break; sleep 0.25; done
}
occ() { ip netns exec $SRV timeout 10 occtl -s $WORK/occtl.socket "$@" >/dev/null 2>&1; }
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }
CID=0
grp() { # the group a user asks for: its own one, now and then one it is not in
  if [ $(r 8) = 0 ]; then pick admins nosuchgroup; elif [ $1 = bob ] || [ $1 = frank ]; then pick admins staff; else echo staff; fi
}
vpn() { # ns user password seconds [extra openconnect args...]   (a session in the background)
  local ns=$1 u=$2 pw=$3 t=$4; shift 4
  local srv=10.214.${ns#r12oc}.1 g=""
  [ -n "$pw" ] && g="--authgroup=$(grp $u)"
  CID=$((CID + 1))
  ( echo "$pw" | ip netns exec $ns timeout -s $(pick INT INT TERM KILL) $t \
      openconnect --passwd-on-stdin --non-inter -u "$u" --servercert "$PIN" -s /bin/true $g \
      --useragent "$(pick 'Open AnyConnect VPN Agent v9.01' 'AnyConnect Linux_64 4.10.05095' 'AnyConnect Windows 4.9.06037' 'Cisco AnyConnect VPN Agent for Apple iPhone 4.10')" \
      "$@" https://$srv:$PORT/ >/dev/null 2>&1 ) &
  echo $! > $WORK/clients/$CID.pid
}
stall() { # ns user   (a client that connects, then freezes: the server's DPD/idle timers end it)
  local ns=$1 u=$2 srv=10.214.${1#r12oc}.1
  CID=$((CID + 1)); local pf=$WORK/clients/stall$CID.pid
  echo "${PW[$u]}" | ip netns exec $ns timeout 20 openconnect --background --pid-file=$pf --passwd-on-stdin \
      --non-inter -u $u --authgroup=$( [ $u = bob ] || [ $u = frank ] && echo admins || echo staff ) \
      --servercert "$PIN" -s /bin/true $( [ $(r 2) = 0 ] && echo --no-dtls ) https://$srv:$PORT/ >/dev/null 2>&1
  ( isoc() { [ -f $pf ] && [ "$(cat /proc/$(cat $pf)/comm 2>/dev/null)" = openconnect ]; }
    sleep $((3 + $(r 8))); isoc && kill -STOP "$(cat $pf)"
    sleep $((40 + $(r 40))); isoc && kill -KILL "$(cat $pf)"; rm -f $pf ) &
  echo $! > $WORK/clients/stalltimer$CID.pid
}
raw() { # ns kind   (scripted TLS/HTTP clients: bad requests, garbage, half-open)
  local ns=$1 srv=10.214.${1#r12oc}.1
  ip netns exec $ns timeout 15 python3 - "$srv" $PORT "$2" "${USERS[$(r ${#USERS[@]})]}" <<'PY'
import socket, ssl, sys, random, os, time
host, port, kind, user = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def tls():
    ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
    s = socket.create_connection((host, port), timeout=8)
    return ctx.wrap_socket(s, server_hostname=random.choice(["vpn.r12.test", "other.r12.test"]))
def req(s, data):
    s.sendall(data)
    try:
        return s.recv(65536)
    except Exception:
        return b""
try:
    if kind == 0:    # plain-text garbage on the TLS port
        s = socket.create_connection((host, port), timeout=5); s.sendall(os.urandom(random.randint(5, 300))); time.sleep(0.5); s.close()
    elif kind == 1:  # TLS then an unknown URL
        s = tls(); req(s, b"GET /%s HTTP/1.1\r\nHost: vpn\r\n\r\n" % random.choice([b"admin", b"../../etc/passwd", b"favicon.ico", b"profile.xml", b"+CSCOE+/logon.html"]))
    elif kind == 2:  # a malformed HTTP request line
        s = tls(); req(s, random.choice([b"HELLO\r\n\r\n", b"GET\r\n\r\n", b"POST / HTTP/9.9\r\nContent-Length: -5\r\n\r\n", os.urandom(64) + b"\r\n\r\n"]))
    elif kind == 3:  # TLS then silence until the auth timeout
        s = tls(); time.sleep(random.randint(2, 12)); s.close()
    elif kind == 4:  # XML auth init then a wrong password
        s = tls()
        body = b'<?xml version="1.0" encoding="UTF-8"?><config-auth client="vpn" type="init"><version who="vpn">v9.01</version><group-access>https://vpn/</group-access></config-auth>'
        r = req(s, b"POST / HTTP/1.1\r\nHost: vpn\r\nUser-Agent: Open AnyConnect VPN Agent v9.01\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Transcend-Version: 1\r\nX-Aggregate-Auth: 1\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        body = b'<?xml version="1.0" encoding="UTF-8"?><config-auth client="vpn" type="auth-reply"><auth><username>%s</username><password>bad%d</password></auth></config-auth>' % (user.encode(), random.randint(1, 9999))
        req(s, b"POST /auth HTTP/1.1\r\nHost: vpn\r\nUser-Agent: Open AnyConnect VPN Agent v9.01\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    elif kind == 5:  # CONNECT with a forged cookie
        s = tls(); req(s, b"CONNECT /CSCOSSLC/tunnel HTTP/1.1\r\nHost: vpn\r\nCookie: webvpn=%s\r\nX-CSTP-Version: 1\r\n\r\n" % os.urandom(16).hex().encode())
    elif kind == 6:  # legacy form login, wrong password
        s = tls(); body = b"username=%s&password=nope%d" % (user.encode(), random.randint(1, 99))
        req(s, b"POST /auth HTTP/1.1\r\nHost: vpn\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    else:            # a TLS handshake cut in the middle
        s = socket.create_connection((host, port), timeout=5); s.sendall(bytes.fromhex("16030100") + bytes([random.randint(10, 200)]) + os.urandom(12)); time.sleep(0.3); s.close()
except Exception:
    pass
PY
}
RESTARTS=0

start_srv
sleep 1
END=$((SECONDS + DURATION)); R1=$((SECONDS + DURATION * 4 / 10)); R2=$((SECONDS + DURATION * 3 / 4))
while [ $SECONDS -lt $END ]; do
  if { [ $RESTARTS = 0 ] && [ $SECONDS -ge $R1 ]; } || { [ $RESTARTS = 1 ] && [ $SECONDS -ge $R2 ]; }; then
    stop_srv $(pick TERM INT); sleep $((1 + $(r 3))); start_srv; RESTARTS=$((RESTARTS + 1))   # restart the server
  fi
  ns=r12oc$((1 + $(r 3))); u=${USERS[$(r ${#USERS[@]})]}
  case $(r 28) in
    0|1|2|3) vpn $ns $u "${PW[$u]}" $((5 + $(r 60))) $( [ $(r 3) = 0 ] && echo --no-dtls ) ;;
    4) vpn $ns $u "${PW[$u]}" $((90 + $(r 60))) ;;   # long enough for TLS rekeying and the idle timeout
    5|6) vpn $ns $u "wrong$(r 999)" 8 ;;
    7) vpn $ns "$(pick mallory root admin test guest)$(r 99)" "x$(r 9999)" 8 ;;
    8) vpn $ns judy "${PW[judy]}" 8 ;;
    9|10) c=$(pick carol erin); vpn $ns $c "" $((5 + $(r 60))) -c $P/$c.crt -k $P/$c.key ;;
    11) c=$(pick dave mallory revoked); vpn $ns $c "" 8 -c $P/$c.crt -k $P/$c.key ;;
    12) vpn $ns $u "${PW[$u]}" 8 --servercert pin-sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ;;
    13) for k in 1 2 3; do vpn r12oc$((1 + $(r 3))) $u "${PW[$u]}" $((6 + $(r 20))); sleep 0.3; done ;;   # over max-same-clients
    14) vpn $ns grace "${PW[grace]}" $((40 + $(r 80))) ;;   # idle timeout from config-per-user
    15|16) stall $ns $(pick $u grace carol bob) ;;
    17) raw $ns $(r 8) ;;
    18) for k in $(seq $((3 + $(r 5)))); do raw $ns $(pick 4 6); done ;;   # ban score
    19) occ show users; occ show status; occ show sessions all ;;
    20) occ $(pick "show user $u" "show id $((1000 + $(r 9000)))" "show ip bans" "show ip ban points" "show iroutes" "show sessions valid" "show cookies all") ;;
    21) occ disconnect user $u ;;
    22) occ $(pick "disconnect id $((1000 + $(r 9000)))" "unban ip 10.214.$((1 + $(r 3))).2" "frobnicate all" "show nothing" "disconnect") ;;
    23) occ reload ;;
    24) write_conf $(pick 30 40 60); occ reload ;;
    25) vpn $ns $u "${PW[$u]}" $((5 + $(r 60))) --no-dtls ;;
    26) ip netns exec $ns timeout 5 openconnect --authenticate --passwd-on-stdin --non-inter -u $u --authgroup=$(grp $u) --servercert "$PIN" https://10.214.${ns#r12oc}.1:$PORT/ <<<"${PW[$u]}" >/dev/null 2>&1 ;;
    27) mine $WORK/ocserv.pid.main ocserv && kill -HUP "$(cat $WORK/ocserv.pid.main)" ;;
  esac
  sleep $((3 + $(r 5))).$(r 10)
done
sleep 5
occ stop now
sleep 2
stop_srv TERM
cleanup
wait 2>/dev/null
wc -l "$OUT/ocserv.log"
