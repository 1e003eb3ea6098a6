#!/bin/bash
# Workload for npm `serve` (14.2.8): runs serve several times (in a private network+mount
# namespace) over a small site, drives it with good and bad HTTP requests, provokes start-up
# errors, and cuts one contiguous stretch of its output into serve.log.
set -u
F=/work/round40/serve
R=/tmp/round40-r40d
if [ -z "${R40D_INNS:-}" ]; then
  exec env R40D_INNS=1 unshare -n -m --propagation private bash "$F/workload.sh" "$@"
fi
cd "$F" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
export HOME=$R/serve-home TMPDIR=$R/serve-tmp XDG_CONFIG_HOME=$R/serve-xdg/config \
       XDG_CACHE_HOME=$R/serve-xdg/cache XDG_DATA_HOME=$R/serve-xdg/data XDG_RUNTIME_DIR=$R/serve-xdg/run
rm -rf "$R/serve-tmp" "$R/serve-site" "$R/serve-xdg"
mkdir -p "$HOME" "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
SERVE="node $R/serve/node_modules/serve/build/main.js"
SITE=$R/serve-site
RAW=$R/serve-raw.log
PORT=55501
: > "$RAW"
r() { echo $(( RANDOM % $1 )); }

# the site: generated files under /tmp/round40-r40d
mkdir -p "$SITE"
mkdir -p "$SITE/docs/sub" "$SITE/img" "$SITE/empty"
echo '<html><body>index</body></html>' > "$SITE/index.html"
echo '<html><body>about</body></html>' > "$SITE/about.html"
echo 'notes' > "$SITE/docs/notes.txt"
echo '{"a":1}' > "$SITE/docs/data.json"
head -c 200000 /dev/urandom | base64 > "$SITE/docs/big.txt"
head -c 3000 /dev/urandom > "$SITE/img/pic.png"
echo 'deep' > "$SITE/docs/sub/deep.md"
ln -sf ../docs/notes.txt "$SITE/img/link.txt"
echo 'secret' > "$R/serve-outside.txt"

write_config() {   # which config file the site gets for this run
  rm -f "$SITE/serve.json" "$SITE/now.json" "$SITE/package.json"
  case $(r 5) in
    0) ;;
    1) cat > "$SITE/serve.json" <<'J'
{"cleanUrls": true, "trailingSlash": false, "redirects": [{"source": "/old", "destination": "/about", "type": 301}], "headers": [{"source": "**/*.txt", "headers": [{"key": "X-Test", "value": "1"}]}]}
J
    ;;
    2) echo '{"now": {"static": {"cleanUrls": false, "directoryListing": ["/docs/**"]}}}' > "$SITE/now.json" ;;
    3) echo '{"name": "site", "static": {"rewrites": [{"source": "/app/**", "destination": "/index.html"}]}}' > "$SITE/package.json" ;;
    4) echo '{"renderSingle": true, "unlisted": ["img"]}' > "$SITE/serve.json" ;;
  esac
}

URLS=(/ /index.html /about /about.html /docs/ /docs /docs/notes.txt /docs/data.json /docs/big.txt
      /docs/sub/ /docs/sub/deep.md /img/pic.png /img/link.txt /img/ /empty/ /missing /missing.html
      /old /app/x/y /docs/nothing.txt "/%2e%2e/%2e%2e/serve-outside.txt" "/docs/%ZZ" /favicon.ico
      "/docs/notes.txt?x=1" /serve.json /package.json)
METHODS=(GET GET GET GET GET HEAD POST OPTIONS DELETE PUT)

requests() {   # $1: curl target options, $2: base url
  local n=$(( 10 + $(r 90) )) i u m
  for ((i = 0; i < n; i++)); do
    u=${URLS[$(r ${#URLS[@]})]}
    m=${METHODS[$(r ${#METHODS[@]})]}
    case $(r 12) in
      0) curl -s -o /dev/null --max-time 3 $1 -H 'Range: bytes=0-99' "$2$u" ;;
      1) curl -s -o /dev/null --max-time 3 $1 -H 'Accept-Encoding: gzip' "$2$u" ;;
      2) curl -s -o /dev/null --max-time 3 $1 -H 'If-None-Match: "x"' -H 'If-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT' "$2$u" ;;
      3) curl -s -o /dev/null --max-time 3 $1 -H 'Range: bytes=999999-' "$2$u" ;;
      4) curl -s -o /dev/null --max-time 3 $1 --path-as-is "$2/../../etc/passwd" ;;
      *) if [ "$m" = HEAD ]; then curl -s -I -o /dev/null --max-time 3 $1 "$2$u"
         else curl -s -o /dev/null --max-time 3 $1 -X "$m" "$2$u"; fi ;;
    esac
    [ $(r 8) = 0 ] && sleep 0.$(r 9)
  done
}

run_good() {
  write_config
  local flags=() upd=() target base
  [ $(r 3) != 0 ] && flags+=(--debug)
  [ $(r 4) = 0 ] && flags+=(--single)
  [ $(r 3) = 0 ] && flags+=(--cors)
  [ $(r 4) = 0 ] && flags+=(-u)
  [ $(r 4) = 0 ] && flags+=(--no-etag)
  [ $(r 3) = 0 ] && flags+=(-S)
  [ $(r 4) = 0 ] && upd=(env NO_UPDATE_CHECK=1)
  if [ $(r 4) = 0 ]; then
    rm -f "$R/serve.sock"
    flags+=(-l "unix:$R/serve.sock"); target="--unix-socket $R/serve.sock"; base=http://localhost
  else
    case $(r 3) in
      0) flags+=(-l "tcp://127.0.0.1:$PORT") ;;
      1) flags+=(-l "$PORT") ;;
      2) flags+=(-p "$PORT") ;;
    esac
    target=""; base=http://127.0.0.1:$PORT
  fi
  local stops=3; [ -n "$target" ] && stops=2
  "${upd[@]}" $SERVE "${flags[@]}" "$SITE" >> "$RAW" 2>&1 &
  local pid=$!
  sleep 1.5
  requests "$target" "$base"
  case $(r $stops) in
    0) kill -INT $pid ;;
    1) kill -TERM $pid ;;
    2) # a half-sent request keeps a connection open over the first SIGINT
       exec 7<>/dev/tcp/127.0.0.1/$PORT 2>/dev/null && printf 'GET /docs/ HTTP/1.1\r\nHost: x\r\n' >&7
       sleep 0.5; kill -INT $pid; sleep 0.7; kill -INT $pid 2>/dev/null; exec 7>&- 2>/dev/null ;;
  esac
  wait $pid
}

run_bad() {
  local flags=()
  [ $(r 2) = 0 ] && flags+=(--debug)
  case $(r 11) in
    0) $SERVE "${flags[@]}" --frobnicate "$SITE" ;;
    1) $SERVE "${flags[@]}" -l 55502 "$SITE" "$SITE/docs" ;;
    2) if [ $(r 2) = 0 ]; then printf '{"cleanUrls": tru' ; else printf '{"cleanUrls": yes}'; fi > "$R/serve-bad.json"; $SERVE "${flags[@]}" -l 55502 -c "$R/serve-bad.json" "$SITE" ;;
    3) echo '{"cleanUrls": "yes", "bogus": 1}' > "$R/serve-bad.json"; $SERVE "${flags[@]}" -l 55502 -c "$R/serve-bad.json" "$SITE" ;;
    4) $SERVE "${flags[@]}" -l 55502 -c "$R/serve-none.json" "$SITE" ;;
    5) $SERVE "${flags[@]}" -l "http://127.0.0.1:55502" "$SITE" ;;
    6) $SERVE "${flags[@]}" -l "pipe:nopipe" "$SITE" ;;
    7) $SERVE "${flags[@]}" -l 55502 --ssl-cert "$R/none.pem" --ssl-key "$R/none.key" "$SITE" ;;
    8) $SERVE "${flags[@]}" -l "unix:$R/no/such/dir/s.sock" "$SITE" ;;
    9) echo '{"headers": [{"source": 5}]}' > "$R/serve-bad.json"; $SERVE "${flags[@]}" -l 55502 -c "$R/serve-bad.json" "$SITE" ;;
    10) $SERVE "${flags[@]}" -l 55502 -c "$SITE/docs" "$SITE" ;;
  esac >> "$RAW" 2>&1
}

runs=$(( 8 + $(r 4) ))
for ((k = 0; k < runs; k++)); do
  for ((b = $(r 5); b > 0; b--)); do run_bad; done
  run_good
done
run_bad

total=$(wc -l < "$RAW")
if [ "$total" -gt 2500 ]; then
  start=$(( 1 + $(r $(( total - 2500 + 1 ))) ))
  # begin the stretch at the last start-up line of serve before that point
  start=$(awk -v s="$start" 'NR <= s && /Checking for updates failed|Accepting connections/ {n = NR} END {print n ? n : 1}' "$RAW")
  sed -n "${start},$(( start + 2499 ))p" "$RAW" > "$F/serve.log"
else
  cp "$RAW" "$F/serve.log"
fi
wc -l "$F/serve.log"
