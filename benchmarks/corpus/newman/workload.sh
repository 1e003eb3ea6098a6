#!/bin/bash
# Newman workload: runs newman --verbose against a local HTTP server in private namespaces.
if [ -z "$R46D_IN_NS" ]; then
  exec unshare -n -m --propagation private env R46D_IN_NS=1 bash "$0" "$@"
fi
set -m
RANDOM=4642
D=/work/round46/newman
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
NEWMAN=/tmp/round46-r46d/newman/bin/newman
W=/tmp/round46-r46d/newman-work
rm -rf $W; mkdir -p $W
RAW=$W/raw.log
: > $RAW
cd $D
SRV=
start_server() { python3 $D/server.py 47500 >/dev/null 2>&1 & SRV=$!; sleep 0.4; }
stop_server() { [ -n "$SRV" ] && kill $SRV && wait $SRV 2>/dev/null; SRV=; }
pick() { local a=("$@"); P="${a[$((RANDOM % ${#a[@]}))]}"; }
start_server
for run in $(seq 1 22); do
  r=$((RANDOM % 100)); echo "run $run r=$r" >> $W/trace
  pick local.postman_environment.json staging.postman_environment.json local.postman_environment.json; envf=$P
  qty=$((RANDOM % 9)); pick 200 500 503 404 500; err=$P; pick 0 0 0.2 2; delay=$P; pick 10 40 150; rows=$P
  pick no no no yes; skip=$P; n=$((1 + RANDOM % 3 / 2))
  extra=()
  [ $((RANDOM % 4)) = 0 ] && extra+=(--reporter-cli-no-success-assertions)
  [ $((RANDOM % 5)) = 0 ] && extra+=(--reporter-cli-no-banner)
  [ $((RANDOM % 6)) = 0 ] && extra+=(--reporter-cli-no-console)
  [ $((RANDOM % 7)) = 0 ] && extra+=(--bail)
  [ $((RANDOM % 6)) = 0 ] && extra+=(--reporter-cli-no-failures)
  if [ $((RANDOM % 10)) = 0 ] && [ -n "$SRV" ]; then stop_server; elif [ -z "$SRV" ]; then start_server; fi
  if [ $r -lt 30 ]; then
    folder=()
    [ $((RANDOM % 4)) = 0 ] && { pick Items Reports Monthly Nope; folder=(--folder "$P"); }
    $NEWMAN run shop.postman_collection.json -e $envf --verbose --color off --disable-unicode \
      --timeout-request 1000 -n $n --env-var qty=$qty --env-var errcode=$err --env-var delay=$delay \
      --global-var rows=$rows --env-var skipTail=$skip "${folder[@]}" "${extra[@]}" >> $RAW 2>&1
  elif [ $r -lt 55 ]; then
    data=$W/data$run.csv
    echo "code,expect" > $data
    k=$((1 + RANDOM % 4)); for i in $(seq 1 $k); do pick 200 201 404 500 418; c=$P; pick $c $c 200; e=$P; echo "$c,$e" >> $data; done
    $NEWMAN run health.postman_collection.json -d $data --verbose --color off --disable-unicode \
      --timeout-request 800 --delay-request $((RANDOM % 50)) "${extra[@]}" >> $RAW 2>&1
  elif [ $r -lt 65 ]; then
    $NEWMAN run legacy.postman_collection.json --verbose --color off --disable-unicode -n $n "${extra[@]}" >> $RAW 2>&1
  elif [ $r -lt 73 ]; then
    $NEWMAN run broken.postman_collection.json --verbose --color off --disable-unicode >> $RAW 2>&1
  elif [ $r -lt 80 ]; then
    $NEWMAN run missing-$run.postman_collection.json --verbose --color off --disable-unicode >> $RAW 2>&1
  elif [ $r -lt 87 ]; then
    $NEWMAN run health.postman_collection.json -e missing-env.json --verbose --color off --disable-unicode >> $RAW 2>&1
  elif [ $r -lt 94 ]; then
    pick html teamcity fancy
    $NEWMAN run health.postman_collection.json -r cli,$P --verbose --color off --disable-unicode \
      --env-var code=200 >> $RAW 2>&1
  else
    $NEWMAN run shop.postman_collection.json --verbose --color off --disable-unicode --timeout-request 1000 \
      -d $W/nodata.json >> $RAW 2>&1
  fi
done
stop_server
sed -n '1,2500p' $RAW > $D/newman.log
