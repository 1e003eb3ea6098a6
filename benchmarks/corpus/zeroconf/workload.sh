#!/bin/bash
# zeroconf workload: two network namespaces joined by a veth pair with a multicast route on each side;
# zc_main.py (role main, the logged process) in r45a-z1 and zc_main.py (role peer) in r45a-z2,
# peer killed and restarted, the main side's interface taken down and up, main restarted once.
set -m
D=/work/round45/zeroconf
T=/tmp/round45-r45a/zc
cd "$D" || exit 1
mkdir -p $T/home $T/tmp $T/xdg/config $T/xdg/cache $T/xdg/data
: > $T/full.log; : > $T/peer.log
SEED=${SEED:-$RANDOM}
RANDOM=$SEED
N1=r45a-z1; N2=r45a-z2
ip netns add $N1; ip netns add $N2
ip -n $N1 link set lo up; ip -n $N2 link set lo up
ip -n $N1 link add r45a-v1 type veth peer name r45a-v2 netns $N2
ip -n $N1 addr add 10.45.0.1/24 dev r45a-v1; ip -n $N2 addr add 10.45.0.2/24 dev r45a-v2
ip -n $N1 link set r45a-v1 up; ip -n $N2 link set r45a-v2 up
ip -n $N1 route add 224.0.0.0/4 dev r45a-v1; ip -n $N2 route add 224.0.0.0/4 dev r45a-v2
# run NS SEED DURATION ADDR ROLE LOG
run() {
  ip netns exec $1 unshare -m bash -c '
    mount --make-rprivate /
    mount --bind /tmp/round45-r45a /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round45-r45a; mount --bind /mnt /tmp/round45-r45a; umount /mnt; mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
    cd '"$D"'
    exec env -i PATH=/usr/bin:/bin HOME='"$T"'/home TMPDIR='"$T"'/tmp XDG_CONFIG_HOME='"$T"'/xdg/config XDG_CACHE_HOME='"$T"'/xdg/cache XDG_DATA_HOME='"$T"'/xdg/data PYTHONDONTWRITEBYTECODE=1 \
      /tmp/round45-r45a/venv/bin/python '"$D"'/zc_main.py '"$2 $3 $4 $5"' >> '"$6"' 2>&1' &
}
for life in 1 2; do
  run $N2 $((SEED + life)) 200 10.45.0.2 peer $T/peer.log; PEER=$!
  sleep 1
  run $N1 $((SEED + 10 + life)) ${DUR:-40} 10.45.0.1 main $T/full.log; MAIN=$!
  echo $MAIN > $T/main.pid
  sleep $((5 + RANDOM % 8))
  kill -9 $PEER; wait $PEER 2>/dev/null
  sleep $((2 + RANDOM % 4))
  run $N2 $((SEED + 20 + life)) 200 10.45.0.2 peer $T/peer.log; PEER=$!
  sleep $((4 + RANDOM % 6))
  for k in $(seq 1 $((1 + RANDOM % 2))); do
    ip -n $N1 link set r45a-v1 down; sleep $((1 + RANDOM % 4)); ip -n $N1 link set r45a-v1 up
    ip -n $N1 route add 224.0.0.0/4 dev r45a-v1 2>/dev/null; sleep $((2 + RANDOM % 5))
  done
  wait $MAIN
  kill -9 $PEER; wait $PEER 2>/dev/null
done
ip netns del $N1; ip netns del $N2
# keep one contiguous stretch of at most 2500 whole lines
START=${START:-1}
sed -n "${START},$((START+2499))p" $T/full.log > $D/zeroconf.log
wc -l $T/full.log $D/zeroconf.log
