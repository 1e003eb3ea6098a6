#!/bin/bash
# wsdd workload: runs Debian's wsdd (-v -v, the most verbose setting) in network
# namespace r33a-ws (veth r33a-w0 10.33.72.1) against the fake peer peer.py in
# namespace r33a-wc (r33a-w1 10.33.72.2); wsdd's stderr is appended to $RAW.
# WS-Discovery's fixed ports (3702/udp, 5357/tcp) are used only inside these
# private namespaces; the peer's own ports are 38100-38101.
# wsdd.log is lines 123-2616 (whole runs) of the output of SEED=7332 N=12 ./workload.sh.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round33-r33a/ws-work
RAW=${RAW:-$W/wsdd.raw.log}
mkdir -p "$W" "$W/chroot"
: > "$RAW"
SEED=${SEED:-$RANDOM}
RANDOM=$SEED
WSDD="ip netns exec r33a-ws /usr/bin/python3 /usr/sbin/wsdd"
PEER="ip netns exec r33a-wc python3 $HERE/peer.py"
HOSTUUID=$(python3 -c 'import socket,uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, socket.gethostname()))')

setup() {
  ip netns add r33a-ws 2>/dev/null; ip netns add r33a-wc 2>/dev/null
  if ! ip -n r33a-ws link show r33a-w0 >/dev/null 2>&1; then
    ip -n r33a-ws link add r33a-w0 type veth peer name r33a-w1 netns r33a-wc
  fi
  ip -n r33a-ws addr replace 10.33.72.1/24 dev r33a-w0
  ip -n r33a-wc addr replace 10.33.72.2/24 dev r33a-w1
  for n in r33a-ws r33a-wc; do ip -n $n link set lo up; done
  ip -n r33a-ws link set r33a-w0 up; ip -n r33a-wc link set r33a-w1 up
}

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
chance() { [ $((RANDOM % 100)) -lt "$1" ]; }

normal_run() {
  local args=(-v -v -D) uid=$HOSTUUID
  chance 85 && args+=(-i "$(pick r33a-w0 r33a-w0 r33a-w0 10.33.72.1)")
  chance 30 && args+=(-n "$(pick fileserver nas01 Backup-Host)")
  chance 25 && args+=(-w "$(pick office lab HOME)")
  chance 10 && args+=(-d "$(pick corp.example r33a.test)")
  chance 10 && args+=(-p)
  chance 20 && args+=(-4)
  chance 10 && args+=(-6)
  chance 10 && args+=(-t)
  chance 8 && args+=(-o)
  chance 10 && args+=(-H 2)
  if chance 30; then uid=$(python3 -c 'import uuid; print(uuid.uuid4())'); args+=(-U $uid); fi
  if chance 15; then args+=(-u "$(pick nobody nobody:nogroup :nogroup)"); fi
  if chance 8; then args+=(-c "$W/chroot" -u nobody:nogroup); fi
  $WSDD "${args[@]}" 2>>"$RAW" >/dev/null &
  local pid=$!
  sleep $((3 + RANDOM % 2))
  $PEER 2 $((10 + RANDOM % 50)) $RANDOM $uid >/dev/null 2>&1 &
  local pp=$!
  local t=0 dur=$((8 + RANDOM % 20))
  while [ $t -lt $dur ]; do
    sleep 1; t=$((t+1))
    case $((RANDOM % 10)) in
      0) ip -n r33a-ws addr add 10.33.72.$((10 + RANDOM % 40))/24 dev r33a-w0 2>/dev/null ;;
      1) ip -n r33a-ws -4 addr show dev r33a-w0 | awk '/inet 10.33.72.[0-9]+\//{print $2}' | grep -v '^10.33.72.1/' | head -1 | \
           while read a; do ip -n r33a-ws addr del $a dev r33a-w0; done ;;
      2) ip -n r33a-ws addr add fd33:72::$((RANDOM % 200 + 2))/64 dev r33a-w0 2>/dev/null ;;
    esac
  done
  wait $pp 2>/dev/null
  kill -$(pick TERM TERM INT) $pid 2>/dev/null
  for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $pid 2>/dev/null || break; sleep 0.5; done
  kill -KILL $pid 2>/dev/null; wait $pid 2>/dev/null
  ip -n r33a-ws -4 addr flush dev r33a-w0; ip -n r33a-ws -6 addr flush dev r33a-w0 scope global
  setup
}

quick() { timeout -s INT 8 $WSDD "$@" 2>>"$RAW" >/dev/null; }

error_run() {
  case $((RANDOM % 9)) in
    0) quick -v -v -i r33a-w0 -4 -6 ;;
    1) quick -v -v -i r33a-w0 -u r33a-nosuchuser ;;
    2) quick -v -v -i r33a-w0 -u nobody:r33a-nosuchgroup ;;
    3) quick -v -v -i r33a-w0 -c /tmp/round33-r33a/no-such-dir ;;
    4) quick -v -v -i r33a-w0 -U "$(pick not-a-uuid 1234 xyz-0)" ;;
    5) quick -v -v -i r33a-w0 "$(pick --bogus -x --interfaces)" ;;
    6) quick -v -v -i r33a-w0 -H "$(pick two x)" ;;
    7) quick -v -v -i r33a-w0 -c "$W/chroot" ;;
    8) quick -v -v -i r33a-nope -D ;;
  esac
}

setup
N=${N:-12}
for i in $(seq 1 $N); do
  normal_run
  for j in $(seq 1 $((RANDOM % 3))); do error_run; done
  if [ $i -eq 3 ]; then
    # the API socket option: one run with it
    $WSDD -v -v -D -i r33a-w0 -l "$W/api.sock" 2>>"$RAW" >/dev/null & p=$!
    sleep 4; $PEER 1 8 $RANDOM $HOSTUUID >/dev/null 2>&1; kill -TERM $p; wait $p
  fi
done
