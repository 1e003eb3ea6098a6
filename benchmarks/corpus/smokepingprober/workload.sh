#!/bin/bash
# Workload for prometheus-smokeping-prober 0.6.1 (Debian): runs in netns r38f-smk,
# restarts with changing configs/flags, scrapes metrics, provokes errors.
set -m
D=/work/round38/smokepingprober
W=/tmp/round38-r38f/smk
LOG=$D/smokepingprober.log
NS=r38f-smk
mkdir -p $W /tmp/round38-r38f/home /tmp/round38-r38f/tmp /tmp/round38-r38f/xdg
export HOME=/tmp/round38-r38f/home TMPDIR=/tmp/round38-r38f/tmp XDG_RUNTIME_DIR=/tmp/round38-r38f/xdg XDG_CONFIG_HOME=/tmp/round38-r38f/xdg XDG_CACHE_HOME=/tmp/round38-r38f/xdg
ip netns del $NS 2>/dev/null; ip netns add $NS
ip netns exec $NS ip link set lo up
ip netns exec $NS ip addr add 10.38.6.1/24 dev lo 2>/dev/null
ip netns exec $NS ip addr add 10.38.6.2/24 dev lo 2>/dev/null
# a veth pair inside the namespace; the far end is sometimes down (unreachable host)
ip netns exec $NS ip link add r38fa type veth peer name r38fb 2>/dev/null
ip netns exec $NS ip addr add 10.38.8.1/24 dev r38fa 2>/dev/null
ip netns exec $NS ip link set r38fa up; ip netns exec $NS ip link set r38fb up
: > $LOG
PORT=48500
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
mkcfg() {  # random target groups
  local f=$1; echo "targets:" > $f
  local n=$((1 + $(r 3)))
  for ((g=0; g<n; g++)); do
    echo "- hosts:" >> $f
    for h in $(pick "127.0.0.1 10.38.6.1" "10.38.6.2" "localhost 10.38.8.7" "10.38.6.1 10.38.9.9" "127.0.0.1"); do echo "  - $h" >> $f; done
    echo "  interval: $(pick 200ms 300ms 500ms 1s)" >> $f
    echo "  network: ip4" >> $f
    echo "  protocol: $(pick icmp icmp udp)" >> $f
    echo "  size: $(pick 56 64 120 1400 $( [ $(r 12) = 0 ] && echo 9))" >> $f
  done
}
run() {  # run prober for $1 seconds with remaining args
  local t=$1; shift
  ip netns exec $NS prometheus-smokeping-prober --log.level=debug --web.listen-address=127.0.0.1:$PORT "$@" >> $LOG 2>&1 &
  local pid=$!
  local end=$((SECONDS + t))
  while [ $SECONDS -lt $end ] && kill -0 $pid 2>/dev/null; do
    sleep 0.$((2 + $(r 7)))
    case $(r 4) in
      0) ip netns exec $NS curl -s -o /dev/null http://127.0.0.1:$PORT/metrics ;;
      1) ip netns exec $NS curl -s -o /dev/null http://127.0.0.1:$PORT/ ;;
      2) [ $(r 6) = 0 ] && ip netns exec $NS ip link set r38fb $(pick down up) ;;
    esac
  done
  kill -TERM $pid 2>/dev/null; sleep 0.3; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
}
for round in $(seq 1 ${ROUNDS:-14}); do
  case $(r 10) in
    0) run 2 --config.file=$W/missing.yml 127.0.0.1 ;;
    1) printf 'targets:\n- hosts: [127.0.0.1\n  interval: x\n' > $W/bad.yml; run 2 --config.file=$W/bad.yml ;;
    2) run 2 --buckets=$(pick "0.1,abc" "x" "0.1,,0.2") 127.0.0.1 ;;
    3) run 2 --ping.size=$(pick 5 70000 10) 127.0.0.1 ;;
    4) run 2 $(pick nosuch.invalid r38f-unknown-host) ;;
    5) run 2 --config.file=$W/missing.yml ;;
    6) # port already taken by another instance
       mkcfg $W/c.yml
       ip netns exec $NS prometheus-smokeping-prober --log.level=debug --web.listen-address=127.0.0.1:$PORT -i 2s 10.38.6.2 >> $LOG 2>&1 & p2=$!
       sleep 1.5; run 3 127.0.0.1; kill $p2; sleep 0.3; kill -9 $p2 2>/dev/null; wait $p2 2>/dev/null ;;
    *) mkcfg $W/c.yml; run $((3 + $(r 6))) --config.file=$W/c.yml -i $(pick 200ms 500ms 1s) $(pick "" "127.0.0.1" "10.38.6.1 localhost" "10.38.8.9") ;;
  esac
done
ip netns exec $NS ip link del r38fa 2>/dev/null
ip netns del $NS
