#!/bin/bash
# Round-17 corpus workload: Tor (Debian 12 package `tor`), private instance with its own
# DataDirectory and torrc, `Log info file`, SafeLogging 0, no internet (bootstrap fails).
# Randomised SOCKS/HTTP-tunnel clients, control-port commands good and bad, HUP reloads,
# restarts, stop. 127.0.0.1 ports 40710-40719 only.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
# The kept tor.log is the first 2,500 lines of a run with DURATION_SECONDS=200 (head -n 2500).
set -u
OUT=${1:-/work/round17/tor}; DURATION=${2:-240}
W=/tmp/r17tor; rm -rf "$W"; mkdir -p "$W/data"; chown -R debian-tor "$W"; chmod 700 "$W/data"
LOG=$OUT/tor.log; rm -f "$LOG"; touch "$LOG"; chown debian-tor "$LOG"
PASS=secret$RANDOM
HASH=$(tor --hash-password "$PASS" --quiet | tail -1)
cat > "$W/torrc" <<CONF
DataDirectory $W/data
User debian-tor
RunAsDaemon 0
Log info file $LOG
SafeLogging 0
SocksPort 127.0.0.1:40711
SocksPort 127.0.0.1:40713 IsolateDestAddr
HTTPTunnelPort 127.0.0.1:40714
DNSPort 127.0.0.1:40715
ControlPort 127.0.0.1:40712
HashedControlPassword $HASH
CookieAuthentication 1
SocksPolicy accept 127.0.0.1
CONF
start_tor() { tor -f "$W/torrc" --defaults-torrc /dev/null >/dev/null 2>&1 & echo $! > "$W/tor.pid"; sleep 3; }
stop_tor() { kill -TERM "$(cat $W/tor.pid)" 2>/dev/null; sleep 2; kill -TERM "$(cat $W/tor.pid)" 2>/dev/null; wait "$(cat $W/tor.pid)" 2>/dev/null; }
r() { echo $((RANDOM % $1)); }
hosts=(example.com duckduckgo.com www.debian.org 10.1.2.3 192.0.2.$((RANDOM%250)) abcdefghijklmnop.onion 3g2upl4pq6kufc4m.onion localhost 127.0.0.1 bad..name)
ctl() { # send control commands (args) after optional auth
  python3 - "$@" <<'PY'
import socket, sys, time
try:
    s = socket.create_connection(("127.0.0.1", 40712), timeout=3)
    for c in sys.argv[1:]:
        s.sendall((c + "\r\n").encode())
        time.sleep(0.15)
except Exception: sys.exit(0)
try:
    s.settimeout(1); s.recv(65536)
except Exception: pass
s.close()
PY
}
start_tor
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  h=${hosts[$(r ${#hosts[@]})]}; p=$((RANDOM % 3 == 0 ? 443 : 80))
  case $(r 26) in
    0|1|2) curl -s -m $((1 + $(r 3))) --socks5-hostname 127.0.0.1:40711 "http://$h:$p/$RANDOM" >/dev/null ;;
    3) curl -s -m 2 --socks5 127.0.0.1:40713 "http://127.0.0.$((1+$(r 200))):$((1000+$(r 9000)))/" >/dev/null ;;
    4) curl -s -m 2 --socks4a 127.0.0.1:40711 "http://$h/" >/dev/null ;;
    5) curl -s -m 2 -x http://127.0.0.1:40714 "https://$h/" >/dev/null ;;
    6) curl -s -m 2 "http://127.0.0.1:40711/some/path$RANDOM" >/dev/null ;;   # HTTP to SOCKS port
    7) head -c $((1 + $(r 200))) /dev/urandom | nc -w 1 127.0.0.1 40711 >/dev/null ;;
    8) dig +time=1 +tries=1 -p 40715 @127.0.0.1 "$h" A >/dev/null 2>&1 || true ;;
    9) ctl "AUTHENTICATE \"$PASS\"" "GETINFO version" "GETINFO status/bootstrap-phase" "GETINFO net/listeners/socks" "QUIT" ;;
    10) ctl "AUTHENTICATE \"wrong$RANDOM\"" "GETINFO version" ;;
    11) ctl "GETINFO version" "PROTOCOLINFO 1" "QUIT" ;;
    12) ctl "AUTHENTICATE \"$PASS\"" "SETCONF MaxCircuitDirtiness=$((60 + $(r 900)))" "SETCONF NoSuchOption$(r 9)=1" "GETCONF SocksPort" "QUIT" ;;
    13) ctl "AUTHENTICATE \"$PASS\"" "SIGNAL NEWNYM" "SIGNAL CLEARDNSCACHE" "SIGNAL BOGUS$(r 9)" "QUIT" ;;
    14) ctl "AUTHENTICATE \"$PASS\"" "SETEVENTS CIRC STREAM STATUS_CLIENT" "GETINFO circuit-status" "GETINFO stream-status" "FOOBAR $RANDOM" "QUIT" ;;
    15) ctl "AUTHENTICATE \"$PASS\"" "SETCONF Log=\"info file $LOG\"" "SETCONF ConnLimit=$((100+$(r 900)))" "QUIT" ;;
    16) ctl "AUTHENTICATE \"$PASS\"" "EXTENDCIRCUIT 0" "MAPADDRESS 10.$(r 250).$(r 250).$(r 250)=$h" "RESOLVE $h" "QUIT" ;;
    17) ctl "AUTHENTICATE \"$PASS\"" "ADD_ONION NEW:ED25519-V3 Port=80,127.0.0.1:$((40000 + $(r 999)))" "QUIT" ;;
    18) ctl "AUTHENTICATE \"$PASS\"" "SETCONF SocksPort=\"127.0.0.1:40711\" SocksPort=\"127.0.0.1:40713\"" "SIGNAL NORMAL" "SIGNAL CLEARDNSCACHE" "QUIT" ;;
    19) kill -HUP "$(cat $W/tor.pid)" ;;
    20) ctl "AUTHENTICATE \"$PASS\"" "SIGNAL RELOAD" "SIGNAL DUMP" "SIGNAL HEARTBEAT" "QUIT" ;;
    21) ctl "AUTHENTICATE \"$PASS\"" "SETCONF ClientOnly=1" "RESETCONF MaxCircuitDirtiness" "SAVECONF" "QUIT" ;;
    22) ctl "AUTHENTICATE" "USEFEATURE EXTENDED_EVENTS" "GETINFO config-file" ;;
    23) [ $(r 3) -eq 0 ] && { stop_tor; start_tor; } ;;
    24) ctl "AUTHENTICATE \"$PASS\"" "SIGNAL DORMANT" "SIGNAL ACTIVE" "TAKEOWNERSHIP" "DROPGUARDS" "QUIT" ;;
    25) pids=(); for i in $(seq $((2 + $(r 5)))); do curl -s -m 2 --socks5-hostname 127.0.0.1:40711 "http://$h$i.example/" >/dev/null & pids+=($!); done; wait "${pids[@]}" ;;
  esac
  sleep 0.$(r 8)
done
ctl "AUTHENTICATE \"$PASS\"" "SIGNAL SHUTDOWN" ; sleep 2
stop_tor
