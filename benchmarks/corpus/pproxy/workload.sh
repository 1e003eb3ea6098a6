#!/bin/bash
# Randomised workload for pproxy -v (stdout+stderr captured to one file).
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round35-r35f/x; mkdir -p $T/www; echo hello > $T/www/index.html; head -c 20000 /dev/urandom > $T/www/big.bin
LOG=$T/pproxy.log
PP=/tmp/round35-r35f/venv/bin/pproxy
r() { echo $((RANDOM % $1)); }
WEB=48750; DEADP=48751; UP=48710
python3 -m http.server $WEB --bind 127.0.0.1 --directory $T/www > /dev/null 2>&1 & echo $! >> $T/pids; WPID=$!
# two plain (unlogged) pproxy clients that speak shadowsocks to the logged server, one with a wrong password
$PP -l http://127.0.0.1:48711 -r ss://aes-256-cfb:sspw@127.0.0.1:48702 > /dev/null 2>&1 & echo $! >> $T/pids; SS1=$!
$PP -l http://127.0.0.1:48712 -r ss://aes-256-cfb:nope@127.0.0.1:48702 > /dev/null 2>&1 & echo $! >> $T/pids; SS2=$!
up_start() { $PP -l socks5://127.0.0.1:$UP > /dev/null 2>&1 & UPID=$!; echo $UPID >> $T/pids; sleep 0.8; }
up_stop() { [ -n "$UPID" ] && { kill $UPID 2>/dev/null; wait $UPID 2>/dev/null; }; UPID=""; }
main_start() {
  PYTHONUNBUFFERED=1 env --default-signal=INT $PP -v -l http+socks4+socks5://127.0.0.1:48700 -l "http+socks5://127.0.0.1:48701#alice:s3cret" \
    -l ss://aes-256-cfb:sspw@127.0.0.1:48702 -l "tunnel{127.0.0.1:48750}://127.0.0.1:48703" \
    -ul "tunnel{127.0.0.1:48761}://127.0.0.1:48705" -ul socks5://127.0.0.1:48706 \
    -r "socks5://127.0.0.1:$UP?$T/rules-r35f" -b $T/block-r35f "$@" >> $LOG 2>&1 &
  MPID=$!; echo $MPID >> $T/pids; sleep 1.2; }
main_stop() { kill -${1:-INT} $MPID 2>/dev/null; wait $MPID 2>/dev/null; }
printf 'viaup\\..*\n' > $T/rules-r35f
printf 'blocked\\..*\nads\\..*\n' > $T/block-r35f
C="curl -s -o /dev/null -m 3"
req() {
  case $(r 19) in
    0|1) $C -x http://127.0.0.1:48700 http://127.0.0.1:$WEB/ ;;
    2) $C -x socks5://127.0.0.1:48700 http://127.0.0.1:$WEB/big.bin ;;
    3) $C -x socks4://127.0.0.1:48700 http://127.0.0.1:$WEB/missing ;;
    4) $C -x socks5h://127.0.0.1:48700 http://localhost:$WEB/ ;;
    5) $C -x http://alice:s3cret@127.0.0.1:48701 http://127.0.0.1:$WEB/ ;;
    6) $C -x http://alice:wrong$(r 9)@127.0.0.1:48701 http://127.0.0.1:$WEB/ ;;
    7) $C -x socks5://bob:pw@127.0.0.1:48701 http://127.0.0.1:$WEB/ ;;
    8) $C -x http://127.0.0.1:48700 http://127.0.0.1:$DEADP/ ;;
    9) $C -x http://127.0.0.1:48700 http://blocked.example$(r 5).test/ ;;
    10) $C -x socks5h://127.0.0.1:48700 http://viaup.host$(r 4).test:$WEB/ ;;
    11) printf 'GARBAGE%d\r\n\r\n' $RANDOM | timeout 2 python3 $D/send.py 48700 ;;
    12) $C http://127.0.0.1:48700/some/path$(r 9) ;;
    13) $C http://127.0.0.1:48703/tunnelled ;;
    14) printf 'ping %d' $RANDOM | timeout 2 python3 $D/send.py 48705 udp ;;
    15|16) $C -x http://127.0.0.1:48711 http://127.0.0.1:$WEB/ ;;
    17) $C -x http://127.0.0.1:48712 http://127.0.0.1:$WEB/ ;;
    *) $C -x http://127.0.0.1:48700 https://127.0.0.1:$WEB/ ;;
  esac
}
burst() { local ps=""; for i in $(seq $(( $(r $1) + 1 ))); do req & ps="$ps $!"; sleep 0.0$(r 9); done; wait $ps; }

for round in $(seq ${ROUNDS:-5}); do
  [ $(r 2) = 0 ] && up_start
  if [ $(r 3) = 0 ]; then main_start -a $(( $(r 2) + 1 )) -s $( (echo fa; echo rr; echo rc; echo lc) | shuf -n1); else main_start; fi
  for k in $(seq $(( $(r 30) + 25 ))); do
    burst 8
    case $(r 12) in 0) up_stop; sleep 2.5;; 1) up_stop; up_start; sleep 2;; esac
  done
  up_stop
  if [ $(r 2) = 0 ]; then main_stop INT; else main_stop TERM; fi
  case $(r 5) in
    0) PYTHONUNBUFFERED=1 env --default-signal=INT $PP -v -l http://127.0.0.1:$WEB >> $LOG 2>&1 ;;   # port in use
    1) PYTHONUNBUFFERED=1 env --default-signal=INT $PP -v -l http+ssl://127.0.0.1:48707 >> $LOG 2>&1 ;;
    2) PYTHONUNBUFFERED=1 env --default-signal=INT $PP -v -l http://127.0.0.1:48708 -ul http://127.0.0.1:48709 >> $LOG 2>&1 & P=$!; sleep 1; kill -INT $P; wait $P ;;
    3) PYTHONUNBUFFERED=1 timeout 5 env --default-signal=INT $PP -v --test http://127.0.0.1:$WEB/ -r http://127.0.0.1:48700 >> $LOG 2>&1 ;;
  esac
done
# a backward-connection remote, and an ssl listener without --ssl
PYTHONUNBUFFERED=1 timeout -s INT 4 env --default-signal=INT $PP -v -l http://127.0.0.1:48713 -r http+in://127.0.0.1:48714 >> $LOG 2>&1
PYTHONUNBUFFERED=1 $PP -v -l http+ssl://127.0.0.1:48707 >> $LOG 2>&1
# a remote whose rules file is missing
PYTHONUNBUFFERED=1 $PP -v -l http://127.0.0.1:48708 -r "socks5://127.0.0.1:$UP?$T/missing-rules-r35f" >> $LOG 2>&1
kill $WPID $SS1 $SS2; wait $WPID $SS1 $SS2 2>/dev/null
