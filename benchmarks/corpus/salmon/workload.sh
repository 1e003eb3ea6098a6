#!/bin/bash
# salmon mail server workload: runs itself inside a private network+mount namespace
set -u -m
D=/work/round41/salmon
T=/tmp/round41-r41g/salmon
V=/tmp/round41-r41g/venv-salmon
PORT=61200 RELAY=61201
if [ "${1:-}" != inner ]; then
  cd "$D" || exit 1
  exec unshare -n -m --propagation private bash "$D/workload.sh" inner
fi
cd "$D" || exit 1
ip link set lo up
rm -rf "$T"; mkdir -p "$T/home" "$T/tmp" "$T/xdg/config" "$T/xdg/data" "$T/xdg/cache" "$T/xdg/runtime"
chmod 700 "$T/xdg/runtime"
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/runtime
export PYTHONDONTWRITEBYTECODE=1
# the project runs from a scratch copy (its queues and run files stay out of the folder)
P=$T/proj; cp -r "$D/proj" "$P"
LOG=$T/salmon.log; : > "$LOG"
SRV= REL=
start_srv() { # extra args for salmon start
  ( cd "$P" && exec "$V/bin/salmon" start --debug "$@" ) >> "$T/console.out" 2>&1 &
  SRV=$!; sleep 2
}
stop_srv() { [ -n "$SRV" ] && kill -INT "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=; }
start_relay() { "$V/bin/python" "$D/fake_relay.py" $RELAY >/dev/null 2>&1 & REL=$!; sleep 0.5; }
stop_relay() { [ -n "$REL" ] && kill "$REL" 2>/dev/null; wait "$REL" 2>/dev/null; REL=; }
mail() { timeout 300 "$V/bin/python" "$D/client.py" $PORT "$1" >/dev/null 2>&1; }

start_relay
start_srv
mail $((${N1:-55} + RANDOM % 20))
# downstream relay goes away for a while
stop_relay
mail $((${N2:-5} + RANDOM % 5))
start_relay
# a broken handler module is deployed and picked up by the router's reload, then fixed
cp "$P/app/handlers/extra.py" "$T/extra.py.good"
cp "$P/app/handlers/extra_broken.py" "$P/app/handlers/extra.py"
mail $((${N3:-4} + RANDOM % 4))
cp "$T/extra.py.good" "$P/app/handlers/extra.py"
mail $((${N4:-15} + RANDOM % 10))
stop_srv
# restart with a boot module naming a missing handler, and only a uid given
start_srv --boot config.boot_bad --uid 65534
mail $((${N5:-10} + RANDOM % 10))
stop_srv
start_srv
mail $((${N6:-30} + RANDOM % 15))
stop_srv
stop_relay
# keep one stretch of whole lines
sed -n '1,2500p' "$LOG" > "$D/salmon.log"
