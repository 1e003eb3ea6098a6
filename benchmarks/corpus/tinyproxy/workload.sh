#!/bin/bash
# Round-6 corpus workload: Tinyproxy 1.11 (Debian 12 package tinyproxy), LogLevel Info (the most
# verbose level of a release build: it includes the CONNECT-level lines), LogFile of its own.
# Everything on 127.0.0.1: the proxy on 18100, test servers from servers.py on 18101-18109.
# Randomised clients (curl and raw python sockets) for DURATION seconds, SIGUSR1 reloads that
# switch between config variants, one stop/start in the middle, stop at the end.
# Run as root: bash workload.sh [OUT_DIR] [DURATION]    (default OUT_DIR = this folder, 260 s)
# Needs: apt-get install -y tinyproxy curl python3
# Every host name the proxy resolves is put in /etc/hosts (removed at the end): no DNS traffic.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-260}
W=/tmp/r6tp; rm -rf "$W"; mkdir -p "$W"; chown tinyproxy:tinyproxy "$W"
P=18100; PX=http://127.0.0.1:$P
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }

# names of the test servers (removed again at the end)
sed -i '/# r6tp-workload$/d' /etc/hosts
for n in www api shop cdn img stats pot x.socks y.socks z.socks a.s4 b.s4 c.s4; do
  echo "127.0.0.1 $n.r6tp.test # r6tp-workload" >> /etc/hosts
done

cat > "$W/filter" <<'EOF'
ads\.
tracker
^doubleclick\.
malware\.r6tp\.test
/banner/
EOF

# config variant A/B/C/D/E (D has a syntax error: its reload fails; E is reverse-only)
gen_conf() {
  local v=$1
  {
    echo "User tinyproxy"
    echo "Group tinyproxy"
    echo "Port $P"
    echo "Listen 127.0.0.1"
    echo "Timeout $((3 + $(r 3)))"
    echo "DefaultErrorFile \"/usr/share/tinyproxy/default.html\""
    echo "ErrorFile 502 \"$W/missing-502-$(r 3).html\""
    echo "StatFile \"/usr/share/tinyproxy/stats.html\""
    echo "StatHost \"stats.r6tp.test\""
    echo "LogFile \"$W/tinyproxy.log\""
    echo "LogLevel Info"
    echo "PidFile \"$W/tinyproxy.pid\""
    echo "MaxClients $((8 + $(r 5)))"
    echo "Deny 127.0.0.64/28"
    [ "$v" = B ] && echo "Allow 127.0.0.bogus"
    echo "Allow 127.0.0.0/8"
    echo "Allow ::1"
    echo "ConnectPort 443"
    echo "ConnectPort 18105"
    echo "ConnectPort 18107"
    [ "$v" != A ] && echo "ConnectPort $((8000 + $(r 100)))"
    echo "Filter \"$W/filter\""
    if [ "$v" = B ]; then echo "FilterURLs On"; echo "FilterExtended On"; fi
    echo "upstream http 127.0.0.1:18106 \".up.r6tp.test\""
    echo "upstream http 127.0.0.1:18103 \".deadup.r6tp.test\""
    echo "upstream socks5 127.0.0.1:18108 \".socks.r6tp.test\""
    echo "upstream socks4 127.0.0.1:18109 \".s4.r6tp.test\""
    if [ "$v" = C ]; then
      echo "upstream none \"cdn.r6tp.test\""
      echo "upstream none \"127.0.0.1\""
      echo "upstream none \"localhost\""
      echo "upstream http 127.0.0.1:18106"
    fi
    echo "ReversePath \"/app/\" \"http://127.0.0.1:18101/\""
    echo "ReversePath \"/shop/\" \"http://shop.r6tp.test:18101/\""
    echo "ReverseMagic Yes"
    echo "ReverseBaseURL \"http://127.0.0.1:$P/\""
    case $v in
      A) echo "ViaProxyName \"$(pick tinyproxy gw-$RANDOM edge$(r 9) proxy.r6tp.test)\"" ;;
      B) echo "DisableViaHeader Yes"; echo "BindSame Yes" ;;
      C) echo "ViaProxyName \"relay-$(r 99)\""; echo "Bind 127.0.0.1"; echo "XTinyproxy Yes" ;;
      D) echo "ViaProxyName \"broken\""; echo "NoSuchOption here" ;;
      E) echo "ReverseOnly Yes"; echo "ViaProxyName \"rev-$(r 99)\"" ;;
    esac
  } > "$W/tinyproxy.conf"
}

start_proxy() {
  tinyproxy -d -c "$W/tinyproxy.conf" 2>>"$W/stderr" & PROXY=$!
  echo $PROXY > "$W/proxy.pid"
  sleep 1
}

trap 'sed -i "/# r6tp-workload$/d" /etc/hosts' EXIT
python3 "$HERE/servers.py" $((DURATION + 120)) & SERVERS=$!
echo $SERVERS > "$W/servers.pid"
gen_conf A; start_proxy

# raw socket client: send bytes, read the answer, optional source address
raw() {  # raw SRCIP DELAY_BEFORE_CLOSE <<< payload (printf escapes)
  timeout 12 python3 - "$1" "$2" "$3" <<'PY' >/dev/null 2>&1
import socket, sys, time
src, hold, payload = sys.argv[1], float(sys.argv[2]), sys.argv[3].encode().decode("unicode_escape").encode("latin-1")
s = socket.socket(); s.bind((src, 0)); s.settimeout(10); s.connect(("127.0.0.1", 18100))
if payload: s.sendall(payload)
time.sleep(hold)
try:
    while s.recv(4096): pass
except OSError: pass
PY
}

hosts=(127.0.0.1 localhost www.r6tp.test api.r6tp.test shop.r6tp.test cdn.r6tp.test img.r6tp.test)
paths=(/ /index.html /api/v1/items /img/logo.png /search?q=$RANDOM /redirect/me /static/app.js /login /banner/top.gif)
END=$((SECONDS + DURATION)); RESTARTED=0
while [ $SECONDS -lt $END ]; do
  h=$(pick "${hosts[@]}"); p=$(pick "${paths[@]}")
  case $(r 26) in
    0|1|2|3) curl -s -o /dev/null -m 10 -x $PX "http://$h:18101$p$(r 100)" ;;
    4) curl -s -o /dev/null -m 10 -x $PX -d "payload=$RANDOM$RANDOM" "http://$h:18101/form/$(r 50)" ;;
    5) curl -s -o /dev/null -m 15 -x $PX "http://$h:18102/slow/$(r 100)" & ;;
    6) curl -s -o /dev/null -m 10 -x $PX "http://$h:18103/dead/$(r 100)" ;;
    7) curl -s -o /dev/null -m 10 -x $PX "http://$h:18104/junk/$(r 100)" ;;
    8) raw 127.0.0.1 0.3 "CONNECT $(pick 127.0.0.1 localhost www.r6tp.test):18105 HTTP/1.1\r\nHost: x\r\n\r\nhello $RANDOM\n" ;;
    9) raw 127.0.0.1 0.2 "CONNECT $(pick 127.0.0.1 localhost api.r6tp.test):$(pick 18107 22 25 8080 18101 $((1024 + $(r 60000)))) HTTP/1.1\r\n\r\n" ;;
    10) curl -s -o /dev/null -m 10 -x $PX "http://$(pick ads.r6tp.test tracker.r6tp.test doubleclick.net malware.r6tp.test ads.example.com)/x$(r 999)" ;;
    11) curl -s -o /dev/null -m 10 -x $PX --interface 127.0.0.$((64 + $(r 16))) "http://$h:18101$p" ;;
    12) raw 127.0.0.1 0.2 "$(pick 'HELLO\r\n\r\n' 'GET /x HTTP/x.y\r\n\r\n' 'GET http://www.r6tp.test:18101/ HTTP/1.1\r\nHost: www' 'GET gopher://old.r6tp.test/1 HTTP/1.0\r\n\r\n' 'BREW http://pot.r6tp.test:18103/ HTCPCP/1.0\r\n\r\n' '' 'GET\r\n\r\n' 'GET /nomap/'$RANDOM' HTTP/1.0\r\n\r\n' 'CONNECT :443 HTTP/1.1\r\n\r\n' 'GET http://[::1 HTTP/1.1\r\n\r\n')" ;;
    13) curl -s -o /dev/null -m 10 -x $PX "http://$(pick q w e r t).up.r6tp.test/page$(r 50)" ;;
    14) curl -s -o /dev/null -m 10 -x $PX "http://$(pick x y z).socks.r6tp.test/s5/$(r 50)" ;;
    15) curl -s -o /dev/null -m 10 -x $PX "http://$(pick a b c).s4.r6tp.test/s4/$(r 50)" ;;
    16) curl -s -o /dev/null -m 10 -x $PX "http://$(pick m n).deadup.r6tp.test/gone$(r 50)" ;;
    17) raw 127.0.0.1 0.2 "$(pick 'CONNECT :443 HTTP/1.1\r\n\r\n' 'CONNECT :18105 HTTP/1.1\r\n\r\n' 'GET http://:18101/empty HTTP/1.1\r\n\r\n')" ;;
    18) # MaxClients exhaustion: many idle connections at once
        n=$((10 + $(r 8)))
        pids=""; for i in $(seq $n); do raw 127.0.0.1 $((2 + $(r 4))) "" & pids="$pids $!"; done
        sleep 0.5; curl -s -o /dev/null -m 5 -x $PX "http://$h:18101/crowd"; wait $pids ;;
    19) curl -s -o /dev/null -m 10 -x $PX "http://stats.r6tp.test/" ;;
    20) curl -s -o /dev/null -m 10 "$PX/app/$(pick page item redirect/x img)/$(r 100)" ;;
    21) curl -s -o /dev/null -m 10 -b "yummy_magical_cookie=/$(pick app shop)/" "$PX/$(pick deep/link other/$RANDOM x.css)" ;;
    22) curl -s -o /dev/null -m 10 -x $PX "http://127.0.0.1:$P/loop$(r 9)" ;;
    23) curl -s -o /dev/null -m 10 "$PX/shop/cart/$(r 100)" ;;
    24) raw 127.0.0.$((1 + $(r 5))) 0 "GET http://$h:18101/half HTTP/1.1\r\nHost: $h\r\nX-Partial: $RANDOM" ;;
    25) if [ $RESTARTED = 1 ] || [ $SECONDS -lt $((DURATION / 2)) ] || [ $(r 3) != 0 ]; then
          gen_conf $(pick A A B B C C D E); kill -USR1 $PROXY
        elif [ $RESTARTED = 0 ] && [ $SECONDS -gt $((DURATION / 2)) ]; then
          RESTARTED=1; kill -TERM $PROXY; wait $PROXY; gen_conf A; start_proxy
        fi ;;
  esac
  sleep 0.$((1 + $(r 4)))
done
sleep 8; kill -TERM $PROXY; wait $PROXY
kill $SERVERS; wait $SERVERS 2>/dev/null
sed -i '/# r6tp-workload$/d' /etc/hosts
cp "$W/tinyproxy.log" "$OUT/tinyproxy.log"
