#!/bin/bash
# Sets up the private network namespace r35d-mt (veth pair r35d-a/r35d-b) and runs the workload in it.
HERE=$(cd "$(dirname "$0")" && pwd)
M=/tmp/round35-r35d/m
mkdir -p $M; cp $HERE/mactelnetd.users $M/users; rm -f $M/mactelnetd.raw
ip netns list | grep -q '^r35d-mt' || {
  ip netns add r35d-mt
  ip netns exec r35d-mt ip link set lo up
  ip netns exec r35d-mt ip link add r35d-a type veth peer name r35d-b
  ip netns exec r35d-mt ip link set r35d-a up; ip netns exec r35d-mt ip link set r35d-b up
  ip netns exec r35d-mt ip addr add 10.35.4.1/24 dev r35d-a; ip netns exec r35d-mt ip addr add 10.35.4.2/24 dev r35d-b
}
cd $HERE && ip netns exec r35d-mt unshare -m bash $HERE/nsrun.sh
