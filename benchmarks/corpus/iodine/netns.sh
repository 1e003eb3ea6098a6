#!/bin/bash
# create / delete the private network namespaces: r31i-dns (server) and r31i-c1..3 (clients),
# each client joined to the server by its own veth pair; nothing in the main namespace.
case "$1" in
up)
  ip netns add r31i-dns
  ip -n r31i-dns link set lo up
  for i in 1 2 3; do
    ip netns add r31i-c$i
    ip -n r31i-c$i link set lo up
    ip -n r31i-dns link add s$i type veth peer name eth0 netns r31i-c$i
    ip -n r31i-dns addr add 10.31.$i.1/24 dev s$i
    ip -n r31i-dns link set s$i up
    ip -n r31i-c$i addr add 10.31.$i.2/24 dev eth0
    ip -n r31i-c$i link set eth0 up
  done ;;
down)
  for i in 1 2 3; do ip netns del r31i-c$i 2>/dev/null; done
  ip netns del r31i-dns 2>/dev/null ;;
esac
