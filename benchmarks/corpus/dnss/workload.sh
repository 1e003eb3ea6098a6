#!/bin/bash
# Randomised workload for dnss: fake upstream DNS (fakedns.py) <- dnss HTTPS-to-DNS <- dnss DNS-to-HTTPS <- dnsclient.py.
# Both dnss instances write their stderr (-logtime -v 3) to one file, dnss.log.
D=$(cd "$(dirname "$0")" && pwd)
R=/tmp/round36-r36h/dnss; mkdir -p $R
PY=/tmp/round36-r36h/venv/bin/python   # venv with dnslib
LOG=$R/dnss.log
CERT=$R/cert.pem; KEY=$R/key.pem
[ -f $CERT ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout $KEY -out $CERT -days 30 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
echo > $R/pids
r() { echo $(( RANDOM % $1 )); }

start_fake() { $PY $D/fakedns.py 49501 >/dev/null 2>&1 & FAKE=$!; echo $FAKE >> $R/pids; sleep 0.5; }
stop_fake() { kill $FAKE 2>/dev/null; wait $FAKE 2>/dev/null; }
start_h2d() { dnss -enable_https_to_dns -https_server_addr 127.0.0.1:49502 -https_cert ${1:-$CERT} -https_key $KEY \
    -dns_upstream 127.0.0.1:49501 -monitoring_listen_addr 127.0.0.1:49504 -v 3 -logtime >>$LOG 2>&1 & H2D=$!; echo $H2D >> $R/pids; sleep 0.5; }
stop_h2d() { kill $H2D 2>/dev/null; wait $H2D 2>/dev/null; }
start_d2h() { dnss -enable_dns_to_https -dns_listen_addr 127.0.0.1:${2:-49503} -https_upstream https://localhost:49502/dns-query \
    -https_client_cafile ${1:-$CERT} -fallback_upstream 127.0.0.1:49501 -dns_unqualified_upstream 127.0.0.1:49501 \
    -monitoring_listen_addr 127.0.0.1:49505 -v 3 -logtime >>$LOG 2>&1 & D2H=$!; echo $D2H >> $R/pids; sleep 0.5; }
stop_d2h() { kill $D2H 2>/dev/null; wait $D2H 2>/dev/null; }

NAMES=(www mail api db cdn static login shop news blog img git wiki ftp vpn)
ZONES=(example.test corp.test lab.test home.test)
TYPES=(A A A AAAA AAAA TXT MX)
query() {  # one random query
  local n=${NAMES[$(r ${#NAMES[@]})]}.${ZONES[$(r ${#ZONES[@]})]} t=${TYPES[$(r ${#TYPES[@]})]} m=udp
  case $(r 40) in
    0|1|2|3) n=nx.$n;; 4|5) n=fail.$n;; 6) n=refused.$n;; 7|8) n=empty.$n;; 9|10) n=big.$n; t=TXT;;
    11) n=${NAMES[$(r ${#NAMES[@]})]};; 12) n=slow.$n;; 13) m=multi;; 14|15|16) m=tcp;; 17|18) m=edns;;
  esac
  [ $(r 3) = 0 ] && n=www.example.test   # popular name, hits the cache
  $PY $D/dnsclient.py 49503 $n $t $m
}
bad_http() {
  case $(r 8) in
    7) curl -sk -o /dev/null -X PUT https://127.0.0.1:49502/resolve;;
    0) curl -sk -o /dev/null https://127.0.0.1:49502/dns-query;;
    1) curl -sk -o /dev/null "https://127.0.0.1:49502/dns-query?dns=bad!!data";;
    2) curl -sk -o /dev/null -X POST -H 'Content-Type: text/plain; =broken' --data x https://127.0.0.1:49502/resolve;;
    3) curl -sk -o /dev/null -X POST -H 'Content-Type: application/dns-message' --data-binary "garbage$RANDOM" https://127.0.0.1:49502/dns-query;;
    4) curl -s -o /dev/null https://127.0.0.1:49502/dns-query;;          # untrusted certificate
    5) curl -s -o /dev/null http://127.0.0.1:49502/dns-query;;           # plain HTTP to the TLS port
    6) q=$($PY -c "import base64,sys;from dnslib import DNSRecord;print(base64.urlsafe_b64encode(DNSRecord.question('get$RANDOM.example.test').pack()).decode().rstrip('='))")
       curl -sk -o /dev/null "https://127.0.0.1:49502/dns-query?dns=$q";;
  esac
}

start_fake; start_h2d; start_d2h
for round in $(seq ${ROUNDS:-6}); do
  for i in $(seq $((8 + $(r 25)))); do query; done
  for i in $(seq $(r 4)); do bad_http; done
  curl -s -o /dev/null http://127.0.0.1:49505/debug/dnsserver/cache/dump
  case $(r 7) in
    0) stop_fake; for i in $(seq $((1 + $(r 4)))); do query; done; start_fake;;      # upstream DNS down
    1) stop_h2d; for i in $(seq $((1 + $(r 4)))); do query; done; start_h2d;;        # HTTPS server down
    2) stop_d2h; start_d2h;;                                                          # restart
    3) keep=$D2H; start_d2h /nonexistent/ca.pem 49506; sleep 1; D2H=$keep;;          # bad CA file
    4) keep=$D2H; start_d2h $CERT 49503; sleep 1; D2H=$keep;;                         # port in use
    5) stop_h2d; start_h2d /nonexistent/cert.pem; sleep 1; start_h2d;;               # bad certificate
    6) dnss -v 3 -logtime >>$LOG 2>&1;;                                               # no mode given
  esac
  sleep $(r 3)
done
# slow upstream, then the HTTPS server away long enough for the client to be rotated
SLOW=""; for i in $(seq $((1 + $(r 3)))); do $PY $D/dnsclient.py 49503 slow.x$i.example.test A udp & SLOW="$SLOW $!"; sleep 1; done; wait $SLOW
stop_h2d; for i in $(seq 13); do query; sleep 1; done; start_h2d
for i in $(seq $((3 + $(r 6)))); do query; done
sleep 31   # cache GC
for p in $(cat $R/pids); do kill $p 2>/dev/null; done; wait
cp $LOG $D/dnss.log
