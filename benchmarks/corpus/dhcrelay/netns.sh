#!/bin/bash
# create/destroy the private namespaces used by workload.sh: client(s) -- relay -- server
set -e
case "$1" in
up)
  for n in r37b-rc r37b-rr r37b-rs; do ip netns add $n; done
  ip link add r37bc0 netns r37b-rc type veth peer name r37br0 netns r37b-rr
  ip link add r37br1 netns r37b-rr type veth peer name r37bs0 netns r37b-rs
  ip link add r37br2 netns r37b-rr type veth peer name r37bc1 netns r37b-rc
  ip -n r37b-rr addr add 10.37.1.1/24 dev r37br0
  ip -n r37b-rr addr add 10.37.2.1/24 dev r37br1
  ip -n r37b-rr addr add 10.37.3.1/24 dev r37br2
  ip -n r37b-rs addr add 10.37.2.2/24 dev r37bs0
  for n in r37b-rc r37b-rr r37b-rs; do ip -n $n link set lo up; done
  ip -n r37b-rr link set r37br0 up; ip -n r37b-rr link set r37br1 up; ip -n r37b-rr link set r37br2 up
  ip -n r37b-rs link set r37bs0 up
  ip -n r37b-rc link set r37bc0 up; ip -n r37b-rc link set r37bc1 up
  ip -n r37b-rs route add 10.37.0.0/16 via 10.37.2.1
  ;;
down)
  for n in r37b-rc r37b-rr r37b-rs; do ip netns del $n 2>/dev/null || true; done
  ;;
esac
