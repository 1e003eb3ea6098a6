#!/bin/bash
# Randomised workload for containerd 1.6.20: daemon log (stderr) at debug level, driven by ctr
# with locally built OCI image archives (mkimage.py). Everything lives in this folder; the only
# TCP port is the metrics listener 127.0.0.1:21090.
D=/work/round29/containerd
LOG=$D/containerd.raw.log
ROUNDS=${ROUNDS:-80}
SOCK=$D/run/containerd.sock
cd $D || exit 1
export TMPDIR=$D/tmp

C="timeout -s KILL 20 ctr -a $SOCK"
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

shim_pids() {  # shims started by this daemon (their command line names our socket)
    for p in /proc/[0-9]*; do
        tr '\0' ' ' < $p/cmdline 2>/dev/null | grep -q -- "-address $SOCK" && echo ${p#/proc/}
    done
}

start_daemon() {
    containerd --config $D/config.toml >> $LOG 2>&1 &
    echo $! > $D/containerd.pid
    for i in $(seq 1 50); do [ -S $SOCK ] && $C version >/dev/null 2>&1 && return; sleep 0.1; done
}
stop_daemon() {  # $1: signal
    local pid=$(cat $D/containerd.pid)
    kill -$1 $pid 2>/dev/null
    for i in $(seq 1 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
}

# fresh state
awk -v d="$D/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r | xargs -r -n1 umount -l
rm -rf $D/root $D/state $D/run $D/tmp $LOG
mkdir -p $D/run $D/tmp $D/images
python3 $D/mkimage.py $D/images

start_daemon

NSS=(default team-a team-b)
$C namespaces create team-a owner=alice >/dev/null 2>&1
$C namespaces create team-b >/dev/null 2>&1
$C namespaces label team-b tier=test >/dev/null 2>&1
for ns in "${NSS[@]}"; do
    for img in bb bbsleep bbfail; do $C -n $ns images import $D/images/$img.tar >/dev/null 2>&1; done
done

N=0
newid() { N=$((N+1)); echo "c$N-$RANDOM"; }
running_ids() { $C -n $1 tasks ls -q 2>/dev/null; }

for r in $(seq 1 $ROUNDS); do
    ns=$(pick "${NSS[@]}")
    ids=($(running_ids $ns))
    id=""; [ ${#ids[@]} -gt 0 ] && id=$(pick "${ids[@]}")
    case $((RANDOM % 35)) in
    0|1|2) opts=$(pick "" "--snapshotter native" "--memory-limit 67108864" "--env A=1 --label app=web" "--cpus 0.5")
        $C -n $ns run -d $opts localhost/bbsleep:latest $(newid) >/dev/null 2>&1 ;;
    3|4) $C -n $ns run --rm localhost/bb:1.0 $(newid) sh -c "$(pick 'echo hi' 'exit 3' 'cat /etc/hostname' 'ls /nope' 'sleep 0.2')" </dev/null >/dev/null 2>&1 ;;
    5) $C -n $ns run --rm localhost/bb:1.0 $(newid) /bin/no-such-cmd </dev/null >/dev/null 2>&1 ;;
    6) $C -n $ns run --rm localhost/bbfail:2 $(newid) </dev/null >/dev/null 2>&1 ;;
    7) $C -n $ns run --rm localhost/doesnotexist:1 $(newid) </dev/null >/dev/null 2>&1 ;;
    8|9) [ -n "$id" ] && $C -n $ns tasks exec --exec-id e$RANDOM $id sh -c "$(pick 'echo x' 'exit 5' 'ps' 'id')" </dev/null >/dev/null 2>&1 ;;
    10) [ -n "$id" ] && $C -n $ns tasks exec --exec-id e$RANDOM $id /bin/absent </dev/null >/dev/null 2>&1 ;;
    11) [ -n "$id" ] && { $C -n $ns tasks pause $id >/dev/null 2>&1; sleep 0.2; $C -n $ns tasks exec --exec-id p$RANDOM $id true </dev/null >/dev/null 2>&1; $C -n $ns tasks resume $id >/dev/null 2>&1; } ;;
    12) [ -n "$id" ] && $C -n $ns tasks resume $id >/dev/null 2>&1 ;;  # not paused
    13|14) [ -n "$id" ] && { $C -n $ns tasks kill -s $(pick SIGTERM SIGKILL SIGINT SIGHUP) $id >/dev/null 2>&1; sleep 0.3
        $C -n $ns tasks delete $id >/dev/null 2>&1; $C -n $ns containers delete $id >/dev/null 2>&1; } ;;
    15) [ -n "$id" ] && $C -n $ns containers delete $id >/dev/null 2>&1 ;;  # refused: task running
    16) [ -n "$id" ] && $C -n $ns tasks delete $id >/dev/null 2>&1 ;;    # refused: running
    17) [ -n "$id" ] && { $C -n $ns tasks ps $id >/dev/null 2>&1; $C -n $ns tasks metrics $id >/dev/null 2>&1; } ;;
    18) [ -n "$id" ] && $C -n $ns tasks checkpoint $id >/dev/null 2>&1 ;;  # no criu
    19) $C -n $ns snapshots ls >/dev/null 2>&1
        [ -n "$id" ] && $C -n $ns snapshots rm $id >/dev/null 2>&1 ;;
    20) $C -n $ns images tag localhost/bb:1.0 localhost/bb:t$((RANDOM%5)) >/dev/null 2>&1
        $C -n $ns images rm localhost/bb:t$((RANDOM%5)) >/dev/null 2>&1
        $C -n $ns images check >/dev/null 2>&1 ;;
    21) $C -n $ns images import $D/images/$(pick garbage.tar corrupt.tar missing.tar notjson.tar nosuch.tar bb.tar) >/dev/null 2>&1 ;;
    22) $C -n $ns content ls >/dev/null 2>&1; $C -n $ns content get sha256:$(printf '%064d' $RANDOM) >/dev/null 2>&1 ;;
    23) l=$($C -n $ns leases create --expires 2s 2>/dev/null | awk '{print $1}')
        $C -n $ns leases ls >/dev/null 2>&1; [ -n "$l" ] && [ $((RANDOM%2)) = 0 ] && $C -n $ns leases delete $l >/dev/null 2>&1 ;;
    24) sp=($(shim_pids)); [ ${#sp[@]} -gt 0 ] && kill -9 $(pick "${sp[@]}") ;;   # shim dies
    25) [ -n "$id" ] && p=$($C -n $ns tasks ls 2>/dev/null | awk -v i=$id '$1==i{print $2}') && [ -n "$p" ] && kill -9 $p ;;  # container init dies
    26) $C -n team-a namespaces rm $(pick team-b team-x) >/dev/null 2>&1
        $C -n 'Bad_NS!' containers ls >/dev/null 2>&1 ;;
    27) printf 'GARBAGE\r\n\x00\x01\x02junk' | timeout 2 socat - UNIX-CONNECT:$SOCK >/dev/null 2>&1
        printf '\x00\x00\x00\x10\x00\x00\x00\x01\x01\x00junkjunkjunk' | timeout 2 socat - UNIX-CONNECT:$SOCK.ttrpc >/dev/null 2>&1 ;;
    28) $C -n $ns containers create localhost/bb:1.0 $(newid) sh >/dev/null 2>&1
        $C -n $ns containers create localhost/bb:1.0 dup$((RANDOM%2)) sh >/dev/null 2>&1 ;;  # duplicate ids fail
    29) [ $((RANDOM%2)) = 0 ] && { stop_daemon $(pick TERM TERM KILL); start_daemon; } ;;
    30) rt=$(pick io.containerd.runc.v1 io.containerd.runtime.v1.linux io.containerd.nosuch.v9)
        $C -n $ns run -d --runtime $rt localhost/bbsleep:latest $(newid) >/dev/null 2>&1
        ;;
    31) timeout -s KILL 5 ctr -a $SOCK -n $ns tasks start $(pick dup0 dup1) </dev/null >/dev/null 2>&1 ;;
    32) k=sn$RANDOM
        $C -n $ns snapshots prepare $k >/dev/null 2>&1
        $C -n $ns snapshots commit $k-done $k >/dev/null 2>&1
        $C -n $ns snapshots view $k-view $(pick $k-done nosuch-parent) >/dev/null 2>&1
        $C -n $ns snapshots label $k-done team=$ns >/dev/null 2>&1
        $C -n $ns snapshots usage >/dev/null 2>&1
        $C -n $ns snapshots rm $(pick $k-done $k-view) >/dev/null 2>&1 ;;
    33) dg=$($C -n $ns content ls -q 2>/dev/null | shuf -n1)
        [ -n "$dg" ] && $C -n $ns content label $dg note=r$RANDOM >/dev/null 2>&1
        [ -n "$dg" ] && [ $((RANDOM%3)) = 0 ] && $C -n $ns content rm $dg >/dev/null 2>&1 ;;
    34) $C -n $ns images label localhost/bbsleep:latest stage=$(pick dev prod) >/dev/null 2>&1
        $C -n $ns images rm localhost/bbfail:2 >/dev/null 2>&1
        $C -n $ns images import $D/images/bbfail.tar >/dev/null 2>&1 ;;
    esac
done

# shutdown: stop every task and container, then the daemon
kill -0 $(cat $D/containerd.pid) 2>/dev/null || start_daemon
for ns in "${NSS[@]}"; do
    for id in $(running_ids $ns); do $C -n $ns tasks kill -s SIGKILL $id >/dev/null 2>&1; done
    sleep 0.5
    for id in $($C -n $ns containers ls -q 2>/dev/null); do
        $C -n $ns tasks delete $id >/dev/null 2>&1; $C -n $ns containers delete $id >/dev/null 2>&1
    done
done
stop_daemon TERM
for p in $(shim_pids); do  # leftovers: container processes, then their shim
    for c in $(ps -o pid= --ppid $p); do kill -9 $c; done
    kill -9 $p
done
for ns in "${NSS[@]}"; do  # empty cgroups of our containers
    for g in /sys/fs/cgroup/*/$ns/c[0-9]*-[0-9]* /sys/fs/cgroup/*/$ns/dup[01]; do [ -d "$g" ] && rmdir "$g" 2>/dev/null; done
done
awk -v d="$D/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r | xargs -r -n1 umount -l
rm -rf $D/root $D/state $D/run $D/tmp $D/images
