#!/bin/bash
# Workload for socket.io (npm) - run as root: bash /work/round42/socketio/workload.sh
D=/work/round42/socketio
T=/tmp/round42-r42g
if [ -z "$R42G_INNS" ]; then
  # private network + mount namespace, loopback only
  exec env R42G_INNS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
cd "$D" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
mkdir -p $T/socketio $T/home $T/tmp $T/xdg/config $T/xdg/cache $T/xdg/data $T/xdg/state
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_CACHE_HOME=$T/xdg/cache \
       XDG_DATA_HOME=$T/xdg/data XDG_STATE_HOME=$T/xdg/state
unset DEBUG
RAW=$T/socketio/raw.log
PORT=45200
: > "$RAW"
r() { echo $(( RANDOM % $1 + ${2:-0} )); }

start_server() { ( cd $T/socketio && DEBUG='socket.io*,engine*' exec node "$D/server.js" $PORT "$@" >>"$RAW" 2>&1 ) & SPID=$!; sleep 1; }
stop_server() { kill -TERM $SPID 2>/dev/null; wait $SPID 2>/dev/null; }

ROUNDS=${ROUNDS:-4}
for i in $(seq 1 $ROUNDS); do
  start_server $( [ $(r 2) = 0 ] && echo recovery )
  python3 $D/raw.py $PORT $(r 18 8) &
  RP=$!
  node $D/sio_client.js http://127.0.0.1:$PORT $(r 9 5)
  wait $RP
  sleep $(r 4)
  stop_server
done
umount /dev/shm
N=$(wc -l < "$RAW"); echo "raw lines: $N" >&2
# keep the longest contiguous stretch (at most MAXL lines, earliest first) with no line holding a
# character that other line splitters treat as a line break (engine.io's 0x1E packet separator)
read S E < <(python3 - "$RAW" "${MAXL:-2500}" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
cap = int(sys.argv[2]); bad = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029\r]")
best = (0, 1, 0); start = 0
for i, l in enumerate(lines + ["\x1e"]):
    if bad.search(l):
        n = min(i - start, cap)
        if n > best[0]: best = (n, start + 1, start + n)
        start = i + 1
print(best[1], best[2])
PY
)
echo "kept lines $S-$E" >&2
sed -n "${S},${E}p" "$RAW" > "$D/socketio.log"
