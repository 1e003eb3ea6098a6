#!/bin/bash
# Workload for npm webpack-dev-server (with webpack and webpack-cli): runs `webpack serve` over
# project/ several times (in a private network+mount namespace) with infrastructureLogging
# level "verbose" and debug on, edits and breaks the project's sources, sends good and bad HTTP
# requests (also through its proxy to a fake upstream, backend.py, that is up, dropping or down),
# provokes start-up errors, and cuts one contiguous stretch of its output into
# webpackdevserver.log.
set -u
F=/work/round40/webpackdevserver
P=$F/project
R=/tmp/round40-r40d
if [ -z "${R40D_INNS:-}" ]; then
  exec env R40D_INNS=1 unshare -n -m --propagation private bash "$F/workload.sh" "$@"
fi
cd "$P" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
export HOME=$R/wds-home TMPDIR=$R/wds-tmp XDG_CONFIG_HOME=$R/wds-xdg/config \
       XDG_CACHE_HOME=$R/wds-xdg/cache XDG_DATA_HOME=$R/wds-xdg/data XDG_RUNTIME_DIR=$R/wds-xdg/run
rm -rf "$R/wds-tmp" "$R/wds-xdg" "$R/wds-dist" "$P/src"
mkdir -p "$HOME" "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
WEBPACK="node $R/wds/node_modules/webpack-cli/bin/cli.js"
RAW=$R/wds-raw.log
PORT=55701
BASE=http://127.0.0.1:$PORT
: > "$RAW"
r() { echo $(( RANDOM % $1 )); }

# the project's sources
mkdir -p src
good_greet() { echo "export const greet = (n) => \"hello \" + n + \" $RANDOM\";" > src/greet.js; }
good_index() {
  { echo 'import { greet } from "./greet.js";'
    echo 'import data from "./data.json";'
    local m; for m in src/mod_*.js; do [ -e "$m" ] && echo "import \"./$(basename "$m")\";"; done
    echo 'document.getElementById("app").textContent = greet(data.name);'; } > src/index.js
}
good_greet; echo '{"name": "world"}' > src/data.json; good_index

edit() {   # one random change to the sources
  case $(r 11) in
    0|1|2) good_greet ;;
    3) echo "export const greet = (n) => \"hi \" + ;" > src/greet.js ;;                  # syntax error
    4) good_index; echo 'import extra from "./missing.js";' >> src/index.js ;;            # missing module
    5) good_index; echo 'import { nothing } from "./greet.js"; console.log(nothing);' >> src/index.js ;;
    6) echo "export const v$RANDOM = $RANDOM;" > "src/mod_$(r 4).js"; good_index ;;      # new module
    7) rm -f src/mod_*.js; good_index ;;
    8) echo '{"name": "world",}' > src/data.json ;;                                      # bad JSON
    9) echo "{\"name\": \"w$RANDOM\"}" > src/data.json ;;
    10) good_greet; good_index; echo '{"name": "world"}' > src/data.json ;;              # all fixed
  esac
}

URLS=(/ /index.html /main.js /main.js /app/page /app/x/y /missing.js /nothing/here /webpack-dev-server
      /api/data /api/missing /api/drop /dead/thing /favicon.ico /main.js.map /ws "/..%2f..%2fetc%2fpasswd")
request() {
  local u=${URLS[$(r ${#URLS[@]})]}
  case $(r 13) in
    10) curl -s -o /dev/null -m 5 -H 'Range: garbage' "$BASE/main.js" ;;
    11) curl -s -o /dev/null -m 5 -H "Accept: $(if [ $(r 2) = 0 ]; then echo application/json; else echo text/plain; fi)" "$BASE$u" ;;
    12) curl -s -o /dev/null -m 5 -H 'Accept:' "$BASE$u" ;;
    0) curl -s -o /dev/null -m 5 -H 'Range: bytes=0-99' "$BASE/main.js" ;;
    1) curl -s -o /dev/null -m 5 -H 'Range: bytes=99999999-' "$BASE/main.js" ;;
    2) curl -s -o /dev/null -m 5 -H 'Range: bytes=0-10,20-30' "$BASE/main.js" ;;
    3) curl -s -o /dev/null -m 5 -H 'Range: bytes=abc' "$BASE/main.js" ;;
    4) curl -s -o /dev/null -m 5 -H 'Accept: text/html' "$BASE$u" ;;
    5) curl -s -o /dev/null -m 5 -X POST -d 'x=1' "$BASE$u" ;;
    6) curl -s -o /dev/null -m 5 -I "$BASE$u" ;;
    *) curl -s -o /dev/null -m 5 --path-as-is "$BASE$u" ;;
  esac
}

wait_up() {
  local i
  for ((i = 0; i < 60; i++)); do
    curl -s -o /dev/null -m 2 "$BASE/index.html" && return 0
    sleep 0.5
  done
  return 1
}

backend_pid=""
backend() {   # fake upstream: up (answers / drops) or down
  [ -n "$backend_pid" ] && { kill $backend_pid; wait $backend_pid 2>/dev/null; backend_pid=""; }
  if [ $(r 3) != 0 ]; then
    python3 "$F/backend.py" 55702 > /dev/null 2>&1 &
    backend_pid=$!
  fi
}

run_good() {
  backend
  local args=(serve --config webpack.config.js)
  [ $(r 3) = 0 ] && args+=(--hot)
  [ $(r 4) = 0 ] && args+=(--no-live-reload)
  [ $(r 4) = 0 ] && args+=(--client-overlay)
  $WEBPACK "${args[@]}" >> "$RAW" 2>&1 &
  local pid=$!
  wait_up || { kill -INT $pid; wait $pid; return; }
  local steps=$(( 8 + $(r 25) )) s n
  for ((s = 0; s < steps; s++)); do
    if [ $(r 3) = 0 ]; then
      edit
      sleep 0.$(( 3 + $(r 6) ))
    fi
    for ((n = $(r 8); n > 0; n--)); do request; done
    [ $(r 6) = 0 ] && backend
    sleep 0.$(( 5 + $(r 5) ))
  done
  case $(r 3) in
    0|1) kill -INT $pid ;;
    2) kill -TERM $pid ;;
  esac
  wait $pid
}

run_bad() {
  local cfg=$R/wds-bad.config.js
  case $(r 6) in
    0) echo 'module.exports = { mode: "development", entry: "./src/index.js",' > "$cfg"
       $WEBPACK serve --config "$cfg" ;;
    1) sed 's/open: false,/open: false, bogusOption: 1,/' webpack.config.js > "$cfg"
       $WEBPACK serve --config "$cfg" ;;
    2) sed 's/mode: "development"/mode: "fast"/' webpack.config.js > "$cfg"
       $WEBPACK serve --config "$cfg" ;;
    3) $WEBPACK serve --config "$R/wds-none.config.js" ;;
    4) $WEBPACK serve --config webpack.config.js --bogus-flag ;;
    5) # the port is taken by another process
       python3 "$F/backend.py" $PORT > /dev/null 2>&1 &
       local other=$!; sleep 1
       timeout -s INT 30 $WEBPACK serve --config webpack.config.js
       kill $other; wait $other ;;
  esac >> "$RAW" 2>&1
}

runs=$(( 5 + $(r 3) ))
for ((k = 0; k < runs; k++)); do
  for ((b = $(r 3); b > 0; b--)); do run_bad; done
  run_good
done
[ -n "$backend_pid" ] && { kill $backend_pid; wait $backend_pid 2>/dev/null; }

total=$(wc -l < "$RAW")
if [ "$total" -gt 2500 ]; then
  start=$(( 1 + $(r $(( total - 2500 + 1 ))) ))
  # begin the stretch at the last line before that point that starts a compilation
  start=$(awk -v s="$start" 'NR <= s && /Compiler starting/ {n = NR} END {print n ? n : 1}' "$RAW")
  sed -n "${start},$(( start + 2499 ))p" "$RAW" > "$F/webpackdevserver.log"
else
  cp "$RAW" "$F/webpackdevserver.log"
fi
wc -l "$F/webpackdevserver.log"
