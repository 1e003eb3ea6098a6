#!/bin/bash
# websockets workload: runs ws_app.py (server + clients + fake peers) in a private net+mount namespace.
set -m
D=/work/round45/websockets
T=/tmp/round45-r45a/ws
cd "$D" || exit 1
mkdir -p $T/home $T/tmp $T/xdg/config $T/xdg/cache $T/xdg/data
SEED=${SEED:-$RANDOM}
ROUNDS=${ROUNDS:-6}
unshare -m -n bash -c '
  mount --make-rprivate /
  mount --bind /tmp/round45-r45a /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round45-r45a; mount --bind /mnt /tmp/round45-r45a; umount /mnt; mount -t tmpfs tmpfs /var/tmp
  ip link set lo up
  cd '"$D"'
  env -i PATH=/usr/bin:/bin HOME='"$T"'/home TMPDIR='"$T"'/tmp XDG_CONFIG_HOME='"$T"'/xdg/config XDG_CACHE_HOME='"$T"'/xdg/cache XDG_DATA_HOME='"$T"'/xdg/data PYTHONDONTWRITEBYTECODE=1 \
    /tmp/round45-r45a/venv/bin/python '"$D"'/ws_app.py '"$SEED $ROUNDS"' > '"$T"'/full.log 2>&1 &
  echo $! > '"$T"'/app.pid
  wait $!
'
# keep one contiguous stretch of at most 2500 whole lines
START=${START:-1}
sed -n "${START},$((START+2499))p" $T/full.log > $D/websockets.log
wc -l $T/full.log $D/websockets.log
