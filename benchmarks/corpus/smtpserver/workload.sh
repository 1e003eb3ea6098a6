#!/bin/bash
# Workload for smtp-server (npm) - run as root: bash /work/round42/smtpserver/workload.sh
D=/work/round42/smtpserver
T=/tmp/round42-r42g
if [ -z "$R42G_INNS" ]; then
  # private network + mount namespace, loopback only
  exec env R42G_INNS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
cd "$D" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
mkdir -p $T/smtpserver $T/home $T/tmp $T/xdg/config $T/xdg/cache $T/xdg/data $T/xdg/state
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_CACHE_HOME=$T/xdg/cache \
       XDG_DATA_HOME=$T/xdg/data XDG_STATE_HOME=$T/xdg/state
RAW=$T/smtpserver/raw.log
PORT=45100
: > "$RAW"
r() { echo $(( RANDOM % $1 + ${2:-0} )); }

start_server() { ( cd $T/smtpserver && exec node "$D/server.js" "$1" $PORT >>"$RAW" 2>&1 ) & SPID=$!; sleep 1; }
stop_server() {
  if [ $(r 2) = 0 ]; then
    # shut down while a client is still connected
    python3 -c "import socket,time;c=socket.create_connection(('127.0.0.1',$PORT));c.recv(512);time.sleep(4)" 2>/dev/null & HP=$!
    sleep 0.5
  fi
  kill -TERM $SPID 2>/dev/null; wait $SPID 2>/dev/null
  [ -n "$HP" ] && wait $HP 2>/dev/null; HP=
}

for MODE in $(echo plain plain strict secure lmtp proxy | tr ' ' '\n' | shuf); do
  start_server $MODE
  python3 $D/smtp_client.py $PORT $(r 16 6) $MODE &
  CP=$!
  case $MODE in
    plain|strict) node $D/nm_send.js $PORT $(r 4 1) ;;
    secure) node $D/nm_send.js $PORT $(r 3 1) secure ;;
  esac
  wait $CP
  stop_server
done
umount /dev/shm
N=$(wc -l < "$RAW"); echo "raw lines: $N" >&2
sed -n "1,${MAXL:-2500}p" "$RAW" > "$D/smtpserver.log"
