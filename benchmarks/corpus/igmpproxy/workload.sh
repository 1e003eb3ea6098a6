#!/bin/bash
# Randomised workload for igmpproxy 0.3 (Debian 12 package), run as root.
# Namespaces: r31b-i1 runs igmpproxy (-d -vv: every message on stderr, appended to
# igmpproxy.raw.log); r31b-i2 is the upstream network (10.32.0.0/24), r31b-i3 holds the
# downstream hosts (10.33.0.0/24 on dn0, 10.34.0.0/24 on dn1, 10.35.0.0/24 on dn2).
# This machine's kernel has no IPv4 multicast routing, so igmpproxy is started with the
# LD_PRELOAD stub built from mrtstub.c (MRT_* socket options answered with success); a few
# runs go without it and stop where the real kernel refuses.
# usage: workload.sh [ROUNDS]
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31b/igmp
LOG=$T/igmpproxy.raw.log
ROUNDS=${1:-6}
mkdir -p "$T"
R() { echo $((RANDOM % $1)); }
I1=r31b-i1; I2=r31b-i2; I3=r31b-i3
[ -f $T/mrtstub.so ] || gcc -shared -fPIC -O2 -o $T/mrtstub.so "$D/mrtstub.c" -ldl

setup() {
    ip netns list | grep -q "^$I1" && return
    ip netns add $I1; ip netns add $I2; ip netns add $I3
    ip link add r31bi1up type veth peer name r31bi2; ip link set r31bi1up netns $I1; ip link set r31bi2 netns $I2
    ip link add r31bi1d0 type veth peer name r31bi3a; ip link set r31bi1d0 netns $I1; ip link set r31bi3a netns $I3
    ip link add r31bi1d1 type veth peer name r31bi3b; ip link set r31bi1d1 netns $I1; ip link set r31bi3b netns $I3
    ip -n $I1 link set r31bi1up name up0; ip -n $I1 link set r31bi1d0 name dn0; ip -n $I1 link set r31bi1d1 name dn1
    ip -n $I2 link set r31bi2 name eth0; ip -n $I3 link set r31bi3a name eth0; ip -n $I3 link set r31bi3b name eth1
    ip -n $I1 addr add 10.32.0.1/24 dev up0; ip -n $I1 addr add 10.33.0.1/24 dev dn0; ip -n $I1 addr add 10.34.0.1/24 dev dn1
    ip -n $I2 addr add 10.32.0.2/24 dev eth0; ip -n $I3 addr add 10.33.0.2/24 dev eth0; ip -n $I3 addr add 10.34.0.2/24 dev eth1
    for n in $I1 $I2 $I3; do
        for d in $(ip -n $n -o link | awk -F': ' '{print $2}' | cut -d@ -f1); do ip -n $n link set $d up; done
    done
    ip -n $I3 route add 224.0.0.0/4 dev eth0
}
dn2_add() {   # a third downstream link, added and removed while igmpproxy runs
    ip -n $I1 link show dn2 > /dev/null 2>&1 && return
    ip link add r31bi1d2 type veth peer name r31bi3c
    ip link set r31bi1d2 netns $I1; ip link set r31bi3c netns $I3
    ip -n $I1 link set r31bi1d2 name dn2; ip -n $I3 link set r31bi3c name eth2
    ip -n $I1 addr add 10.35.0.1/24 dev dn2; ip -n $I3 addr add 10.35.0.2/24 dev eth2
    ip -n $I1 link set dn2 up; ip -n $I3 link set eth2 up
}
dn2_del() { ip -n $I1 link del dn2 2>/dev/null; }

SEND="python3 $D/igmp_send.py"
grp() { echo "239.$((1 + $(R 3))).$(R 4).$((1 + $(R 30)))"; }
host() { echo "10.$1.0.$((2 + $(R 60)))"; }

write_conf() {   # a valid configuration, drawn at random
    local f=$T/igmpproxy.conf
    : > $f
    [ $(R 3) -ne 0 ] && echo "quickleave" >> $f
    if grep -q quickleave $f && [ $(R 3) -eq 0 ]; then echo "hashtablesize $((16 << $(R 4)))" >> $f; fi
    [ $(R 3) -eq 0 ] && echo "defaultdown" >> $f
    [ $(R 5) -eq 0 ] && echo "rescanvif" >> $f
    echo "" >> $f
    echo "phyint up0 upstream  ratelimit $(R 2)  threshold $((1 + $(R 3)))" >> $f
    echo "        altnet 10.32.0.0/16" >> $f
    [ $(R 2) -eq 0 ] && echo "        altnet 192.168.$(R 255).0/24" >> $f
    [ $(R 3) -ne 0 ] && echo "        whitelist 239.1.0.0/16" >> $f
    [ $(R 2) -eq 0 ] && echo "        whitelist 239.3.0.0/16" >> $f
    echo "" >> $f
    echo "phyint dn0 downstream  ratelimit 0  threshold 1" >> $f
    [ $(R 4) -eq 0 ] && echo "        whitelist 239.1.0.0/16" >> $f
    if [ $(R 4) -eq 0 ]; then
        echo "phyint dn1 disabled" >> $f
    else
        echo "phyint dn1 downstream  ratelimit 0  threshold $((1 + $(R 2)))" >> $f
    fi
    case $(R 3) in
        0) echo "phyint dn2 disabled" >> $f ;;
        1) echo "phyint dn2 downstream" >> $f ;;
    esac
    echo "phyint lo disabled" >> $f
    echo $f
}

bad_conf() {   # a run that stops in the configuration
    local f=$T/bad.conf
    case $(R 13) in
        0) f=$T/missing-$(R 99).conf ;;
        1) : > $f ;;
        2) printf 'quickleave\nphyint up0 upstream ratelimit -%d threshold 1\n' $((1 + $(R 9))) > $f ;;
        3) printf 'phyint up0 upstream threshold %d\nphyint dn0 downstream\n' $((256 + $(R 900))) > $f ;;
        4) printf 'phyint up0 upstream\n  altnet 10.32.0.0/%d\nphyint dn0 downstream\n' $((33 + $(R 60))) > $f ;;
        5) printf 'phyint up0 upstream\n  whitelist 239.%d.0.0x/16\nphyint dn0 downstream\n' $(R 200) > $f ;;
        6) printf 'phyint up0 upstream\nphyint dn0 downstream\nmaxgroups %d\n' $(R 100) > $f ;;
        7) printf 'hashtablesize 64\nquickleave\nphyint up0 upstream\nphyint dn0 downstream\n' > $f ;;
        8) printf 'quickleave\nhashtablesize %d\nphyint up0 upstream\nphyint dn0 downstream\n' $((0 - $(R 5))) > $f ;;
        9) printf 'phyint up0 downstream\nphyint dn0 downstream\nphyint dn1 downstream\n' > $f ;;
        10) printf 'phyint up0 upstream ratelimit 0 threshold 1 fastleave\nphyint dn0 downstream\n' > $f ;;
        11) printf 'phyint averyverylongname%d upstream\nphyint dn0 downstream\n' $(R 9) > $f ;;
        12) printf 'quickleave\nphyint up0 upstream\nphyint dn0 downstream\n' > $f
            timeout 5 ip netns exec $I1 /usr/sbin/igmpproxy -d -vv $f >> "$LOG" 2>&1   # no stub: real kernel
            return ;;
    esac
    timeout 5 ip netns exec $I1 env LD_PRELOAD=$T/mrtstub.so /usr/sbin/igmpproxy -d -vv $f >> "$LOG" 2>&1
}

traffic_step() {
    local g; g=$(grp)
    case $(R 24) in
        0|1|2|3) ip netns exec $I3 $SEND eth0 $(host 33) v2report $g $((1 + $(R 3))) ;;
        4|5) ip netns exec $I3 $SEND eth1 $(host 34) v2report $g $((1 + $(R 2))) ;;
        6) ip netns exec $I3 $SEND eth0 $(host 33) v1report $g ;;
        7|8) ip netns exec $I3 $SEND eth$(R 2) $(host $((33 + $(R 2)))) v3report $g ;;
        9|10) ip netns exec $I3 $SEND eth0 $(host 33) leave $g ;;
        11) ip netns exec $I3 $SEND eth1 $(host 34) v3leave $g ;;
        12) ip netns exec $I3 $SEND eth0 $(host 33) v3multi $g ;;
        13) ip netns exec $I3 $SEND eth0 $(host 33) v3block $g ;;
        14) ip netns exec $I3 $SEND eth0 $(host 33) v3unknown $g ;;
        15) ip netns exec $I3 $SEND eth0 $(host 33) $(shuf -n1 -e unknown short v3short) $g ;;
        16) ip netns exec $I3 $SEND eth0 $(host 33) v2report $(shuf -n1 -e 10.1.2.3 192.168.7.7 224.0.0.$((3 + $(R 200))) 1.1.1.1) ;;
        17) ip netns exec $I3 $SEND eth0 $(host $(shuf -n1 -e 99 77 45)) v2report $g ;;
        18) ip netns exec $I2 $SEND eth0 10.32.0.$((2 + $(R 9))) $(shuf -n1 -e v2report leave query v3report) $g ;;
        19) ip netns exec $I3 $SEND eth0 $(host 35) $(shuf -n1 -e v2report leave) $g ;;
        20) ip netns exec $I3 $SEND eth0 $(host 33) query 0.0.0.0 ;;
        21) # a real host joins and later leaves groups through the kernel
            ip netns exec $I3 python3 -c "
import socket, struct, time, random
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for g in random.sample(range(1, 30), random.randint(1, 3)):
    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, struct.pack('4s4s', socket.inet_aton('239.1.0.%d' % g), socket.inet_aton('10.33.0.2')))
time.sleep(random.uniform(2, 8))
" & ;;
        22) # many groups at once: more joins upstream than one socket may hold
            local n
            for n in $(seq $((5 + $(R 25)))); do
                ip netns exec $I3 $SEND eth0 $(host 33) v2report 239.1.9.$n 1 0.01
            done ;;
        23) sleep $((1 + $(R 4))) ;;
    esac
}

run_proxy() {
    local conf; conf=$(write_conf)
    ip netns exec $I1 env LD_PRELOAD=$T/mrtstub.so /usr/sbin/igmpproxy -d -vv "$conf" >> "$LOG" 2>&1 &
    local pid=$! steps=$((20 + $(R 60))) i
    grep -q rescanvif "$conf" && steps=$((5 + $(R 8)))   # rescanvif logs every interface each second
    sleep 1
    for ((i = 0; i < steps; i++)); do
        kill -0 $pid 2>/dev/null || break
        traffic_step
        case $(R 40) in
            0) dn2_add ;;
            1) dn2_del ;;
            2) ip -n $I1 addr add 10.36.$(R 9).1/24 dev dn1 2>/dev/null ;;
        esac
        sleep 0.$(R 10)
    done
    [ $(R 3) -eq 0 ] && ! grep -q rescanvif "$conf" && sleep $((10 + $(R 20)))   # let the routes age
    kill -$(shuf -n1 -e TERM TERM INT) $pid 2>/dev/null
    sleep 1; kill -KILL $pid 2>/dev/null; wait $pid 2>/dev/null
    ip -n $I1 -o addr show dev dn1 | awk '/10\.36\./ {print $4}' | while read a; do ip -n $I1 addr del $a dev dn1; done
}

setup
for ((r = 0; r < ROUNDS; r++)); do
    for ((b = $(R 4); b > 0; b--)); do bad_conf; done
    [ $(R 6) -eq 0 ] && { timeout 5 ip netns exec $I1 /usr/sbin/igmpproxy -d -vv >> "$LOG" 2>&1; }
    [ $(R 2) -eq 0 ] && dn2_add || dn2_del
    run_proxy
done
dn2_del
