#!/bin/bash
# sniproxy 0.6 (Debian 12 package) error log at priority debug, under a randomised workload of
# curl, openssl s_client and raw-socket TLS/HTTP clients (rawclient.py) hitting allowed, denied,
# closing, silent, garbage and dead backends (backends.py), with SIGHUP reloads of good and broken
# configurations, SIGUSR1 connection dumps, connection floods over a 64-descriptor limit, a restart
# and a stop. 127.0.0.1 only, TCP 23000-23999.
# Run as root: bash workload.sh [DURATION_SECONDS]   (writes ./sniproxy.log, the error log)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
DURATION=${1:-200}
W=/tmp/r19sni
mkdir -p $W; rm -f $W/error.log $W/access.log $W/sniproxy.pid
touch $W/error.log $W/access.log; chown daemon $W $W/error.log $W/access.log
[ -f $W/cert.pem ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout $W/key.pem -out $W/cert.pem -days 30 -subj /CN=good.test 2>/dev/null
r() { echo $((RANDOM % $1)); }
names=(www.good.test api.good.test shop.good.test closed.test slow.test junk.test dead.test sock.test
       intranet.corp evil.example nope.test m$RANDOM.good.test cdn.other.org login.bank.test)

mkconf() {  # $1 = variant
  local v=$1
  {
    echo "user daemon"
    echo "pidfile $W/sniproxy.pid"
    echo "error_log {"; echo "    filename $W/error.log"; echo "    priority debug"; echo "}"
    [ "$v" = badkw ] && echo "frobnicate yes"
    for l in "23080 http web" "23443 tls tls" "23444 tls tls2" "23081 http web2"; do
      set -- $l
      echo "listener 127.0.0.1:$1 {"
      echo "    protocol $2"
      if [ "$v" = badtable ] && [ $1 = 23444 ]; then echo "    table missingtable"
      elif [ "$v" = change ] && [ $1 = 23444 ]; then echo "    table tls"
      else echo "    table $3"; fi
      case $1 in
        23443) if [ "$v" = hostfb ]; then echo "    fallback localhost:23111"; else echo "    fallback 127.0.0.1:23111"; fi ;;
        23081) echo "    fallback 127.0.0.1:23110"
               [ "$v" = srcport ] && echo "    source 127.0.0.1:23$((900 + $(r 90)))" || echo "    source 127.0.0.1" ;;
      esac
      echo "    access_log {"; echo "        filename $W/access.log"; echo "    }"
      echo "}"
    done
    if [ "$v" = extra ] || [ "$v" = bindfail ]; then
      p=23445; [ "$v" = bindfail ] && p=23110
      echo "listener 127.0.0.1:$p {"; echo "    protocol tls"; echo "    table tls"; echo "}"
    fi
    [ "$v" = badlistener ] && { echo "listener 127.0.0.1:99999 {"; echo "    protocol tls"; echo "}"; }
    [ "$v" = badproto ] && { echo "listener 127.0.0.1:23446 {"; echo "    protocol gopher"; echo "}"; }
    echo "table web {"
    echo "    ^www\\.good\\.test\$ 127.0.0.1:23110"
    echo "    ^api\\.good\\.test\$ 127.0.0.1:23110"
    echo "    ^m[0-9]+\\.good\\.test\$ 127.0.0.1:23110"
    echo "    ^closed\\.test\$ 127.0.0.1:23112"
    echo "    ^slow\\.test\$ 127.0.0.1:23113"
    echo "    ^junk\\.test\$ 127.0.0.1:23114"
    echo "    ^dead\\.test\$ 127.0.0.1:23119"
    echo "    ^sock\\.test\$ unix:$W/missing-$(r 9).sock"
    [ $(r 2) = 0 ] && echo "    shop.good.test 127.0.0.1:23110"
    echo "}"
    echo "table tls {"
    echo "    ^www\\.good\\.test\$ 127.0.0.1:23111"
    echo "    ^api\\.good\\.test\$ 127.0.0.1:23111"
    echo "    ^closed\\.test\$ 127.0.0.1:23112"
    echo "    ^slow\\.test\$ 127.0.0.1:23113"
    echo "    ^junk\\.test\$ 127.0.0.1:23114"
    echo "    ^dead\\.test\$ 127.0.0.1:23119"
    echo "}"
    echo "table tls2 {"
    echo "    www.good.test 127.0.0.1:23111"
    echo "    ^.*\\.corp\$ 127.0.0.1:23$((115 + $(r 3)))"
    echo "}"
    [ "$v" = duptable ] && { echo "table tls2 {"; echo "    x.test 127.0.0.1:23111"; echo "}"; }
    echo "table web2 {"
    echo "    ^api\\.good\\.test\$ 127.0.0.1:23110"
    echo "    cdn.other.org 127.0.0.1:23119"
    echo "}"
  } > $W/sniproxy.conf
}

python3 "$HERE/backends.py" $W/cert.pem $W/key.pem & BACK=$!
start() { mkconf base; prlimit --nofile=64:64 sniproxy -c $W/sniproxy.conf -f 2>>$W/stderr.txt & SP=$!; sleep 1; }
start
END=$((SECONDS + DURATION)); RESTARTED=0; P=""
while [ $SECONDS -lt $END ]; do
  kill -0 $SP 2>/dev/null || { wait $SP; start; }
  h=${names[$(r ${#names[@]})]}
  case $(r 24) in
    0|1) curl -s -m 4 -o /dev/null -H "Host: $h" "http://127.0.0.1:23080/p$(r 999)?q=$RANDOM" ;;
    2) curl -s -m 4 -o /dev/null -H "Host: $h" "http://127.0.0.1:23081/x/$(r 99)" ;;
    3|4) curl -sk -m 4 -o /dev/null --resolve "$h:23443:127.0.0.1" "https://$h:23443/$(r 999)" ;;
    5) curl -sk -m 4 -o /dev/null --resolve "$h:23444:127.0.0.1" "https://$h:23444/" ;;
    6) echo | timeout 4 openssl s_client -connect 127.0.0.1:2344$((3 + $(r 2))) -servername "$h" >/dev/null 2>&1 ;;
    7) echo | timeout 4 openssl s_client -connect 127.0.0.1:2344$((3 + $(r 2))) -noservername >/dev/null 2>&1 ;;
    8) python3 "$HERE/rawclient.py" $(shuf -n1 -e garbage text sslv2 oldver ssl3 noext nosni nametype notclienthello bigtls partial) 2344$((3 + $(r 2))) "$h" ;;
    9) python3 "$HERE/rawclient.py" $(shuf -n1 -e garbage text nohost badhost bighdr partial) 2308$(r 2) "$h" ;;
    10) python3 "$HERE/rawclient.py" $(shuf -n1 -e sni badsni tlsrst tlsclient) 2344$((3 + $(r 2))) "$h" ;;
    11) python3 "$HERE/rawclient.py" $(shuf -n1 -e http httprst) 2308$(r 2) "$h" ;;
    12) for i in $(seq 1 $((2 + $(r 6)))); do curl -s -m 3 -o /dev/null -H "Host: ${names[$(r ${#names[@]})]}" http://127.0.0.1:23080/ & P="$P $!"; done; wait $P; P="" ;;
    13) curl -s -m 2 -o /dev/null -H "Host: slow.test" http://127.0.0.1:2308$(r 2)/ & C=$!; sleep 0.3; kill -USR1 $SP; wait $C ;;
    14) kill -USR1 $SP ;;
    15) mkconf $(shuf -n1 -e base extra change srcport extra base); kill -HUP $SP ;;
    16) python3 "$HERE/rawclient.py" flood $(shuf -n1 -e 23080 23443) ;;
    17) [ $(r 2) = 0 ] && { mkconf $(shuf -n1 -e badtable bindfail duptable); kill -HUP $SP; sleep 0.5; mkconf base; } ;;
    18) python3 "$HERE/rawclient.py" http 23080 sock.test ;;
    19) python3 "$HERE/rawclient.py" sni 23443 "$h" ;;
    20) python3 "$HERE/rawclient.py" http 23080 "$h" ;;
    21) curl -s -m 4 -o /dev/null -x "" "http://127.0.0.1:23080/" ;;
    22) curl -s -m 4 -o /dev/null -H "Host: $h:$((RANDOM % 60000 + 1))" "http://127.0.0.1:23080/" ;;
    23) if [ $RESTARTED = 0 ] && [ $SECONDS -gt $((END - DURATION / 2)) ]; then
          kill $SP; wait $SP; RESTARTED=1; sleep 1; start; fi ;;
  esac
  sleep 0.$((1 + $(r 5)))
done
sleep 2; kill $SP; wait $SP 2>/dev/null
kill $BACK; wait $BACK 2>/dev/null
cp $W/error.log "$HERE/sniproxy.log"
