#!/bin/bash
# Workload for udp-sender (udpcast 20120424, Debian): sender in netns r38f-us on a bridge,
# receivers in netns r38f-ur1..3 joined by veth pairs; the sender's --log file and its stdout/stderr, appended to one file, are the log.
set -m
D=/work/round38/udpsender
W=/tmp/round38-r38f/udp
LOG=$D/udpsender.log
PB=48600
mkdir -p $W /tmp/round38-r38f/home /tmp/round38-r38f/tmp /tmp/round38-r38f/xdg
export HOME=/tmp/round38-r38f/home TMPDIR=/tmp/round38-r38f/tmp XDG_RUNTIME_DIR=/tmp/round38-r38f/xdg XDG_CONFIG_HOME=/tmp/round38-r38f/xdg XDG_CACHE_HOME=/tmp/round38-r38f/xdg
S="ip netns exec r38f-us"
for n in r38f-us r38f-ur1 r38f-ur2 r38f-ur3; do ip netns del $n 2>/dev/null; done
ip netns add r38f-us
$S ip link set lo up
$S ip link add r38fbr type bridge
$S ip addr add 10.38.20.1/24 brd + dev r38fbr
$S ip link set r38fbr up
for i in 1 2 3; do
  ip netns add r38f-ur$i
  ip netns exec r38f-ur$i ip link set lo up
  ip link add r38fs$i netns r38f-us type veth peer name r38fr$i netns r38f-ur$i
  $S ip link set r38fs$i master r38fbr; $S ip link set r38fs$i up
  ip netns exec r38f-ur$i ip addr add 10.38.20.$((1+i))/24 brd + dev r38fr$i
  ip netns exec r38f-ur$i ip link set r38fr$i up
  ip netns exec r38f-ur$i ip route add 224.0.0.0/4 dev r38fr$i
done
$S ip route add 224.0.0.0/4 dev r38fbr
: > $LOG
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
for k in 1 2 3 4; do head -c $(( (1 + RANDOM % 12) * 700000 + RANDOM )) /dev/urandom > $W/in$k.bin; done
RCV=()
start_rcv() {  # $1 = receiver number
  local extra=$(pick "" "" "--mcast-rdv-address 10.38.20.1")
  ip netns exec r38f-ur$1 udp-receiver --interface r38fr$1 --portbase $PB --nokbd --file $W/out$1.bin $extra > $W/r$1.out 2>&1 &
  RCV+=($!)
}
garbage() {  # a datagram with a random opcode to the sender's port from receiver $1
  ip netns exec r38f-ur$1 python3 -c "import socket,struct,random,sys;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(('10.38.20.$((1+$1))',random.choice([0,$PB,$PB])));[s.sendto(struct.pack('!HH',random.choice([7,0x55,0x1234,99,12]),0)+bytes(random.randrange(0,40)),('10.38.20.1',$((PB+1)))) for _ in range(random.randrange(1,4))]"
}
for round in $(seq 1 ${ROUNDS:-30}); do
  RCV=()
  n=$((1 + $(r 3)))
  mode=$(pick full full half async fec ptp)
  opts="--interface r38fbr --portbase $PB --nokbd --log $LOG --bw-period $(pick 1 1 2) --no-progress"
  case $mode in
    full) opts+=" --full-duplex" ;;
    half) opts+=" --half-duplex" ;;
    async) opts+=" --async --max-bitrate $(pick 20m 50m) --fec 8x$(pick 4 8)"; n=$((n>1?n:1)) ;;
    fec) opts+=" --fec $(pick 8x8 4x4/64 16x2)" ;;
    ptp) opts+=" --pointopoint"; n=1 ;;
  esac
  [ $(r 3) = 0 ] && opts+=" --max-bitrate $(pick 10m 20m 40m)"
  [ $(r 3) = 0 ] && opts+=" --min-slice-size $(pick 16 32) --max-slice-size $(pick 256 512 1024)"
  [ $(r 2) = 0 ] && opts+=" --retries-until-drop $(pick 3 5 10)"
  [ $(r 4) = 0 ] && opts+=" --blocksize $(pick 1024 512 1456)"
  [ $(r 4) = 0 ] && opts+=" --rexmit-hello-interval $(pick 300 700)"
  f=$W/in$((1 + $(r 4))).bin
  [ $(r 12) = 0 ] && f=$W/missing.bin
  if [ $mode = async ]; then
    opts+=" --autostart $(pick 2 3)"
  else
    opts+=" --min-receivers $n --max-wait $(pick 3 5)"
  fi
  $S udp-sender $opts --file $f >> $LOG 2>&1 &
  sp=$!
  sleep 0.3
  [ $(r 4) = 0 ] && garbage 1
  for ((i=1; i<=n; i++)); do start_rcv $i; sleep 0.$(r 5); done
  [ $(r 3) = 0 ] && { sleep 0.$(r 9); garbage $((1 + $(r n))); }
  # failures: kill a receiver mid-transfer, or stop it so it stops answering
  case $(r 5) in
    0) sleep 0.$((1 + $(r 9))); kill -9 ${RCV[$(r ${#RCV[@]})]} 2>/dev/null ;;
    1) sleep 0.$((1 + $(r 9))); x=${RCV[$(r ${#RCV[@]})]}; kill -STOP $x 2>/dev/null; sleep $((1 + $(r 4))); kill -CONT $x 2>/dev/null ;;
  esac
  for t in $(seq 1 24); do kill -0 $sp 2>/dev/null || break; sleep 0.5; done
  kill $sp 2>/dev/null; sleep 0.3; kill -9 $sp 2>/dev/null; wait $sp 2>/dev/null
  for p in "${RCV[@]}"; do kill -CONT $p 2>/dev/null; kill $p 2>/dev/null; sleep 0.1; kill -9 $p 2>/dev/null; wait $p 2>/dev/null; done
  rm -f $W/out*.bin
done
for i in 1 2 3; do ip netns del r38f-ur$i; done
ip netns del r38f-us
