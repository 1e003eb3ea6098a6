#!/bin/bash
# Randomised udhcpd workload in private network namespaces r33f-srv (server) and r33f-cli (clients).
# Setup (once): ip netns add r33f-srv; ip netns add r33f-cli;
#   ip netns exec r33f-srv ip link add r33f-s0 type veth peer name r33f-c0 netns r33f-cli
#   10.233.0.1/24 on r33f-s0, 10.233.0.250/24 on r33f-c0, both up.
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round33-r33f/udhcpd
mkdir -p $RUN
LOG=$DIR/udhcpd.log
RUNS=${RUNS:-20}
SRV="ip netns exec r33f-srv"
CLI="ip netns exec r33f-cli"
: > "$LOG"
rm -f $RUN/udhcpd.leases
r() { echo $(( RANDOM % $1 )); }
for run in $(seq 1 "$RUNS"); do
  cp "$DIR/udhcpd.conf" $RUN/run.conf
  FATAL=0
  case $(r 14) in
    0) sed -i 's/^max_leases.*/max_leases\tfifty/' $RUN/run.conf ;;
    1) sed -i 's/^max_leases.*/max_leases\t'$(( 60 + $(r 500) ))'/' $RUN/run.conf ;;
    2) sed -i 's/^start.*/start\t10.233.0.1'$(( 50 + $(r 50) ))'/' $RUN/run.conf; FATAL=1 ;;
    3) echo "opt $(shuf -n1 -e ntp-server gateway nameserver domainname) 10.233.0.1" >> $RUN/run.conf; FATAL=1 ;;
    4) sed -i 's/^interface.*/interface\tr33f-gone/' $RUN/run.conf; FATAL=1 ;;
    5) echo "opt 0x$(printf %02x $(( 200 + $(r 50) ))) $(shuf -n1 -e zz 1g beef0)" >> $RUN/run.conf; FATAL=1 ;;
    6) echo "option dns 10.233.0.$(r 9).$(r 9)" >> $RUN/run.conf ;;
    7) sed -i 's#^lease_file.*#lease_file\t/tmp/round33-r33f/udhcpd/missing/leases#' $RUN/run.conf ;;
    8) echo "static_lease 02:aa:bb:$(shuf -n1 -e zz:01 cc 1:2:3) 10.233.0.6" >> $RUN/run.conf ;;
    9) sed -i 's/^max_leases.*/max_leases\t'$(( 3 + $(r 5) ))'/' $RUN/run.conf ;;
    10) sed -i 's/^option\tlease.*/option\tlease\t'$(shuf -n1 -e forever 1h -5)'/' $RUN/run.conf ;;
  esac
  $SRV busybox udhcpd -f -a $(( 50 + $(r 300) )) $RUN/run.conf >> "$LOG" 2>&1 &
  sleep 0.7
  if [ $FATAL = 1 ]; then
    PID=$(cat $RUN/udhcpd.pid 2>/dev/null); [ -n "$PID" ] && $SRV kill -TERM $PID 2>/dev/null
    wait; continue
  fi
  PID=$(cat $RUN/udhcpd.pid 2>/dev/null)
  # addresses of the pool held by "someone else" answer the server's ARP probe
  HOGS=""
  for i in $(seq 1 $(r 3)); do h=10.233.0.$(( 10 + $(r 131) )); HOGS="$HOGS $h"; $CLI ip addr add $h/32 dev r33f-c0 2>/dev/null; done
  for round in $(seq 1 $(( 1 + $(r 4) ))); do
    case $(r 5) in
      0|1) $CLI python3 "$DIR/dhcpclient.py" r33f-c0 10.233.0.1 $(( 20 + $(r 150) )) $RANDOM ;;
      2) $CLI python3 "$DIR/dhcpclient.py" r33f-c0 10.233.0.1 $(( 5 + $(r 40) )) $RANDOM ;;
      3|4) # the BusyBox client itself, with a do-nothing script
         $CLI busybox udhcpc -f -q -n -i r33f-c0 -s /bin/true -t 2 -T 1 -A 1 \
           $( [ $(r 2) = 0 ] && echo -R ) $( [ $(r 2) = 0 ] && echo -x hostname:node$(r 40) ) \
           $( [ $(r 3) = 0 ] && echo -r 10.233.0.$(( 5 + $(r 60) )) ) >/dev/null 2>&1 ;;
    esac
    [ $(r 3) = 0 ] && [ -n "$PID" ] && $SRV kill -USR1 $PID
    sleep 0.$(r 9)
  done
  for h in $HOGS; do $CLI ip addr del $h/32 dev r33f-c0 2>/dev/null; done
  [ -n "$PID" ] && if [ $(r 6) = 0 ]; then $SRV kill -KILL $PID; else $SRV kill -TERM $PID; fi
  wait
done
rm -f $RUN/run.conf
