#!/bin/bash
# Randomised workload for fb-server (frozen-bubble 2.212, Debian). Runs itself in a private
# network+mount namespace; log = fb-server's stderr (debug mode), cut to at most 2500 lines.
set -m
D=/work/round43/fbserver
W=/tmp/round43-r43c/fb
if [ -z "$R43C_INNS" ]; then
  mkdir -p $W/home $W/tmp $W/xdg
  exec env R43C_INNS=1 unshare -n -m "$0" "$@"
fi
cd $W || exit 1
ip link set lo up
export HOME=$W/home TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/xdg XDG_DATA_HOME=$W/xdg XDG_CACHE_HOME=$W/xdg XDG_RUNTIME_DIR=$W/xdg
FB=/usr/lib/games/frozen-bubble/fb-server
PORT=47001
RAW=$W/fb-raw.log
: > $RAW
: > $W/fb-stdout.txt
printf 'cheat\nspam+\n^idiot$\n' > $W/alert.txt

start() {  # extra options
  $FB -d -q -o DEBUG -p $PORT "$@" >> $W/fb-stdout.txt 2>> $RAW &
  SPID=$!
  sleep 0.5
}
stop() { kill -TERM $SPID; wait $SPID; }
drive() { python3 $D/fbdrive.py $PORT "$@"; }

# phase 1: normal server with alert words, random rounds, alert file changes and admin rereads
start -z -A $W/alert.txt
for i in $(seq $((RANDOM % 3 + 3))); do
  drive $((RANDOM % 10 + 6))
  case $((RANDOM % 4)) in
    0) printf 'cheat\n(unclosed\n' > $W/alert.txt ;;
    1) rm -f $W/alert.txt ;;
    *) printf 'cheat\nspam+\nnoob\n' > $W/alert.txt ;;
  esac
  python3 - $PORT <<'PY'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1]))); s.recv(100)
s.sendall(b"FB/1.2 ADMIN_REREAD\n"); time.sleep(0.3); s.close()
PY
done
stop

# phase 2: restart with some bad options and a short gracetime: idle clients
printf 'cheat\nspam+\n' > $W/alert.txt
start -a xx -g abc -m 900 -t zz -g $((RANDOM % 2 + 3)) -a fr -A $W/missing-alert.txt
drive $((RANDOM % 3 + 2)) idle
drive $((RANDOM % 8 + 4))
stop

# phase 3: small server capacity
CAP=$((RANDOM % 3 + 2))
start -z -m $CAP -n lan-box
drive $((RANDOM % 3 + 2)) full$CAP
drive $((RANDOM % 5 + 3))
stop

# phase 4: very low transmission rate limit
start -z -t $((RANDOM % 40 + 10)) -A $W/alert.txt
drive $((RANDOM % 6 + 4))
stop

# phase 5: normal again, longer
start -z -A $W/alert.txt -n fbnode
drive $((RANDOM % 14 + 12))
stop

sed -n '1,2500p' $RAW > $D/fbserver.log
