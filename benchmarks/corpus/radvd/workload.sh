#!/bin/bash
# radvd 2.19 (Debian 12 package radvd, plus ndisc6) in private network namespaces, debug 5, logfile.
# Router namespace r17rv_r with veths to two client namespaces and a tun device; rdisc6 and pkt.py
# (raw RS/RA packets, good and bad) as clients; links up/down, addresses added/removed, interfaces
# deleted and re-created, config reloads (good and bad), restarts, stop.
# Run as root: bash workload.sh [OUT_DIR] [DURATION]   (default OUT_DIR = folder of this script)
set -u
# The kept radvd.log is the first 2,500 lines of a 240-second run (bash workload.sh . 240).
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-180}
W=/tmp/r17rv; mkdir -p $W "$OUT"; rm -f "$OUT/radvd.log"
R="ip netns exec r17rv_r"; C1="ip netns exec r17rv_c1"; C2="ip netns exec r17rv_c2"
r() { echo $((RANDOM % $1)); }
cleanup() { [ -f $W/mine.pid ] && kill "$(cat $W/mine.pid)" 2>/dev/null; sleep 1
  for n in r17rv_r r17rv_c1 r17rv_c2; do ip netns del $n 2>/dev/null; done; }
cleanup
for n in r17rv_r r17rv_c1 r17rv_c2; do ip netns add $n; ip netns exec $n ip link set lo up; done
$R sysctl -qw net.ipv6.conf.all.forwarding=1
mkveth() { # router-side name, client ns, client-side name
  ip link add $1 netns r17rv_r type veth peer name $3 netns $2
  $R ip link set $1 up; ip netns exec $2 ip link set $3 up; }
mkveth rv1 r17rv_c1 cl1; mkveth rv2 r17rv_c2 cl2; mkveth rv3 r17rv_c2 cl3
$R ip tuntap add dev tn0 mode tun; $R ip link set tn0 up
$R ip addr add 2001:db8:1::1/64 dev rv1; $R ip addr add 2001:db8:2::1/64 dev rv2
$R ip addr add 2001:db8:3::1/64 dev rv3; $R ip addr add 2001:db8:9::1/64 dev tn0
sleep 2
conf() { # $1 = good|bad kind
  local mi=$((3 + $(r 3))) ma=$((10 + $(r 8))) vl=$((3600 + $(r 5000))) pl=$((600 + $(r 2000)))
  cat <<C
interface rv1 {
  AdvSendAdvert on; MinRtrAdvInterval $mi; MaxRtrAdvInterval $ma;
  AdvManagedFlag $([ $(r 2) = 0 ] && echo on || echo off); AdvOtherConfigFlag on;
  AdvLinkMTU $((1280 + $(r 200))); AdvCurHopLimit 64; AdvReachableTime 30000; AdvRetransTimer 1000;
  AdvDefaultLifetime $((ma * 3));
  prefix 2001:db8:1::/64 { AdvOnLink on; AdvAutonomous on; AdvValidLifetime $vl; AdvPreferredLifetime $pl; DeprecatePrefix on; };
  prefix ::/64 { AdvValidLifetime 7200; AdvPreferredLifetime 3600; };
  route 2001:db8:$(printf %x $((256 + $(r 3000))))::/48 { AdvRoutePreference high; };
  RDNSS 2001:db8:1::53 { AdvRDNSSLifetime $((ma + $(r 30))); };
  DNSSL lab$(r 9).test example.test { AdvDNSSLLifetime $((ma + $(r 30))); };
};
interface rv2 {
  AdvSendAdvert on; MinRtrAdvInterval 3; MaxRtrAdvInterval $((4 + $(r 10)));
  AdvDefaultPreference $(echo low medium high | cut -d' ' -f$((1 + $(r 3))));
  prefix 2001:db8:2::/64 { AdvValidLifetime $vl; AdvPreferredLifetime $pl; };
  $([ $(r 2) = 0 ] && echo "clients { fe80::1; fe80::$(printf %x $RANDOM); };")
};
interface rv3 {
  AdvSendAdvert on; IgnoreIfMissing on; MaxRtrAdvInterval $((9 + $(r 10)));
  prefix 2001:db8:3::/64 { };
  route ::/0 { AdvRouteLifetime $((100 + $(r 500))); };
};
interface tn0 { AdvSendAdvert on; IgnoreIfMissing on; prefix 2001:db8:9::/64 { }; };
interface ghost$(r 4) { AdvSendAdvert on; IgnoreIfMissing on; prefix 2001:db8:7::/64 { }; };
C
  case "$1" in
    syntax) echo "interface rv9 { AdvSendAdvert on; prefix 2001:db8:a::/64 { AdvFoo $RANDOM; }; };" ;;
    plen) echo "interface rv9 { AdvSendAdvert on; prefix 2001:db8:a::/$((129 + $(r 50))) { }; };" ;;
    minmax) echo "interface rv9 { AdvSendAdvert on; MinRtrAdvInterval $((20 + $(r 30))); MaxRtrAdvInterval 10; prefix 2001:db8:a::/64 { }; };" ;;
    dup) echo "interface rv2 { AdvSendAdvert on; prefix 2001:db8:b::/64 { }; };" ;;
    life) echo "interface rv9 { AdvSendAdvert on; prefix 2001:db8:a::/64 { AdvValidLifetime 100; AdvPreferredLifetime $((200 + $(r 900))); }; };" ;;
    mtu) echo "interface rv9 { AdvSendAdvert on; AdvLinkMTU $((10 + $(r 1000))); prefix 2001:db8:a::/64 { }; };" ;;
  esac
}
start() { conf good > $W/radvd.conf; chmod 644 $W/radvd.conf
  $R radvd -n -C $W/radvd.conf -p $W/radvd.pid -u radvd -d 5 -m logfile -l "$OUT/radvd.log" & echo $! > $W/mine.pid; sleep 1; }
alive() { kill -0 "$(cat $W/mine.pid)" 2>/dev/null; }
start
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  alive || start
  case $(r 20) in
    0|1|2) $C1 rdisc6 -1 -r 1 -w 500 cl1 >/dev/null 2>&1 ;;
    3) $C2 rdisc6 -1 -r 1 -w 500 cl2 >/dev/null 2>&1 & $C2 rdisc6 -1 -r 1 -w 500 cl3 >/dev/null 2>&1 ;;
    4) $C1 python3 $HERE/pkt.py cl1 $(echo rs rs_hop rs_short rs_code rs_garbage rs_zero rs_long rs_unspec | cut -d' ' -f$((1 + $(r 8)))) ;;
    5|6) $C1 python3 $HERE/pkt.py cl1 $(echo ra ra ra_badrdnss ra_dnssl ra_unknown ra_zero ra_long ra_garbage ra_short ra_global | cut -d' ' -f$((1 + $(r 10)))) ;;
    7) $C2 python3 $HERE/pkt.py cl2 ra 20010db8000$((1 + $(r 3)))0000000000000000000000 ;;
    8) i=rv$((1 + $(r 3))); $R ip link set $i down; sleep 0.$((2 + $(r 7))); $R ip link set $i up ;;
    9) a=2001:db8:$((1 + $(r 3)))::$(printf %x $((2 + $(r 500)))); $R ip addr add $a/64 dev rv$((1 + $(r 3))) 2>/dev/null
       sleep 0.5; $R ip addr del $a/64 dev rv1 2>/dev/null ;;
    10) $R ip link set rv1 mtu $((1280 + $(r 220))) ;;
    11) $R ip link del rv3; sleep $((1 + $(r 2))); mkveth rv3 r17rv_c2 cl3; $R ip addr add 2001:db8:3::1/64 dev rv3 ;;
    12) conf good > $W/radvd.conf; kill -HUP "$(cat $W/mine.pid)" ;;
    13) conf $(echo syntax plen minmax dup life mtu | cut -d' ' -f$((1 + $(r 6)))) > $W/radvd.conf; kill -HUP "$(cat $W/mine.pid)"; sleep 1; conf good > $W/radvd.conf ;;
    14) kill -USR1 "$(cat $W/mine.pid)" ;;
    15) [ $(r 3) = 0 ] && { kill -$(echo TERM INT | cut -d' ' -f$((1 + $(r 2)))) "$(cat $W/mine.pid)"; sleep 1.5; start; } ;;
    16) $R sysctl -qw net.ipv6.conf.all.forwarding=$(r 2); sleep 1; $R sysctl -qw net.ipv6.conf.all.forwarding=1 ;;
    17) $R ip link set tn0 $(echo down up "multicast off" "multicast on" | cut -d' ' -f$((1 + $(r 4)))) 2>/dev/null; [ $(r 2) = 0 ] && $R ip link set tn0 up multicast $(echo on off | cut -d' ' -f$((1 + $(r 2)))) ;;
    18) ps=(); for k in $(seq $((2 + $(r 6)))); do $C1 rdisc6 -1 -r 1 -w 200 cl1 >/dev/null 2>&1 & ps+=($!); done; wait "${ps[@]}" ;;
    19) chmod 666 $W/radvd.conf; kill -HUP "$(cat $W/mine.pid)"; sleep 1; chmod 644 $W/radvd.conf ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
kill "$(cat $W/mine.pid)" 2>/dev/null; sleep 2; cleanup; rm -f $W/mine.pid
