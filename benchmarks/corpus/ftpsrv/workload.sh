#!/bin/bash
# Runs ftp-srv (npm ftp-srv 4.6.3) at bunyan level trace in a private network+mount namespace,
# drives it with randomised FTP sessions and keeps its stdout as ftpsrv.log.
set -u
DIR=/work/round41/ftpsrv
BASE=/tmp/round41-r41h
if [ "${R41H_INNER:-}" != 1 ]; then
  cd "$DIR" || exit 1
  exec env R41H_INNER=1 unshare -n -m bash "$DIR/workload.sh" "$@"
fi
cd "$DIR" || exit 1
mount --make-rprivate /
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
export HOME=$BASE/home TMPDIR=$BASE/tmp XDG_CONFIG_HOME=$BASE/xdg/config XDG_DATA_HOME=$BASE/xdg/data \
  XDG_CACHE_HOME=$BASE/xdg/cache XDG_STATE_HOME=$BASE/xdg/state XDG_RUNTIME_DIR=$BASE/xdg/runtime
export FTPSRV_PREFIX=$BASE/npm-ftp
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR
SEED=${SEED:-$RANDOM}
RAW=$BASE/ftpsrv.raw
: > $RAW
ROOT=$BASE/ftproot
rm -rf $ROOT; mkdir -p $ROOT/pub
for f in a.txt b.bin notes.md report.csv pub/a.txt; do head -c $((RANDOM % 4000 + 1)) /dev/urandom | base64 > $ROOT/$f; done
FTPSRV="node -r $DIR/trace-level.js $FTPSRV_PREFIX/node_modules/ftp-srv/bin/index.js"
PIDS=()

start() {  # start ftp-srv with the given arguments, output appended to the raw log
  (cd $ROOT && exec $FTPSRV "$@" >> $RAW 2>> $BASE/ftpsrv.stderr) &
  SRV=$!; PIDS+=($SRV)
  sleep 1.5
}
stop() { kill -"$1" $SRV 2>/dev/null; sleep 1; kill -9 $SRV 2>/dev/null; wait $SRV 2>/dev/null; }

n=0
for round in 1 2 3 4; do
  n=$((n + 1))
  MODE=$((RANDOM % 3)); [ $round = 2 ] && MODE=2
  case $MODE in
    0|1)  # users from a credentials file, passive mode on
      start ftp://127.0.0.1:61500 --credentials $DIR/users.json --root $ROOT \
        --pasv-url 127.0.0.1 --pasv-min 61600 --pasv-max 61699
      python3 $DIR/client.py 61500 $((RANDOM % 8 + 6)) auth $((SEED + n)) ;;
    2)    # anonymous, read-only, no passive URL
      start ftp://127.0.0.1:61500 --root $ROOT --read-only
      python3 $DIR/client.py 61500 $((RANDOM % 5 + 4)) anon $((SEED + n)) ;;
  esac
  if [ $round = 1 ] || [ $((RANDOM % 2)) = 0 ]; then
    # a second instance on the same port: address in use
    (cd $ROOT && timeout 3 $FTPSRV ftp://127.0.0.1:61500 --root $ROOT >> $RAW 2>> $BASE/ftpsrv.stderr)
  fi
  # a client still connected while the server stops
  python3 -c "import socket,time; s=socket.create_connection(('127.0.0.1',61500)); s.recv(99); time.sleep(4)" &
  HOLD=$!
  sleep 0.5
  stop $( [ $((RANDOM % 2)) = 0 ] && echo INT || echo TERM )
  wait $HOLD 2>/dev/null
done
# a single-user server with username/password on the command line
start ftp://127.0.0.1:61501 --username alice --password s3cret --root $ROOT --pasv-url 127.0.0.1 --pasv-min 61700 --pasv-max 61799
python3 $DIR/client.py 61501 $((RANDOM % 4 + 3)) auth $((SEED + 99))
stop INT
sed -n '1,2500p' $RAW > $DIR/ftpsrv.log
wc -l $RAW $DIR/ftpsrv.log
