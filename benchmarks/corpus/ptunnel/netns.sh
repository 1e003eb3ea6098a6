#!/bin/bash
# Two private network namespaces joined by a veth pair (up | down).
if [ "$1" = down ]; then ip netns del r35f-p; ip netns del r35f-c; exit; fi
ip netns add r35f-p; ip netns add r35f-c
ip netns exec r35f-p ip link add r35fa type veth peer name r35fb netns r35f-c
ip netns exec r35f-p ip addr add 10.35.6.1/24 dev r35fa
ip netns exec r35f-c ip addr add 10.35.6.2/24 dev r35fb
for n in r35f-p:r35fa r35f-c:r35fb; do ip netns exec ${n%:*} ip link set ${n#*:} up; ip netns exec ${n%:*} ip link set lo up; done
