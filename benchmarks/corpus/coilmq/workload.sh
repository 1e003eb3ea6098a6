#!/bin/bash
# coilmq broker workload: runs itself inside a private network+mount namespace
set -u -m
D=/work/round41/coilmq
T=/tmp/round41-r41g/coilmq
V=/tmp/round41-r41g/venv-coilmq
PORT=61100
if [ "${1:-}" != inner ]; then
  cd "$D" || exit 1
  exec unshare -n -m --propagation private bash "$D/workload.sh" inner
fi
cd "$D" || exit 1
ip link set lo up
rm -rf "$T"; mkdir -p "$T/home" "$T/tmp" "$T/xdg/config" "$T/xdg/data" "$T/xdg/cache" "$T/xdg/runtime"
chmod 700 "$T/xdg/runtime"
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/runtime
RAW=$T/raw.log; : > "$RAW"
SRV=
start_srv() { # $1 config
  "$V/bin/coilmq" -c "$D/$1" --debug >> "$RAW" 2>&1 &
  SRV=$!; sleep 1.5
}
stop_srv() { [ -n "$SRV" ] && kill -INT "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=; }
drive() { timeout 120 "$V/bin/python" "$D/drive.py" $PORT "$@" >/dev/null 2>&1; }

start_srv coilmq.cfg
drive $((${N1:-30} + RANDOM % 10)) noauth
# a second broker on the busy port
timeout 10 "$V/bin/coilmq" -c "$D/coilmq.cfg" --debug >> "$RAW" 2>&1
drive $((${N2:-12} + RANDOM % 10)) noauth
stop_srv
# bad authentication configuration (auth file missing)
timeout 10 "$V/bin/coilmq" -c "$D/coilmq-badauth.cfg" --debug >> "$RAW" 2>&1
start_srv coilmq-auth.cfg
drive $((${N3:-30} + RANDOM % 10)) auth
sleep $((3 + RANDOM % 4))
stop_srv
start_srv coilmq.cfg
drive $((${N4:-10} + RANDOM % 10)) noauth
stop_srv
# keep one stretch of whole lines
sed -n '1,2500p' "$RAW" > "$D/coilmq.log"
