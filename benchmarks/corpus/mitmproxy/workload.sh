#!/bin/bash
# Round-19 workload: mitmproxy 11 mitmdump (PyPI, private venv /opt/r19mitm/venv), event log at
# termlog_verbosity=debug (flow_detail=0) redirected to ./mitmproxy.log. Clients (curl, raw sockets)
# do HTTP and HTTPS through regular, reverse, SOCKS5 and upstream modes to local servers (upstream.py).
# Run as root on Debian 12: bash workload.sh [SECONDS_PER_PHASE]   (three phases with restarts between)
# mitmproxy.log kept here = the first 2,500 lines of the raw output (the rest of the third phase cut off).
# Ports: 25200-25204 mitmdump, 25250 http upstream, 25251/25252 https upstreams, 25299 dead.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); PHASE=${1:-80}
W=/tmp/r19mitm; rm -rf $W/conf $W/static; mkdir -p $W/conf $W/static
[ -x /opt/r19mitm/venv/bin/mitmdump ] || { python3 -m venv /opt/r19mitm/venv && /opt/r19mitm/venv/bin/pip install mitmproxy; }
cd $W
openssl req -x509 -newkey rsa:2048 -nodes -keyout upA.key -out upA.crt -days 30 -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout upB.key -out upB.crt -days 30 -subj /CN=untrusted.r19 -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
for i in 1 2 3 4; do head -c $((RANDOM % 5000)) /dev/urandom | base64 > static/page$i.txt; done
cp "$HERE/r19addon.py" $W/r19addon.py
python3 "$HERE/upstream.py" 25250 & U1=$!
python3 "$HERE/upstream.py" 25251 upA.crt upA.key & U2=$!
python3 "$HERE/upstream.py" 25252 upB.crt upB.key & U3=$!
LOG="$HERE/mitmproxy.log"; : > "$LOG"
start_mitm() {
  setsid /opt/r19mitm/venv/bin/mitmdump --set confdir=$W/conf --listen-host 127.0.0.1 \
    --mode regular@25200 --mode reverse:http://127.0.0.1:25250@25201 --mode socks5@25202 \
    --mode upstream:http://127.0.0.1:25299@25203 --mode reverse:https://localhost:25251@25204 \
    --set termlog_verbosity=debug --set flow_detail=0 --set stream_large_bodies=150k \
    --set ssl_verify_upstream_trusted_ca=$W/upA.crt \
    --map-local "|//static.r19/|$W/static" -s $W/r19addon.py "$@" >> "$LOG" 2>&1 &
  MP=$!; sleep 3; }
r() { echo $((RANDOM % $1)); }
CA=$W/conf/mitmproxy-ca-cert.pem
P="-x http://127.0.0.1:25200"
paths=(ok json 500 missing big slow garbage close admin/panel private/key ok json ok)
rawsend() { timeout 3 python3 -c "import socket,sys,time; s=socket.create_connection(('127.0.0.1',int(sys.argv[1]))); s.sendall(sys.stdin.buffer.read()); time.sleep(float(sys.argv[2])); s.close()" "$1" "$2" 2>/dev/null; }
phase() { # $1 duration, $2 curl extra args (proxy auth)
  local END=$((SECONDS + $1)) A="$2"
  while [ $SECONDS -lt $END ]; do
    p=${paths[$(r ${#paths[@]})]}/$(r 1000)
    case $(r 26) in
      0|1|2) curl -s -o /dev/null -m 4 $P $A "http://127.0.0.1:25250/$p" & ;;
      3|4) curl -s -o /dev/null -m 4 $P $A --cacert $CA "https://localhost:25251/$p" & ;;
      5) curl -s -o /dev/null -m 4 $P $A "https://localhost:25251/$p" ;;
      6) curl -s -o /dev/null -m 4 $P $A --cacert $CA "https://localhost:25252/$p" ;;
      7) curl -s -o /dev/null -m 4 $P $A --cacert $CA --tls-max 1.1 "https://localhost:25251/$p" ;;
      8) curl -s -o /dev/null -m 4 $P $A "http://127.0.0.1:25299/$p" ;;
      9) curl -s -o /dev/null -m 4 $P $A --cacert $CA "https://127.0.0.1:25299/$p" ;;
      10) curl -s -o /dev/null -m 6 $P $A "http://$(shuf -n1 -e nosuch missing ghost)$(r 99).invalid/$p" ;;
      11|12) curl -s -o /dev/null -m 4 "http://127.0.0.1:25201/$p" & ;;
      13) curl -s -o /dev/null -m 4 --socks5 127.0.0.1:25202 "http://127.0.0.1:25250/$p" ;;
      14) curl -s -o /dev/null -m 4 --socks5-hostname 127.0.0.1:25202 --cacert $CA "https://localhost:$(shuf -n1 -e 25251 25251 25299)/$p" ;;
      15) curl -s -o /dev/null -m 4 -x http://127.0.0.1:25203 "http://127.0.0.1:25250/$p" ;;
      16) curl -s -o /dev/null -m 4 -k "https://127.0.0.1:25204/$p" ;;
      17) case $(r 7) in
            0) printf 'GARBAGE %s\r\n\r\n' $RANDOM | rawsend 25200 0.3 ;;
            1) printf 'GET /rel%s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' $RANDOM | rawsend 25200 0.3 ;;
            2) printf 'GET http://127.0.0.1:25250/part%s HTTP/1.1\r\nHost: 127.0.0.1' $RANDOM | rawsend 25200 0.2 ;;
            3) printf 'POST http://127.0.0.1:25250/cl HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x%s\r\n\r\n' $RANDOM | rawsend 25200 0.3 ;;
            4) printf '\x04\x01\x00\x50\x7f\x00\x00\x01user\x00' | rawsend 25202 0.3 ;;
            5) printf '\x05\x01' | rawsend 25202 0.2 ;;
            6) printf '\x05\x01\x02' | rawsend 25202 0.3 ;;
          esac ;;
      18) head -c $((RANDOM * (1 + $(r 3)))) /dev/urandom | curl -s -o /dev/null -m 4 $P $A -X $(shuf -n1 -e POST PUT) --data-binary @- "http://127.0.0.1:25250/upload/$(r 100)" ;;
      19) curl -s -o /dev/null -m 4 $P $A -H "X-Debug: trace-$(r 1000)" "http://127.0.0.1:25250/$p" ;;
      20) curl -s -o /dev/null -m 4 $P $A --http2 --cacert $CA "https://localhost:25251/$p" ;;
      21) curl -s -o /dev/null -m $((1 + $(r 2))) $P $A "http://127.0.0.1:25250/slow/$(r 100)" ;;
      22) curl -s -o /dev/null -m 4 $P $A "http://static.r19/$(shuf -n1 -e page1.txt page2.txt page4.txt nope.txt img/x.png)" ;;
      23) curl -s -o /dev/null -m 4 $P $A --cacert $CA "https://127.0.0.1:25250/plain$(r 100)" ;;
      24) curl -s -o /dev/null -m 4 $P -U "$(shuf -n1 -e r19user bob)":wrong$(r 99) "http://127.0.0.1:25250/$p" ;;
      25) [ $(r 4) = 0 ] && { sed -i "s/^VERSION = .*/VERSION = $(r 100)/" $W/r19addon.py; sleep 2; } ;;
    esac
    sleep 0.$((1 + $(r 4)))
  done
  sleep 5; }
start_mitm
phase $PHASE ""
kill -INT $MP; wait $MP
start_mitm --set connection_strategy=lazy --proxyauth r19user:r19pass
phase $PHASE "-U r19user:r19pass"
kill -INT $MP; wait $MP
start_mitm
phase $PHASE ""
kill -INT $MP; wait $MP
kill $U1 $U2 $U3
