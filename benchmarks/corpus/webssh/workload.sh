#!/bin/bash
# Randomised workload for WebSSH (wssh 1.6.3 from PyPI), --logging=debug, stderr captured.
# Runs inside private network namespace r42e-wssh and a private mount namespace.
set -u
D=/work/round42/webssh
B=/tmp/round42-r42e/wssh
NS=r42e-wssh
if [ "${IN_NS:-}" != 1 ]; then
    ip netns list | grep -qw "$NS" || { ip netns add "$NS"; ip netns exec "$NS" ip link set lo up; }
    exec env IN_NS=1 ip netns exec "$NS" unshare -m --propagation private bash "$D/workload.sh" "$@"
fi
cd "$D" || exit 1
set -m
rm -rf "$B"; mkdir -p "$B"/{home/.ssh,tmp,cfg,cache,data,state,run,shm}
mount -t tmpfs tmpfs /dev/shm
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/cfg XDG_CACHE_HOME=$B/cache XDG_DATA_HOME=$B/data XDG_STATE_HOME=$B/state XDG_RUNTIME_DIR=$B/run
V=/tmp/round42-r42e/venv-webssh/bin
RAW=$B/raw.log
: > "$RAW"
RANDOM=${SEED:-4343}
WP=44100; SP=44101; QP=44102; XP=44103

# throw-away client key for the key-login user (kept outside the folder)
ssh-keygen -q -t ed25519 -N '' -f "$B/userkey" >/dev/null

$V/python sshd_stub.py $SP $QP > "$B/stub.out" 2>&1 &
STUB=$!
sleep 2

WS=
start_wssh() {
    $V/wssh --address=127.0.0.1 --port=$WP --logging=debug \
        --hostfile="$B/known_hosts" --syshostfile="$B/home/.ssh/known_hosts" "$@" >> "$RAW" 2>&1 &
    WS=$!
    sleep 2
}
stop_wssh() {
    if [ $((RANDOM % 2)) = 0 ]; then kill -INT "$WS"; else kill -TERM "$WS"; fi
    wait "$WS" 2>/dev/null; WS=
}

# bad configuration first: reject policy without any host keys, unknown policy, bad encoding
start_wssh --policy=reject; stop_wssh 2>/dev/null
start_wssh --policy=nosuch; stop_wssh 2>/dev/null
start_wssh --encoding=klingon; stop_wssh 2>/dev/null

policies=(warning autoadd reject warning)
for pol in "${policies[@]}"; do
    extra=()
    [ $((RANDOM % 3)) = 0 ] && extra+=(--maxconn=2)
    [ $((RANDOM % 4)) = 0 ] && extra+=(--delay=1)
    start_wssh --policy=$pol "${extra[@]}"
    timeout 300 $V/python client.py 127.0.0.1:$WP $SP $QP $XP "$B/userkey" $((5 + RANDOM % 8)) $RANDOM
    [ "$pol" = reject ] && timeout 60 $V/python client.py 127.0.0.1:$WP $XP $QP $XP "$B/userkey" 3 $RANDOM
    sleep 4
    stop_wssh
done

kill -TERM $STUB; wait $STUB 2>/dev/null

total=$(wc -l < "$RAW")
if [ "$total" -gt 2500 ]; then
    sed -n "1,2500p" "$RAW" > "$D/webssh.log"
else
    cp "$RAW" "$D/webssh.log"
fi
umount /dev/shm
rm -f "$B/userkey" "$B/userkey.pub"
wc -l "$RAW" "$D/webssh.log"
