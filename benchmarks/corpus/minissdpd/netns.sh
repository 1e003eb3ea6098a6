#!/bin/bash
# private namespaces: r31i-ssdp (minissdpd) and r31i-ssdpp (SSDP peers); two veth links,
# only 10.41.0.0/24 is given to minissdpd as its LAN. Nothing in the main namespace.
case "$1" in
up)
  ip netns add r31i-ssdp; ip netns add r31i-ssdpp
  ip -n r31i-ssdp link set lo up; ip -n r31i-ssdpp link set lo up
  ip -n r31i-ssdp link add s0 type veth peer name eth0 netns r31i-ssdpp
  ip -n r31i-ssdp link add s1 type veth peer name eth1 netns r31i-ssdpp
  ip -n r31i-ssdp addr add 10.41.0.1/24 dev s0; ip -n r31i-ssdp addr add 10.42.0.1/24 dev s1
  ip -n r31i-ssdpp addr add 10.41.0.2/24 dev eth0; ip -n r31i-ssdpp addr add 10.42.0.2/24 dev eth1
  for l in s0 s1; do ip -n r31i-ssdp link set $l up; done
  for l in eth0 eth1; do ip -n r31i-ssdpp link set $l up; done
  ip -n r31i-ssdpp route add 239.255.255.250/32 dev eth0
  ip -n r31i-ssdp route add 239.255.255.250/32 dev s0 ;;
down)
  ip netns del r31i-ssdpp 2>/dev/null; ip netns del r31i-ssdp 2>/dev/null ;;
esac
