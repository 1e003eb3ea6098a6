#!/bin/bash
# Workload for Parcel (npm parcel): `parcel serve --log-level verbose --no-hmr` over ./src (copied to a scratch
# project under /tmp/round40-r40g/parcel/proj) on 127.0.0.1:57100 inside a private network + mount namespace;
# random edits that build and break the project, HTTP requests with curl, restarts, a second server on the same
# port, a broken .parcelrc. stdout+stderr captured, first 2500 lines kept.
cd /work/round40/parcel || exit 1
OUT=/work/round40/parcel
WORK=/tmp/round40-r40g/parcel
RAW=$WORK/raw.log
PARCEL=/tmp/round40-r40g/npm-parcel/node_modules/.bin/parcel
P=$WORK/proj
if [ -z "$R40G_INNER" ]; then
  mkdir -p "$WORK"
  exec unshare -n -m --propagation private env R40G_INNER=1 bash "$0" "$@"
fi
set -m
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
export HOME=/tmp/round40-r40g/home TMPDIR=/tmp/round40-r40g/tmp XDG_CONFIG_HOME=/tmp/round40-r40g/xdg/config \
  XDG_DATA_HOME=/tmp/round40-r40g/xdg/data XDG_CACHE_HOME=/tmp/round40-r40g/xdg/cache \
  XDG_STATE_HOME=/tmp/round40-r40g/xdg/state XDG_RUNTIME_DIR=/tmp/round40-r40g/xdg/run
rm -rf "$P" "$WORK/cache" "$WORK/dist"; mkdir -p "$P"; cp -r "$OUT/src" "$OUT/package.json" "$P/"
: > "$RAW"
cd "$P"
SERVE=("$PARCEL" serve src/index.html --host 127.0.0.1 --log-level verbose --no-hmr --no-autoinstall
       --cache-dir "$WORK/cache" --dist-dir "$WORK/dist")
start() { "${SERVE[@]}" --port "$1" >> "$RAW" 2>&1 & PID=$!; sleep 8; }
stop() { kill -INT "$PID"; for i in $(seq 10); do sleep 0.5; kill -0 "$PID" 2>/dev/null || break; done; kill -TERM "$PID" 2>/dev/null; wait "$PID"; }
req() { curl -s -o /dev/null -m 5 "http://127.0.0.1:$1$2"; }

good_util='export function add(a, b) { return a + b; }'
good_main="import { add } from './util.js';
document.getElementById('app').textContent = String(add(1, 2));"
good_css='body { color: #333; }'
edit() {
  case $((RANDOM % 14)) in
    0|1|2) echo "$good_util // v$RANDOM" > src/util.js ;;
    3) echo 'export function add(a, b) { return a + ; }' > src/util.js ;;
    4) echo 'export function add(a, b) { return a + b; ' > src/util.js ;;
    5) printf '%s\n%s\n' "$good_main" "import './missing$((RANDOM % 3)).js';" > src/main.js ;;
    6) printf '%s\n' "$good_main" > src/main.js; echo "$good_util" > src/util.js ;;
    7) echo "body { color: #$((RANDOM % 900 + 100)); } .x$RANDOM { margin: 0 }" > src/style.css ;;
    8) echo 'body { color: red; ' > src/style.css ;;
    9) echo "$good_css" > src/style.css ;;
    10) printf '%s\n%s\n' "$good_main" "import data from './data.json'; console.log(data);" > src/main.js
        if [ $((RANDOM % 2)) = 0 ]; then echo '{"a": 1,}' > src/data.json; else echo "{\"a\": $RANDOM}" > src/data.json; fi ;;
    11) printf '%s\n%s\n' "$good_main" "import { nothere } from './util.js'; console.log(nothere);" > src/main.js ;;
    12) sed -i "s|./style.css|./style$((RANDOM % 2)).css|" src/index.html ;;
    13) sed -i 's|./style[0-9]*.css|./style.css|' src/index.html ;;
  esac
}
restore() { printf '%s\n' "$good_main" > src/main.js; echo "$good_util" > src/util.js; echo "$good_css" > src/style.css; rm -f src/data.json; sed -i 's|./style[0-9]*.css|./style.css|' src/index.html; }

run_phase() {  # port, edits
  start "$1"
  for ((i=0; i<$2; i++)); do
    edit; sleep 1.$((RANDOM % 9))
    for ((j=0; j<RANDOM % 3; j++)); do
      case $((RANDOM % 5)) in
        0|1) req "$1" / ;; 2) req "$1" /index.html ;; 3) req "$1" /nope$RANDOM.js ;; 4) req "$1" "/$(ls "$WORK/dist" 2>/dev/null | shuf -n 1)" ;;
      esac
    done
  done
  restore; sleep 2
}

run_phase 57100 $((45 + RANDOM % 20))
# a second server on the same port
timeout 20 "${SERVE[@]}" --port 57100 >> "$RAW" 2>&1
stop
# a broken .parcelrc
echo '{ "extends": "@parcel/config-default", ' > .parcelrc
timeout 30 "${SERVE[@]}" --port 57101 >> "$RAW" 2>&1
echo '{ "extends": "@parcel/config-nonexistent" }' > .parcelrc
timeout 30 "${SERVE[@]}" --port 57101 >> "$RAW" 2>&1
rm -f .parcelrc
# restart with the cache warm
run_phase 57102 $((30 + RANDOM % 15))
stop
umount /dev/shm
sed -n '1,2500p' "$RAW" > "$OUT/parcel.log"
wc -l "$RAW" "$OUT/parcel.log"
