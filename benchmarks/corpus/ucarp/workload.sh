#!/bin/bash
# Randomised workload for ucarp (Debian 12 package), run as root.
# Two network namespaces joined by a veth pair: r31b-u1 runs the logged ucarp (foreground,
# --debug, syslog off, stdout/stderr appended to ucarp.raw.log), r31b-u2 runs a real peer
# ucarp (output discarded) and the fake CARP peer carp_inject.py.
# usage: workload.sh [ROUNDS]
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31b/ucarp
LOG=$T/ucarp.raw.log
ROUNDS=${1:-10}
mkdir -p "$T"
U1=r31b-u1
U2=r31b-u2
R() { echo $((RANDOM % $1)); }

setup() {
    ip netns list | grep -q "^$U1" && return
    ip netns add $U1; ip netns add $U2
    ip link add r31bu1 type veth peer name r31bu2
    ip link set r31bu1 netns $U1; ip link set r31bu2 netns $U2
    ip -n $U1 link set r31bu1 name eth0; ip -n $U2 link set r31bu2 name eth0
    ip -n $U1 addr add 10.31.0.1/24 dev eth0; ip -n $U2 addr add 10.31.0.2/24 dev eth0
    for n in $U1 $U2; do ip -n $n link set eth0 up; ip -n $n link set lo up; done
}

# up/down scripts: one good pair, one not executable; a missing path is used too
cat > $T/vip-up.sh <<'EOF'
#!/bin/sh
echo "$(date +%s) up $*" >> /tmp/round31-r31b/ucarp/scripts.out
exit 0
EOF
cat > $T/vip-down.sh <<'EOF'
#!/bin/sh
echo "$(date +%s) down $*" >> /tmp/round31-r31b/ucarp/scripts.out
exit 0
EOF
cp $T/vip-up.sh $T/noexec-up.sh; cp $T/vip-down.sh $T/noexec-down.sh
chmod 755 $T/vip-up.sh $T/vip-down.sh; chmod 644 $T/noexec-up.sh $T/noexec-down.sh
echo "secret" > $T/pass.txt; : > $T/empty.txt

setup
PEER=""
MAIN=""

ucarp_main() {  # run the logged ucarp in the background
    ip netns exec $U1 stdbuf -oL /usr/sbin/ucarp "$@" >> "$LOG" 2>&1 &
    MAIN=$!
}
ucarp_once() {  # a run that is expected to stop on its own (configuration errors)
    timeout 8 ip netns exec $U1 stdbuf -oL /usr/sbin/ucarp "$@" >> "$LOG" 2>&1
}
peer_start() {
    peer_stop
    ip netns exec $U2 /usr/sbin/ucarp -i eth0 -s 10.31.0.2 -v 7 -p secret -a 10.31.0.100 \
        -b "$1" -k "$2" $3 -f none -z > /dev/null 2>&1 &
    PEER=$!
}
peer_stop() {
    [ -n "$PEER" ] && kill "$PEER" 2>/dev/null && wait "$PEER" 2>/dev/null
    PEER=""
}
inject() {  # kind count [opts]
    ip netns exec $U2 python3 "$D/carp_inject.py" eth0 "$@" 2>/dev/null
}

bad_config() {
    case $(R 16) in
        0) ucarp_once -i eth0 -s 10.31.0.300 -v 7 -p secret -a 10.31.0.100 -D -f none ;;
        1) ucarp_once -i eth0 -s 10.31.0.1 -v $((256 + $(R 500))) -p secret -a 10.31.0.100 -D -f none ;;
        2) ucarp_once -i eth0 -s 10.31.0.1 -v 7 -a 10.31.0.100 -D -f none ;;
        3) ucarp_once -i eth0 -s 10.31.0.1 -v 7 -o $T/nonexistent-$(R 99).txt -a 10.31.0.100 -D -f none ;;
        4) ucarp_once -i eth0 -s 10.31.0.1 -v 7 -o $T/empty.txt -a 10.31.0.100 -D -f none ;;
        5) ucarp_once -i eth0 -v 7 -p secret -a 10.31.0.100 -D -f none ;;
        6) ucarp_once -i eth0 -s 10.31.0.1 -v 7 -p secret -D -f none ;;
        7) ucarp_once -i eth0 -s 10.31.0.1 -v 7 -p secret -a 10.31.0.100 -r 0 -D -f none -u $T/vip-up.sh -d $T/vip-down.sh ;;
        8) ucarp_once -i eth$((1 + $(R 9))) -s 10.31.0.1 -v 7 -p secret -a 10.31.0.100 -D -f none -u $T/vip-up.sh -d $T/vip-down.sh ;;
        9) ucarp_once -i averyveryverylongifname$(R 9) -s 10.31.0.1 -v 7 -p secret -a 10.31.0.100 -D -f none ;;
        10) ucarp_once -i eth0 -s 10.31.0.1 -v 7 -p secret -a 10.31.0.1x -D -f none ;;
        11) ucarp_once -i eth0 -s 10.31.0.1 -v 7 -p secret -a 10.31.0.100 --mcast=224.0.0.x -D -f none ;;
        12) ucarp_once -i eth0 -s 10.31.0.1 -v 7 -p abcdefghijklmnopqrstuvwxyz$(R 99) -a 10.31.0.100 -D -f none -u $T/vip-up.sh -d $T/vip-down.sh ;;
        13) ucarp_once -i eth0 -s 10.31.0.$((40 + $(R 50))) -v 7 -p secret -a 10.31.0.100 -D -f none -u $T/vip-up.sh -d $T/vip-down.sh ;;
        14) ucarp_once -i eth0 -s 10.31.0.1 -p secret -a 10.31.0.100 -D -f none ;;
        15) ucarp_once -i eth0 -s 10.31.0.1 -v 7 -p secret -a 10.31.0.100 -b 0 -k 0 -D -f none ;;
    esac
}

one_round() {
    local opts=(-i eth0 -s 10.31.0.1 -v 7 -a 10.31.0.100 -D)
    [ $(R 3) -eq 0 ] && opts=(-s 10.31.0.1 -v 7 -a 10.31.0.100 -D)   # interface found by pcap
    if [ $(R 4) -eq 0 ]; then opts+=(-o $T/pass.txt); else opts+=(-p secret); fi
    case $(R 6) in
        0) opts+=(-f bogus$(R 9)) ;;      # unknown facility, then syslog off
        *) ;;
    esac
    opts+=(-f none)
    local base=$((1 + $(R 2))) skew=$(R 120)
    opts+=(-b $base -k $skew -r $((2 + $(R 3))))
    [ $(R 2) -eq 0 ] && opts+=(-P)
    [ $(R 3) -eq 0 ] && opts+=(-n)
    [ $(R 4) -ne 0 ] && opts+=(-z)
    [ $(R 3) -eq 0 ] && opts+=(-x "vip$(R 50)")
    local ignore=0
    [ $(R 4) -eq 0 ] && { opts+=(-S); ignore=1; }
    case $(R 8) in
        0) ;;
        1) opts+=(-u $T/noexec-up.sh -d $T/noexec-down.sh) ;;
        2) opts+=(-u $T/missing-up.sh -d $T/vip-down.sh) ;;
        *) opts+=(-u $T/vip-up.sh -d $T/vip-down.sh) ;;
    esac
    ucarp_main "${opts[@]}"
    sleep $((1 + $(R 4)))
    local steps=$((8 + $(R 25))) i
    for ((i = 0; i < steps; i++)); do
        kill -0 $MAIN 2>/dev/null || break
        case $(R 20) in
            0|1) inject badttl $((1 + $(R 2))) ;;
            3) inject badversion $((1 + $(R 2))) ;;
            4|5) inject othervhid $((1 + $(R 3))) ;;
            6) inject othermcast $((1 + $(R 2))) ;;
            7) inject badcksum 1 ;;
            8|9) inject baddigest $((1 + $(R 2))) ;;
            10) inject short $((1 + $(R 2))) ;;
            11) inject good $((1 + $(R 4))) advbase=$((base + 1 + $(R 3))) advskew=$(R 200) ;;
            12) inject good $((1 + $(R 4))) advbase=$base advskew=0 src=10.31.0.0 ;;
            13) inject good $((1 + $(R 3))) advbase=$((base * 5 + 2)) advskew=0 ;;
            14) peer_start $base $(R 200) "$([ $(R 2) -eq 0 ] && echo -P)"; sleep $((2 + $(R 6))) ;;
            15) peer_stop; sleep $((2 + $(R 5))) ;;
            16) kill -USR1 $MAIN; sleep 1 ;;
            17) kill -USR2 $MAIN; sleep $((1 + $(R 4))) ;;
            18) ip -n $U2 link set eth0 down; sleep $((2 + $(R 4))); ip -n $U2 link set eth0 up ;;
            19) inject otherproto 1 ;;
        esac
        sleep 0.$(R 10)
    done
    peer_stop
    if [ $(R 6) -eq 0 ]; then
        ip -n $U1 link set eth0 down; sleep 3; ip -n $U1 link set eth0 up
        ip -n $U1 addr replace 10.31.0.1/24 dev eth0
    fi
    case $(R 5) in
        0) kill -INT $MAIN 2>/dev/null ;;
        1) kill -HUP $MAIN 2>/dev/null ;;
        *) kill -TERM $MAIN 2>/dev/null ;;
    esac
    sleep 1
    kill -KILL $MAIN 2>/dev/null
    wait $MAIN 2>/dev/null
}

for ((r = 0; r < ROUNDS; r++)); do
    for ((b = 1 + $(R 3); b > 0; b--)); do bad_config; done
    if [ $(R 8) -eq 0 ]; then   # run on the loopback interface (not ethernet)
        ucarp_main -i lo -s 10.31.0.1 -v 7 -p secret -a 10.31.0.100 -D -f none -z -b 1
        sleep $((2 + $(R 3))); kill -TERM $MAIN; wait $MAIN 2>/dev/null
    fi
    one_round
done
peer_stop
