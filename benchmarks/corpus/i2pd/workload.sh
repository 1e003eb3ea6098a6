#!/bin/bash
# Round-17 corpus workload: i2pd (Debian 12 package `i2pd`), private instance with its own
# data dir and config, `--log=file --loglevel=debug`, no internet (reseeding and tunnel
# building fail). Randomised HTTP/SOCKS proxy clients, web-console pages and commands,
# SAM/BOB/I2PControl clients with good and bad commands, SIGHUP reloads, restarts, stop.
# 127.0.0.1 TCP ports 40720-40739 only.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
# The kept i2pd.log is the first 2,500 lines of a run with the default duration (head -n 2500).
set -u
OUT=${1:-/work/round17/i2pd}; DURATION=${2:-240}
W=/tmp/r17i2pd; rm -rf "$W"; mkdir -p "$W/data/certificates" "$W/tunnels.d"
cp -r /usr/share/i2pd/certificates/* "$W/data/certificates/"
LOG=$OUT/i2pd.log; rm -f "$LOG"
cat > "$W/i2pd.conf" <<CONF
loglevel = debug
ipv4 = true
ipv6 = false
host = 127.0.0.1
address4 = 127.0.0.1
port = 40727
nat = true
floodfill = false
bandwidth = L
[ntcp2]
enabled = true
published = false
port = 40728
[ssu2]
enabled = true
published = false
port = 40729
[http]
enabled = true
address = 127.0.0.1
port = 40720
auth = true
user = admin
pass = console$RANDOM
[httpproxy]
enabled = true
address = 127.0.0.1
port = 40721
addresshelper = true
outproxy = http://false.i2p
[socksproxy]
enabled = true
address = 127.0.0.1
port = 40722
[sam]
enabled = true
address = 127.0.0.1
port = 40723
[bob]
enabled = true
address = 127.0.0.1
port = 40724
[i2cp]
enabled = true
address = 127.0.0.1
port = 40725
[i2pcontrol]
enabled = true
address = 127.0.0.1
port = 40726
password = itoopie
[reseed]
verify = true
urls = https://127.0.0.1:40730/,https://reseed.i2p-projekt.de/
threshold = 25
[addressbook]
defaulturl = http://127.0.0.1:40731/hosts.txt
subscriptions = http://inr.i2p/export/alive-hosts.txt,http://stats.i2p/cgi-bin/newhosts.txt
[limits]
transittunnels = 50
[upnp]
enabled = false
CONF
CPASS=$(grep '^pass' "$W/i2pd.conf" | awk '{print $3}')
write_tunnels() {
cat > "$W/tunnels.conf" <<CONF
[irc-$1]
type = client
address = 127.0.0.1
port = 40732
destination = irc.ilita.i2p
destinationport = 6667
keys = irc-keys.dat

[web-$1]
type = http
host = 127.0.0.1
port = 40733
keys = web-keys.dat
inbound.length = $((1 + RANDOM % 3))

[srv-$2]
type = server
host = 127.0.0.1
port = 40734
keys = srv-keys-$2.dat
CONF
[ $((RANDOM % 3)) -eq 0 ] && printf '[broken\ntype = nonsense\nport = abc\n' >> "$W/tunnels.conf"
}
write_tunnels a 1
start_i2pd() {
  i2pd --datadir="$W/data" --conf="$W/i2pd.conf" --tunconf="$W/tunnels.conf" --tunnelsdir="$W/tunnels.d" \
       --log=file --logfile="$LOG" --loglevel=debug --pidfile="$W/i2pd.pid" >/dev/null 2>&1 &
  echo $! > "$W/i2pd.pid.mine"; sleep 3
}
stop_i2pd() { local p; p=$(cat $W/i2pd.pid.mine); kill -$1 "$p" 2>/dev/null
  for i in $(seq 20); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done; kill -KILL "$p" 2>/dev/null; wait "$p" 2>/dev/null; }
r() { echo $((RANDOM % $1)); }
sam() { python3 - "$@" <<'PY'
import socket, sys, time
try:
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=4)
except Exception: sys.exit(0)
for c in sys.argv[2:]:
    try:
        s.sendall((c + "\n").encode()); time.sleep(0.3)
        s.settimeout(1.5); s.recv(65536)
    except Exception: pass
s.close()
PY
}
hosts=(stats.i2p zzz.i2p notexisting$RANDOM.i2p example.com 127.0.0.1 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.b32.i2p bad..i2p www.debian.org)
pages=(tunnels transit_tunnels transports local_destinations leasesets i2p_tunnels commands sam_sessions bogus$RANDOM)
start_i2pd
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  h=${hosts[$(r ${#hosts[@]})]}
  case $(r 24) in
    0|1|2) curl -s -m 3 -x http://127.0.0.1:40721 "http://$h/$RANDOM" >/dev/null ;;
    3) curl -s -m 3 -x http://127.0.0.1:40721 "https://$h/" >/dev/null ;;
    4) curl -s -m 3 -x http://127.0.0.1:40721 "http://$h/?i2paddresshelper=bogus$RANDOM" >/dev/null ;;
    5|6) curl -s -m 3 --socks5-hostname 127.0.0.1:40722 "http://$h/" >/dev/null ;;
    7) curl -s -m 3 --socks4a 127.0.0.1:40722 "http://$h:$((1+$(r 9000)))/" >/dev/null ;;
    8) head -c $((1 + $(r 300))) /dev/urandom | nc -w 1 127.0.0.1 $((40721 + $(r 2))) >/dev/null ;;
    9) curl -s -m 3 -u "admin:$CPASS" "http://127.0.0.1:40720/?page=${pages[$(r ${#pages[@]})]}" >/dev/null ;;
    10) curl -s -m 3 -u "admin:wrong$RANDOM" "http://127.0.0.1:40720/" >/dev/null ;;
    11) tok=$(curl -s -m 3 -u "admin:$CPASS" "http://127.0.0.1:40720/?page=commands" | grep -o 'token=[0-9]*' | head -1)
        cmd=(reload_tunnels_config run_peer_test reload_csscmd limit_transit_tunnels accept_transit reject_transit set_loglevel nosuchcmd)
        c=${cmd[$(r ${#cmd[@]})]}
        curl -s -m 3 -u "admin:$CPASS" "http://127.0.0.1:40720/?cmd=$c&$tok&limit=$((10+$(r 90)))&level=$( [ $(r 2) = 0 ] && echo debug || echo info)" >/dev/null
        curl -s -m 3 -u "admin:$CPASS" "http://127.0.0.1:40720/?cmd=$c&token=$RANDOM" >/dev/null ;;
    12|13) id=s$RANDOM; sam 40723 "HELLO VERSION MIN=3.0 MAX=3.$(r 4)" "SESSION CREATE STYLE=STREAM ID=$id DESTINATION=TRANSIENT SIGNATURE_TYPE=7" "NAMING LOOKUP NAME=ME" "NAMING LOOKUP NAME=$h" "STREAM CONNECT ID=$id DESTINATION=$h SILENT=false" ;;
    14) sam 40723 "HELLO VERSION MIN=3.$(r 4) MAX=3.1" "DEST GENERATE SIGNATURE_TYPE=$(r 8)" "BOGUS COMMAND $RANDOM" ;;
    15) sam 40723 "GARBAGE$RANDOM" "SESSION CREATE STYLE=DATAGRAM ID=x$RANDOM DESTINATION=TRANSIENT" ;;
    16) sam 40723 "HELLO VERSION MIN=4.0 MAX=4.1" ;;
    17) n=b$RANDOM; sam 40724 "help" "setnick $n" "newkeys" "inhost 127.0.0.1" "inport $((40735 + $(r 3)))" "outhost 127.0.0.1" "outport 40734" "start" "status $n" "list" "stop" "clear" "quit" ;;
    18) sam 40724 "getnick nobody$RANDOM" "start" "lookup $h" "verify abc" "frobnicate" "quit" ;;
    19) curl -s -m 3 -k -d '{"id":1,"method":"Authenticate","params":{"API":1,"Password":"'$( [ $(r 2) = 0 ] && echo itoopie || echo wrong)'"},"jsonrpc":"2.0"}' https://127.0.0.1:40726/ >/dev/null
        curl -s -m 3 -k -d '{"id":2,"method":"RouterInfo","params":{"i2p.router.uptime":"","Token":"bad"},"jsonrpc":"2.0"}' https://127.0.0.1:40726/ >/dev/null ;;
    20) write_tunnels $(printf "%x" $RANDOM) $(r 4); kill -HUP "$(cat $W/i2pd.pid.mine)" ;;
    21) [ $(r 3) -eq 0 ] && { stop_i2pd $( [ $(r 2) = 0 ] && echo TERM || echo INT); start_i2pd; } ;;
    22) echo "NICK u$RANDOM" | nc -w 1 127.0.0.1 40732 >/dev/null; curl -s -m 2 http://127.0.0.1:40733/ >/dev/null ;;
    23) curl -s -m 3 -x http://127.0.0.1:40721 "http://$h.i2p/?i2paddresshelper=$(head -c 32 /dev/urandom | base64 | tr '+/' '-~')" >/dev/null ;;
  esac
  sleep 0.$(r 8)
done
stop_i2pd INT
