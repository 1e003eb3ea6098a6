#!/bin/bash
# Drives powermand 2.3.27 (Debian) with vpcd simulators; writes powerman.log.
# Runs itself inside a private network + mount namespace (loopback only).
D=/work/round41/powerman
T=/tmp/round41-r41b/pm
if [ "$1" != inner ]; then
    cd "$D" || exit 1
    mkdir -p $T/home $T/tmp $T/xdg/{config,data,cache,run}
    exec unshare -n -m --propagation private bash $D/workload.sh inner
fi
set -m
cd "$D" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data \
       XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/run
RAW=$T/raw.log
: > $RAW
H="-h 127.0.0.1:58500"
r() { echo $(( RANDOM % $1 )); }
PM_PID=
NET0=
NET1=

start_pm() {
    /usr/sbin/powermand -c $D/powerman.conf -f -d 0x3f >> $RAW 2>&1 &
    PM_PID=$!
    sleep 1.5
}
stop_pm() {  # $1 = signal
    kill -$1 $PM_PID; wait $PM_PID 2>/dev/null; PM_PID=
}
start_net0() { python3 $D/vpcnet.py 58510 & NET0=$!; }
start_net1() { python3 $D/vpcnet.py 58511 & NET1=$!; }
stop_net() {  # $1 = pid; kill the server and its forked sessions (its process group)
    kill -TERM -- -$1 2>/dev/null; kill -TERM $1 2>/dev/null; wait $1 2>/dev/null
}
kill_a_vpcd() {  # a vpcd that is a direct child of our powermand
    local kids pid
    kids=$(cat /proc/$PM_PID/task/*/children 2>/dev/null)
    for pid in $(echo $kids | tr ' ' '\n' | shuf); do
        if [ "$(cat /proc/$pid/comm 2>/dev/null)" = vpcd ]; then
            kill -$1 $pid; return
        fi
    done
}
nodes() {
    local set=(t u v w x) p=$(r 5)
    case $(r 4) in
        0) echo "${set[$p]}$(r 8)" ;;
        1) local a=$(r 6); echo "${set[$p]}[$a-$((a + 1 + $(r 3)))]" ;;
        2) echo "${set[$p]}$(r 4),${set[$(r 5)]}$(r 4)" ;;
        3) echo "${set[$p]}[0-3]" ;;
    esac
}
one_cmd() {
    local c=$(r 100) n=$(nodes)
    if   [ $c -lt 18 ]; then pm $H -q
    elif [ $c -lt 30 ]; then pm $H -Q "$n"
    elif [ $c -lt 40 ]; then pm $H -1 "$n"
    elif [ $c -lt 50 ]; then pm $H -0 "$n"
    elif [ $c -lt 55 ]; then pm $H -c "$n"
    elif [ $c -lt 59 ]; then pm $H -r "$n"
    elif [ $c -lt 63 ]; then pm $H -f "$n"
    elif [ $c -lt 66 ]; then pm $H -u "$n"
    elif [ $c -lt 70 ]; then pm $H -b
    elif [ $c -lt 73 ]; then pm $H -B "$n"
    elif [ $c -lt 76 ]; then pm $H -t
    elif [ $c -lt 79 ]; then pm $H -P "$n"
    elif [ $c -lt 83 ]; then pm $H -l
    elif [ $c -lt 86 ]; then pm $H -D
    elif [ $c -lt 89 ]; then pm $H -T -Q "$n"
    elif [ $c -lt 91 ]; then pm $H -x -q
    elif [ $c -lt 94 ]; then pm $H -Q "nosuch$(r 9)"
    elif [ $c -lt 96 ]; then pm $H -1 "t[5-"
    elif [ $c -lt 98 ]; then python3 $D/rawclient.py "bogus$(r 50)" "status t$(r 16)" "quit"
    else python3 $D/rawclient.py "on u$(r 16)"
    fi
}

# bad configurations first
for c in bad bad3 bad4; do
    /usr/sbin/powermand -c $D/$c.conf -f -d 0x3f >> $RAW 2>&1
done

start_net0
start_net1
for round in 1 2 3 4 5; do
    start_pm
    n=$(( 5 + $(r 9) ))
    for i in $(seq $n); do
        one_cmd > /dev/null 2>&1
        case $(r 30) in
            0) kill_a_vpcd TERM ;;
            1) kill_a_vpcd KILL ;;
            2) if [ -n "$NET0" ]; then stop_net $NET0; NET0=; else start_net0; fi ;;
            3) if [ -n "$NET1" ]; then stop_net $NET1; NET1=; else start_net1; fi ;;
            4) kill -HUP $PM_PID ;;
        esac
        sleep 0.$(r 9)$(r 9)
    done
    sleep $(( 2 + $(r 4) ))
    if [ $round = 3 ]; then stop_pm INT; else stop_pm TERM; fi
done
[ -n "$NET0" ] && stop_net $NET0
[ -n "$NET1" ] && stop_net $NET1

# keep at most 2500 lines (first ones)
sed -n '1,2500p' $RAW > $D/powerman.log
