#!/bin/bash
# Randomised workload for ladvd: a private network namespace (r35b-lad) with veth
# pairs; ladvd runs in the foreground (-f -vvvv) on one end of each pair, with
# /run bound to a private directory in its own mount namespace; peer.py sends
# fake neighbour frames from the other ends. Output goes through a pipe (ladvd's
# unprivileged child may not write to files) into ladvd.raw.log.
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round35-r35b/lad
NS=r35b-lad
RAW=$T/ladvd.raw.log
mkdir -p $T/run
: > $RAW
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % $#]}"; }
ns() { ip netns exec $NS "$@"; }
ip netns add $NS 2>/dev/null
ns ip link set lo up
for i in 0 2 4; do
  ns ip link add r35bv$i type veth peer name r35bv$((i+1)) 2>/dev/null
  ns ip link set r35bv$i up; ns ip link set r35bv$((i+1)) up
  ns ip addr add 10.35.$i.1/24 dev r35bv$i 2>/dev/null
done
rounds=${1:-4}
for round in $(seq 1 $rounds); do
  # a failing start now and then
  case $(r 2) in
    0) ns unshare -m --propagation private sh -c "mount --bind $T/run /run && mkdir -p /run/ladvd && exec timeout 5 ladvd -f -vv $(pick '-e nosuch0 r35bv0' '-m nosuch1 r35bv0' '-u nouser r35bv0' 'nosuch2' '-s -L r35bv0')" 2>&1 | cat >> $RAW ;;
  esac
  flags="-vvvv -t -r $(pick '-a' '-a -L' '-L -C -E -F -N' '-C -N' '-a -q' '-a -z')"
  ifs=$(pick 'r35bv0 r35bv2' 'r35bv0' 'r35bv0 r35bv2 r35bv4' '')
  ns unshare -m --propagation private sh -c "mount --bind $T/run /run && mkdir -p /run/ladvd && echo \$\$ > $T/lad.pid && exec ladvd -f $flags $ifs" 2>&1 | cat >> $RAW &
  sleep 1
  LPID=$(cat $T/lad.pid); echo $LPID >> $T/pids
  end=$(( SECONDS + 20 + $(r 25) ))
  while [ $SECONDS -lt $end ]; do
    case $(r 8) in
      0|1|2|3) ns python3 $D/peer.py r35bv1,r35bv3,r35bv5 $(( 3 + $(r 15) )) ;;
      4) v=r35bv$(pick 0 2 4); ns ip link set $v down; sleep 0.$(r 9); ns ip link set $v up ;;
      5) ns ip addr flush dev r35bv$(pick 0 2) ; ns ip addr add 10.35.$(r 4).$(( 2 + $(r 50) ))/24 dev r35bv$(pick 0 2) 2>/dev/null ;;
      6) ns unshare -m --propagation private sh -c "mount --bind $T/run /run && ladvdc $(pick '' '-b' '-v' '-d') " >/dev/null 2>&1 ;;
      7) if ns ip link show r35bv6 >/dev/null 2>&1; then ns ip link del r35bv6; else ns ip link add r35bv6 type veth peer name r35bv7; ns ip link set r35bv6 up; ns ip link set r35bv7 up; fi ;;
    esac
    sleep 0.$(r 9)
  done
  kill -$(pick TERM INT HUP) $LPID 2>/dev/null; sleep 1; kill -TERM $LPID 2>/dev/null; sleep 0.5
done
