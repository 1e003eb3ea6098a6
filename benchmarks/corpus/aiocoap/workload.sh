#!/bin/bash
# Randomised workload for aiocoap-fileserver (aiocoap 0.4.17 from PyPI).
# Runs inside private network namespace r42e-coap and a private mount namespace.
set -u
D=/work/round42/aiocoap
B=/tmp/round42-r42e/coap
NS=r42e-coap
if [ "${IN_NS:-}" != 1 ]; then
    ip netns list | grep -qw "$NS" || { ip netns add "$NS"; ip netns exec "$NS" ip link set lo up; }
    exec env IN_NS=1 ip netns exec "$NS" unshare -m --propagation private bash "$D/workload.sh" "$@"
fi
cd "$D" || exit 1
set -m
rm -rf "$B"; mkdir -p "$B"/{home,tmp,cfg,cache,data,state,run,shm,files/sub/deeper}
mount -t tmpfs tmpfs /dev/shm
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/cfg XDG_CACHE_HOME=$B/cache XDG_DATA_HOME=$B/data XDG_STATE_HOME=$B/state XDG_RUNTIME_DIR=$B/run
export NO_COLOR=1
V=/tmp/round42-r42e/venv-aiocoap/bin
RAW=$B/raw.log
: > "$RAW"
RANDOM=${SEED:-4242}
U='coap://[::1]:44000'
F=$B/files

echo hello > $F/a.txt
echo '{"x": 1}' > $F/data.json
head -c 5000 /dev/urandom | base64 > $F/big.txt
head -c 20000 /dev/urandom | base64 > $F/huge.txt
echo nested > $F/sub/n.txt
echo deep > $F/sub/deeper/d.txt
echo obs0 > $F/obs.txt

SRV=
start_srv() {
    $V/aiocoap-fileserver -vvv --bind '[::1]:44000' "$@" >> "$RAW" 2>&1 &
    SRV=$!
    sleep 1.5
}
stop_srv() {
    kill -INT "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=
}
cl() { timeout 20 $V/aiocoap-client -q "$@" >/dev/null 2>&1; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

one_request() {
    local r=$((RANDOM % 100))
    if   [ $r -lt 18 ]; then cl "$U/$(pick a.txt data.json sub/n.txt sub/deeper/d.txt obs.txt)"
    elif [ $r -lt 26 ]; then cl "$U/$(pick big.txt huge.txt)"
    elif [ $r -lt 31 ]; then cl "$U/$(pick '' sub/ sub/deeper/)"
    elif [ $r -lt 34 ]; then cl "$U/.well-known/core"
    elif [ $r -lt 40 ]; then cl "$U/$(pick nope.txt missing/x.txt gone.bin)"
    elif [ $r -lt 43 ]; then cl "$U/sub"
    elif [ $r -lt 46 ]; then cl "$U/a.txt/"
    elif [ $r -lt 53 ]; then cl -m PUT --payload "v$RANDOM" "$U/$(pick w1.txt w2.txt obs.txt sub/w3.txt)"
    elif [ $r -lt 56 ]; then cl -m PUT --payload "@$F/big.txt" "$U/upload$((RANDOM%3)).txt"
    elif [ $r -lt 58 ]; then cl -m PUT --payload x "$U/sub/"
    elif [ $r -lt 62 ]; then cl -m DELETE "$U/$(pick w1.txt w2.txt upload0.txt upload1.txt nothere.txt)"
    elif [ $r -lt 64 ]; then cl -m DELETE "$U/sub/"
    elif [ $r -lt 67 ]; then cl -m POST --payload x "$U/a.txt"
    elif [ $r -lt 69 ]; then cl -m FETCH "$U/a.txt"
    elif [ $r -lt 73 ]; then cl --non "$U/$(pick a.txt big.txt nope.txt)"
    elif [ $r -lt 76 ]; then cl "coap+tcp://[::1]:44000/$(pick a.txt big.txt nope.txt sub/)"
    elif [ $r -lt 78 ]; then cl --accept application/cbor "$U/a.txt"
    elif [ $r -lt 80 ]; then cl "$U/sub/../a.txt"
    elif [ $r -lt 82 ]; then cl --payload-initial-szx 1 -m PUT --payload "@$F/data.json" "$U/w2.txt"
    else python3 raw.py ::1 44000 "$(pick short empty badver ping ping rst ack badtkl badopt crit nonempty_ping resp garbage)"
    fi
}

observer() {
    # observe for a while, sometimes vanish abruptly
    local path=$1 t=$2
    if [ $((RANDOM % 3)) = 0 ]; then
        $V/aiocoap-client -q --observe "$U/$path" >/dev/null 2>&1 &
        local p=$!; sleep "$t"; kill -KILL $p 2>/dev/null; wait $p 2>/dev/null
    else
        timeout -s INT "$t" $V/aiocoap-client -q --observe "$U/$path" >/dev/null 2>&1
    fi
}

sessions=$((4 + RANDOM % 3))
for s in $(seq 1 $sessions); do
    if [ $((RANDOM % 4)) = 0 ]; then start_srv --etag-length 4 "$F"; else start_srv --write "$F"; fi
    observer obs.txt $((12 + RANDOM % 15)) &
    OB1=$!
    [ $((RANDOM % 2)) = 0 ] && { observer big.txt $((11 + RANDOM % 12)) & }
    OB2=$!
    n=$((25 + RANDOM % 40))
    for i in $(seq 1 $n); do
        one_request
        if [ $((RANDOM % 12)) = 0 ]; then echo "obs$RANDOM" > $F/obs.txt; fi
        if [ $((RANDOM % 25)) = 0 ]; then rm -f $F/obs.txt; sleep 0.5; echo back > $F/obs.txt; fi
    done
    echo "final$RANDOM" > $F/obs.txt
    wait $OB1 $OB2 2>/dev/null
    sleep $((RANDOM % 3))
    stop_srv
done

# bad configuration: address not on this host, port already taken, non-existent root
$V/aiocoap-fileserver -vvv --bind '[2001:db8::1]:44001' "$F" >> "$RAW" 2>&1 &
P=$!; sleep 3; kill -INT $P 2>/dev/null; wait $P 2>/dev/null
start_srv --write "$B/does-not-exist"
for i in 1 2 3; do cl "$U/a.txt"; cl "$U/"; done
stop_srv

# keep one contiguous stretch of at most 2500 lines
total=$(wc -l < "$RAW")
if [ "$total" -gt 2500 ]; then
    sed -n "1,2500p" "$RAW" > "$D/aiocoap.log"
else
    cp "$RAW" "$D/aiocoap.log"
fi
umount /dev/shm
wc -l "$RAW" "$D/aiocoap.log"
