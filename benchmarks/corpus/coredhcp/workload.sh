#!/bin/bash
# Randomised workload for coredhcp: server and client each in a private network namespace
# (r34a-srv / r34a-cli, joined by a veth pair), DHCPv4 and DHCPv6 traffic from dhcpclient.py,
# lease-file edits picked up by autorefresh, restarts, and broken configurations.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round34-r34a/coredhcp
LOG=$RUN/coredhcp.raw.log
mkdir -p $RUN; : > $LOG; rm -f $RUN/*.db
CREATED=0
if ! ip netns list | grep -q '^r34a-srv'; then
  CREATED=1
  ip netns add r34a-srv; ip netns add r34a-cli
  ip netns exec r34a-srv ip link add r34a-s type veth peer name r34a-c
  ip netns exec r34a-srv ip link set r34a-c netns r34a-cli
  ip netns exec r34a-srv ip addr add 10.34.0.1/24 dev r34a-s
  ip netns exec r34a-srv ip link set r34a-s up; ip netns exec r34a-cli ip link set r34a-c up
  sleep 2
fi
SRV6=$(ip netns exec r34a-srv ip -6 addr show dev r34a-s scope link | awk '/inet6/{print $2}' | cut -d/ -f1)
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
start() { ip netns exec r34a-srv coredhcp -c $HERE/conf/$1.yml -L debug >> $LOG 2>&1 & SPID=$!; echo $SPID >> $RUN/pids; sleep 1; }
stop() { kill ${1:-} $SPID 2>/dev/null; wait $SPID 2>/dev/null; }
cli() { ip netns exec r34a-cli python3 $HERE/dhcpclient.py "$@" r34a-c $SRV6; }
leases() {  # rewrite the static lease file with a random set of hosts (sometimes a broken line)
  { for i in $(shuf -i 1-9 -n $((RANDOM % 4 + 1))); do printf '02:34:00:00:00:%02x 10.34.0.%d\n' $i $((50 + i)); done
    [ $((RANDOM % 4)) = 0 ] && echo "$(pick 'zz:34:00:00:00:07 10.34.0.57' '02:34:00:00:00:08' '02:34:00:00:00:09 10.34.0.999')"; } > $RUN/leases4.tmp
  mv $RUN/leases4.tmp $RUN/leases4.txt
}
printf '02:34:00:00:00:01 10.34.0.50\n02:34:00:00:00:02 10.34.0.51\n' > $RUN/leases4.txt
printf '02:34:00:00:00:01 2001:db8:34::50\n02:34:00:00:00:03 2001:db8:34::51\n' > $RUN/leases6.txt

# main server: several rounds of mixed traffic, lease file changes, restarts
for round in $(seq $((RANDOM % 2 + 2))); do
  start main
  for k in $(seq $((RANDOM % 4 + 3))); do
    case $((RANDOM % 5)) in
      0|1) cli v4 $((RANDOM % 12 + 3)) ;;
      2) cli v6 $((RANDOM % 10 + 2)) ;;
      3) leases; sleep 0.5; cli v4 $((RANDOM % 5 + 1)) ;;
      4) cli v4 $((RANDOM % 6 + 1)) & B=$!; cli v6 $((RANDOM % 6 + 1)); wait $B ;;
    esac
  done
  stop $(pick '' -INT)
done

# small pool with a delay plugin: pool exhaustion
start small
cli v4 $((RANDOM % 15 + 25))
stop

# DHCPv6 only, LLT server id and prefix delegation
start v6only
cli v6 $((RANDOM % 10 + 10))
stop

# broken configurations, each tried once in random order
for c in $(ls $HERE/conf | grep -E '^(bad_|empty)' | sed 's/\.yml$//' | shuf); do
  ip netns exec r34a-srv timeout 5 coredhcp -c $HERE/conf/$c.yml -L debug >> $LOG 2>&1
done
ip netns exec r34a-srv timeout 5 coredhcp -c $HERE/conf/missing.yml -L debug >> $LOG 2>&1
ip netns exec r34a-srv timeout 5 coredhcp -c $HERE/conf/main.yml -L verbose >> $LOG 2>&1

# main server again after the failures
start main
cli v4 $((RANDOM % 10 + 5)); cli v6 $((RANDOM % 5 + 2))
stop
rm -f $RUN/pids
[ $CREATED = 1 ] && { ip netns del r34a-srv; ip netns del r34a-cli; }
