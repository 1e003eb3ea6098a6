#!/bin/bash
# Workload for Browsersync: several runs (server / proxy / snippet modes, varied flags) at
# --logLevel debug over a site folder under /tmp; edits, adds and deletes files, requests
# pages, connects fake browsers over socket.io, triggers CLI reloads.  Console -> browsersync.log
set -u
set -f   # file globs are passed to Browsersync as written
HERE=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round34-r34h/bs
BS=/tmp/round34-r34h/npm/node_modules/.bin/browser-sync
LOG="$HERE/browsersync.log"
PORT=45540; UIPORT=45550; BACK=45542; DEAD=45549
R() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }
rm -rf "$B/site"; mkdir -p "$B/site/css" "$B/site/js" "$B/site/img" "$B/site/blog"
: > "$LOG"
for p in index about contact; do echo "<html><head><title>$p</title><link rel=\"stylesheet\" href=\"/css/main.css\"></head><body><h1>$p</h1></body></html>" > "$B/site/$p.html"; done
for i in 1 2 3 4; do echo "<html><body><h2>post $i</h2></body></html>" > "$B/site/blog/post$i.html"; done
echo 'body{margin:0}' > "$B/site/css/main.css"; echo 'h1{color:red}' > "$B/site/css/extra.css"
echo 'console.log("app")' > "$B/site/js/app.js"; printf 'GIF89a' > "$B/site/img/logo.gif"
cd "$B"
# a backend for proxy mode
(cd "$B/site" && exec python3 -m http.server $BACK --bind 127.0.0.1 >/dev/null 2>&1) & BACKPID=$!

UAS=("Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"
     "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36"
     "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15"
     "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
     "curl/8.4.0" "Opera/9.80 (X11; Linux x86_64) Presto/2.12.388 Version/12.16")
SPID=""
start() { # args...
  "$BS" "$@" >> "$LOG" 2>&1 &
  SPID=$!
  for i in $(seq 1 40); do
    kill -0 $SPID 2>/dev/null || { wait $SPID 2>/dev/null; SPID=""; return 1; }
    curl -m 5 -s -o /dev/null "http://127.0.0.1:$PORT/browser-sync/browser-sync-client.js" && return 0
    sleep 0.25
  done
  return 0
}
stop() { [ -n "$SPID" ] && kill -$(pick INT TERM INT) "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; SPID=""; }

files=(index.html about.html contact.html blog/post1.html blog/post2.html blog/post3.html css/main.css css/extra.css css/main.css js/app.js)
edit() {
  local f=$(pick "${files[@]}")
  case $f in
    *.css) echo "/* $(date +%s%N) */ h$(R 6){color:#$(R 9)$(R 9)$(R 9)}" >> "site/$f" ;;
    *.js) echo "console.log($(R 1000));" >> "site/$f" ;;
    *) echo "<p>edit $(R 1000)</p>" >> "site/$f" ;;
  esac
}
addrm() {
  local n="blog/draft$(R 5).html"
  if [ -f "site/$n" ]; then rm -f "site/$n"; else echo "<p>draft</p>" > "site/$n"; fi
  [ $(R 4) = 0 ] && { if [ -d site/tmpdir ]; then rm -rf site/tmpdir; else mkdir -p site/tmpdir && echo x > site/tmpdir/note.txt; fi; }
}
browse() {
  local u=$(pick / /index.html /about.html /blog/post2.html /css/main.css /js/app.js /missing.html /blog/ /img/logo.gif /nope/deep/path)
  curl -m 5 -s -o /dev/null -A "$(pick "${UAS[@]}")" "http://127.0.0.1:$PORT$u"
}
connect() { timeout 10 node "$HERE/wsclient.js" $PORT "$(pick "${UAS[@]}")" $(( 300 + RANDOM % 2500 )) >/dev/null 2>&1 & }
clireload() {
  case $(R 3) in
    0) "$BS" reload --port $PORT >/dev/null 2>&1 ;;
    1) "$BS" reload --port $PORT --files css/main.css >/dev/null 2>&1 ;;
    2) curl -m 5 -s -o /dev/null "http://127.0.0.1:$PORT/__browser_sync__?method=reload&args=$(pick css/main.css index.html)" ;;
  esac
}

common=(--port $PORT --ui-port $UIPORT --logLevel debug --no-open)
modeargs() {
  case $1 in
    server) echo "start --server site --files site/**/*" ;;
    serverdir) echo "start --server site --directory --files site/**/*.html --files site/**/*.css" ;;
    servernoui) echo "start --server site --no-ui --files site --reload-debounce 400" ;;
    serverconn) echo "start --server site --files site/**/* --logConnections --no-inject-changes" ;;
    watch) echo "start --server site --watch --no-notify" ;;
    proxy) echo "start --proxy 127.0.0.1:$BACK --files site/**/* --logConnections" ;;
    deadproxy) echo "start --proxy 127.0.0.1:$DEAD --files site/**/*" ;;
    snippet) echo "start --files site/**/*.css --logConnections" ;;
    snippetnoui) echo "start --files site/**/* --no-ui --no-log-snippet" ;;
    filechg) echo "start --server site --files site/**/* --log-file-changes" ;;
    nofilelog) echo "start --server site --files site/**/* --no-log-file-changes" ;;
  esac
}
modes=(server server server serverdir servernoui serverconn serverconn watch proxy deadproxy snippet snippetnoui filechg nofilelog)
for round in $(seq 1 ${ROUNDS:-16}); do
  # sometimes a broken start first
  case $(R 6) in
    0) timeout 20 "$BS" start --config "$B/no-such-config.js" --logLevel debug --no-open --port $PORT --ui-port $UIPORT >> "$LOG" 2>&1 ;;
    1) timeout 20 "$BS" start --server "$B/no-such-dir" --logLevel debug --no-open --port $PORT --ui-port $UIPORT --exit-after 1 >> "$LOG" 2>&1 ;;
    2) timeout 20 "$BS" recipe >> "$LOG" 2>&1 ;;
  esac
  m=$(pick "${modes[@]}")
  extra=()
  BUSY=""
  # shellcheck disable=SC2046
  start $(modeargs "$m") "${common[@]}" || { [ -n "$BUSY" ] && kill $BUSY; continue; }
  [ -n "$BUSY" ] && { kill $BUSY; wait $BUSY 2>/dev/null; }
  ops=$(( 8 + RANDOM % 35 ))
  for k in $(seq $ops); do
    r=$(R 100)
    if   [ $r -lt 40 ]; then edit; sleep 0.$(( 3 + RANDOM % 6 ))
    elif [ $r -lt 50 ]; then addrm; sleep 0.4
    elif [ $r -lt 70 ]; then browse
    elif [ $r -lt 85 ]; then connect
    else clireload; sleep 0.2
    fi
  done
  sleep 1
  stop
done
kill $BACKPID 2>/dev/null
wait 2>/dev/null
