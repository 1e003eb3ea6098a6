#!/bin/bash
# live-server 1.2.2 workload: run in netns r38d1, log = stdout+stderr of every run, appended.
set -u
B=/tmp/round38-r38d
DIR=$(cd "$(dirname "$0")" && pwd)
LOG=$DIR/liveserver.log
SITE=$B/lssite
NS="ip netns exec r38d1"
ENVS="env -i PATH=/usr/bin:/bin HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_CACHE_HOME=$B/xdg/cache XDG_DATA_HOME=$B/xdg/data XDG_STATE_HOME=$B/xdg/state NO_COLOR=1"
LS=$B/ls/node_modules/.bin/live-server
PORT=47501
U=http://127.0.0.1:$PORT
: > "$LOG"
ip netns list | grep -q '^r38d1' || { ip netns add r38d1; $NS ip link set lo up; }
$NS ip link show v0 >/dev/null 2>&1 || { $NS ip link add v0 type veth peer name v1; $NS ip addr add 10.238.4.1/24 dev v0; $NS ip addr add 10.238.4.2/24 dev v1; $NS ip link set v0 up; $NS ip link set v1 up; }
rm -rf "$SITE"; mkdir -p "$SITE/sub" "$SITE/assets" "$B/lsmount"
echo '<html><head><title>t</title></head><body><h1>home</h1></body></html>' > "$SITE/index.html"
echo '<html><body>about</body></html>' > "$SITE/about.html"
echo '<svg xmlns="http://www.w3.org/2000/svg"></svg>' > "$SITE/logo.svg"
echo 'no tags here' > "$SITE/plain.htm"
echo 'body{color:red}' > "$SITE/assets/site.css"
echo 'console.log(1)' > "$SITE/assets/app.js"
echo 'sub page <body></body>' > "$SITE/sub/page.html"
echo 'mounted' > "$B/lsmount/m.txt"
echo 'secret' > "$SITE/.hidden"
# user alice / password wonder
echo "alice:{SHA}$(printf wonder | openssl sha1 -binary | base64)" > "$B/ls.htpasswd"
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
start() { # extra live-server args
  ( cd "$SITE" && exec $NS $ENVS "$LS" --verbose --no-browser --port=$PORT "$@" >> "$LOG" 2>&1 ) &
  LSPID=$!; sleep 2.5
}
stop() { kill -INT "$LSPID" 2>/dev/null; wait "$LSPID" 2>/dev/null; sleep 0.3; }
c() { $NS curl -s -o /dev/null -m 3 "$@" >/dev/null 2>&1; }
GOOD=(/ /index.html /about.html /logo.svg /plain.htm /assets/site.css /assets/app.js /sub/page.html /sub/ /assets/ /static/m.txt)
BAD=(/missing.html /nope/ /assets/none.css /.hidden /sub/x.png /favicon.ico /sub /assets)
ERR=('/%zz' '/a%E0%A4%A' '/sub/%' '/%00x' '/api/users' '/api/' '/api/v1/items?id=3')
traffic() { # n
  local i
  for ((i=0; i<$1; i++)); do
    case $(r 13) in
      0|1|2|3|10|11|12) c "$U$(pick "${GOOD[@]}")" ;;
      4|5) c "$U$(pick "${BAD[@]}")" ;;
      6) c --path-as-is "$U$(pick "${ERR[@]}")" ;;
      7) c -X "$(pick POST PUT DELETE OPTIONS PATCH)" "$U$(pick "${GOOD[@]}" "${BAD[@]}")" ;;
      8) c -I "$U$(pick "${GOOD[@]}")" ;;
      9) c -H "Origin: http://example.test" "$U$(pick "${GOOD[@]}")" ;;
    esac
  done
}
edits() { # n
  local i f
  for ((i=0; i<$1; i++)); do
    case $(r 8) in
      0) echo "<p>$RANDOM</p><body></body>" >> "$SITE/index.html" ;;
      1) echo "h1{margin:${RANDOM}px}" >> "$SITE/assets/site.css" ;;
      2) f="$SITE/new$(r 5).html"; echo "<body>$RANDOM</body>" > "$f" ;;
      3) rm -f "$SITE"/new$(r 5).html ;;
      4) mkdir -p "$SITE/dir$(r 3)" ;;
      5) rmdir "$SITE"/dir$(r 3) 2>/dev/null ;;
      6) echo "x$RANDOM" > "$SITE/assets/t$(r 4).css" ;;
      7) echo "m$RANDOM" >> "$B/lsmount/m.txt" ;;
    esac
    sleep 0.$(( 2 + RANDOM % 5 ))
  done
}
round() { traffic $(( 20 + RANDOM % 40 )); edits $(( 3 + RANDOM % 8 )); traffic $(( 10 + RANDOM % 30 )); }

# 1: plain, with mount and a proxy to a closed port
start --mount=/static:$B/lsmount --proxy=/api:http://127.0.0.1:47599 --wait=200
for ((n=0; n<3+RANDOM%3; n++)); do round; done; stop
# 2: port taken -> retry on another port
$NS python3 -c 'import socket,time;s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("0.0.0.0",47501));s.listen();time.sleep(6)' & HOLD=$!
sleep 0.5; start --host=0.0.0.0 --entry-file=index.html; sleep 1; stop; wait $HOLD
start --host=0.0.0.0 --mount=/static:$B/lsmount; round; stop
# 3: missing https module
( cd "$SITE" && $NS $ENVS "$LS" --verbose --no-browser --port=$PORT --https-module=spdy-missing >> "$LOG" 2>&1 )
# 4: basic auth + cors + spa, bound on all interfaces
start --htpasswd=$B/ls.htpasswd --cors --spa --ignore=assets/app.js
for ((k=0; k<30+RANDOM%40; k++)); do
  case $(r 4) in
    0) c "$U$(pick "${GOOD[@]}")" ;;
    1) c -u alice:wonder "$U$(pick "${GOOD[@]}" "${BAD[@]}")" ;;
    2) c -u alice:$(pick wrong 1234 Wonder) "$U$(pick "${GOOD[@]}")" ;;
    3) c -u bob:x "$U/" ;;
  esac
done
edits 4; stop
# 5: bad host address
( cd "$SITE" && timeout 5 $NS $ENVS "$LS" --verbose --no-browser --port=$PORT --host=10.9.9.9 >> "$LOG" 2>&1 )
# 6: proxy to a live fake backend that is killed midway, ignorePattern, no css inject
$NS python3 -m http.server 47502 --bind 127.0.0.1 --directory "$B/lsmount" >/dev/null 2>&1 & BE=$!
start --proxy=/api:http://127.0.0.1:47502 --mount=/static:$B/lsmount --no-css-inject --ignorePattern='\.tmp$'
for ((k=0; k<10+RANDOM%20; k++)); do c "$U/api/m.txt"; c "$U/api/zz$(r 9)"; done
kill $BE; wait $BE 2>/dev/null
round; echo t > "$SITE/x.tmp"; round; stop
# 7: loopback only, by address then by name
start --host=127.0.0.1; traffic $(( 5 + RANDOM % 10 )); stop
start --host=localhost --mount=/static:$B/lsmount --wait=50
for ((n=0; n<2+RANDOM%3; n++)); do round; done; stop
rm -f "$B/ls.htpasswd"
