#!/bin/bash
# Drives the Gradio app in app.py with client.py (gradio_client + raw HTTP/socket clients) over several
# randomised runs and restarts, inside a private network + mount namespace; writes gradio.log.
set -m
D=/work/round45/gradio
T=/tmp/round45-r45f
PORT=48510
if [ -z "$R45F_INNS" ]; then
  cd "$D" && exec unshare -n -m env R45F_INNS=1 bash "$0" "$@"
fi
ip link set lo up
mount --make-rprivate /
mount --bind $T /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p $T; mount --bind /mnt $T; mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
W=$T/gr
rm -rf $W; mkdir -p $W/home $W/tmp $W/xdg/config $W/xdg/cache $W/xdg/data $W/xdg/state $W/xdg/run
export HOME=$W/home TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/xdg/config XDG_CACHE_HOME=$W/xdg/cache \
  XDG_DATA_HOME=$W/xdg/data XDG_STATE_HOME=$W/xdg/state XDG_RUNTIME_DIR=$W/xdg/run \
  GRADIO_ANALYTICS_ENABLED=False GRADIO_TEMP_DIR=$W/tmp/gradio HF_HOME=$W/hf HF_HUB_OFFLINE=1 \
  PYTHONDONTWRITEBYTECODE=1 TZ=UTC
PY=$T/venv-gradio/bin/python
cd $D
RAW=$W/raw.log
: > $RAW
RUNS=$(( (RANDOM % 3) + 4 ))
for r in $(seq 1 $RUNS); do
  QMAX=$(( (RANDOM % 6) + 2 ))
  $PY -u $D/app.py $PORT $QMAX >> $RAW 2>&1 &
  APP=$!
  for i in $(seq 1 60); do sleep 1; grep -q "share=True" $RAW && [ $(grep -c "share=True" $RAW) -ge $r ] && break; done
  if [ $((RANDOM % 3)) -eq 0 ]; then
    # a second instance on the same port fails
    $PY -u $D/app.py $PORT >> $RAW 2>&1 &
    DUP=$!
    wait $DUP
  fi
  $PY $D/client.py $PORT $RANDOM $(( (RANDOM % 25) + 20 )) > /dev/null 2>&1 &
  CL=$!
  wait $CL
  kill -INT $APP
  sleep 4
  kill $APP 2>/dev/null
  wait $APP 2>/dev/null
done
N=$(wc -l < $RAW)
if [ $N -gt 2500 ]; then sed -n "1,2500p" $RAW > $D/gradio.log; else cp $RAW $D/gradio.log; fi
wc -l $D/gradio.log
