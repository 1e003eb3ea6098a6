#!/bin/bash
# Eleventy 3.1.8 workload: `eleventy --serve` with DEBUG=Eleventy* in netns r38d1; log = stdout+stderr of every run, appended.
# eleventy.log is one contiguous stretch of the raw output: its last 2,500 lines (lines 1479-3978 of the 3,978 this run wrote).
set -u
B=/tmp/round38-r38d
DIR=$(cd "$(dirname "$0")" && pwd)
LOG=$DIR/eleventy.log.raw
SITE=$B/elsite
NS="ip netns exec r38d1"
ENVS="env -i PATH=/usr/bin:/bin HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_CACHE_HOME=$B/xdg/cache XDG_DATA_HOME=$B/xdg/data XDG_STATE_HOME=$B/xdg/state TZ=UTC DEBUG=Eleventy*"
ELEVENTY=$B/el/node_modules/.bin/eleventy
PORT=47520
U=http://127.0.0.1:$PORT
: > "$LOG"
ip netns list | grep -q '^r38d1' || { ip netns add r38d1; $NS ip link set lo up; }
rm -rf "$SITE" "$B/elout"; mkdir -p "$SITE/src/_includes" "$SITE/src/_data" "$SITE/src/posts" "$SITE/src/assets"
cd "$SITE" || exit 1
cp "$DIR/eleventy.config.js" eleventy.config.js
echo '<!doctype html><html><head><title>{{ title }}</title></head><body>{{ content | safe }}</body></html>' > src/_includes/base.njk
printf -- '---\nlayout: base.njk\ntitle: Home\n---\n# Home\n{%% for p in collections.post %%}\n* [{{ p.data.title }}]({{ p.url }})\n{%% endfor %%}\n' > src/index.md
printf -- '---\nlayout: base.njk\ntitle: About\n---\n<p>{{ site.name }}</p>\n' > src/about.njk
echo '{"name": "R38 site"}' > src/_data/site.json
echo '{"tags": ["post"], "layout": "base.njk"}' > src/posts/posts.json
echo 'body{color:#333}' > src/assets/site.css
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
start() { $NS $ENVS "$ELEVENTY" --input=src --output=$B/elout --serve --port=$PORT "$@" >> "$LOG" 2>&1 & EPID=$!; sleep 6; }
stop() { kill -INT "$EPID" 2>/dev/null; wait "$EPID" 2>/dev/null; sleep 0.5; }
c() { $NS curl -s -o /dev/null -m 5 "$@" >/dev/null 2>&1; }
GOOD=(/ /about/ /posts/p1/ /posts/p2/ /assets/site.css /posts/p3/ /.11ty/reload-client.js)
BAD=(/missing/ /nope.html /posts/zz/ /assets/none.css '/%zz' /about)
traffic() { local i; for ((i=0; i<$1; i++)); do
  case $(r 8) in
    0|1|2|3) c "$U$(pick "${GOOD[@]}")" ;;
    4|5) c --path-as-is "$U$(pick "${BAD[@]}")" ;;
    6) c -I "$U$(pick "${GOOD[@]}")" ;;
    7) c -X POST "$U$(pick "${GOOD[@]}")" ;;
  esac; done; }
post() { printf -- '---\ntitle: Post %s\n---\nText %s **bold**\n' "$1" "$RANDOM" > "src/posts/p$1.md"; }
breakfix() {
  case $(r 6) in
    0) printf -- '---\ntitle: [bad\n  x: : y\n---\nbroken\n' > src/posts/bad.md; sleep 2.5; rm -f src/posts/bad.md ;;
    1) printf -- '---\ntitle: Liquid\n---\n{%% if x %%} unterminated\n' > src/posts/liq.md; sleep 2.5; rm -f src/posts/liq.md ;;
    2) printf -- '---\ntitle: Inc\n---\n{%% include "nope.njk" %%}\n' > src/inc.njk; sleep 2.5; rm -f src/inc.njk ;;
    3) printf -- '---\nlayout: missing.njk\ntitle: L\n---\nx\n' > src/lay.md; sleep 2.5; rm -f src/lay.md ;;
    4) echo '{"name": "R38 site",' > src/_data/site.json; sleep 2.5; echo '{"name": "R38 site"}' > src/_data/site.json ;;
    5) printf 'module.exports = function() { throw new Error("data source down"); };\n' > src/_data/feed.js; sleep 2.5; rm -f src/_data/feed.js ;;
  esac; sleep 2; }
edits() { local i; for ((i=0; i<$1; i++)); do
  case $(r 10) in
    0|1|2) post $(( 1 + RANDOM % 5 )) ;;
    3) rm -f src/posts/p$(( 3 + RANDOM % 3 )).md ;;
    4) echo "more $RANDOM" >> src/index.md ;;
    5) echo "h1{margin:${RANDOM}px}" >> src/assets/site.css ;;
    6) echo "{\"name\": \"R38 site $RANDOM\"}" > src/_data/site.json ;;
    7|8) breakfix ;;
    9) echo "<!-- $RANDOM -->" >> src/_includes/base.njk ;;
  esac; sleep 1.$(r 9); traffic $(( 1 + RANDOM % 4 )); done; }
post 1; post 2
start
traffic $(( 10 + RANDOM % 20 )); edits $(( 6 + RANDOM % 6 )); traffic $(( 5 + RANDOM % 10 ))
# config edit -> full reset, then a broken config
echo "// $RANDOM" >> eleventy.config.js; sleep 3; traffic 5
cp eleventy.config.js config.good; echo 'module.exports = function( {' > eleventy.config.js; sleep 3; cp config.good eleventy.config.js; sleep 3
edits $(( 4 + RANDOM % 5 ))
stop
# port taken -> dev server picks another port
$NS python3 -c 'import socket,time;s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("0.0.0.0",47520));s.listen();time.sleep(9)' & HOLD=$!
sleep 0.5; start; stop; wait $HOLD
# unknown template format and a broken config at start
timeout -s INT 12 $NS $ENVS "$ELEVENTY" --input=src --output=$B/elout --formats=md,bogus >> "$LOG" 2>&1
echo 'module.exports = function( {' > eleventy.config.js; timeout -s INT 12 $NS $ENVS "$ELEVENTY" --input=src --output=$B/elout --serve --port=$PORT >> "$LOG" 2>&1; cp config.good eleventy.config.js
start --incremental
traffic $(( 10 + RANDOM % 10 )); edits $(( 5 + RANDOM % 6 )); stop
rm -f config.good
