#!/bin/bash
# Randomised workload for minissdpd 1.6.0 (Debian) in private namespaces. minissdpd runs with -d
# (LOG_PERROR: every syslog() message also on stderr), stderr appended to the log; a private /dev
# without /dev/log or /dev/console. UDP 1900 exists only inside netns r31i-ssdp.
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31i/minissdpd
LOG=$T/minissdpd.log
SOCK=$T/minissdpd.sock
PID=$T/minissdpd.pid
mkdir -p $T; : > $LOG
PIDS=$T/pids; : > $PIDS
r() { echo $(( RANDOM % $1 )); }
"$D/netns.sh" down; "$D/netns.sh" up

SRV=""
run() {  # minissdpd args
  ip netns exec r31i-ssdp unshare -m --propagation private "$D/privdev.sh" minissdpd "$@" 2>>$LOG &
  SRV=$!; echo minissdpd $SRV >> $PIDS
}
bad_invocations() {
  for _ in $(seq $((1 + $(r 2)))); do
    case $(r 8) in
      0) run -d -s $SOCK -p $PID ;;
      1) run -d -i bogus$(r 9) -s $SOCK -p $PID ;;
      2) run -d -x -i s0 -s $SOCK -p $PID ;;
      3) run -d -s $SOCK -p $PID -i ;;
      4) run -d -i s0 -s /nonexistent/r31i/minissdpd.sock -p $PID ;;
      5) run -d -i s0 -s $SOCK -p /nonexistent/r31i/minissdpd.pid ;;
      6) run -d -i 10.41.0.1/24 -s $SOCK -p $PID ;;
      7) run -d -i s9 -i s0 -s $SOCK -p $PID ;;
    esac
    sleep 1; kill -TERM $SRV 2>/dev/null; wait $SRV 2>/dev/null; SRV=""
  done
}
ifchange() {
  local n=$((1 + $(r 4)))
  for _ in $(seq $n); do
    case $(r 5) in
      0|1) a=10.41.0.$((100 + $(r 50)))/24; ip -n r31i-ssdp addr add $a dev s0 2>/dev/null; sleep 0.$(r 9); ip -n r31i-ssdp addr del $a dev s0 2>/dev/null ;;
      2) ip -n r31i-ssdp link add r31idum type dummy 2>/dev/null; ip -n r31i-ssdp addr add 10.43.$(r 200).1/24 dev r31idum; ip -n r31i-ssdp link set r31idum up; sleep 0.5; ip -n r31i-ssdp link del r31idum ;;
      3) ip -n r31i-ssdp addr add fd31::$(r 999)/64 dev s0 nodad 2>/dev/null ;;
      4) ip -n r31i-ssdp link set s1 down; sleep 0.3; ip -n r31i-ssdp link set s1 up ;;
    esac
    sleep 0.$(r 9)
  done
}

sessions=$((5 + $(r 3)))
for s in $(seq $sessions); do
  [ $(r 3) -eq 0 ] && bad_invocations
  opts=(-d -i s0 -s $SOCK -p $PID)
  [ $(r 3) -eq 0 ] && opts+=(-6)
  [ $(r 4) -eq 0 ] && opts+=(-t $((1 + $(r 4))))
  [ $(r 6) -eq 0 ] && opts+=(-f urn:schemas-upnp-org:device:MediaServer:1)
  run "${opts[@]}"; MAIN=$SRV
  sleep 1
  ip netns exec r31i-ssdpp python3 "$D/ssdppeer.py" $((10 + $(r 60))) & P1=$!
  python3 "$D/ssdpclient.py" $SOCK $((5 + $(r 25))) & P2=$!
  [ $(r 2) -eq 0 ] && ifchange
  if [ $(r 4) -eq 0 ]; then run "${opts[@]}"; wait $SRV 2>/dev/null; fi   # already running
  wait $P1 $P2
  # let some devices expire (max-age 1..5) and ask again
  if [ $(r 2) -eq 0 ]; then sleep $((2 + $(r 4))); python3 "$D/ssdpclient.py" $SOCK $((2 + $(r 6))); fi
  [ $(r 3) -eq 0 ] && ifchange
  if [ $(r 5) -eq 0 ]; then kill -INT $MAIN; else kill -TERM $MAIN; fi
  wait $MAIN 2>/dev/null
  sleep 0.5
done
"$D/netns.sh" down
wc -l $LOG
