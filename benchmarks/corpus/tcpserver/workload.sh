#!/bin/bash
# Drives tcpserver (ucspi-tcp) in a private network namespace (loopback only).
# Log: stderr of every tcpserver started here, appended to tcpserver.raw.log
# Run: bash workload.sh   (re-execs itself under unshare -n)
D=$(cd "$(dirname "$0")" && pwd)
if [ -z "$R37G_INNER" ]; then
  R37G_INNER=1 exec unshare -n bash "$0" "$@"
fi
ip link set lo up
W=/tmp/round37-r37g/tcpserver; mkdir -p $W; cd $W
LOG=$W/tcpserver.raw.log; : > $LOG
RANDOM=${SEED:-777}
tcprules $W/rules.cdb $W/rules.tmp < $D/rules.txt 2>/dev/null
cp $D/svc.sh $W/svc.sh
PIDS=()
start() {  # start PORT PROGRAM FLAGS... ; leaves pid in SPID
  local port=$1 prog=$2; shift 2
  tcpserver -v "$@" 127.0.0.1 $port $prog 2>>$LOG &
  SPID=$!; PIDS+=($SPID); sleep 0.3
}
stop() { kill -TERM $1 2>/dev/null; wait $1 2>/dev/null; }
drive() { python3 $D/client.py $1 $2 $RANDOM >/dev/null 2>&1; }
r() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }

for round in 1 2 3; do
  # main service with rules and a connection limit
  start 49010 $W/svc.sh -c $(r 2 5) -H -R -l r37g-local -x $W/rules.cdb; MAIN=$SPID
  drive 49010 $(r 25 50)
  # a second server on the same port cannot bind
  [ $round = 1 -o $((RANDOM % 2)) = 0 ] && { start 49010 $W/svc.sh -H -R -l r37g-local; wait $SPID; }
  # rules database replaced while running (reload without restart)
  if [ $((RANDOM % 2)) = 0 ]; then
    sed 's/^127.0.0.7:.*//; s/^:deny/:allow/' $D/rules.txt | tcprules $W/rules.cdb $W/rules.tmp 2>/dev/null
  else
    tcprules $W/rules.cdb $W/rules.tmp < $D/rules.txt 2>/dev/null
  fi
  drive 49010 $(r 10 35)
  # rules database removed for a while: connections dropped
  if [ $((RANDOM % 3)) != 0 ]; then
    mv $W/rules.cdb $W/rules.away; drive 49010 $(r 3 10); mv $W/rules.away $W/rules.cdb
  fi
  stop $MAIN
  # open server with host and ident lookups, small limit, banner
  start 49011 $W/svc.sh -c $(r 1 3) -h -r -t 1 -B "r37g ready
"; S2=$SPID
  drive 49011 $(r 10 30)
  stop $S2
  # missing rules file, tolerated (-X) and not
  start 49012 $W/svc.sh -H -R -l r37g-local -X -x $W/missing.cdb; S3=$SPID
  drive 49012 $(r 5 15); stop $S3
  start 49013 $W/svc.sh -H -R -l r37g-local -x $W/missing.cdb; S4=$SPID
  drive 49013 $(r 3 9); stop $S4
  # program that does not exist
  start 49014 $W/no-such-svc -H -R -l r37g-local -c 3; S5=$SPID
  drive 49014 $(r 3 10); stop $S5
  # start-up failures
  for k in 1 2; do case $((RANDOM % 5)) in
    0) tcpserver -v -H -R 127.0.0.1 r37g-nosuchport $W/svc.sh 2>>$LOG ;;
    1) tcpserver -v -Z 127.0.0.1 49015 $W/svc.sh 2>>$LOG ;;
    2) tcpserver -v -H -R r37g-nosuchhost.invalid 49015 $W/svc.sh 2>>$LOG ;;
    3) setpriv --reuid=65534 --regid=65534 --clear-groups tcpserver -v -H -R -u 1 127.0.0.1 49015 $W/svc.sh 2>>$LOG ;;
    4) setpriv --reuid=65534 --regid=65534 --clear-groups tcpserver -v -H -R -g 1 127.0.0.1 49015 $W/svc.sh 2>>$LOG ;;
  esac; done
  tcpserver -v 2>>$LOG
  [ $((RANDOM % 2)) = 0 ] && tcpserver -v -H -R 10.1.2.3 49016 $W/svc.sh 2>>$LOG
done
# quiet restart (-Q) and a final busy run
start 49017 $W/svc.sh -Q -H -R -x $W/rules.cdb; drive 49017 $(r 5 15); stop $SPID
start 49010 $W/svc.sh -c 8 -H -R -l r37g-local -x $W/rules.cdb; drive 49010 $(r 30 60); sleep 3; stop $SPID
for p in "${PIDS[@]}"; do kill -TERM $p 2>/dev/null; done
wait
