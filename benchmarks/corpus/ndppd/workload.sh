#!/bin/bash
# Randomised workload for ndppd 0.2.5 (Debian 12 package), run as root.
# Namespaces: r31b-n1 runs ndppd in the foreground with -vvvv (every level, written to
# stdout/stderr and appended to ndppd.raw.log); r31b-n2 is the upstream router on ext0
# (2001:db8::/64), r31b-n3 holds the hosts behind int0 (2001:db8:1::/64) and int1
# (2001:db8:2::/64).
# usage: workload.sh [ROUNDS]
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31b/ndppd
LOG=$T/ndppd.raw.log
ROUNDS=${1:-8}
mkdir -p "$T"
R() { echo $((RANDOM % $1)); }
N1=r31b-n1; N2=r31b-n2; N3=r31b-n3
ND="python3 $D/nd_send.py"

addrs() {  # (re)add the addresses: IPv6 addresses go away when a link goes down
    ip -n $N1 -6 addr replace 2001:db8::1/64 dev ext0 nodad
    ip -n $N1 -6 addr replace 2001:db8:1::1/64 dev int0 nodad
    ip -n $N1 -6 addr replace 2001:db8:2::1/64 dev int1 nodad
    ip -n $N2 -6 addr replace 2001:db8::2/64 dev eth0 nodad
    ip -n $N2 -6 route replace 2001:db8::/32 dev eth0
    for i in $(seq 16 40); do ip -n $N3 -6 addr replace 2001:db8:1::$(printf %x $i)/64 dev eth0 nodad; done
    for i in $(seq 16 30); do ip -n $N3 -6 addr replace 2001:db8:2::$(printf %x $i)/64 dev eth1 nodad; done
    ip -n $N3 -6 route replace default via 2001:db8:1::1 dev eth0
}

setup() {
    ip netns list | grep -q "^$N1" && return
    for n in $N1 $N2 $N3; do ip netns add $n; done
    ip link add r31bn1e type veth peer name r31bn2; ip link set r31bn1e netns $N1; ip link set r31bn2 netns $N2
    ip link add r31bn1i type veth peer name r31bn3; ip link set r31bn1i netns $N1; ip link set r31bn3 netns $N3
    ip link add r31bn1j type veth peer name r31bn3j; ip link set r31bn1j netns $N1; ip link set r31bn3j netns $N3
    ip -n $N1 link set r31bn1e name ext0; ip -n $N1 link set r31bn1i name int0; ip -n $N1 link set r31bn1j name int1
    ip -n $N2 link set r31bn2 name eth0; ip -n $N3 link set r31bn3 name eth0; ip -n $N3 link set r31bn3j name eth1
    for n in $N1 $N2 $N3; do
        for d in $(ip -n $n -o link | awk -F': ' '{print $2}' | cut -d@ -f1); do ip -n $n link set $d up; done
    done
    addrs
}

good_conf() {
    local f=$T/ndppd.conf
    {
        echo "route-ttl $((5000 + 1000 * $(R 30)))"
        echo "proxy ext0 {"
        echo "    router $(shuf -n1 -e yes yes no)"
        echo "    timeout $((200 + 100 * $(R 8)))"
        echo "    ttl $((3000 + 1000 * $(R 20)))"
        echo "    rule 2001:db8:1::/64 {"
        echo "        iface int0"
        echo "    }"
        case $(R 3) in
            0) printf '    rule 2001:db8:2::/64 {\n        auto\n    }\n' ;;
            1) printf '    rule 2001:db8:2::/64 {\n        iface int1\n    }\n' ;;
        esac
        [ $(R 2) -eq 0 ] && printf '    rule 2001:db8:3::%x/128 {\n        static\n    }\n' $((1 + $(R 200)))
        [ $(R 3) -eq 0 ] && printf '    rule 2001:db8:4::/%d {\n        static\n    }\n' $((64 + 8 * $(R 8)))
        [ $(R 4) -eq 0 ] && printf '    rule 2001:db8:5::/64 {\n    }\n'
        echo "}"
        if [ $(R 3) -eq 0 ]; then
            printf 'proxy int0 {\n    rule 2001:db8::/64 {\n        iface ext0\n    }\n}\n'
        fi
    } > $f
    echo $f
}

bad_run() {
    local f=$T/bad.conf
    case $(R 12) in
        0) f=$T/missing-$(R 99).conf ;;
        1) printf 'proxy ext0 {\n    rule 2001:db8:1::/64 {\n        iface int0\n' > $f ;;
        2) printf 'proxy {\n    rule 2001:db8:1::/64 {\n        iface int0\n    }\n}\n' > $f ;;
        3) printf 'proxy ext0 {\n    rule {\n        iface int0\n    }\n}\n' > $f ;;
        4) printf 'proxy ext0 {\n    rule 2001:db8:1::/64 {\n        iface int0\n        auto\n    }\n}\n' > $f ;;
        5) printf 'proxy ext%d {\n    rule 2001:db8:1::/64 {\n        iface int0\n    }\n}\n' $((1 + $(R 9))) > $f ;;
        6) printf 'proxy ext0 {\n    rule 2001:db8:1::/64 {\n        iface int%d\n    }\n}\n' $((5 + $(R 9))) > $f ;;
        7) printf 'proxy ext0 {\n    rule 2001:db8:1::/64 {\n        iface\n    }\n}\n' > $f ;;
        8) printf 'proxy ext0 {\n    rule 2001:db8:1::/64 {\n        static\n        auto\n    }\n}\n' > $f ;;
        9) printf 'proxy ext0 }\n' > $f ;;
        10) printf 'proxy ext0 {\n    rule 2001:db8:1::/64 { iface int0 }\n    router maybe\n}\n' > $f ;;
        11) printf 'proxy ext0 {\n    rule 2001:db8:1::/64 {\n        iface int0\n    }\n}\n' > $f
            ip -n $N1 link set int0 down ;;
    esac
    timeout 4 ip netns exec $N1 /usr/sbin/ndppd -c $f -p $T/ndppd.pid -vvvv >> "$LOG" 2>&1
    ip -n $N1 link set int0 up; addrs
}

host_addr() {  # an address behind a proxied prefix: mostly existing hosts, some not
    case $(R 10) in
        0|1|2|3|4) printf '2001:db8:1::%x' $((16 + $(R 25))) ;;
        5|6) printf '2001:db8:1::%x' $((100 + $(R 3000))) ;;
        7) printf '2001:db8:2::%x' $((16 + $(R 20))) ;;
        8) printf '2001:db8:3::%x' $((1 + $(R 200))) ;;
        9) printf '2001:db8:%x::%x' $((4 + $(R 3))) $((1 + $(R 300))) ;;
    esac
}

traffic_step() {
    case $(R 14) in
        0|1|2|3) ip netns exec $N2 $ND poke $(for i in $(seq $((1 + $(R 4)))); do host_addr; done) ;;
        4|5) ip netns exec $N2 $ND ns eth0 $(host_addr) $((1 + $(R 3))) ;;
        6) ip -n $N2 neigh flush dev eth0 ;;
        7) # a new address on the upstream router: duplicate address detection
           ip -n $N2 -6 addr add 2001:db8::$(printf %x $((100 + $(R 900))))/64 dev eth0 2>/dev/null ;;
        8) ip netns exec $N3 $ND na eth0 $(host_addr) ff02::1 ;;
        9) ip netns exec $N3 $ND poke 2001:db8::$(printf %x $((2 + $(R 40)))) ;;
        10) ip netns exec $N2 $ND ns eth0 2001:db8::$(printf %x $((1 + $(R 3)))) ;;
        11) ip -n $N3 link set eth0 down; sleep 0.$(R 10); ip -n $N3 link set eth0 up; addrs ;;
        12) sleep $((1 + $(R 3))) ;;
        13) ip netns exec $N2 $ND poke $(host_addr) $(host_addr); sleep 1; ip netns exec $N2 $ND poke $(host_addr) ;;
    esac
}

run_ndppd() {
    local conf; conf=$(good_conf)
    ip netns exec $N1 /usr/sbin/ndppd -c $conf -p $T/ndppd.pid -vvvv >> "$LOG" 2>&1 &
    local pid=$! steps=$((15 + $(R 40))) i
    sleep 1
    for ((i = 0; i < steps; i++)); do
        kill -0 $pid 2>/dev/null || break
        traffic_step
        sleep 0.$(R 10)
    done
    [ $(R 4) -eq 0 ] && { ip -n $N1 link set int0 down; sleep 1; ip -n $N1 link set int0 up; addrs; }
    kill -$(shuf -n1 -e TERM TERM INT) $pid 2>/dev/null
    sleep 1; kill -KILL $pid 2>/dev/null; wait $pid 2>/dev/null
    ip -n $N2 -6 addr show dev eth0 | awk '/2001:db8::[0-9a-f]+\/64/ && !/2001:db8::2\// {print $2}' |
        while read a; do ip -n $N2 -6 addr del $a dev eth0; done
}

setup; addrs
for ((r = 0; r < ROUNDS; r++)); do
    for ((b = $(R 3); b > 0; b--)); do bad_run; done
    run_ndppd
done
