#!/bin/bash
# creates (up) or removes (down) the two namespaces and the veth pair the workload uses
if [ "$1" = down ]; then ip netns del r36b-r1; ip netns del r36b-h1; exit; fi
ip netns add r36b-r1; ip netns add r36b-h1
ip link add r36b-h1a netns r36b-h1 type veth peer name r36b-r1a netns r36b-r1
ip -n r36b-h1 addr add 10.36.1.2/24 dev r36b-h1a; ip -n r36b-r1 addr add 10.36.1.1/24 dev r36b-r1a
for n in r1 h1; do ip -n r36b-$n link set lo up; done
ip -n r36b-h1 link set r36b-h1a up; ip -n r36b-r1 link set r36b-r1a up
