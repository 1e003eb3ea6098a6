#!/bin/bash
# Randomised workload for warcprox (--trace); writes warcprox.raw.log, kept whole as warcprox.log
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round36-r36f/warc
W=/tmp/round36-r36f/venv-warc/bin/warcprox
PY=/tmp/round36-r36f/venv-warc/bin/python
LOG=$D/warcprox.raw.log
P=48500; PB=48501
rm -rf $T; mkdir -p $T/warcs; : > $LOG
openssl req -x509 -newkey rsa:2048 -nodes -keyout $T/peer.key -out $T/peer.crt -days 2 -subj /CN=127.0.0.3 2>/dev/null
$PY $D/peers.py 127.0.0.2 48510 & echo $! > $T/peer1.pid
$PY $D/peers.py 127.0.0.3 48511 $T/peer.crt $T/peer.key & echo $! > $T/peer2.pid
$PY $D/peers.py 127.0.0.5 48513 & echo $! > $T/peer3.pid
$PY $D/peers.py 127.0.0.6 48514 & echo $! > $T/peer4.pid
sleep 1
R() { echo $(( RANDOM % $1 )); }
start() {
  (cd $T && exec $W -p $P -b 127.0.0.1 --trace -d $T/warcs -c $T/ca.pem --certs-dir $T/certs \
     --stats-db-file $T/stats.db -j $T/dedup.db "$@" >> $LOG 2>&1) &
  WPID=$!
  for i in $(seq 1 40); do curl -s -o /dev/null --max-time 1 http://127.0.0.1:$P/status && break; sleep 0.25; done
}
stop() { kill -TERM $WPID 2>/dev/null; wait $WPID 2>/dev/null; sleep 0.5; }
C() { curl -s -o /dev/null --max-time 12 -x http://127.0.0.1:$P "$@"; }
H1=http://127.0.0.2:48510; HS=https://127.0.0.3:48511; H3=http://127.0.0.5:48513; H4=http://127.0.0.6:48514
one() {
  case $(R 24) in
    0|1|2|3) C $H1/page/$(R 50) ;;
    4|5) C $H1/static/common ;;
    6) C $H1/img/$(R 9).png ;;
    7|8) C -k $HS/page/$(R 30) ;;
    9) C -k $HS/static/s ;;
    10) C http://127.0.0.4:48519/refused ;;
    11) C $H4/drop/$(R 5) ;;
    12) C $H4/reset ;;
    13) C $H1/missing/$(R 20) ;;
    14) C $H1/error ;;
    15) C $H1/redirect ;;
    16) C -H 'Warcprox-Meta: {"warc-prefix":"job'$(R 3)'","stats":{"buckets":["job"]}}' $H1/page/$(R 9) ;;
    17) C -H 'Warcprox-Meta: {"stats":{"buckets":["lim"]},"limits":{"lim/total/urls":1}}' $H3/page/$(R 9) ;;
    18) C -H 'Warcprox-Meta: {"stats":{"buckets":["soft"]},"soft-limits":{"soft/total/urls":1}}' $H3/img/1 ;;
    19) C -H 'Warcprox-Meta: {"blocks":[{"domain":"127.0.0.5"},{"substring":"forbidden"}]}' $H3/page/$(R 5) ;;
    20) C -H 'Warcprox-Meta: {"blocks":[{"substring":"forbidden"}]}' $H1/forbidden/$(R 5) ;;
    21) C -H 'Warcprox-Meta: {"accept":["capture-metadata"],"dedup-buckets":{"d1":"rw"}}' $H1/static/common ;;
    22) C -X POST -d "a=$(R 100)" $H1/form ;;
    23) C $H1/chunked ;;
  esac
}
rare() {
  case $(R 12) in
    0) C -H 'Warcprox-Meta: {"warc-prefix":"bad/prefix"}' $H1/page/1 ;;
    1) C -H 'Warcprox-Meta: {not json' $H1/page/2 ;;
    2) curl -s -o /dev/null --max-time 5 -X WARCPROX_WRITE_RECORD -H 'WARC-Type: metadata' -H 'Content-Type: text/plain' --data-binary "note $(R 999)" http://127.0.0.1:$P/screenshot:$H1/page/1 ;;
    3) curl -s -o /dev/null --max-time 5 -X WARCPROX_WRITE_RECORD --data-binary "x" http://127.0.0.1:$P/meta:$H1/page/2 ;;
    4) curl -s -o /dev/null --max-time 5 -X PUTMETA -H 'Content-Type: text/plain' --data-binary "meta" http://127.0.0.1:$P/$H1/page/3 ;;
    5) curl -s -o /dev/null --max-time 5 http://127.0.0.1:$P/status ;;
    6) $PY $D/raw.py 127.0.0.1 $P 'GARBAGE\r\n\r\n' ;;
    7) $PY $D/raw.py 127.0.0.1 $P 'GET /x HTTP/9.9\r\n\r\n' ;;
    8) C $H4/slow ;;
    9) C $H1/big/$(R 3) ;;
    10) C -X FROB $H1/page/9 ;;
    11) curl -s -o /dev/null --max-time 5 -x http://127.0.0.1:$PB $H1/page/$(R 50) ;;
  esac
}
burst() { for i in $(seq 1 $1); do if [ $(R 4) = 0 ]; then rare; else one; fi; done; }

# bad configuration: unknown digest algorithm
(cd $T && $W -p $P -b 127.0.0.1 --trace -g nosuchdigest >> $LOG 2>&1)
start -P $PB
burst $((25 + $(R 15)))
stop
start -z -s 20000 --rollover-idle-time 2 --fetch-timeout 3 --max-resource-size 100000 --base32
burst $((25 + $(R 15))); sleep 4; burst 5
stop
start --method-filter GET -n CRAWL --dedup-min-text-size 100 -P $PB
burst $((20 + $(R 15)))
stop
# port already in use
$PY -c 'import socket,time;s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("127.0.0.1",'$P'));s.listen();time.sleep(6)' & BL=$!
sleep 0.5; (cd $T && timeout 8 $W -p $P -b 127.0.0.1 --trace -d $T/warcs -c $T/ca.pem --certs-dir $T/certs --stats-db-file $T/stats.db -j $T/dedup.db >> $LOG 2>&1)
kill $BL 2>/dev/null; wait $BL 2>/dev/null
start -P $PB --fetch-timeout 3
burst $((15 + $(R 10)))
stop
kill $(cat $T/peer1.pid) $(cat $T/peer2.pid) $(cat $T/peer3.pid) $(cat $T/peer4.pid)
