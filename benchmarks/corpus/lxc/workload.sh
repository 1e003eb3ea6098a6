#!/bin/bash
# Randomised workload for LXC 5.0.2: all tools log into one file at DEBUG.
# Containers live in a private lxcpath inside this folder; no network (type empty / none).
D=/work/round29/lxc
P=$D/ct
LOG=$D/lxc.raw.log
PRI=${PRI:-DEBUG}
ROUNDS=${ROUNDS:-60}
cd $D || exit 1
rm -f $LOG
L=(-P $P --logfile $LOG --logpriority $PRI)
T="timeout 25"

# clean previous state
for c in $(ls $P 2>/dev/null); do
    $T lxc-stop -P $P -n $c -k >/dev/null 2>&1
    lxc-destroy -P $P -n $c -s -f >/dev/null 2>&1
done
rm -rf $P; mkdir -p $P

cat > $D/base.conf <<'EOF'
lxc.net.0.type = empty
lxc.apparmor.profile = unconfined
EOF

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

# create containers from the busybox template
NAMES=()
for n in bb1 bb2 bb3; do
    $T lxc-create "${L[@]}" -n $n -t busybox -f base.conf >/dev/null 2>&1
    NAMES+=($n)
done
# a failing template and a duplicate create
$T lxc-create "${L[@]}" -n bb1 -t busybox -f base.conf >/dev/null 2>&1
$T lxc-create "${L[@]}" -n badtpl -t nosuchtemplate >/dev/null 2>&1
$T lxc-create "${L[@]}" -n bad/name -t busybox >/dev/null 2>&1
# clone one container
$T lxc-copy "${L[@]}" -n bb1 -N bbclone >/dev/null 2>&1 && NAMES+=(bbclone)
$T lxc-copy "${L[@]}" -n nosuch -N x1 >/dev/null 2>&1

# a container whose init cannot be found and one with a broken mount entry
$T lxc-create "${L[@]}" -n broken -t busybox -f base.conf >/dev/null 2>&1
echo "lxc.init.cmd = /sbin/no-such-init" >> $P/broken/config
$T lxc-create "${L[@]}" -n badmount -t busybox -f base.conf >/dev/null 2>&1
echo "lxc.mount.entry = /nonexistent/src mnt/x none bind,create=dir 0 0" >> $P/badmount/config
# a container with hooks
$T lxc-create "${L[@]}" -n hooked -t busybox -f base.conf >/dev/null 2>&1
cat >> $P/hooked/config <<EOF
lxc.hook.pre-start = /bin/sh -c "printf pre-start-%s \$LXC_NAME"
lxc.hook.start-host = /bin/true
lxc.hook.post-stop = /bin/false
lxc.environment = WORKLOAD=yes
lxc.cgroup.pids.max = 64
lxc.cgroup.memory.limit_in_bytes = 64M
EOF
NAMES+=(hooked)
$T lxc-create "${L[@]}" -n app1 -t busybox -f base.conf >/dev/null 2>&1

attach_cmds=(
    "echo hello"
    "cat /proc/self/status"
    "ls /nonexistent"
    "/bin/no-such-binary"
    "sleep 0.3"
    "id"
    "hostname"
    "exit 3"
    "ps"
    "kill -9 \$\$"
)

running() { lxc-info -P $P -n $1 -s 2>/dev/null | grep -q RUNNING; }

for i in $(seq 1 $ROUNDS); do
    c=$(pick "${NAMES[@]}")
    case $((RANDOM % 30)) in
    0|1|2|3) $T lxc-start "${L[@]}" -n $c -d >/dev/null 2>&1 ;;
    4) $T lxc-start "${L[@]}" -n $c -d -s lxc.uts.name=renamed$RANDOM >/dev/null 2>&1 ;;
    5) $T lxc-start "${L[@]}" -n $c -d -s lxc.no.such.key=1 >/dev/null 2>&1 ;;
    6|7|8|9)
        r=$(for n in "${NAMES[@]}"; do running $n && echo $n; done)
        [ -n "$r" ] && c=$(pick $r)
        cmd=$(pick "${attach_cmds[@]}")
        opt=$(pick "" "--clear-env" "--keep-env" "-e" "-s UTS|PID" "-v FOO=bar" "-u 1000" "--elevated-privileges=CAP")
        $T lxc-attach "${L[@]}" -n $c $opt -- /bin/sh -c "$cmd" >/dev/null 2>&1 </dev/null ;;
    10) $T lxc-stop "${L[@]}" -n $c -t 5 >/dev/null 2>&1 ;;
    11) $T lxc-stop "${L[@]}" -n $c -k >/dev/null 2>&1 ;;
    12) $T lxc-stop "${L[@]}" -n $c -r -t 5 >/dev/null 2>&1 ;;
    13) $T lxc-freeze "${L[@]}" -n $c >/dev/null 2>&1; sleep 0.2
        $T lxc-info "${L[@]}" -n $c >/dev/null 2>&1
        $T lxc-unfreeze "${L[@]}" -n $c >/dev/null 2>&1 ;;
    14) key=$(pick pids.max pids.current memory.limit_in_bytes cpu.shares no.such.key memory.usage_in_bytes)
        $T lxc-cgroup "${L[@]}" -n $c $key >/dev/null 2>&1 ;;
    15) val=$(pick 100 max garbage -5 200)
        $T lxc-cgroup "${L[@]}" -n $c pids.max $val >/dev/null 2>&1 ;;
    16) $T lxc-info "${L[@]}" -n $c >/dev/null 2>&1 ;;
    17) $T lxc-wait "${L[@]}" -n $c -s "RUNNING|STOPPED" -t 2 >/dev/null 2>&1 ;;
    18) sn=$(pick create list create restore destroy)
        case $sn in
        create) $T lxc-snapshot "${L[@]}" -n $c >/dev/null 2>&1 ;;
        list) $T lxc-snapshot "${L[@]}" -n $c -L >/dev/null 2>&1 ;;
        restore) $T lxc-snapshot "${L[@]}" -n $c -r snap0 -N ${c}r$RANDOM >/dev/null 2>&1 ;;
        destroy) $T lxc-snapshot "${L[@]}" -n $c -d snap$((RANDOM%2)) >/dev/null 2>&1 ;;
        esac ;;
    19) $T lxc-device "${L[@]}" -n $c add /dev/$(pick null zero no-such-dev) >/dev/null 2>&1 ;;
    20) $T lxc-checkpoint "${L[@]}" -n $c -D $D/ckpt -s >/dev/null 2>&1 ;;
    21) $T lxc-start "${L[@]}" -n $(pick broken badmount) -d >/dev/null 2>&1
        $T lxc-start "${L[@]}" -n $(pick broken badmount) -F </dev/null >/dev/null 2>&1 ;;
    22) $T lxc-start "${L[@]}" -n nosuch$RANDOM -d >/dev/null 2>&1 ;;
    23) $T lxc-execute "${L[@]}" -n $(pick app1 app1 bb3) -- /bin/sh -c "$(pick 'echo app' 'exit 7' 'sleep 0.5' '/nope')" </dev/null >/dev/null 2>&1 ;;
    24) $T lxc-destroy "${L[@]}" -n $c >/dev/null 2>&1 ;;  # refused while running
    25) $T lxc-ls "${L[@]}" -f >/dev/null 2>&1
        $T lxc-config -l >/dev/null 2>&1 ;;
    26) $T lxc-attach "${L[@]}" -n nosuch$RANDOM -- true >/dev/null 2>&1 ;;
    27) running $c || $T lxc-attach "${L[@]}" -n $c -- true >/dev/null 2>&1
        $T lxc-console "${L[@]}" -n $c -t 9 </dev/null >/dev/null 2>&1 ;;
    28) $T lxc-unshare -s "UTSNAME|MOUNT|PID" -- /bin/true >/dev/null 2>&1
        $T lxc-usernsexec -m b:0:100000:1 -- /bin/true >/dev/null 2>&1 ;;
    29) $T lxc-autostart "${L[@]}" -L >/dev/null 2>&1 ;;
    esac
done

# shutdown everything
for c in $(ls $P); do
    $T lxc-stop "${L[@]}" -n $c -t $(pick 1 5) >/dev/null 2>&1
done
for c in $(ls $P); do
    $T lxc-stop -P $P -n $c -k >/dev/null 2>&1
    $T lxc-destroy "${L[@]}" -n $c -s -f >/dev/null 2>&1
done
rm -rf $D/ckpt $D/base.conf $P
