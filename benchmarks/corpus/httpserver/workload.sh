#!/bin/bash
# Randomised workload for http-server (npm). Every run of the server appends its
# stdout and stderr to httpserver.log. Ports 37600-37609 only.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round32-r32j
HS=$BASE/npm/node_modules/.bin/http-server
WWW=$BASE/www
LOG=$HERE/httpserver.log
PIDS=$BASE/httpserver.pids
: > "$LOG"; : > "$PIDS"

# --- content to serve -------------------------------------------------------
rm -rf "$WWW"; mkdir -p "$WWW/docs/deep" "$WWW/img" "$WWW/empty" "$WWW/.hidden"
echo '<h1>home</h1>' > "$WWW/index.html"
echo 'about us' > "$WWW/about.html"
echo 'hello' > "$WWW/hello.txt"
echo '{"a":1}' > "$WWW/data.json"
echo 'body{}' > "$WWW/style.css"
echo 'secret' > "$WWW/.env"
echo 'x' > "$WWW/.hidden/x.txt"
for i in $(seq 1 12); do head -c $((RANDOM % 4000 + 10)) /dev/urandom | base64 > "$WWW/docs/page$i.txt"; done
echo 'deep' > "$WWW/docs/deep/leaf.md"
head -c 3000 /dev/urandom > "$WWW/img/logo.png"
gzip -kf "$WWW/hello.txt"; gzip -kf "$WWW/style.css"
echo 'not found page' > "$WWW/404.html"
echo 'text/x-custom cst' > "$BASE/custom.types"
echo 'custom' > "$WWW/file.cst"
rm -f "$WWW/unreadable.txt"; echo 'no' > "$WWW/unreadable.txt"

PATHS=(/ /index.html /about.html /about /hello.txt /data.json /style.css /docs /docs/ /docs/deep/
  /docs/deep/leaf.md /img/logo.png /img/ /missing.html /nope/ /docs/page99.txt /.env /.hidden/
  /.hidden/x.txt /file.cst /robots.txt /favicon.ico /%E0%A4%A /docs/..%2f..%2fetc/passwd
  "/search?q=test&page=2" /empty/ /docs/page1.txt /docs/page2.txt /docs/page3.txt /docs/page7.txt
  /docs/page11.txt /api/users /api/items/42 /login "/%2e%2e/%2e%2e/" /index.html?v=3 "/a b.txt"
  /ünïcode.txt /img/logo.png?size=large /docs/deep /404.html)
AGENTS=("curl/7.88.1" "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0"
  "Wget/1.21.3" "python-requests/2.31.0" "Go-http-client/1.1" "Googlebot/2.1 (+http://www.google.com/bot.html)"
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 13_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Safari/605.1.15"
  "monitoring-probe/0.3")
METHODS=(GET GET GET GET GET GET HEAD HEAD POST PUT DELETE OPTIONS PATCH)

start() {  # start PORT ARGS... -> server in background, records pid
  local port=$1; shift
  "$HS" "$@" -p "$port" >> "$LOG" 2>&1 &
  echo $! >> "$PIDS"; LAST=$!
  for _ in $(seq 1 50); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/__probe" 2>/dev/null && return 0
    sleep 0.1
  done
}
stop() { kill -"${2:-TERM}" "$1" 2>/dev/null; wait "$1" 2>/dev/null; }
traffic() {  # traffic PORT COUNT [curl extra args]
  local port=$1 n=$2; shift 2
  for _ in $(seq 1 "$n"); do
    local p=${PATHS[RANDOM % ${#PATHS[@]}]} m=${METHODS[RANDOM % ${#METHODS[@]}]}
    local a=${AGENTS[RANDOM % ${#AGENTS[@]}]} extra=()
    (( RANDOM % 9 == 0 )) && extra+=(-H "Range: bytes=$((RANDOM % 9000))-$((RANDOM % 50))")
    (( RANDOM % 7 == 0 )) && extra+=(-H "Accept-Encoding: gzip, br")
    (( RANDOM % 10 == 0 )) && extra+=(-H "X-Forwarded-For: 10.0.$((RANDOM % 256)).$((RANDOM % 256))")
    (( RANDOM % 12 == 0 )) && a=""
    if [ "$m" = HEAD ]; then extra+=(-I); else extra+=(-X "$m"); fi
    curl -s -o /dev/null --max-time 3 --path-as-is -A "$a" "${extra[@]}" "$@" "http://127.0.0.1:$port$p" 2>/dev/null
    (( RANDOM % 40 == 0 )) && sleep 0.$((RANDOM % 5))
  done
}

# 1. plain server, directory listings on
start 37601 "$WWW" -a 127.0.0.1
traffic 37601 $((RANDOM % 150 + 250))
stop "$LAST" INT

# 2. UTC times, client IPs, CORS, gzip/brotli, no cache, extension, robots
start 37602 "$WWW" -a 127.0.0.1 -U --log-ip --cors -g -b -c-1 -e html -r
traffic 37602 $((RANDOM % 100 + 200))
stop "$LAST"

# 3. basic authentication, some good, some bad credentials
start 37603 "$WWW" -a 127.0.0.1 --username alice --password s3cret -d false -t0 --log-ip
for _ in $(seq 1 $((RANDOM % 60 + 80))); do
  case $((RANDOM % 4)) in
    0) traffic 37603 1 -u alice:s3cret ;;
    1) traffic 37603 1 -u alice:wrong ;;
    2) traffic 37603 1 -u mallory:s3cret ;;
    *) traffic 37603 1 ;;
  esac
done
stop "$LAST"

# 4. proxy fallback to a backend that is not listening (refused connections)
start 37604 "$WWW" -a 127.0.0.1 -P http://127.0.0.1:37609 -U
traffic 37604 $((RANDOM % 60 + 60))
stop "$LAST" INT

# 5. proxy fallback to a live backend, with proxy options
start 37605 "$WWW/docs" -a 127.0.0.1 -i false --mimetypes "$BASE/custom.types"
BACK=$LAST
start 37606 "$WWW" -a 127.0.0.1 -P http://127.0.0.1:37605 --proxy-options.secure false --proxy-options.xfwd true -c30
traffic 37606 $((RANDOM % 80 + 80))
stop "$BACK"            # backend goes away: the proxy now fails
traffic 37606 $((RANDOM % 30 + 20))
stop "$LAST"

# 6. bad configurations
"$HS" "$WWW" -p 37607 -P 'not a url' >> "$LOG" 2>&1
"$HS" "$WWW" -p 37607 -S -C "$BASE/nonexistent-cert.pem" -K "$BASE/nonexistent-key.pem" >> "$LOG" 2>&1
touch "$BASE/placeholder-cert.pem"
"$HS" "$WWW" -p 37607 --tls -C "$BASE/placeholder-cert.pem" -K "$BASE/missing-key.pem" >> "$LOG" 2>&1
rm -f "$BASE/placeholder-cert.pem"

# 7. port already in use: the second server dies
start 37608 "$WWW" -a 127.0.0.1 --no-dotfiles
timeout 10 "$HS" "$WWW" -a 127.0.0.1 -p 37608 >> "$LOG" 2>&1
traffic 37608 $((RANDOM % 50 + 40))
stop "$LAST" INT

# 8. restart of the plain server with a short timeout and a slow client
start 37601 "$WWW" -a 127.0.0.1 -t1 --log-ip
traffic 37601 $((RANDOM % 80 + 60))
stop "$LAST"
