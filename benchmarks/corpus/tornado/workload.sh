#!/bin/bash
# tornado workload: tornado_app.py --logging=debug restarted several times, driven by tornado_client.py,
# all in a private net+mount namespace; the app's stderr is the log.
set -m
D=/work/round45/tornado
T=/tmp/round45-r45a/tornado
cd "$D" || exit 1
mkdir -p $T/home $T/tmp $T/xdg/config $T/xdg/cache $T/xdg/data
: > $T/full.log
SEED=${SEED:-$RANDOM}
RUNS=${RUNS:-4}
unshare -m -n bash -c '
  set -m
  mount --make-rprivate /
  mount --bind /tmp/round45-r45a /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round45-r45a; mount --bind /mnt /tmp/round45-r45a; umount /mnt; mount -t tmpfs tmpfs /var/tmp
  ip link set lo up
  cd '"$D"'
  E="env -i PATH=/usr/bin:/bin HOME='"$T"'/home TMPDIR='"$T"'/tmp XDG_CONFIG_HOME='"$T"'/xdg/config XDG_CACHE_HOME='"$T"'/xdg/cache XDG_DATA_HOME='"$T"'/xdg/data PYTHONDONTWRITEBYTECODE=1"
  S='"$SEED"'
  for run in $(seq 1 '"$RUNS"'); do
    $E /tmp/round45-r45a/venv/bin/python '"$D"'/tornado_app.py --logging=debug --port=46101 >> '"$T"'/full.log 2>&1 &
    APP=$!; echo $APP > '"$T"'/app.pid
    sleep 1
    N=$(( (S * run) % 120 + 100 ))
    $E /tmp/round45-r45a/venv/bin/python '"$D"'/tornado_client.py $((S + run)) $N > /dev/null 2>&1
    kill -TERM $APP; wait $APP
  done
'
# keep one contiguous stretch of at most 2500 whole lines
START=${START:-1}
sed -n "${START},$((START+2499))p" $T/full.log > $D/tornado.log
wc -l $T/full.log $D/tornado.log
