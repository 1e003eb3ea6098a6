#!/bin/bash
# Randomised workload for the TiddlyWiki Node.js server (npm tiddlywiki).
# Every run appends its stdout and stderr to tiddlywiki.log. Ports 37620-37629 only.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round32-r32j
TW=$BASE/npm/node_modules/.bin/tiddlywiki
W=$BASE/tw
LOG=$HERE/tiddlywiki.log
PIDS=$BASE/tiddlywiki.pids
: > "$LOG"; : > "$PIDS"
rm -rf "$W"; mkdir -p "$W"; cd "$W" || exit 1

"$TW" wiki --init server > /dev/null 2>&1
printf 'username,password\nalice,wonderland\nbob,builder\n' > "$W/users.csv"

TITLES=(Hello "Shopping List" Journal/2026-12-06 "Meeting notes" "Project Plan" TODO Recipes
  "Ünïcödé Tïtle" "Tags & Things" "Release 1.2" Ideas Draft "$:/config/Demo" HelloWorld "A/B/C" Log)
PATHS=(/ /status /favicon.ico /recipes/default/tiddlers.json /recipes/default/tiddlers/Hello
  /recipes/default/tiddlers/Missing /files/picture.png /files/missing.pdf /login-basic /nope
  /robots.txt /recipes/default/tiddlers/HelloWorld /bags/default/tiddlers/Journal /static/x.css
  "/recipes/default/tiddlers.json?filter=%5Ball%5Btiddlers%5D%5D"
  "/recipes/default/tiddlers.json?filter=%5Btag%5BJournal%5D%5D"
  "/recipes/default/tiddlers.json?filter=%5Ball%5Bshadows%5D%5D&exclude=text,tags"
  "/?search=hello" /recipes/default/tiddlers/Ideas /.well-known/security.txt)
AGENTS=("curl/7.88.1" "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0"
  "python-requests/2.31.0" "TiddlyDesktop/0.0.20")
mkdir -p "$W/wiki/files"; head -c 2000 /dev/urandom > "$W/wiki/files/picture.png"

urlenc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$1"; }
start() {  # start PORT ARGS... -> records pid in LAST
  local port=$1; shift
  "$TW" "$@" >> "$LOG" 2>&1 &
  LAST=$!; echo "$LAST" >> "$PIDS"
  for _ in $(seq 1 60); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/status" 2>/dev/null && return 0
    kill -0 "$LAST" 2>/dev/null || return 1
    sleep 0.2
  done
}
stop() { kill -"${2:-TERM}" "$1" 2>/dev/null; wait "$1" 2>/dev/null; }
request() {  # request PORT [curl args]
  local port=$1; shift
  local a=${AGENTS[RANDOM % ${#AGENTS[@]}]} r=$((RANDOM % 20)) t
  t=$(urlenc "${TITLES[RANDOM % ${#TITLES[@]}]}")
  if (( r < 4 )); then
    curl -s -o /dev/null --max-time 5 -A "$a" -X PUT -H 'X-Requested-With: TiddlyWiki' \
      -H 'Content-Type: application/json' "$@" \
      -d "{\"text\":\"note $RANDOM\",\"tags\":\"[[tag $((RANDOM % 5))]] Journal\",\"type\":\"text/vnd.tiddlywiki\"}" \
      "http://127.0.0.1:$port/recipes/default/tiddlers/$t"
  elif (( r == 4 )); then
    curl -s -o /dev/null --max-time 5 -A "$a" -X DELETE -H 'X-Requested-With: TiddlyWiki' "$@" \
      "http://127.0.0.1:$port/bags/default/tiddlers/$t"
  elif (( r == 5 )); then   # no CSRF header: refused
    curl -s -o /dev/null --max-time 5 -A "$a" -X PUT -d '{"text":"x"}' "$@" \
      "http://127.0.0.1:$port/recipes/default/tiddlers/$t"
  elif (( r == 6 )); then   # malformed body
    curl -s -o /dev/null --max-time 5 -A "$a" -X PUT -H 'X-Requested-With: TiddlyWiki' \
      -d '{"text": broken' "$@" "http://127.0.0.1:$port/recipes/default/tiddlers/$t"
  elif (( r == 7 )); then
    curl -s -o /dev/null --max-time 5 -A "$a" -X OPTIONS "$@" "http://127.0.0.1:$port/"
  elif (( r == 8 )); then
    curl -s -o /dev/null --max-time 5 -A "$a" -X POST -d 'a=b' "$@" "http://127.0.0.1:$port/recipes/default/tiddlers/$t"
  elif (( r == 9 )); then
    curl -s -o /dev/null --max-time 5 -A "$a" "$@" "http://127.0.0.1:$port/recipes/default/tiddlers/$t"
  else
    curl -s -o /dev/null --max-time 5 -A "$a" "$@" "http://127.0.0.1:$port${PATHS[RANDOM % ${#PATHS[@]}]}"
  fi
}
traffic() { local port=$1 n=$2; shift 2; for _ in $(seq 1 "$n"); do request "$port" "$@"; done; }

# 1. the main server, verbose, full debug
start 37620 wiki --verbose --listen port=37620 host=127.0.0.1 debug-level=full
traffic 37620 $((RANDOM % 60 + 140))
# a tiddler whose file path is taken by a directory: its save fails and is retried
mkdir -p "$W/wiki/tiddlers/Blocked.tid"
curl -s -o /dev/null -X PUT -H 'X-Requested-With: TiddlyWiki' -d '{"text":"cannot save"}' \
  http://127.0.0.1:37620/recipes/default/tiddlers/Blocked
traffic 37620 $((RANDOM % 40 + 60))
sleep $((RANDOM % 8 + 8))
rmdir "$W/wiki/tiddlers/Blocked.tid"
traffic 37620 $((RANDOM % 30 + 20))
sleep 3
# a second server on the same port fails
timeout 20 "$TW" wiki --listen port=37620 host=127.0.0.1 >> "$LOG" 2>&1
stop "$LAST" INT

# 2. restart with basic authentication: first with a credentials file that is not there,
# then with the right one, and a few readers and writers
"$TW" wiki --listen port=37621 host=127.0.0.1 credentials=users.csv >> "$LOG" 2>&1
cp "$W/users.csv" "$W/wiki/users.csv"
start 37621 wiki --listen port=37621 host=127.0.0.1 debug-level=debug credentials=users.csv \
  "readers=(authenticated)" writers=alice "admin=alice"
for _ in $(seq 1 $((RANDOM % 50 + 100))); do
  case $((RANDOM % 5)) in
    0|1) request 37621 -u alice:wonderland ;;
    2) request 37621 -u bob:builder ;;
    3) request 37621 -u alice:wrong ;;
    *) request 37621 ;;
  esac
done
stop "$LAST"

# 3. bad command lines
"$TW" wiki --frobnicate >> "$LOG" 2>&1
"$TW" wiki listen >> "$LOG" 2>&1
"$TW" wiki --listen port37622 =host >> "$LOG" 2>&1

# 4. a wiki folder that does not exist, and one with broken configuration
start 37623 nowhere --listen port=37623 host=127.0.0.1 debug-level=full
traffic 37623 $((RANDOM % 20 + 10))
stop "$LAST"
mkdir -p "$W/broken/tiddlers/imports" "$W/broken/tiddlers/extra" "$W/broken/plugins/half"
printf '{"description":"broken","plugins":["tiddlywiki/tiddlyweb","tiddlywiki/filesystem","tiddlywiki/nosuchplugin"],"themes":["tiddlywiki/nosuchtheme"]}\n' > "$W/broken/tiddlywiki.info"
printf '{"tiddlers": [ broken json' > "$W/broken/tiddlers/imports/tiddlywiki.files"
printf '{"directories": ["../../does-not-exist"]}' > "$W/broken/tiddlers/extra/tiddlywiki.files"
echo 'title: Half' > "$W/broken/plugins/half/readme.tid"
start 37624 broken --listen port=37624 host=127.0.0.1 debug-level=full
traffic 37624 $((RANDOM % 30 + 20))
stop "$LAST"
printf '{"description": "bad", plugins: [' > "$W/broken/tiddlywiki.info"
start 37625 broken --listen port=37625 host=127.0.0.1 debug-level=full
traffic 37625 $((RANDOM % 20 + 5))
stop "$LAST"
printf '{"description":"no client-server plugins","plugins":[]}\n' > "$W/broken/tiddlywiki.info"
rm -rf "$W/broken/tiddlers/imports" "$W/broken/tiddlers/extra" "$W/broken/plugins"
start 37626 broken --verbose --listen port=37626 host=127.0.0.1 debug-level=full
traffic 37626 $((RANDOM % 20 + 10))
stop "$LAST"

# 5. the main server again, quieter debug level, with a path prefix
start 37627 wiki --listen port=37627 host=127.0.0.1 debug-level=debug path-prefix=/wiki
for _ in $(seq 1 $((RANDOM % 40 + 60))); do
  if (( RANDOM % 3 )); then request 37627 --path-as-is; else
    curl -s -o /dev/null "http://127.0.0.1:37627/wiki${PATHS[RANDOM % ${#PATHS[@]}]}"; fi
done
stop "$LAST"
