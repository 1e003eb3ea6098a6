#!/bin/bash
# Workload for bittorrent-tracker (npm) - run as root: bash /work/round42/bttracker/workload.sh
D=/work/round42/bttracker
T=/tmp/round42-r42g
if [ -z "$R42G_INNS" ]; then
  # private network + mount namespace, loopback only
  exec env R42G_INNS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
cd "$D" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
mkdir -p $T/bttracker $T/home $T/tmp $T/xdg/config $T/xdg/cache $T/xdg/data $T/xdg/state
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_CACHE_HOME=$T/xdg/cache \
       XDG_DATA_HOME=$T/xdg/data XDG_STATE_HOME=$T/xdg/state
BIN=$T/npmbt/node_modules/bittorrent-tracker/bin/cmd.js
RAW=$T/bttracker/raw.log
PORT=45001
: > "$RAW"
r() { echo $(( RANDOM % $1 + ${2:-0} )); }

start_tracker() {
  ( cd $T/bttracker && DEBUG='*' exec node "$BIN" -p $PORT "$@" >>"$RAW" 2>&1 ) &
  TPID=$!
  sleep 1.5
}
stop_tracker() { kill -TERM $TPID 2>/dev/null; wait $TPID 2>/dev/null; }

ROUNDS=${ROUNDS:-9}
for i in $(seq 1 $ROUNDS); do
  case $(r 8) in
    0) start_tracker --http --interval $(r 900000 60000); python3 $D/bt_client.py $PORT $(r 60 20) http ;;
    1) start_tracker --udp; python3 $D/bt_client.py $PORT $(r 60 20) udp ;;
    2) start_tracker --ws --trust-proxy; node $D/ws_client.mjs ws://127.0.0.1:$PORT $(r 60 20) ;;
    *) start_tracker $( [ $(r 3) = 0 ] && echo --trust-proxy )
       python3 $D/bt_client.py $PORT $(r 150 40) all &
       CP=$!
       node $D/ws_client.mjs ws://127.0.0.1:$PORT $(r 80 20)
       wait $CP ;;
  esac
  if [ $(r 4) = 0 ]; then
    # port already taken: a second tracker on the same port
    ( cd $T/bttracker && DEBUG='*' exec node "$BIN" -p $PORT >>"$RAW" 2>&1 ) & P2=$!
    sleep 1.5; kill -TERM $P2; wait $P2 2>/dev/null
  fi
  stop_tracker
done
umount /dev/shm
N=$(wc -l < "$RAW"); echo "raw lines: $N" >&2
sed -n "1,${MAXL:-2500}p" "$RAW" > "$D/bttracker.log"
