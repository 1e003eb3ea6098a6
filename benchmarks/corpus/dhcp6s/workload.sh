#!/bin/bash
# Randomised workload for dhcp6s (WIDE DHCPv6 server) in private network namespaces r35e-ws/r35e-wc.
set -u
H=$(cd "$(dirname "$0")" && pwd)
D=/tmp/round35-r35e/wide
LOG=${LOG:-$D/dhcp6s.raw.log}
mkdir -p $D/db
[ -s $D/ctlkey ] || head -c 16 /dev/urandom | base64 > $D/ctlkey
head -c 16 /dev/urandom | base64 > $D/badkey
if ! ip netns list | grep -qw r35e-ws; then
  ip netns add r35e-ws; ip netns add r35e-wc
  ip -n r35e-ws link add ws0 type veth peer name wc0 netns r35e-wc
  for n in r35e-ws r35e-wc; do ip -n $n link set lo up; done
  ip -n r35e-ws link set ws0 up; ip -n r35e-wc link set wc0 up
  ip -n r35e-ws addr add 2001:db8:1:2::1/64 dev ws0
  sleep 3
fi
SPID=
start() {  # $1 = config
  ip netns exec r35e-ws unshare -m sh $H/run_server.sh "$1" "$LOG" &
  SPID=$!; sleep 1
}
stop() { [ -n "$SPID" ] && kill -TERM $(cat $D/dhcp6s.pid) 2>/dev/null; wait $SPID 2>/dev/null; SPID=; }
ctl() { ip netns exec r35e-ws /usr/sbin/dhcp6ctl -S -a ::1 -p 48010 "$@" >/dev/null 2>&1; }
binding() { grep -o 'add a new binding \[IA: duid=[0-9a-f:]*, type=[A-Z]*, iaid=[0-9]*' "$LOG" | shuf -n1 | sed -E 's/.*duid=([0-9a-f:]*), type=([A-Z]*), iaid=([0-9]*)/IA_\2 \3 \1/'; }
BAD=$((RANDOM % 3))
start $H/dhcp6s.conf
for round in $(seq 1 ${ROUNDS:-11}); do
  ip netns exec r35e-wc python3 $H/client6.py wc0 $((RANDOM % 9 + 3)) $RANDOM
  case $((RANDOM % 10)) in
    0|1) ctl -k $D/ctlkey reload ;;
    2|3) b=$(binding); [ -n "$b" ] && ctl -k $D/ctlkey remove binding IA $b ;;
    4) ctl -k $D/badkey reload ;;
    5) ctl -k $D/ctlkey remove binding IA IA_NA $RANDOM 00:03:00:01:00:16:3e:00:00:$((RANDOM % 90 + 10)) ;;
    6|9) stop; BAD=$(((BAD + 1) % 3)); start $H/bad$((BAD + 1)).conf; wait $SPID 2>/dev/null; SPID=; start $H/dhcp6s.conf ;;
    7) stop; start $H/dhcp6s.conf ;;
    8) ctl -k $D/ctlkey stop; wait $SPID 2>/dev/null; SPID=; start $H/dhcp6s.conf ;;
    *) : ;;
  esac
done
stop
