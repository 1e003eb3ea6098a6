#!/bin/bash
# Randomised workload for dhcpy6d in private network namespaces r35e-ys (server) / r35e-yc (clients).
set -u
H=$(cd "$(dirname "$0")" && pwd)
Y=/tmp/round35-r35e/y
mkdir -p $Y
if ! ip netns list | grep -qw r35e-ys; then
  ip netns add r35e-ys; ip netns add r35e-yc
  ip -n r35e-ys link add ys0 type veth peer name yc0 netns r35e-yc
  for n in r35e-ys r35e-yc; do ip -n $n link set lo up; done
  ip -n r35e-ys link set ys0 up; ip -n r35e-yc link set yc0 up
  ip -n r35e-ys addr add 2001:db8:5::1/64 dev ys0
  for i in 1 2 3 4 5 6; do ip -n r35e-yc link add ym$i link yc0 type macvlan mode bridge; done
  ip -n r35e-yc link set ym1 address 02:01:01:01:01:01
  ip -n r35e-yc link set ym2 address 02:02:02:02:02:02
  ip -n r35e-yc link set ym3 address 02:03:03:03:03:03
  for i in 1 2 3 4 5 6; do ip -n r35e-yc link set ym$i up; done
  ip -n r35e-yc addr add 2001:db8:5::55/64 dev ym5 nodad
  sleep 3
fi
rm -f $Y/volatile.sqlite; touch $Y/volatile.sqlite $Y/dhcpy6d.log; chown dhcpy6d:dhcpy6d $Y/volatile.sqlite $Y/dhcpy6d.log
PID=$($H/run_server.sh $H/dhcpy6d.conf); sleep 3
client() { timeout 120 ip netns exec r35e-yc python3 $H/client6.py ym$1 $2 $RANDOM ${3:-ff02::1:2}; }
for round in $(seq 1 ${ROUNDS:-30}); do
  i=$(shuf -n1 -e 1 1 1 2 2 3 3 4 5 6)
  case $((RANDOM % 14)) in
    0) client $i $((RANDOM % 30 + 25)) ;;                  # burst: request limit
    1) client 5 $((RANDOM % 3 + 1)) 2001:db8:5::1 ;;        # unicast without permission
    2) ip netns exec r35e-ys /usr/sbin/dhcpy6d -m "prefix 2001:db8:$((RANDOM % 9 + 1))::" ;;
    3) ip netns exec r35e-ys /usr/sbin/dhcpy6d -m "$(shuf -n1 -e 'prefix' 'reload now' 'prefix  2001:db8:5::')" ;;
    4) kill -TERM $PID; sleep 1; PID=$($H/run_server.sh $H/dhcpy6d.conf $(shuf -n1 -e yes yes no)); sleep 3 ;;
    5) sleep $((RANDOM % 15 + 10)) ;;
    *) client $i $((RANDOM % 6 + 2)) ;;
  esac
done
sleep 5
kill -TERM $PID
