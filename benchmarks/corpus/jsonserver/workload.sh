#!/bin/bash
# json-server workload: runs npm json-server 0.17.4 (installed under
# /tmp/round33-r33a/npm) on 127.0.0.1:38200-38209, its stdout and stderr appended
# to $RAW; restarts it with varied options, edits the watched files, asks for
# snapshots on stdin and drives it with client.py.
# The log was made by SEED=4242 N=8 ./workload.sh, then the final tour again
# with APPEND=1 SEED=4243 N=0 ./workload.sh (appending to the same file);
# jsonserver.log is lines 23-2521 of that file.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/round33-r33a/js-work
RAW=${RAW:-$W/jsonserver.raw.log}
BIN=/tmp/round33-r33a/npm/node_modules/json-server/lib/cli/bin.js
mkdir -p "$W/snaps" "$W/static"
[ "${APPEND:-0}" = 1 ] || : > "$RAW"
SEED=${SEED:-$RANDOM}
RANDOM=$SEED
cd "$W"
echo '<html><body>r33a</body></html>' > static/index.html
cp "$HERE/routes.json" "$W/routes.json"
cp "$HERE/middleware.js" "$W/middleware.js"

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
chance() { [ $((RANDOM % 100)) -lt "$1" ]; }
CLIENT="python3 $HERE/client.py"

start() {  # start json-server with "$@"; its stdin is a fifo kept open on fd 3
  rm -f "$W/in"; mkfifo "$W/in"
  node "$BIN" "$@" < "$W/in" >> "$RAW" 2>&1 &
  JP=$!
  exec 3>"$W/in"
}
stop() {
  kill -$(pick INT TERM) $JP 2>/dev/null; wait $JP 2>/dev/null; exec 3>&-
}

normal_run() {
  local port=$((38200 + RANDOM % 10)) args=()
  [ -f "$W/db.json" ] && chance 70 || cp "$HERE/db.seed.json" "$W/db.json"
  args+=(db.json --port $port --host 127.0.0.1)
  local watch=0
  if chance 60; then args+=(--watch); watch=1; fi
  local routes=0
  if chance 40; then args+=(--routes routes.json); routes=1; fi
  chance 25 && args+=(--middlewares middleware.js)
  chance 40 && args+=(--snapshots snaps)
  chance 15 && args+=(--delay $((20 + RANDOM % 200)))
  chance 12 && args+=(--read-only)
  chance 20 && args+=(--static static)
  chance 10 && args+=(--no-cors)
  chance 10 && args+=(--no-gzip)
  start "${args[@]}"
  sleep 1.5
  local rounds=$((2 + RANDOM % 5))
  for r in $(seq 1 $rounds); do
    $CLIENT 127.0.0.1 $port $((10 + RANDOM % 60)) $RANDOM
    chance 30 && echo s >&3
    chance 10 && echo "$(pick x help S)" >&3
    if [ $watch = 1 ]; then
      case $((RANDOM % 6)) in
        0) python3 - "$W/db.json" <<'PY'
import json, sys, random
d = json.load(open(sys.argv[1])); d.setdefault("tags", []).append({"id": len(d.get("tags", [])) + 1, "name": "t%d" % random.randrange(99)})
json.dump(d, open(sys.argv[1], "w"), indent=2)
PY
           sleep 1.5 ;;
        1) cp "$W/db.json" "$W/db.good"; printf '{"posts": [ {"id": 1,, }\n' > "$W/db.json"; sleep 1
           cp "$W/db.good" "$W/db.json"; sleep 1.5 ;;
        2) [ $routes = 1 ] && { python3 -c 'import json,sys; d=json.load(open("routes.json")); d["/r%d" % len(d)] = "/posts"; json.dump(d, open("routes.json","w"))'; sleep 1.5; } ;;
        3) touch "$W/db.json"; sleep 0.5 ;;
      esac
    fi
  done
  stop
}

error_run() {
  case ${1:-$((RANDOM % 10))} in
    0) start db.json --port 38209 --host 127.0.0.1 --snapshots no-such-dir; sleep 1; stop ;;
    1) start db.json --port 38208 --host 127.0.0.1; sleep 1.5
       node "$BIN" db.json --port 38208 --host 127.0.0.1 < /dev/null >> "$RAW" 2>&1; stop ;;
    2) rm -f "$W/new-$RANDOM.json"; start "new-$((RANDOM % 100)).json" --port 38207 --host 127.0.0.1; sleep 1.5
       $CLIENT 127.0.0.1 38207 $((3 + RANDOM % 8)) $RANDOM; stop; rm -f "$W"/new-*.json ;;
    3) printf '{"posts": [1, 2,]}' > "$W/bad.json"; start bad.json --port 38206 --host 127.0.0.1; sleep 1.5; stop ;;
    4) printf '{"posts": [], "count": 5}' > "$W/typed.json"; start typed.json --port 38205 --host 127.0.0.1; sleep 1.5; stop ;;
    5) start db.txt --port 38204 --host 127.0.0.1; sleep 1.5; stop ;;
    6) node "$BIN" < /dev/null >> "$RAW" 2>&1 ;;
    7) start http://127.0.0.1:38299/db.json --port 38203 --host 127.0.0.1; sleep 1.5; stop ;;
    8) start db.json --port 38202 --host 127.0.0.1 --routes no-routes.json; sleep 1.5; stop ;;
    9) start db.json --port "$(pick 70000 abc)" --host 127.0.0.1; sleep 1.5; stop ;;
  esac
}

N=${N:-10}
for i in $(seq 1 $N); do
  normal_run
  for j in $(seq 1 $((RANDOM % 3))); do error_run; done
done
# a final tour of the start-up errors
for c in 0 2 3 9 7; do error_run $c; done
rm -f "$W/in"
