#!/bin/bash
# Round-9 corpus workload: BIRD 2.0 (Debian 12 package bird2). Three bird instances in three
# network namespaces (r9ba AS65001 = the logged one, r9bb AS65002, r9bc AS65003) joined by veths
# (a-b, a-c, b-c). Instance A: `log "OUT/bird.log" all;` plus `debug protocols all` on a few
# protocols (BGP to B, OSPF, one static). Randomised workload: BGP sessions up/down (peer killed,
# hold timer expiry), a neighbour with a wrong ASN, a dead neighbour, OSPF on the veths, static
# routes changed by reconfiguration, import filters rejecting routes, birdc configure (also with
# syntax errors and `configure check`), enable/disable/restart/reload, show commands, stop.
# Stops once the log has ~MAXLINES lines or after DURATION s.
# Run as root: bash workload.sh [OUT_DIR] [DURATION] [MAXLINES]
set -u
OUT=${1:-/work/round9/bird}; DURATION=${2:-300}; MAXLINES=${3:-2350}
W=/tmp/r9bird; LOG=$OUT/bird.log
r() { echo $((RANDOM % $1)); }
cleanup() {
  for n in a b c; do [ -f $W/$n.pid ] && kill "$(cat $W/$n.pid)" 2>/dev/null; done
  sleep 1; for n in r9ba r9bb r9bc; do ip netns del $n 2>/dev/null; done
}
cleanup; rm -rf $W; mkdir -p $W "$OUT"; rm -f "$LOG"
for n in a b c; do ip netns add r9b$n; ip -n r9b$n link set lo up; done
link() { # nsX ifX addrX nsY ifY addrY
  ip link add $2 netns r9b$1 type veth peer name $5 netns r9b$4
  ip -n r9b$1 addr add $3/24 dev $2; ip -n r9b$1 link set $2 up
  ip -n r9b$4 addr add $6/24 dev $5; ip -n r9b$4 link set $5 up
}
link a ab 10.98.12.1 b ba 10.98.12.2
link a ac 10.98.13.1 c ca 10.98.13.3
link b bc 10.98.23.2 c cb 10.98.23.3
ip -n r9ba addr add 10.98.100.1/32 dev lo; ip -n r9bb addr add 10.98.100.2/32 dev lo; ip -n r9bc addr add 10.98.100.3/32 dev lo

statics() { # random static routes for instance $1 (second octet 150+)
  local k=$1 i
  for i in $(shuf -i 0-40 -n $((2 + $(r 5)))); do
    case $(r 4) in
      0) echo "  route 10.$((150 + k)).$i.0/24 blackhole;" ;;
      1) echo "  route 10.$((150 + k)).$i.0/25 unreachable;" ;;
      *) echo "  route 10.$((150 + k)).$i.0/24 via 10.98.$([ $k = 1 ] && echo 12.2 || echo 12.1);" ;;
    esac
  done
  # a few "bogon" routes the peer's filter rejects
  [ $(r 2) = 0 ] && echo "  route 192.168.$(r 200).0/24 blackhole;"
  [ $(r 2) = 0 ] && echo "  route 10.$((150 + k)).$(r 50).128/28 blackhole;"
}

conf_a() { # $1 = broken? (1 = insert a syntax/semantic error)
cat > $W/a.conf <<CONF
log "$LOG" all;
router id 10.98.100.1;
debug protocols { states, interfaces };
timeformat log iso long;
define MYAS = 65001;
function bogon() {
  return net ~ [ 192.168.0.0/16+, 172.16.0.0/12+, 10.0.0.0/8{26,32} ];
}
filter from_peer {
  if bogon() then { print "rejecting bogon ", net, " from ", from; reject; }
  if bgp_path.len > $((3 + $(r 3))) then reject "path too long";
  if net ~ [ 10.152.$(r 30).0/24 ] then { print "dropping ", net; reject; }
  bgp_local_pref = $((100 + $(r 100)));
  accept;
}
filter to_peer {
  if source = RTS_STATIC then accept;
  if source = RTS_BGP then accept;
  reject;
}
protocol device { scan time $((5 + $(r 10))); }
protocol direct { ipv4; interface "ab", "ac", "lo"; }
protocol kernel kern4 {
  ipv4 { export filter { if source ~ [RTS_STATIC, RTS_DEVICE] then reject; accept; }; import none; };
  scan time 15; learn;
}
protocol static static_a {
  debug all;
  ipv4;
$(statics 1)
}
protocol static static_extra {
  ipv4;
  route 10.160.$(r 100).0/24 blackhole;
}
protocol ospf v2 ospf1 {
  debug all;
  ipv4 { import all; export none; };
  area 0 {
    interface "ab" { hello 6; dead 24; cost $((5 + $(r 20))); type ptp; };
    interface "ac" { hello 6; dead 24; cost $((5 + $(r 20))); };
    interface "lo" { stub yes; };
  };
}
protocol bgp bgp_b {
  debug all;
  local 10.98.12.1 as MYAS;
  neighbor 10.98.12.2 as 65002;
  hold time $((9 + $(r 6))); keepalive time 4; connect retry time 5; error wait time 5, 20;
  ipv4 { import filter from_peer; export filter to_peer; import limit 60 action block; };
}
protocol bgp bgp_c {
  local 10.98.13.1 as MYAS;
  neighbor 10.98.13.3 as 65099;
  hold time 12; connect retry time 6; error wait time 5, 20;
  ipv4 { import filter from_peer; export filter to_peer; };
}
protocol bgp bgp_ghost {
  local 10.98.12.1 as MYAS;
  neighbor 10.98.12.$((50 + $(r 100))) as 65077;
  connect retry time 4; connect delay time 2;
  ipv4 { import all; export none; };
}
$( [ "${1:-0}" = 1 ] && case $(r 4) in
    0) echo "protocol static broken { ipv4; route 10.1.2.0/33 blackhole; }" ;;
    1) echo "protocol bgp bgp_bad { local as MYAS; neighbor 10.98.12.2; ipv4; }" ;;
    2) echo "filter oops { if net ~ 10.0.0.0/8 then accept }" ;;
    3) echo "protocol kernel { ipv4 { export all; }; frobnicate yes; }" ;;
  esac )
CONF
}
conf_peer() { # $1 = b|c, $2 = AS, $3 = router id, $4 = k
local me=$1
cat > $W/$me.conf <<CONF
log "$W/$me.log" all;
router id $3;
protocol device { }
protocol direct { ipv4; }
protocol kernel { ipv4 { export none; import none; }; }
protocol static s$me {
  ipv4;
$(statics $4)
  route 192.168.$((10 + $4)).0/24 blackhole;
  route 10.$((150 + $4)).99.0/27 blackhole;
}
protocol ospf v2 ospf1 {
  ipv4 { import all; export none; };
  area 0 {
    interface "$( [ $me = b ] && echo ba || echo ca )" { hello 6; dead 24; $( [ $me = b ] && echo "type ptp;" ) };
    interface "lo" { stub yes; };
  };
}
protocol bgp to_a {
  local as $2;
  neighbor $( [ $me = b ] && echo 10.98.12.1 || echo 10.98.13.1 ) as 65001;
  hold time $((9 + $(r 6))); keepalive time 4; connect retry time 5;
  ipv4 { import all; export where source = RTS_STATIC; };
}
CONF
}
start() { # instance
  ip netns exec r9b$1 bird -c $W/$1.conf -s $W/$1.ctl -P $W/$1.pid >>$W/$1.stderr 2>&1
}
bc() { local n=$1; shift; timeout 10 birdc -s $W/$n.ctl "$@" >/dev/null 2>&1; }

conf_a 0; conf_peer b 65002 10.98.100.2 2; conf_peer c 65003 10.98.100.3 3
start b; start c; start a
sleep 3
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ] && [ "$(wc -l < $LOG)" -lt "$MAXLINES" ]; do
 for step in $(shuf -i 0-17); do
  [ "$(wc -l < $LOG)" -lt "$MAXLINES" ] || break
  case $step in
    0) conf_a 0; bc a configure ;;
    1) conf_a 1; bc a configure; bc a configure check ;;
    2) conf_peer b 65002 10.98.100.2 2; bc b configure ;;
    3) bc a disable bgp_b; sleep $((1 + $(r 3))); bc a enable bgp_b ;;
    4) bc a restart $(shuf -n1 -e bgp_b bgp_c ospf1 static_a) ;;
    5) bc a reload $(shuf -n1 -e bgp_b kern4 static_a) ;;
    6) bc a show protocols all; bc a show route; bc a show ospf neighbors; bc a show route count ;;
    7) bc b disable to_a; sleep $((2 + $(r 4))); bc b enable to_a ;;
    8) # peer B dies: hold timer expires on A, OSPF neighbour goes down; then B comes back
       if [ $(r 2) = 0 ]; then kill -9 "$(cat $W/b.pid)"; sleep $((16 + $(r 6))); start b; fi ;;
    9) ip -n r9ba link set ac down; sleep $((2 + $(r 6))); ip -n r9ba link set ac up ;;
    10) bc a disable ospf1; sleep 1; bc a enable ospf1 ;;
    11) conf_peer c 65003 10.98.100.3 3; bc c configure; bc c restart to_a ;;
    12) bc a configure soft ;;
    13) bc a restart all ;;
    14) bc a disable $(shuf -n1 -e static_a static_extra direct1 kern4); sleep 1; bc a enable all ;;
    15) bc a show ospf state; bc a show interfaces; bc a show status ;;
    16) bc a configure timeout 5; sleep 0.5; bc a configure confirm ;;
    17) ip -n r9bb link set ba down; sleep $((3 + $(r 8))); ip -n r9bb link set ba up ;;
  esac
  sleep 0.$((3 + $(r 7)))
  sleep $(r 2)
 done
done
bc c down; bc b down; sleep 1
bc a down
sleep 1
cleanup
echo "lines: $(wc -l < $LOG)"
