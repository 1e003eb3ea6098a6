#!/bin/bash
# Drives the NiceGUI app in app.py with client.py (HTTP requests and Socket.IO/websocket sessions) over
# several randomised runs and restarts, inside a private network + mount namespace; writes nicegui.log.
set -m
D=/work/round45/nicegui
T=/tmp/round45-r45f
PORT=48520
if [ -z "$R45F_INNS" ]; then
  cd "$D" && exec unshare -n -m env R45F_INNS=1 bash "$0" "$@"
fi
ip link set lo up
mount --make-rprivate /
mount --bind $T /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p $T; mount --bind /mnt $T; mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
W=$T/ng
rm -rf $W; mkdir -p $W/home $W/tmp $W/run $W/xdg/config $W/xdg/cache $W/xdg/data $W/xdg/state $W/xdg/run
export HOME=$W/home TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/xdg/config XDG_CACHE_HOME=$W/xdg/cache \
  XDG_DATA_HOME=$W/xdg/data XDG_STATE_HOME=$W/xdg/state XDG_RUNTIME_DIR=$W/xdg/run \
  PYTHONDONTWRITEBYTECODE=1 TZ=UTC
PY=$T/venv-nicegui/bin/python
cd $W/run
RAW=$W/raw.log
: > $RAW
RUNS=$(( (RANDOM % 3) + 3 ))
for r in $(seq 1 $RUNS); do
  $PY -u $D/app.py $PORT >> $RAW 2>&1 &
  APP=$!
  for i in $(seq 1 40); do sleep 1; [ $(grep -c "NiceGUI ready to go" $RAW) -ge $r ] && break; done
  $PY $D/client.py $PORT $RANDOM $(( (RANDOM % 25) + 15 )) > /dev/null 2>&1 &
  CL=$!
  wait $CL
  sleep $(( RANDOM % 4 ))
  kill -INT $APP
  sleep 4
  kill $APP 2>/dev/null
  wait $APP 2>/dev/null
done
N=$(wc -l < $RAW)
if [ $N -gt 2500 ]; then sed -n "1,2500p" $RAW > $D/nicegui.log; else cp $RAW $D/nicegui.log; fi
wc -l $D/nicegui.log
