#!/bin/bash
# Randomised workload for dibbler-server (run as root). Private netns r34c-dsrv / r34c-dcli joined
# by a veth pair; private mount namespaces give the server and clients their own /etc/dibbler
# files, /var/lib/dibbler and /var/log/dibbler (under /tmp/round34-r34c).
# Usage: workload.sh ROUNDS
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round34-r34c
ROUNDS=${1:-5}
if ! ip netns list | grep -q '^r34c-dsrv'; then
  ip netns add r34c-dsrv; ip netns add r34c-dcli
  ip netns exec r34c-dsrv ip link set lo up; ip netns exec r34c-dcli ip link set lo up
  ip netns exec r34c-dsrv ip link add vs0 type veth peer name vc0 netns r34c-dcli
  ip netns exec r34c-dsrv ip link set vs0 up; ip netns exec r34c-dcli ip link set vc0 up
  ip netns exec r34c-dsrv ip addr add 2001:db8:34::1/64 dev vs0
  sleep 3
fi
mkdir -p $T/dsrv/lib $T/dsrv/log $T/dcli/lib $T/dcli/log
r() { echo $(( RANDOM % $1 )); }
srv() { # $1 = config file
  cp "$1" $T/dsrv/server.conf
  ip netns exec r34c-dsrv unshare -m sh -c "mount --bind $T/dsrv/server.conf /etc/dibbler/server.conf && mount --bind $T/dsrv/lib /var/lib/dibbler && mount --bind $T/dsrv/log /var/log/dibbler && exec dibbler-server run" >/dev/null 2>&1 &
  SRV=$!
  sleep 2
}
cli() { # $1 = config, $2 = seconds, $3 = signal
  cp "$1" $T/dcli/client.conf
  ip netns exec r34c-dcli unshare -m sh -c "mount --bind $T/dcli/client.conf /etc/dibbler/client.conf && mount --bind $T/dcli/lib /var/lib/dibbler && mount --bind $T/dcli/log /var/log/dibbler && exec dibbler-client run" >/dev/null 2>&1 &
  local p=$!
  sleep $2
  kill -$3 $p 2>/dev/null; wait $p 2>/dev/null
}
junk() { # send a raw DHCPv6 message (hex) to the server
  ip netns exec r34c-dcli python3 -c "
import socket,sys
s=socket.socket(socket.AF_INET6,socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET,socket.SO_BINDTODEVICE,b'vc0')
s.bind(('::',546))
s.sendto(bytes.fromhex(sys.argv[1]),('ff02::1:2',547,0,socket.if_nametoindex('vc0')))" "$1" 2>/dev/null
}
srv "$D/server-bad.conf"; kill $SRV 2>/dev/null; wait $SRV 2>/dev/null
for round in $(seq 1 $ROUNDS); do
  [ $(r 3) = 0 ] && rm -f $T/dsrv/lib/server-AddrMgr.xml $T/dsrv/lib/server-cache.xml
  srv "$D/server.conf"
  n=$(( $(r 6) + 2 ))
  for i in $(seq 1 $n); do
    [ $(r 2) = 0 ] && rm -rf $T/dcli/lib/*
    c=$D/clients/c$(( $(r 5) + 1 )).conf
    case $(r 6) in
      0) sig=KILL;; *) sig=TERM;;
    esac
    cli "$c" $(( $(r 6) + 4 )) $sig
    case $(r 5) in
      0) junk "01$(printf '%06x' $(r 65536))";;
      1) junk "0b$(printf '%06x' $(r 65536))00010004deadbeef";;
      2) junk "$(printf '%02x' $(( $(r 12) + 1 )))123456000100";;
      3) junk "0c00fe80000000000000000000000000000001fe800000000000000000000000000002";;
      *) ;;
    esac
  done
  case $(r 3) in
    0) kill -KILL $SRV;;
    *) kill -TERM $SRV;;
  esac
  wait $SRV 2>/dev/null
  sleep 1
done
