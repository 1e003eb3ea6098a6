#!/bin/bash
# Randomised workload for a minimal NestJS application (logger at every level). Run as root: bash workload.sh
SEED=5147
RANDOM=$SEED
D=/work/round46/nestjs
T=/tmp/round46-r46h
# re-run itself inside private network + mount namespaces (loopback only, private /tmp, /var/tmp, /dev/shm)
if [ -z "$R46H_INNER" ]; then
  exec unshare -n -m --propagation private bash -c '
    ip link set lo up
    mount --bind /tmp/round46-r46h /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round46-r46h
    mount --bind /mnt /tmp/round46-r46h; umount /mnt
    mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
    R46H_INNER=1 exec bash "$0"' "$D/workload.sh"
fi
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data XDG_CACHE_HOME=$T/xdg/cache XDG_STATE_HOME=$T/xdg/state XDG_RUNTIME_DIR=$T/xdg/runtime
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR $T/nestfiles
echo hello > $T/nestfiles/a.txt; echo report > $T/nestfiles/report.csv
set -m
cd $D
RAW=$T/nestjs.raw
: > $RAW
APP=
start_app() { # [FAIL_DESTROY]
  NO_COLOR=1 NEST_DEBUG=1 FAIL_DESTROY=$1 PORT=49700 node app.mjs >> $RAW 2>&1 & APP=$!
  for ((k = 0; k < 80; k++)); do curl -s -o /dev/null -m 1 http://127.0.0.1:49700/items && break; sleep 0.25; done   # wait until it answers
}
stop_app() { kill -TERM $APP; wait $APP 2>/dev/null; }
B=http://127.0.0.1:49700
cu() { curl -s -o /dev/null -m 5 "$@"; }
KINDS=(x type range disk quota)
FILES=(a.txt report.csv nope.txt missing.log a.txt)
KEYS=(letmein wrong crash "")
action() {
  local r=$((RANDOM % 100))
  if   [ $r -lt 20 ]; then cu $B/items
  elif [ $r -lt 34 ]; then cu $B/items/$((RANDOM % 8))
  elif [ $r -lt 38 ]; then cu $B/items/abc$((RANDOM % 5))
  elif [ $r -lt 45 ]; then cu -X POST -H 'content-type: application/json' -d "{\"name\":\"thing$RANDOM\"}" $B/items
  elif [ $r -lt 48 ]; then cu -X POST -H 'content-type: application/json' -d '{"size":3}' $B/items
  elif [ $r -lt 50 ]; then cu -X POST -H 'content-type: application/json' -d '{broken' $B/items
  elif [ $r -lt 54 ]; then cu -X DELETE $B/items/$((RANDOM % 10))
  elif [ $r -lt 59 ]; then cu $B/boom/${KINDS[RANDOM % 5]}
  elif [ $r -lt 69 ]; then cu -H "x-key: ${KEYS[RANDOM % 4]}" $B/admin
  elif [ $r -lt 77 ]; then cu $B/files/${FILES[RANDOM % 5]}
  elif [ $r -lt 82 ]; then cu $B/events?n=$((RANDOM % 4))
  elif [ $r -lt 85 ]; then cu "$B/slow?ms=$((RANDOM % 200))"
  elif [ $r -lt 90 ]; then cu $B/legacy/p$((RANDOM % 9))/x
  else cu $B/nowhere/$((RANDOM % 50))
  fi
}
for round in 1 2 3 4 5 6 7 8 9 10; do
  fail=; [ $((RANDOM % 3)) = 0 ] && fail=1
  start_app $fail
  n=$((50 + RANDOM % 100))
  for ((i = 0; i < n; i++)); do action; done
  stop_app
done
# keep the first 2500 lines
sed -n '1,2500p' $RAW > $D/nestjs.log
