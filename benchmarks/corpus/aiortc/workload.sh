#!/bin/bash
# Randomised workload for aiortc: two peers in two network namespaces joined by a veth pair,
# TCP signalling (aiortc.contrib.signaling.TcpSocketSignaling) on 10.46.3.1:46200.
RANDOM=4648
set -m
cd /work/round46/aiortc || exit 1
BASE=/tmp/round46-r46a
PY=$BASE/venv-aiortc/bin/python
DIR=/work/round46/aiortc
RAW=$BASE/rtc/raw.log
mkdir -p $BASE/rtc $BASE/home $BASE/tmp $BASE/xdg/{config,cache,data,runtime}
chmod 700 $BASE/xdg/runtime
: > "$RAW"

ip netns del r46a-r1 2>/dev/null; ip netns del r46a-r2 2>/dev/null
ip netns add r46a-r1; ip netns add r46a-r2
ip link add r46a-rv0 type veth peer name r46a-rv1
ip link set r46a-rv0 netns r46a-r1; ip link set r46a-rv1 netns r46a-r2
ip -n r46a-r1 addr add 10.46.3.1/24 dev r46a-rv0; ip -n r46a-r2 addr add 10.46.3.2/24 dev r46a-rv1
for n in r46a-r1 r46a-r2; do ip -n $n link set lo up; done
ip -n r46a-r1 link set r46a-rv0 up; ip -n r46a-r2 link set r46a-rv1 up

SCEN=(plain plain plain multi multi renegotiate renegotiate early-close badaddr badport vanish blocked)
for i in $(seq 20); do
  s=${SCEN[$((RANDOM % ${#SCEN[@]}))]}
  seed_o=$RANDOM; seed_a=$RANDOM
  $DIR/nsrun.sh r46a-r1 $PY -u $DIR/peer.py offer 10.46.3.1 46200 $seed_o $s >> "$RAW" 2>&1 &
  OPID=$!
  sleep 1
  if [ $s = blocked ]; then  # the answerer's UDP is dropped: ICE cannot succeed
    ip netns exec r46a-r2 iptables -A INPUT -p udp -j DROP
  fi
  $DIR/nsrun.sh r46a-r2 $PY -u $DIR/peer.py answer 10.46.3.1 46200 $seed_a $s >> "$RAW" 2>&1 &
  APID=$!
  if [ $s = vanish ]; then  # the answering peer disappears without a word
    sleep $((4 + RANDOM % 4)); kill -KILL -- -$APID 2>/dev/null
  fi
  wait $OPID
  kill -TERM -- -$APID 2>/dev/null; wait $APID 2>/dev/null
  ip netns exec r46a-r2 iptables -F INPUT
done
ip netns del r46a-r1; ip netns del r46a-r2
sed -n '1,2500p' "$RAW" > $DIR/aiortc.log
