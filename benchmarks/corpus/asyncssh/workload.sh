#!/bin/bash
# Randomised workload for an AsyncSSH 2.24.1 (PyPI) server (server.py): DEBUG logging,
# asyncssh.set_debug_level(2), stderr captured. Clients: OpenSSH ssh/sftp/scp.
# Runs inside private network namespace r42e-assh and a private mount namespace.
set -u
D=/work/round42/asyncssh
B=/tmp/round42-r42e/assh
NS=r42e-assh
if [ "${IN_NS:-}" != 1 ]; then
    ip netns list | grep -qw "$NS" || { ip netns add "$NS"; ip netns exec "$NS" ip link set lo up; }
    exec env IN_NS=1 ip netns exec "$NS" unshare -m --propagation private bash "$D/workload.sh" "$@"
fi
cd "$D" || exit 1
set -m
rm -rf "$B"; mkdir -p "$B"/{home/.ssh,tmp,cfg,cache,data,state,run,shm,sftproot/pub,local}
mount -t tmpfs tmpfs /dev/shm
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/cfg XDG_CACHE_HOME=$B/cache XDG_DATA_HOME=$B/data XDG_STATE_HOME=$B/state XDG_RUNTIME_DIR=$B/run
V=/tmp/round42-r42e/venv-asyncssh/bin
RAW=$B/raw.log
: > "$RAW"
RANDOM=${SEED:-4444}
P=44200          # ssh server
ECHO=44201       # a plain TCP echo target for forwarding
# 44299: forwarding target the server refuses; 44298: remote listen port refused; 44202: closed port

# throw-away client keys (outside the folder); one authorised, one not
ssh-keygen -q -t ed25519 -N '' -f "$B/good_key" >/dev/null
ssh-keygen -q -t ed25519 -N '' -f "$B/bad_key" >/dev/null
cp "$B/good_key.pub" "$B/authorized_keys"
head -c 3000 /dev/urandom | base64 > "$B/sftproot/pub/readme.txt"
head -c 200000 /dev/urandom > "$B/local/blob.bin"
echo small > "$B/local/small.txt"

python3 -c '
import socket,sys,threading
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1); s.bind(("127.0.0.1",int(sys.argv[1]))); s.listen(8)
def h(c):
    try:
        while True:
            d=c.recv(4096)
            if not d: break
            c.sendall(d)
    except OSError: pass
    c.close()
while True:
    c,_=s.accept(); threading.Thread(target=h,args=(c,),daemon=True).start()
' $ECHO &
ECHOPID=$!

SRV=
start_srv() { PYTHONWARNINGS="ignore:DSA is deprecated" $V/python server.py $P "$B" >> "$RAW" 2>&1 & SRV=$!; sleep 2; }
stop_srv() { kill -TERM "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=; }

O=(-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=10 -o BatchMode=no)
export SSH_ASKPASS=$D/askpass.sh SSH_ASKPASS_REQUIRE=force DISPLAY=:0
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
user_pw() {  # sets U and PW: mostly right, sometimes wrong
    local r=$((RANDOM % 10))
    case $r in
        0) U=alice; PW=wrong$RANDOM ;;
        1) U=$(pick mallory root guest); PW=x ;;
        2) U=bob; PW=builder ;;
        3) U=carol; PW=secret ;;
        *) U=alice; PW=wonder ;;
    esac
    export PW
}
pw_opts=(-o PreferredAuthentications=password -o PubkeyAuthentication=no -o NumberOfPasswordPrompts=$((1 + RANDOM % 3)))
key_opts() { echo "-o PreferredAuthentications=publickey -o IdentitiesOnly=yes -i $B/$(pick good_key good_key good_key bad_key)"; }

one_action() {
    local r=$((RANDOM % 100))
    user_pw
    if [ $r -lt 20 ]; then
        timeout 20 ssh "${O[@]}" "${pw_opts[@]}" -p $P $U@127.0.0.1 "$(pick 'echo hello' 'echo $RANDOM' 'ls -l' 'sleep' 'whoami')" </dev/null >/dev/null 2>&1
    elif [ $r -lt 32 ]; then
        timeout 20 ssh "${O[@]}" $(key_opts) -p $P alice@127.0.0.1 "echo key" </dev/null >/dev/null 2>&1
    elif [ $r -lt 40 ]; then
        printf 'ls\npwd\nexit\n' | timeout 20 ssh "${O[@]}" "${pw_opts[@]}" -tt -p $P $U@127.0.0.1 >/dev/null 2>&1
    elif [ $r -lt 44 ]; then
        head -c $((RANDOM * 3)) /dev/urandom | timeout 20 ssh "${O[@]}" "${pw_opts[@]}" -p $P $U@127.0.0.1 cat >/dev/null 2>&1
    elif [ $r -lt 60 ]; then
        local f=$B/tmp/batch.$RANDOM
        {
            echo "ls -l"
            echo "-get pub/readme.txt $B/tmp/got.txt"
            echo "-put $B/local/$(pick small.txt blob.bin) up$((RANDOM % 4)).dat"
            [ $((RANDOM % 2)) = 0 ] && echo "-mkdir dir$((RANDOM % 3))"
            [ $((RANDOM % 2)) = 0 ] && echo "-get missing$RANDOM.txt $B/tmp/"
            [ $((RANDOM % 2)) = 0 ] && echo "-rename up$((RANDOM % 4)).dat moved$((RANDOM % 2)).dat"
            [ $((RANDOM % 2)) = 0 ] && echo "-rm up$((RANDOM % 4)).dat"
            [ $((RANDOM % 3)) = 0 ] && echo "-rmdir dir$((RANDOM % 3))"
            [ $((RANDOM % 3)) = 0 ] && echo "-chmod 600 pub/readme.txt"
            [ $((RANDOM % 3)) = 0 ] && echo "-ln -s pub/readme.txt link$RANDOM"
            [ $((RANDOM % 3)) = 0 ] && echo "-cd nowhere"
            [ $((RANDOM % 3)) = 0 ] && echo "df -h"
            echo "bye"
        } > "$f"
        if [ $((RANDOM % 3)) = 0 ]; then
            timeout 30 sftp "${O[@]}" $(key_opts) -P $P -b "$f" alice@127.0.0.1 >/dev/null 2>&1
        else
            timeout 30 sftp "${O[@]}" "${pw_opts[@]}" -P $P -b "$f" $U@127.0.0.1 >/dev/null 2>&1
        fi
        rm -f "$f"
    elif [ $r -lt 70 ]; then
        local mode=$(pick put get get missing put)
        case $mode in
            put) timeout 30 scp -q "${O[@]}" "${pw_opts[@]}" $(pick -O '') -P $P "$B/local/$(pick small.txt blob.bin)" $U@127.0.0.1:scp$((RANDOM % 3)).dat >/dev/null 2>&1 ;;
            get) timeout 30 scp -q "${O[@]}" "${pw_opts[@]}" $(pick -O '') -P $P $U@127.0.0.1:pub/readme.txt "$B/tmp/" >/dev/null 2>&1 ;;
            missing) timeout 30 scp -q "${O[@]}" "${pw_opts[@]}" $(pick -O '') -P $P $U@127.0.0.1:nope$RANDOM "$B/tmp/" >/dev/null 2>&1 ;;
        esac
    elif [ $r -lt 80 ]; then
        # local forwarding to the echo port, to a refused target, to a closed port
        local lp=$((44210 + RANDOM % 20)) tgt=$(pick $ECHO $ECHO 44299 44202)
        timeout 20 ssh "${O[@]}" "${pw_opts[@]}" -o ExitOnForwardFailure=yes -L $lp:127.0.0.1:$tgt -p $P $U@127.0.0.1 sleep </dev/null >/dev/null 2>&1 &
        local sp=$!
        sleep 1
        printf 'ping %s\n' $RANDOM | timeout 3 python3 -c '
import socket,sys
try:
    s=socket.create_connection(("127.0.0.1",int(sys.argv[1])),2); s.sendall(sys.stdin.buffer.read()); s.settimeout(1); s.recv(100)
except OSError: pass' $lp
        wait $sp 2>/dev/null
    elif [ $r -lt 86 ]; then
        # remote forwarding, sometimes on a refused port
        local rp=$(pick 44230 44231 44298)
        timeout 20 ssh "${O[@]}" "${pw_opts[@]}" -o ExitOnForwardFailure=$(pick yes no) -R $rp:127.0.0.1:$ECHO -p $P $U@127.0.0.1 sleep </dev/null >/dev/null 2>&1 &
        local sp=$!
        sleep 1
        timeout 3 python3 -c '
import socket,sys
try:
    s=socket.create_connection(("127.0.0.1",int(sys.argv[1])),2); s.sendall(b"hi\n"); s.settimeout(1); s.recv(100)
except OSError: pass' $rp
        wait $sp 2>/dev/null
    elif [ $r -lt 90 ]; then
        # connect and drop / send junk / stall until the login timeout
        case $(pick drop junk banner stall) in
            drop) timeout 3 python3 -c 'import socket,sys; s=socket.create_connection(("127.0.0.1",int(sys.argv[1]))); s.close()' $P ;;
            junk) timeout 3 python3 -c 'import socket,sys,os; s=socket.create_connection(("127.0.0.1",int(sys.argv[1]))); s.sendall(os.urandom(64)); s.settimeout(1)
try: s.recv(200)
except OSError: pass' $P ;;
            banner) timeout 3 python3 -c 'import socket,sys,os; s=socket.create_connection(("127.0.0.1",int(sys.argv[1]))); s.sendall(b"SSH-1.5-OldClient\r\n"); s.settimeout(1)
try: s.recv(200)
except OSError: pass' $P ;;
            stall) timeout 12 python3 -c 'import socket,sys,time; s=socket.create_connection(("127.0.0.1",int(sys.argv[1]))); s.sendall(b"SSH-2.0-Stall\r\n"); time.sleep(10)' $P ;;
        esac
    elif [ $r -lt 94 ]; then
        # algorithm mismatches
        timeout 20 ssh "${O[@]}" "${pw_opts[@]}" $(pick "-c aes128-cbc" "-o KexAlgorithms=diffie-hellman-group1-sha1" "-o MACs=hmac-md5" "-o HostKeyAlgorithms=ssh-dss") -p $P $U@127.0.0.1 true </dev/null >/dev/null 2>&1
    else
        # killed client in the middle of a session
        timeout -s KILL 1 ssh "${O[@]}" "${pw_opts[@]}" -p $P $U@127.0.0.1 sleep </dev/null >/dev/null 2>&1
    fi
}

rounds=$((3 + RANDOM % 2))
for s in $(seq 1 $rounds); do
    start_srv
    n=$((20 + RANDOM % 25))
    for i in $(seq 1 $n); do one_action; done
    stop_srv
done
kill -TERM $ECHOPID; wait $ECHOPID 2>/dev/null

total=$(wc -l < "$RAW")
if [ "$total" -gt 2500 ]; then
    start=$(( (total - 2500) / 2 ))
    sed -n "$((start + 1)),$((start + 2500))p" "$RAW" > "$D/asyncssh.log"
else
    cp "$RAW" "$D/asyncssh.log"
fi
umount /dev/shm
rm -f "$B"/good_key* "$B"/bad_key* "$B/authorized_keys"
wc -l "$RAW" "$D/asyncssh.log"
