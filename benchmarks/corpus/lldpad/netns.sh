#!/bin/bash
# create/destroy the private namespaces used by workload.sh: lldpad agent -- peer
case "$1" in
up)
  ip netns add r37b-la; ip netns add r37b-lp
  ip link add r37bl0 netns r37b-la type veth peer name r37bp0 netns r37b-lp
  ip link add r37bl1 netns r37b-la type veth peer name r37bp1 netns r37b-lp
  for n in r37b-la r37b-lp; do ip -n $n link set lo up; done
  ip -n r37b-la link set r37bl0 up; ip -n r37b-la link set r37bl1 up
  ip -n r37b-lp link set r37bp0 up; ip -n r37b-lp link set r37bp1 up
  ;;
down)
  ip netns del r37b-la 2>/dev/null; ip netns del r37b-lp 2>/dev/null; true
  ;;
esac
