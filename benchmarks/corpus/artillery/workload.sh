#!/bin/bash
# Artillery workload: artillery run with DEBUG namespaces against local HTTP and websocket servers, in private namespaces.
if [ -z "$R46D_IN_NS" ]; then
  exec unshare -n -m --propagation private env R46D_IN_NS=1 bash "$0" "$@"
fi
set -m
RANDOM=4709
D=/work/round46/artillery
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
  npm_config_cache=/tmp/round46-r46d/npmcache FORCE_COLOR=0 NO_COLOR=1 ARTILLERY_DISABLE_TELEMETRY=true
export DEBUG='http,http:request,http:response,ws,core,runner,phases,engine_util,util,artillery,artillery:worker,artillery:util,commands:*,console-capture,platform:local,plugin:expect,plugin:metrics-by-endpoint,perf'
mkdir -p $HOME $TMPDIR $XDG_RUNTIME_DIR
ART=/tmp/round46-r46d/artillery/bin/artillery
W=/tmp/round46-r46d/artillery-work
rm -rf $W; mkdir -p $W
RAW=$W/raw.log
: > $RAW
cd $W
SRV=; WSS=
start_servers() { python3 $D/server.py 47540 >/dev/null 2>&1 & SRV=$!; node $D/wsserver.js 47541 >/dev/null 2>&1 & WSS=$!; sleep 0.5; }
stop_servers() { [ -n "$SRV" ] && kill $SRV && wait $SRV 2>/dev/null; [ -n "$WSS" ] && kill $WSS && wait $WSS 2>/dev/null; SRV=; WSS=; }
pick() { local a=("$@"); P="${a[$((RANDOM % ${#a[@]}))]}"; }
start_servers
for run in $(seq 1 12); do
  r=$((RANDOM % 100))
  echo "run $run r=$r" >> $W/trace
  if [ $((RANDOM % 8)) = 0 ] && [ -n "$SRV" ]; then stop_servers; elif [ -z "$SRV" ]; then start_servers; fi
  if [ $r -lt 35 ]; then
    a=$((1 + RANDOM % 2)); pick 1 2 1; t=$P; pick 200 500 404 200; c=$P; pick 0 1 1 2; bw=$P; pick 0.2 1.5; dl=$P
    sed "s/{{ARRIVALS}}/$a/; s/{{TIMEOUT}}/$t/; s/{{CODE}}/$c/; s/{{BROKENW}}/$bw/; s/{{DELAY}}/$dl/" $D/http-shop.yml > $W/shop-$run.yml
    $ART run $W/shop-$run.yml >> $RAW 2>&1
  elif [ $r -lt 52 ]; then
    a=$((1 + RANDOM % 3)); pick bye close; m=$P
    sed "s/{{ARRIVALS}}/$a/; s/{{WSLAST}}/$m/" $D/ws.yml > $W/ws-$run.yml
    $ART run $W/ws-$run.yml >> $RAW 2>&1
  elif [ $r -lt 62 ]; then
    $ART run $D/refused.yml >> $RAW 2>&1
  elif [ $r -lt 71 ]; then
    $ART run $D/broken.yml >> $RAW 2>&1
  elif [ $r -lt 80 ]; then
    $ART run $D/invalid.yml >> $RAW 2>&1
  elif [ $r -lt 88 ]; then
    $ART run $W/missing-$run.yml >> $RAW 2>&1
  else
    pick 1 2; $ART quick --count $P --num 2 http://127.0.0.1:47540/json >> $RAW 2>&1
  fi
done
stop_servers
sed -n '1,2500p' $RAW > $D/artillery.log
