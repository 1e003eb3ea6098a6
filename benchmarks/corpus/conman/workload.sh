#!/bin/bash
# Drives conmand 0.2.7 (Debian) with process, unix-socket, telnet and pty-serial consoles;
# its daemon logfile (logfile=...,debug) is conman.log. conmand 0.2.7 writes its logfile only
# when it daemonizes (-F sends messages to stderr instead), so it runs as a daemon here.
# Runs itself inside a private network + mount namespace (loopback only).
D=/work/round41/conman
T=/tmp/round41-r41b/cm
if [ "$1" != inner ]; then
    cd "$D" || exit 1
    mkdir -p $T/home $T/tmp $T/logs $T/xdg/{config,data,cache,run}
    exec unshare -n -m --propagation private bash $D/workload.sh inner
fi
set -m
cd "$T" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data \
       XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/run
LOG=$T/conmand.log
rm -f $LOG $T/logs/console.* $T/conmand.pid
C="-d 127.0.0.1:58700"
CONF=$D/conman.conf
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }
UPID= TPID= SPID= CPID=

start_cm() {
    conmand -c $CONF 2>> $T/stderr.txt
    sleep 1
    CPID=$(cat $T/conmand.pid)
}
stop_cm() {  # $1 = how
    if [ "$1" = k ]; then conmand -k -c $CONF 2>> $T/stderr.txt; else kill -$1 $CPID; fi
    for i in $(seq 20); do [ -d /proc/$CPID ] || break; sleep 0.3; done
}
toggle_unix() {
    if [ -n "$UPID" ] && [ -d /proc/$UPID ]; then kill $UPID; wait $UPID 2>/dev/null; UPID=
    else python3 $D/fakenode.py unix $T/u1.sock $(( 5 + $(r 60) )) & UPID=$!; fi
}
toggle_tel() {
    if [ -n "$TPID" ] && [ -d /proc/$TPID ]; then kill $TPID; wait $TPID 2>/dev/null; TPID=
    else python3 $D/fakenode.py telnet 58701 $(( 60 + $(r 180) )) & TPID=$!; fi
}
con() { pick p1 p1 p1 p2 p3 p4 u1 t1 t1 t2 s1 s1 nosuch; }
one() {
    local c=$(r 100)
    if   [ $c -lt 14 ]; then for k in $(seq $(( 1 + $(r 6) ))); do conman $C -q; done
    elif [ $c -lt 20 ]; then for k in $(seq $(( 1 + $(r 4) ))); do conman $C -q "$(pick 'p*' 'u1' 'x*' 's1,t1')"; done
    elif [ $c -lt 24 ]; then conman $C -r -q "$(pick 'p[0-9]' '^t' 'zz')"
    elif [ $c -lt 40 ]; then python3 $D/cmclient.py $C -j $(con)
    elif [ $c -lt 46 ]; then python3 $D/cmclient.py $C -m $(con)
    elif [ $c -lt 50 ]; then python3 $D/cmclient.py $C -f -j $(con)
    elif [ $c -lt 53 ]; then python3 $D/cmclient.py $C -b -j p1 s1 u1
    elif [ $c -lt 56 ]; then python3 $D/cmclient.py $C -Q -j $(con)
    elif [ $c -lt 59 ]; then python3 $D/cmclient.py $C -j $(con) & sleep 0.4; python3 $D/cmclient.py $C $(pick -j -m "-f -j") p1; wait
    elif [ $c -lt 62 ]; then python3 $D/cmclient.py $C -j p1 -e '#'
    elif [ $c -lt 68 ]; then python3 $D/rawclient.py 58700 $(pick junk half badcmd none)
    elif [ $c -lt 80 ]; then python3 $D/cmclient.py $C -j $(pick t1 u1 s1)
    elif [ $c -lt 83 ]; then conmand -r -c $CONF 2>> $T/stderr.txt
    elif [ $c -lt 85 ]; then conmand -q -c $CONF > /dev/null 2>> $T/stderr.txt
    elif [ $c -lt 87 ]; then kill -HUP $CPID
    elif [ $c -lt 89 ]; then conmand -z -c $CONF 2>> $T/stderr.txt
    else sleep 0.$(r 9)
    fi > /dev/null 2>&1
}

python3 $D/fakenode.py pty $T/ttyfake 100000 & SPID=$!
toggle_tel
sleep 2
for round in 1 2 3 4 5 6; do
    start_cm
    n=$(( 30 + $(r 30) ))
    for i in $(seq $n); do
        case $(r 25) in
            0) toggle_unix ;;
            1) toggle_tel ;;
        esac
        one & o1=$!
        one & o2=$!
        [ $(r 2) = 0 ] && { sleep 0.$(r 9); one & o3=$!; wait $o3; }
        wait $o1 $o2
        sleep 0.$(r 6)
    done
    sleep $(( 1 + $(r 3) ))
    stop_cm $(pick TERM k INT TERM)
done
for p in $UPID $TPID $SPID; do kill $p 2>/dev/null; wait $p 2>/dev/null; done
# keep at most 2500 lines (first ones)
sed -n '1,2500p' $LOG > $D/conman.log
