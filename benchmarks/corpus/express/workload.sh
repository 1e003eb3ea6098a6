#!/bin/bash
# Express workload: runs app.js in a private net+mount namespace, drives it with curl,
# keeps the first 2500 lines of the captured stderr/stdout as express.log.
D=/work/round43/express
if [ -z "$R43G_INNS" ]; then
  exec env R43G_INNS=1 unshare -n -m --propagation private /bin/bash "$D/workload.sh" "$@"
fi
set -m
cd "$D" || exit 1
ip link set lo up
mkdir -p /tmp/round43-r43g/ex-home /tmp/round43-r43g/ex-tmp /tmp/round43-r43g/ex-xdg
mount -t tmpfs tmpfs /dev/shm
export HOME=/tmp/round43-r43g/ex-home TMPDIR=/tmp/round43-r43g/ex-tmp XDG_CONFIG_HOME=/tmp/round43-r43g/ex-xdg XDG_CACHE_HOME=/tmp/round43-r43g/ex-xdg XDG_DATA_HOME=/tmp/round43-r43g/ex-xdg XDG_RUNTIME_DIR=/tmp/round43-r43g/ex-xdg
RAW=/tmp/round43-r43g/express-raw.log
: > "$RAW"
RANDOM=${SEED:-4317}
U=http://127.0.0.1:49001
PID=
start() {
  env NODE_ENV="$1" APP_QS="$2" APP_ETAG="$3" APP_DOTFILES="$4" PORT=49001 \
    DEBUG='express:*,body-parser:*,send,finalhandler,router,router:*' node "$D/app.js" >>"$RAW" 2>&1 &
  PID=$!
  for i in $(seq 50); do curl -s -o /dev/null "$U/__ping" 2>/dev/null && break; sleep 0.1; done
}
stop() { kill -INT "$PID"; wait "$PID"; }
c() { curl -s -o /dev/null --max-time 3 "$@"; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
one() {
  local r=$((RANDOM % 100)) id=$((RANDOM % 9))
  if   [ $r -lt 14 ]; then c "$U/static/$(pick site.css index.html data.txt data.json docs/readme.txt '' docs/ nope.png)"
  elif [ $r -lt 18 ]; then c -H 'If-None-Match: *' "$U/static/$(pick site.css data.json)"
  elif [ $r -lt 22 ]; then c -H "Range: bytes=$(pick 0-10 5-2 100-200 9000-9100 0-1,4-8)" "$U/static/data.txt"
  elif [ $r -lt 24 ]; then c -H 'Range: bytes=0-10' -H 'If-Range: "nomatch"' "$U/static/data.txt"
  elif [ $r -lt 26 ]; then c "$U/static/.env"; c "$U/strict/$(pick .env missing.txt site.css)"
  elif [ $r -lt 28 ]; then c --path-as-is "$U/strict/$(pick '..%2f..%2fetc%2fpasswd' '%00x' '../app.js')"
  elif [ $r -lt 38 ]; then c -X PUT -H 'Content-Type: application/json' -d "{\"n\":$RANDOM,\"tag\":\"t$id\"}" "$U/api/items/$id"
  elif [ $r -lt 45 ]; then c "$U/api/items$(pick '' /$id /$id /x$id)"
  elif [ $r -lt 48 ]; then c -X DELETE "$U/api/items/$id"
  elif [ $r -lt 52 ]; then c -X POST -H 'Content-Type: application/json' -d "$(pick '{bad' '1' '"str"' '[1,2' '{"a":}' )" "$U/api/echo"
  elif [ $r -lt 54 ]; then c -X POST -H 'Content-Type: application/json' --data-binary @"$D/public/data.txt" "$U/api/echo"
  elif [ $r -lt 56 ]; then c -X POST -H "Content-Type: application/json; charset=$(pick koi8-r latin1 utf-16)" -d '{"a":1}' "$U/api/echo"
  elif [ $r -lt 59 ]; then printf '{"z":%d}' $RANDOM | gzip | curl -s -o /dev/null --max-time 3 -X POST -H 'Content-Type: application/json' -H "Content-Encoding: $(pick gzip deflate br x-foo)" --data-binary @- "$U/api/echo"
  elif [ $r -lt 63 ]; then c -X POST -d "a=$id&b[c]=2&d=$RANDOM" "$U/api/echo"
  elif [ $r -lt 64 ]; then c -X POST -d "$(seq -s '&' -f 'k%g=1' 1 30)" "$U/api/echo"
  elif [ $r -lt 67 ]; then c -X POST -H 'Content-Type: text/plain' -d "note $RANDOM" "$U/api/echo"
  elif [ $r -lt 69 ]; then c -X POST -H 'Content-Type: application/octet-stream' --data-binary "$(pick '!reject' 'bytes123' 'abc')" "$U/api/echo"
  elif [ $r -lt 71 ]; then c -X POST -H 'Content-Type: application/xml' -d '<a/>' "$U/api/echo"; c -X POST -H 'Content-Length: 0' "$U/api/echo"
  elif [ $r -lt 74 ]; then c "$U/api/boom?n=$RANDOM"
  elif [ $r -lt 76 ]; then c -X POST -H 'Content-Type: application/json' -d "$(pick '{"fail":true}' '{}')" "$U/api/async"
  elif [ $r -lt 80 ]; then c "$U/admin/$(pick '' page/hello page/index page/missing page/other.ejs)?who=u$id"
  elif [ $r -lt 84 ]; then c "$U/view/$(pick hello index nothing)?who=v$id"
  elif [ $r -lt 87 ]; then c "$U/file/$(pick data.json .env missing.bin site.css)"; c "$U/dl/$(pick data.json gone.zip)"
  elif [ $r -lt 89 ]; then c "$U/go$(pick '?to=/static/' '?to=http://example.invalid/' '' '?to=/x&code=301')"
  elif [ $r -lt 91 ]; then c -b "v=s:bad.sig; plain=1" "$U/cookie"
  elif [ $r -lt 92 ]; then c "$U/late"
  elif [ $r -lt 95 ]; then c -X "$(pick OPTIONS HEAD PATCH)" "$U/api/items/$id"
  else c "$U/$(pick missing favicon.ico api/nothing admin/x)"
  fi
}
run() { local n=$1; for ((k = 0; k < n; k++)); do one; done; }
start development simple weak ignore;  run $((40 + RANDOM % 20)); stop
start production extended strong allow; run $((22 + RANDOM % 15)); stop
# bad configuration: an etag setting express rejects at startup (the process exits)
env NODE_ENV=development APP_ETAG=false PORT=49001 \
  DEBUG='express:*,body-parser:*,send,finalhandler,router,router:*' node "$D/app.js" >>"$RAW" 2>&1 &
PID=$!; wait "$PID"
start test simple weak ignore;          run $((6 + RANDOM % 6)); stop
start staging simple weak deny;         run $((22 + RANDOM % 15)); stop
sed -n '1,2500p' "$RAW" > "$D/express.log"
