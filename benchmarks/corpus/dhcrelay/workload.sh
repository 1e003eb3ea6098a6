#!/bin/bash
# Randomised workload for ISC dhcrelay (labelled) in private namespaces:
# clients (r37b-rc) -- relay (r37b-rr) -- dnsmasq DHCP server + fake servers (r37b-rs).
D=/work/round37/dhcrelay
T=/tmp/round37-r37b/r
LOG=$D/dhcrelay.log
DUR=${1:-480}
mkdir -p $T
printf '#!/bin/sh\nexit 0\n' > $T/udhcpc.sh; chmod +x $T/udhcpc.sh
$D/netns.sh down; $D/netns.sh up
ip -n r37b-rr addr add 2001:db8:51::1/64 dev r37br0 nodad
ip -n r37b-rr addr add 2001:db8:52::1/64 dev r37br1 nodad
ip -n r37b-rs addr add 2001:db8:52::2/64 dev r37bs0 nodad
IFX=$(cat /sys/class/net/lo/ifindex 2>/dev/null; ip netns exec r37b-rr cat /sys/class/net/r37br0/ifindex)
IFX=${IFX##*$'\n'}
r() { echo $(( RANDOM % $1 )); }
P() { ip netns exec $1 python3 $D/pk.py "${@:2}" 2>/dev/null; }
SRV=; RPID=
start_dnsmasq() {
  ip netns exec r37b-rs dnsmasq -k -C $D/dnsmasq.conf --pid-file=$T/dnsmasq.pid --log-facility=$T/dnsmasq.out >/dev/null 2>&1 &
  SRV=$!
}
stop_dnsmasq() { [ -n "$SRV" ] && kill $SRV 2>/dev/null; wait $SRV 2>/dev/null; SRV=; }
relay() {  # run dhcrelay with the given arguments in the relay namespace
  ip netns exec r37b-rr dhcrelay "$@" >> $LOG 2>&1 &
  RPID=$!
}
stop_relay() { [ -n "$RPID" ] && kill -${1:-TERM} $RPID 2>/dev/null; wait $RPID 2>/dev/null; RPID=; }
newmac() { ip -n r37b-rc link set $1 address 02:37:$(printf '%02x:%02x:%02x:%02x' $(r 256) $(r 256) $(r 256) $(r 256)); }
client() {  # a real DHCP client (busybox udhcpc) on a random client interface with a fresh MAC
  local i=$(shuf -n1 -e r37bc0 r37bc0 r37bc1)
  newmac $i
  ip netns exec r37b-rc timeout 8 busybox udhcpc -i $i -n -q -f -s $T/udhcpc.sh -t $(( 1 + $(r 3) )) -T 1 $(shuf -n1 -e -- "" "" "-R" "-r 10.37.1.$(( 50 + $(r 40) ))") >/dev/null 2>&1
}
v4_traffic() {  # $1 = number of actions
  for _ in $(seq $1); do
    case $(r 24) in
      0|1|2|3|4|5|6) client ;;
      7) P r37b-rc discover r37bc$(r 2) ;;
      8) P r37b-rc hops $(( 5 + $(r 250) )) r37bc0 ;;
      9) P r37b-rc hlen r37bc0 ;;
      10) P r37b-rc hlen0 r37bc$(r 2) ;;
      11) P r37b-rc cid0 r37bc0 ;;
      12) P r37b-rc cid1 r37bc1 ;;
      13) P r37b-rc bootp r37bc0 ;;
      14) P r37b-rc giaddr r37bc0 $(shuf -n1 -e 10.37.1.1 10.9.9.9 10.37.3.1) ;;
      15) P r37b-rc agent r37bc0 ;;
      16) P r37b-rc badagent r37bc0 ;;
      17) P r37b-rc reply r37bc$(r 2) $(shuf -n1 -e 0.0.0.0 10.37.1.1) ;;
      18) P r37b-rs srvreply r37bs0 10.37.2.1 $(shuf -n1 -e 10.37.1.1 10.37.3.1 10.8.8.8 0.0.0.0) $(shuf -n1 -e ckt bad nockt corrupt) ;;
      19) P r37b-rs srvreply r37bs0 10.37.2.1 $(shuf -n1 -e 10.37.1.1 10.37.7.1) ;;
      20) P r37b-rs srvrequest r37bs0 10.37.2.1 ;;
      21) for _ in $(seq $(( 1 + $(r 12) ))); do P r37b-rc rawbad r37bc0 $(shuf -n1 -e ip udp long); done ;;
      22) P r37b-rc short r37bc0 ;;
      23) P r37b-rc bigopts r37bc0 ;;
    esac
    sleep 0.$(r 10)
  done
}
v6_traffic() {
  for _ in $(seq $1); do
    case $(r 5) in
      0|1) P r37b-rc solicit6 r37bc0 ;;
      2) P r37b-rc short6 r37bc0 ;;
      3) P r37b-rs relayrepl6 r37bs0 2001:db8:52::1 fe80::37:1 $IFX ;;
      4) P r37b-rs relayrepl6 r37bs0 2001:db8:52::1 fe80::37:2 $(shuf -n1 -e 999 "") ;;
    esac
    sleep 0.$(r 10)
  done
}
: > $LOG
start_dnsmasq
END=$(( $(date +%s) + DUR ))
while [ $(date +%s) -lt $END ]; do
  case $(r 30) in
    0|1|2|3|4|5|6|7) relay -d -4 -pf $T/relay.pid -id r37br0 -id r37br2 -iu r37br1 10.37.2.2 ;;
    8|9|10) relay -d -pf $T/relay.pid -a -D -id r37br0 -id r37br2 -iu r37br1 10.37.2.2 ;;
    11|12) relay -d -pf $T/relay.pid -a -m $(shuf -n1 -e append replace forward discard) -c $(( 1 + $(r 6) )) -id r37br0 -iu r37br1 10.37.2.2 ;;
    13) relay -d -pf $T/relay.pid -a -A $(shuf -n1 -e 300 320 576) -id r37br0 -id r37br2 -iu r37br1 10.37.2.2 ;;
    14|15) relay -d -pf $T/relay.pid -i r37br0 -i r37br1 -i r37br2 10.37.2.2 ;;
    16) relay -d -pf $T/relay.pid -id r37br0 -iu r37br1 10.37.2.2 10.99.0.1 ;;
    17) relay -d -pf $T/relay.pid -id r37br0 -iu r37br1 nohost.invalid 10.37.2.2 ;;
    18) relay -d -pf $T/relay.pid -id r37br0 -iu r37br1 ;;
    19) relay -d -pf $T/relay.pid -id nosuch0 -iu r37br1 10.37.2.2 ;;
    20) relay -d -pf $T/relay.pid -A 99999 -i r37br0 10.37.2.2 ;;
    21) relay -d -pf $T/relay.pid -c $(shuf -n1 -e 300 1000) -i r37br0 10.37.2.2 ;;
    22) relay -d -pf $T/relay.pid -id r37br0 -iu r37br1 -x 10.37.2.2 ;;
    23) relay -d -6 -pf $T/relay6.pid -l r37bc9 -u r37br1 ;;
    24) relay -d -6 -pf $T/relay6.pid -l r37br2 -u r37br1 ;;
    25|26|27) relay -d -6 -pf $T/relay6.pid $(shuf -n1 -e -- "" -I) -l r37br0 -u $(shuf -n1 -e r37br1 2001:db8:52::2%r37br1) ;;
    28) relay -d -6 -pf $T/relay6.pid -l r37br0 ;;
    29) relay -d -6 -pf $T/relay6.pid -l r37br0 -u r37br1 -a ;;
  esac
  sleep 1
  if kill -0 $RPID 2>/dev/null; then
    if ip netns exec r37b-rr true && grep -q -- '-6' /proc/$RPID/cmdline 2>/dev/null && tr '\0' ' ' < /proc/$RPID/cmdline | grep -q ' -6 '; then
      v6_traffic $(( 5 + $(r 30) ))
    else
      [ $(r 6) = 0 ] && { stop_dnsmasq; sleep 1; }
      [ -z "$SRV" ] && [ $(r 2) = 0 ] && start_dnsmasq
      v4_traffic $(( 5 + $(r 40) ))
      [ $(r 5) = 0 ] && { ip -n r37b-rr link set r37br2 down; v4_traffic 3; ip -n r37b-rr link set r37br2 up; }
    fi
    stop_relay $(shuf -n1 -e TERM TERM INT HUP)
  else
    wait $RPID 2>/dev/null
  fi
  [ -z "$SRV" ] && start_dnsmasq
done
stop_relay; stop_dnsmasq
$D/netns.sh down
