#!/bin/bash
# Randomised workload for AnyProxy (npm anyproxy, prefix /tmp/round37-r37f/ap).
# Proxy on 127.0.0.1:48510, web interface 48511; origin servers from backend.py:
# 48513 normal HTTP, 48514 drops connections, 48515 slow, 48517 HTTPS; 48516 is closed.
# stdout+stderr of every anyproxy run are appended to $RAW.
set -u
D=$(cd "$(dirname "$0")" && pwd)
P=/tmp/round37-r37f
AP=$P/ap/bin/anyproxy
RAW=$P/ap-raw.log
export HOME=$P/aphome TMPDIR=$P/aptmp
rm -rf $HOME/.anyproxy $TMPDIR; mkdir -p $HOME $TMPDIR
: > $RAW
RANDOM=${SEED:-4242}
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# throwaway certificate for the HTTPS origin (deleted at the end)
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -keyout $P/origin.key -out $P/origin.crt >/dev/null 2>&1
BPIDS=()
for m in "normal 48513" "drop 48514" "slow 48515" "tls 48517 $P/origin.crt $P/origin.key"; do
  python3 $D/backend.py $m >/dev/null 2>&1 & BPIDS+=($!)
done
sleep 1

APPID=
ap_start() {
  $AP -p 48510 -w 48511 "$@" >> $RAW 2>&1 &
  APPID=$!; echo $APPID > $P/ap.pid
  for i in $(seq 40); do curl -s -o /dev/null http://127.0.0.1:48511/ && break; sleep 0.25; done
}
ap_stop() { [ -n "$APPID" ] && kill -INT $APPID 2>/dev/null; wait $APPID 2>/dev/null; APPID=; }

X="curl -s -o /dev/null -x 127.0.0.1:48510"
PATHS=(/ /index.html /api/users /api/orders/7 /static/app.js /missing/page /fail/now /redirect /big/file)
raw() {  # send raw bytes to the proxy, read briefly, hang up
  timeout 1.5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/48510; printf "$1" >&3; timeout 1 cat <&3 >/dev/null' _ "$1" 2>/dev/null
}
req() {
  local p; p=$(pick "${PATHS[@]}")$([ $(r 3) = 0 ] && echo "?q=$RANDOM")
  case $(r 30) in
    0|1|2|3|4|5|6|7|8|9|10) $X -m 5 "http://127.0.0.1:48513$p";;
    11|12|13) $X -m 5 -X POST -d "a=$RANDOM&b=x" "http://127.0.0.1:48513$p";;
    14) $X -m 5 -X $(pick PUT DELETE PATCH HEAD) "http://127.0.0.1:48513$p";;
    15|16) $X -m 5 "http://127.0.0.1:48516$p";;
    17|18) $X -m 5 "http://127.0.0.1:48514$p";;
    19) $X -m $(pick 1 2 6) "http://127.0.0.1:48515$p";;
    20) $X -m 5 "http://localhost:48513$p";;
    21|22) $X -m 5 -k "https://127.0.0.1:48517$p";;
    23) $X -m 5 -k "https://127.0.0.1:$(pick 48516 48513 48514)$p";;
    24) $X -m 5 "http://127.0.0.1:48513/$(pick mock ruleboom notyieldable respboom)/$RANDOM";;
    25) $X -m 3 -k "https://127.0.0.1:48517/$(pick mock ruleboom respboom)";;
    26) raw 'GARBAGE\r\n\r\n';;
    27) raw "CONNECT 127.0.0.1:$(pick 48513 48516 48517) HTTP/1.1\r\nHost: x\r\n\r\nhello\r\n";;
    28) $X -m 2 -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' \
          -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' "http://127.0.0.1:48513/ws";;
    29) curl -s -o /dev/null -m 3 "http://127.0.0.1:48511/$(pick api/getQrCode latestLog fetchBody?id=$(r 40) fetchReqBody?id=$(r 40) api/getInitData nosuch)";;
  esac
}

# 1: plain proxy
ap_start
for i in $(seq $((250 + $(r 100)))); do req; done
ap_stop
# 2: bad rule files
$AP -p 48510 -w 48511 -r $D/no_such_rule.js >> $RAW 2>&1
$AP -p 48510 -w 48511 -r $D/broken_rule.js >> $RAW 2>&1
# 3: rule file, intercept https (root CA generated on first use), throttle
ap_start -r $D/rule.js -i --ignore-unauthorized-ssl
for i in $(seq $((250 + $(r 100)))); do req; done
ap_stop
ap_start -r $D/rule.js -l $(pick 100 300 1000) --ws-intercept
for i in $(seq $((150 + $(r 100)))); do req; done
ap_stop
# 4: intercept without rule
ap_start -i
for i in $(seq $((200 + $(r 100)))); do req; done
ap_stop

kill ${BPIDS[@]} 2>/dev/null
rm -f $P/origin.key $P/origin.crt
