#!/bin/bash
# Round-11 corpus workload: FRRouting 8.4 (Debian 12 package `frr`), three routers in network
# namespaces r11f_r1, r11f_r2, r11f_r3 joined by veth pairs, each running zebra, bgpd, ospfd,
# staticd and bfdd (pathspace -N rN, no TCP vty, BGP on port 19279). Every daemon logs to one file
# (`log file ... debugging`, `log record-priority`, `log timestamp precision 3`) with bgp, ospf,
# zebra (r3), static and bfd debugs on, bgp debugs per router; the file is copied unchanged to OUT/frr.log.
# r1 and r2: AS 65001 (iBGP over loopbacks, OSPF underlay); r3: AS 65003, eBGP to both (MD5
# password and BFD towards r1); r3's LAN in OSPF area 1.
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
# (needs bgpx.py beside it; removes the namespaces and stops every daemon at the end)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-400}
W=/tmp/r11f
LOG=$W/frr.log
PORT=19279
command -v vtysh >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y frr
PY=/usr/bin/python3
FRR=/usr/lib/frr
DAEMONS="zebra staticd bfdd ospfd bgpd"

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
vt() { local rt=$1; shift; local args=(); for c in "$@"; do args+=(-c "$c"); done
       vtysh -N "$rt" "${args[@]}" >/dev/null 2>&1; }

stop_daemon() {   # router daemon [signal]
  local f=$W/$1/$2.pid
  [ -f "$f" ] && kill -"${3:-TERM}" "$(cat "$f")" 2>/dev/null
  rm -f "$f"
}
start_daemon() {  # router daemon
  local rt=$1 d=$2 extra=""
  [ $d = bgpd ] && extra="-p $PORT"
  ip netns exec r11f_$rt $FRR/$d -d -N $rt -P 0 -f $W/$rt/$d.conf -i $W/$rt/$d.pid $extra
}
cleanup() {
  for rt in r1 r2 r3; do
    for d in bgpd ospfd bfdd staticd zebra; do stop_daemon $rt $d; done
  done
  sleep 2
  [ -f $W/bgpx.pid ] && kill "$(cat $W/bgpx.pid)" 2>/dev/null
  for rt in r1 r2 r3; do ip netns del r11f_$rt 2>/dev/null; rm -rf /var/run/frr/$rt; done
}

# ---------------------------------------------------------------- network
cleanup
rm -rf $W; mkdir -p $W
for rt in r1 r2 r3; do
  ip netns add r11f_$rt
  ip netns exec r11f_$rt ip link set lo up
  ip netns exec r11f_$rt sysctl -qw net.ipv4.ip_forward=1
  n=${rt#r}
  ip netns exec r11f_$rt ip addr add 10.212.255.$n/32 dev lo
  # a LAN: a veth pair inside the router's namespace
  ip netns exec r11f_$rt ip link add r11fl${n}a type veth peer name r11fl${n}b
  ip netns exec r11f_$rt ip link set r11fl${n}b up
  ip netns exec r11f_$rt ip link set r11fl${n}a up
  ip netns exec r11f_$rt ip addr add 10.212.10$n.1/24 dev r11fl${n}a
  mkdir -p $W/$rt /var/run/frr/$rt
  chown frr:frr /var/run/frr/$rt
done
link() {  # a b: r11f<ab>a in ra, r11f<ab>b in rb, 10.212.<ab>.<a>/.<b>
  local a=$1 b=$2
  ip link add r11f$a${b}a type veth peer name r11f$a${b}b
  ip link set r11f$a${b}a netns r11f_r$a
  ip link set r11f$a${b}b netns r11f_r$b
  ip netns exec r11f_r$a ip addr add 10.212.$a$b.$a/24 dev r11f$a${b}a
  ip netns exec r11f_r$b ip addr add 10.212.$a$b.$b/24 dev r11f$a${b}b
  ip netns exec r11f_r$a ip link set r11f$a${b}a up
  ip netns exec r11f_r$b ip link set r11f$a${b}b up
}
link 1 2; link 1 3; link 2 3
ip netns exec r11f_r3 ip addr add 10.212.13.9/24 dev r11f13b   # source of the stray BGP speaker
cp "$HERE/bgpx.py" $W/
touch $LOG; chown -R frr:frr $W; chmod 755 $W

# ---------------------------------------------------------------- configurations
logcfg() {  # hostname
cat <<EOF
hostname $1
log file $LOG debugging
log record-priority
log timestamp precision 3
!
EOF
}
for n in 1 2 3; do
  rt=r$n
  { logcfg $rt
    [ $n = 3 ] && echo "debug zebra events"
    echo "!"
    for i in $(ip netns exec r11f_$rt ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | grep r11f); do
      printf 'interface %s\n description link %s of %s\n!\n' "$i" "$i" "$rt"
    done
  } > $W/$rt/zebra.conf
  { logcfg $rt
    echo "debug static events"
    echo "debug static route"
    echo "!"
    echo "ip route 10.213.$n.0/24 blackhole"
    echo "ip route 10.213.$((n + 10)).0/24 10.212.10$n.2"
  } > $W/$rt/staticd.conf
  { logcfg $rt
    echo "debug bfd peer"
    echo "debug bfd zebra"
    echo "!"
    echo "bfd"
    echo " profile fast"
    echo "  receive-interval 300"
    echo "  transmit-interval 300"
    echo " !"
    echo "!"
  } > $W/$rt/bfdd.conf
done

# OSPF
ospf_conf() {  # n
  local n=$1 rt=r$1
  logcfg $rt
  cat <<EOF
debug ospf ism status
debug ospf ism events
debug ospf nsm status
!
EOF
  for i in $(ip netns exec r11f_$rt ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | grep -E 'r11f[0-9]{2}[ab]'); do
    printf 'interface %s\n ip ospf hello-interval 2\n ip ospf dead-interval 8\n!\n' "$i"
  done
  echo "router ospf"
  echo " ospf router-id 10.212.255.$n"
  echo " passive-interface r11fl${n}a"
  echo " network 10.212.255.$n/32 area 0"
  for ab in 12 13 23; do
    case $ab in *$n*) echo " network 10.212.$ab.0/24 area 0" ;; esac
  done
  if [ $n = 3 ]; then echo " network 10.212.103.0/24 area 0.0.0.1"
  else echo " network 10.212.10$n.0/24 area 0"; fi
  echo " redistribute connected route-map LOOPS"
  echo "!"
  echo "route-map LOOPS permit 10"
  echo " match interface lo"
  echo "!"
}
for n in 1 2 3; do ospf_conf $n > $W/r$n/ospfd.conf; done

bgp_common() {  # n: per-router debugs
  case $1 in
    1) printf 'debug bgp neighbor-events 10.212.13.3\ndebug bgp neighbor-events 10.212.13.9\ndebug bgp updates in 10.212.13.3\ndebug bgp updates in 10.212.13.9\ndebug bgp bfd\n!\n' ;;
    2) printf 'debug bgp bfd\n!\n' ;;
    3) printf 'debug bgp bfd\n!\n' ;;
  esac
}
{ logcfg r1; bgp_common 1; cat <<EOF
ip prefix-list FROM-R3 seq 5 permit 10.214.0.0/16 le 28
ip prefix-list FROM-R3 seq 10 permit 10.213.0.0/16 le 24
!
route-map R3-IN permit 10
 match ip address prefix-list FROM-R3
 set local-preference 150
!
route-map R3-IN deny 100
!
router bgp 65001
 bgp router-id 10.212.255.1
 no bgp ebgp-requires-policy
 bgp log-neighbor-changes
 timers bgp 10 30
 neighbor 10.212.255.2 remote-as 65001
 neighbor 10.212.255.2 update-source 10.212.255.1
 neighbor 10.212.255.2 port $PORT
 neighbor 10.212.255.2 timers connect 10
 neighbor 10.212.13.3 remote-as 65003
 neighbor 10.212.13.3 password r11f-s3cret
 neighbor 10.212.13.3 port $PORT
 neighbor 10.212.13.3 timers connect 10
 neighbor 10.212.13.3 bfd profile fast
 neighbor 10.212.13.9 remote-as 65009
 neighbor 10.212.13.9 passive
 !
 address-family ipv4 unicast
  network 10.212.101.0/24
  redistribute static
  neighbor 10.212.255.2 next-hop-self
  neighbor 10.212.13.3 route-map R3-IN in
  neighbor 10.212.13.3 maximum-prefix 25 80 restart 1
 exit-address-family
!
EOF
} > $W/r1/bgpd.conf
{ logcfg r2; bgp_common 2; cat <<EOF
router bgp 65001
 bgp router-id 10.212.255.2
 no bgp ebgp-requires-policy
 bgp log-neighbor-changes
 timers bgp 10 30
 neighbor 10.212.255.1 remote-as 65001
 neighbor 10.212.255.1 update-source 10.212.255.2
 neighbor 10.212.255.1 port $PORT
 neighbor 10.212.255.1 timers connect 10
 neighbor 10.212.23.3 remote-as 65003
 neighbor 10.212.23.3 port $PORT
 neighbor 10.212.23.3 timers connect 10
 !
 address-family ipv4 unicast
  network 10.212.102.0/24
  redistribute static
  neighbor 10.212.255.1 next-hop-self
 exit-address-family
!
EOF
} > $W/r2/bgpd.conf
{ logcfg r3; bgp_common 3; cat <<EOF
router bgp 65003
 bgp router-id 10.212.255.3
 no bgp ebgp-requires-policy
 bgp log-neighbor-changes
 timers bgp 10 30
 neighbor 10.212.13.1 remote-as 65001
 neighbor 10.212.13.1 password r11f-s3cret
 neighbor 10.212.13.1 port $PORT
 neighbor 10.212.13.1 timers connect 10
 neighbor 10.212.13.1 bfd profile fast
 neighbor 10.212.23.2 remote-as 65001
 neighbor 10.212.23.2 port $PORT
 neighbor 10.212.23.2 timers connect 10
 !
 address-family ipv4 unicast
  network 10.212.103.0/24
  redistribute static
 exit-address-family
!
EOF
} > $W/r3/bgpd.conf
chown -R frr:frr $W

for rt in r1 r2 r3; do
  for d in $DAEMONS; do start_daemon $rt $d; sleep 0.3; done
done
sleep 15

# ---------------------------------------------------------------- randomised workload
# Every scenario runs at least once, in a random order, some of them several times; DURATION
# only caps the run.
declare -A R3NETS
SCEN=($( { seq 0 27; echo 18 18 18 18 18 18; } | tr ' ' '\n' | shuf))
BGPX=($(printf '%s\n' unknown wrongas garbage badversion shortopen holdtime valid | shuf))
BGPX+=("${BGPX[@]}")
bx=0
END=$((SECONDS + DURATION))
for c in "${SCEN[@]}"; do
  [ $SECONDS -lt $END ] || break
  case $c in
    0|1|2)   # r3 originates / withdraws prefixes
      k=$((RANDOM % 40)); p="10.214.$k.0/$(pick 24 24 25 26 28)"
      if [ -n "${R3NETS[$k]:-}" ]; then
        vt r3 "conf t" "router bgp 65003" "address-family ipv4 unicast" "no network ${R3NETS[$k]}"
        unset "R3NETS[$k]"
      else
        vt r3 "conf t" "router bgp 65003" "address-family ipv4 unicast" "network $p"
        R3NETS[$k]=$p
      fi ;;
    3|4)     # static routes added / removed on a random router
      n=$((1 + $(r 3))); x=$((20 + $(r 30)))
      if [ $(r 2) = 0 ]; then
        vt r$n "conf t" "ip route 10.213.$x.0/24 $(pick blackhole Null0 10.212.10$n.$((2 + $(r 200))) reject)"
      else
        vt r$n "conf t" "no ip route 10.213.$x.0/24 blackhole" "no ip route 10.213.$x.0/24 Null0" "no ip route 10.213.$x.0/24 reject"
      fi ;;
    5)       # static route via a next hop that is not reachable
      n=$((1 + $(r 3)))
      vt r$n "conf t" "ip route 10.215.$(r 50).0/24 192.0.2.$((1 + $(r 200)))" ;;
    6|7)     # a neighbor shut down and brought back
      case $(r 3) in
        0) rt=r1; nb=$(pick 10.212.255.2 10.212.13.3); as=65001 ;;
        1) rt=r2; nb=$(pick 10.212.255.1 10.212.23.3); as=65001 ;;
        2) rt=r3; nb=$(pick 10.212.13.1 10.212.23.2); as=65003 ;;
      esac
      vt $rt "conf t" "router bgp $as" "neighbor $nb shutdown message maintenance-$RANDOM"
      sleep $((2 + $(r 5)))
      vt $rt "conf t" "router bgp $as" "no neighbor $nb shutdown" ;;
    8|9)     # clears
      rt=$(pick r1 r2 r3)
      vt $rt "$(pick 'clear bgp *' 'clear bgp * soft' 'clear bgp ipv4 unicast * soft in' 'clear ip ospf process' 'clear ip ospf neighbor' 'clear bgp 10.212.13.3' 'clear bgp 10.212.23.3')" ;;
    10|11)   # link down / up
      l=$(pick 12 13 23 13); side=$(pick a b); a=${l:0:1}; b=${l:1:1}
      if [ $side = a ]; then ns=r11f_r$a; else ns=r11f_r$b; fi
      ip netns exec $ns ip link set r11f$l$side down
      sleep $((2 + $(r 12)))
      ip netns exec $ns ip link set r11f$l$side up ;;
    12)      # LAN interface down / up
      n=$((1 + $(r 3)))
      ip netns exec r11f_r$n ip link set r11fl${n}a down; sleep $((1 + $(r 4)))
      ip netns exec r11f_r$n ip link set r11fl${n}a up ;;
    13)      # wrong AS configured for a while
      vt r1 "conf t" "router bgp 65001" "neighbor 10.212.13.3 remote-as $(pick 65004 65033 64512)"
      sleep $((4 + $(r 6)))
      vt r1 "conf t" "router bgp 65001" "neighbor 10.212.13.3 remote-as 65003" ;;
    14)      # wrong MD5 password for a while
      vt r3 "conf t" "router bgp 65003" "neighbor 10.212.13.1 password $(pick wrong-pass r11f-S3CRET x$RANDOM)"
      sleep $((6 + $(r 8)))
      vt r3 "conf t" "router bgp 65003" "neighbor 10.212.13.1 password r11f-s3cret" ;;
    15)      # OSPF hello / dead interval mismatch for a while
      l=$(pick 12a 13a 23b)
      n=${l:0:1}; [ ${l:2:1} = b ] && n=${l:1:1}
      vt r$n "conf t" "interface r11f$l" "ip ospf hello-interval $(pick 3 5)"
      sleep $((6 + $(r 6)))
      vt r$n "conf t" "interface r11f$l" "ip ospf hello-interval 2" ;;
    16)      # OSPF authentication on one side only, for a while
      vt r2 "conf t" "interface r11f12b" "ip ospf authentication message-digest" "ip ospf message-digest-key 1 md5 k$RANDOM"
      sleep $((6 + $(r 6)))
      vt r2 "conf t" "interface r11f12b" "no ip ospf message-digest-key 1" "no ip ospf authentication" ;;
    17)      # OSPF cost changes
      n=$((1 + $(r 3)))
      vt r$n "conf t" "interface $(pick r11f12a r11f13a r11f12b r11f23a r11f13b r11f23b)" "ip ospf cost $((1 + $(r 100)))" ;;
    18)      # stray BGP speaker: unknown peer, wrong AS, garbage
      ip netns exec r11f_r3 $PY $W/bgpx.py "${BGPX[$bx]}" $PORT; bx=$((bx + 1)) ;;
    19)      # maximum-prefix overflow: r3 floods many prefixes, then withdraws them
      base=$((100 + $(r 50)))
      cmds=("conf t" "router bgp 65003" "address-family ipv4 unicast")
      for k in $(seq 1 $((10 + $(r 12)))); do cmds+=("network 10.214.$base.$((k * 2))/31"); done
      vt r3 "${cmds[@]}"; sleep $((4 + $(r 4)))
      cmds=("conf t" "router bgp 65003" "address-family ipv4 unicast")
      for k in $(seq 1 28); do cmds+=("no network 10.214.$base.$((k * 2))/31"); done
      vt r3 "${cmds[@]}" ;;
    20)      # route-map / prefix-list edits and soft clear
      vt r1 "conf t" "ip prefix-list FROM-R3 seq $((20 + $(r 20))) $(pick deny permit) 10.214.$(r 40).0/24" \
         "route-map R3-IN permit 10" "set local-preference $((100 + $(r 200)))" "end" "clear bgp 10.212.13.3 soft in" ;;
    21)      # a daemon restarted
      rt=$(pick r1 r2 r3); d=$(pick bgpd ospfd staticd bgpd bfdd)
      stop_daemon $rt $d; sleep $((1 + $(r 3))); start_daemon $rt $d ;;
    22)      # zebra restarted (clients reconnect)
      if true; then
        rt=$(pick r2 r3)
        for d in bgpd ospfd staticd bfdd zebra; do stop_daemon $rt $d; done; sleep 2
        for d in $DAEMONS; do start_daemon $rt $d; sleep 0.3; done
      fi ;;
    23)      # a bgpd frozen past its hold time
      rt=$(pick r2 r3); p=$(cat $W/$rt/bgpd.pid 2>/dev/null)
      if [ -n "$p" ]; then kill -STOP "$p"; sleep $((31 + $(r 5))); kill -CONT "$p"; fi ;;
    24)      # configuration reload from a file through vtysh (timers, descriptions)
      rt=$(pick r1 r2 r3); as=65001; [ $rt = r3 ] && as=65003
      f=$W/$rt/reload.conf
      { echo "router bgp $as"
        echo " timers bgp $(pick 10 10 8) $(pick 30 30 24)"
        for nb in $(vtysh -N $rt -c "show bgp summary json" 2>/dev/null | $PY -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(d.get("ipv4Unicast",{}).get("peers",{})))' 2>/dev/null); do
          echo " neighbor $nb description peer-$RANDOM"
        done
        echo "!"
        echo "router ospf"
        echo " timers throttle spf $((50 + $(r 200))) $((200 + $(r 500))) 5000"
        echo "!"; } > $f
      chown frr $f; vtysh -N $rt -f $f >/dev/null 2>&1 ;;
    25)      # a broken reload (bad commands are rejected)
      rt=$(pick r1 r2 r3)
      vt $rt "conf t" "router bgp $(pick 65099 1)" ;
      vt $rt "conf t" "ip route 10.213.999.0/24 blackhole" "interface r11fnosuch$RANDOM" "ip ospf cost 0" ;;
    26)      # graceful shutdown community on / off
      vt r2 "conf t" "router bgp 65001" "bgp graceful-shutdown"; sleep $((3 + $(r 4)))
      vt r2 "conf t" "router bgp 65001" "no bgp graceful-shutdown" ;;
    27)      # a LAN prefix flap through an address change
      n=$((1 + $(r 3))); a=10.212.$((110 + n)).$((1 + $(r 200)))/24
      ip netns exec r11f_r$n ip addr add $a dev r11fl${n}a; sleep $((2 + $(r 3)))
      ip netns exec r11f_r$n ip addr del $a dev r11fl${n}a ;;
  esac
  sleep 1.$(r 10)
done

# ---------------------------------------------------------------- stop
for rt in r3 r2 r1; do
  for d in bgpd ospfd bfdd staticd zebra; do stop_daemon $rt $d; sleep 0.3; done
done
sleep 2
cleanup
cp $LOG "$OUT/frr.log"
