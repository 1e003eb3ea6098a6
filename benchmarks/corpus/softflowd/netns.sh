#!/bin/bash
# private namespaces: r31i-flow (softflowd, collector) and r31i-flowp (traffic peer), one veth link.
case "$1" in
up)
  ip netns add r31i-flow; ip netns add r31i-flowp
  ip -n r31i-flow link set lo up; ip -n r31i-flowp link set lo up
  ip -n r31i-flow link add f0 type veth peer name eth0 netns r31i-flowp
  ip -n r31i-flow addr add 10.51.0.1/24 dev f0; ip -n r31i-flowp addr add 10.51.0.2/24 dev eth0
  ip -n r31i-flow addr add fd51::1/64 dev f0 nodad; ip -n r31i-flowp addr add fd51::2/64 dev eth0 nodad
  ip -n r31i-flow link set f0 up; ip -n r31i-flowp link set eth0 up ;;
down)
  ip netns del r31i-flowp 2>/dev/null; ip netns del r31i-flow 2>/dev/null ;;
esac
