#!/bin/bash
# Dredd workload: runs dredd --loglevel=debug against a local HTTP server in private namespaces.
if [ -z "$R46D_IN_NS" ]; then
  exec unshare -n -m --propagation private env R46D_IN_NS=1 bash "$0" "$@"
fi
set -m
RANDOM=4841
D=/work/round46/dredd
mount --make-rprivate /
mount --bind /tmp/round46-r46d /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round46-r46d
mount --bind /mnt /tmp/round46-r46d
umount -l /mnt
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
export HOME=/tmp/round46-r46d/home TMPDIR=/tmp/round46-r46d/tmp XDG_CONFIG_HOME=/tmp/round46-r46d/home/.config \
  XDG_CACHE_HOME=/tmp/round46-r46d/home/.cache XDG_DATA_HOME=/tmp/round46-r46d/home/.local/share \
  XDG_STATE_HOME=/tmp/round46-r46d/home/.local/state XDG_RUNTIME_DIR=/tmp/round46-r46d/tmp/xdg \
  npm_config_cache=/tmp/round46-r46d/npmcache FORCE_COLOR=0
mkdir -p $HOME $TMPDIR $XDG_RUNTIME_DIR
DREDD=/tmp/round46-r46d/dredd/bin/dredd
W=/tmp/round46-r46d/dredd-work
rm -rf $W; mkdir -p $W/cfg
RAW=$W/raw.log
: > $RAW
cd $W
cat > $W/cfg/dredd.yml <<CFG
loglevel: debug
color: false
blueprint: $D/openapi2.yaml
endpoint: http://127.0.0.1:47520
sorted: true
CFG
SRV=
start_server() { python3 $D/server.py 47520 >/dev/null 2>&1 & SRV=$!; sleep 0.4; }
stop_server() { [ -n "$SRV" ] && kill $SRV && wait $SRV 2>/dev/null; SRV=; }
pick() { local a=("$@"); P="${a[$((RANDOM % ${#a[@]}))]}"; }
start_server
for run in $(seq 1 21); do
  r=$((RANDOM % 100))
  echo "run $run r=$r" >> $W/trace
  extra=()
  [ $((RANDOM % 4)) = 0 ] && extra+=(--inline-errors)
  [ $((RANDOM % 5)) = 0 ] && extra+=(--details)
  [ $((RANDOM % 6)) = 0 ] && extra+=(--sorted)
  if [ $((RANDOM % 9)) = 0 ] && [ -n "$SRV" ]; then stop_server; elif [ -z "$SRV" ]; then start_server; fi
  if [ $r -lt 18 ]; then
    pick hooks-bad.js hooks.js hooks-bad.js; hk=$P; pick 0 1; fh=$P
    R46D_FAILHOOK=$fh $DREDD $D/api.apib http://127.0.0.1:47520 --loglevel=debug --no-color --hookfiles=$D/$hk "${extra[@]}" >> $RAW 2>&1
  elif [ $r -lt 28 ]; then
    $DREDD $D/openapi2.yaml http://127.0.0.1:47520 --loglevel=debug --no-color "${extra[@]}" >> $RAW 2>&1
  elif [ $r -lt 38 ]; then
    $DREDD $D/openapi3.yaml http://127.0.0.1:47520 --loglevel=debug --no-color --hookfiles=$D/hooks.js "${extra[@]}" >> $RAW 2>&1
  elif [ $r -lt 46 ]; then
    $DREDD $D/warn.apib http://127.0.0.1:47520 --loglevel=debug --no-color "${extra[@]}" >> $RAW 2>&1
  elif [ $r -lt 56 ]; then
    pick broken.yaml invalid3.yaml missing.apib; f=$P
    $DREDD $D/$f http://127.0.0.1:47520 --loglevel=debug --no-color >> $RAW 2>&1
  elif [ $r -lt 62 ]; then
    $DREDD $D/api.apib http://127.0.0.1:47520 --loglevel=debug --no-color --hookfiles=$D/hooks-syntax.js >> $RAW 2>&1
  elif [ $r -lt 68 ]; then
    pick GET POST DELETE; m=$P
    $DREDD $D/api.apib http://127.0.0.1:47520 --loglevel=debug --no-color --method=$m --only="Items > List items" >> $RAW 2>&1
  elif [ $r -lt 76 ]; then
    pick --dry-run --names; $DREDD $D/api.apib http://127.0.0.1:47520 --loglevel=debug --no-color $P >> $RAW 2>&1
  elif [ $r -lt 84 ]; then
    stop_server
    $DREDD $D/openapi2.yaml http://127.0.0.1:47520 --loglevel=debug --no-color \
      --server="python3 $D/server.py 47520" --server-wait=1 >> $RAW 2>&1
  elif [ $r -lt 89 ]; then
    (cd $W/cfg && $DREDD --loglevel=debug --no-color >> $RAW 2>&1)
  elif [ $r -lt 93 ]; then
    $DREDD http://127.0.0.1:47520/status/404 http://127.0.0.1:47520 --loglevel=debug --no-color >> $RAW 2>&1
  elif [ $r -lt 96 ]; then
    $DREDD $D/api.apib http://127.0.0.1:47521 --loglevel=debug --no-color >> $RAW 2>&1
  else
    $DREDD $D/openapi2.yaml http://127.0.0.1:47520 --loglevel=debug --no-color --reporter=xunit --reporter=html \
      --output=$W/report.xml >> $RAW 2>&1
  fi
done
stop_server
sed -n '1,2500p' $RAW > $D/dredd.log
