#!/bin/bash
# Randomised workload for knxd (run as root; uses netns r34c-knx, ports 43001/43002/43010).
# Usage: workload.sh ROUNDS
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round34-r34c
NS="ip netns exec r34c-knx"
ROUNDS=${1:-6}
mkdir -p $T
if ! ip netns list | grep -q '^r34c-knx'; then
  ip netns add r34c-knx
  $NS ip link set lo up
  $NS ip link add d0 type veth peer name d1
  $NS ip addr add 10.34.99.1/24 dev d0
  $NS ip link set d0 multicast on up
  $NS ip link set d1 up
  $NS ip route replace 224.0.0.0/4 dev d0
fi
r() { echo $(( RANDOM % $1 )); }
K() { $NS timeout ${2:-3} knxtool "${@:3}" >/dev/null 2>&1 < /dev/null; }
GA() { echo "$(( $(r 4) + 1 ))/$(r 8)/$(r 256)"; }
PA() { echo "1.1.$(( $(r 40) + 20 ))"; }
udp() { $NS python3 -c "import socket,sys,os;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.sendto(bytes.fromhex(sys.argv[1]),('10.34.99.1',43010))" "$1"; }
tcp() { $NS python3 -c "import socket,sys,time;s=socket.create_connection(('127.0.0.1',43001));s.sendall(bytes.fromhex(sys.argv[1]));time.sleep(0.3);s.close()" "$1" 2>/dev/null; }
start_a() { $NS knxd "$D/knxd-a.ini" >/dev/null 2>&1 & sleep 1.5; }
start_b() { $NS knxd "$D/knxd-b.ini" >/dev/null 2>&1 & sleep 2.5; }
stop_pid() { [ -f "$1" ] && kill $(cat "$1") 2>/dev/null; sleep 1; }

# bad configurations first
$NS knxd "$D/knxd-bad.ini" >/dev/null 2>&1
$NS knxd "$D/missing.ini" >/dev/null 2>&1
for round in $(seq 1 $ROUNDS); do
  start_a
  [ $(r 3) -gt 0 ] && start_b
  n=$(( $(r 25) + 5 ))
  for i in $(seq 1 $n); do
    u="ip:127.0.0.1:43001"; [ $(r 3) = 0 ] && u="local:$T/knx-a.sock"; [ $(r 4) = 0 ] && u="ip:127.0.0.1:43002"
    case $(r 20) in
      0|1|2) K "$u" 3 groupswrite "$u" $(GA) $(r 2);;
      3|4) K "$u" 3 groupwrite "$u" $(GA) $(r 256) $(r 256);;
      5|6) K "$u" 3 groupread "$u" $(GA);;
      7) K "$u" 2 grouplisten "$u" $(GA);;
      8) K "$u" 3 vbusmonitor1 "$u" & m=$!; sleep 0.3; K "$u" 3 groupswrite "$u" $(GA) 1; wait $m;;
      9) K "$u" 4 readindividual "$u";;
      10) K "$u" 5 mread "$u" $(PA) 0 4;;
      11) K "$u" 5 progmodestatus "$u" $(PA);;
      12) K "$u" 3 groupcacheread "$u" $(GA);;
      13) K "$u" 3 groupcacheclear "$u";;
      14) K "$u" 3 groupcachelastupdates "$u" 0 1;;
      15) udp "$(printf '0610%04x0008%04x' $((0x0200 + $(r 16))) $(r 65536))";;
      16) tcp "$(printf '%04x%04x' $(( $(r 8) )) $(r 65536))";;
      17) K "$u" 3 busmonitor1 "$u";;
      18) udp "06100201000e0801$(printf '%02x' $(r 256))2263010000";;
      19) K "$u" 5 mpropread "$u" $(PA) 0 $(r 20) 1 0;;
    esac
    sleep 0.$(r 5)
  done
  stop_pid $T/knxd-b.pid
  stop_pid $T/knxd-a.pid
done
