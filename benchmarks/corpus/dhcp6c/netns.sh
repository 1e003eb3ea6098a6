#!/bin/bash
# create/destroy the private namespaces used by workload.sh: dhcp6c client -- dhcp6s server
case "$1" in
up)
  ip netns add r37b-6c; ip netns add r37b-6s
  ip link add r37b6c0 netns r37b-6c type veth peer name r37b6s0 netns r37b-6s
  ip -n r37b-6c link set lo up; ip -n r37b-6s link set lo up
  ip -n r37b-6c link add r37b6d0 type veth peer name r37b6d1; ip -n r37b-6c link set r37b6d0 up; ip -n r37b-6c link set r37b6d1 up
  ip -n r37b-6s addr add 2001:db8:37::1/64 dev r37b6s0 nodad
  ip -n r37b-6c link set r37b6c0 up; ip -n r37b-6s link set r37b6s0 up
  ;;
down)
  ip netns del r37b-6c 2>/dev/null; ip netns del r37b-6s 2>/dev/null; true
  ;;
esac
