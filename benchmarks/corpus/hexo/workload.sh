#!/bin/bash
# Hexo 8.1.2 / hexo-cli 4.3.2 workload: `hexo server --debug` in netns r38d1; log = stdout+stderr of every run, appended.
set -u
B=/tmp/round38-r38d
DIR=$(cd "$(dirname "$0")" && pwd)
LOG=$DIR/hexo.log
BLOG=$B/blog          # holds node_modules with hexo, hexo-server, renderers, generators, hexo-theme-landscape
NS="ip netns exec r38d1"
ENVS="env -i PATH=/usr/bin:/bin HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_CACHE_HOME=$B/xdg/cache XDG_DATA_HOME=$B/xdg/data XDG_STATE_HOME=$B/xdg/state NO_COLOR=1 TZ=UTC"
HEXO=$B/hx/node_modules/.bin/hexo
PORT=47510
U=http://127.0.0.1:$PORT
: > "$LOG"
ip netns list | grep -q '^r38d1' || { ip netns add r38d1; $NS ip link set lo up; }
cd "$BLOG" || exit 1
rm -rf source themes public db.json scaffolds
mkdir -p source/_posts source/_drafts source/about source/images themes scaffolds
cp -r node_modules/hexo-theme-landscape themes/landscape
cp "$DIR/_config.yml" _config.yml
printf -- '---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n' > scaffolds/post.md
printf -- '---\ntitle: {{ title }}\n---\n' > scaffolds/draft.md
printf -- '---\ntitle: {{ title }}\ndate: {{ date }}\n---\n' > scaffolds/page.md
printf -- '---\ntitle: Hello\ndate: 2026-01-01 10:00:00\ntags: [a, b]\ncategories: [news]\n---\nHello **world**\n<!-- more -->\nmore text\n' > source/_posts/hello.md
printf -- '---\ntitle: About\n---\nAbout me.\n' > source/about/index.md
printf 'GIF89a' > source/images/pix.gif
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
run() { $NS $ENVS "$HEXO" "$@" --debug >> "$LOG" 2>&1; }
start() { $NS $ENVS "$HEXO" server --debug "$@" >> "$LOG" 2>&1 & HPID=$!; sleep 9; }
stop() { kill -INT "$HPID" 2>/dev/null; wait "$HPID" 2>/dev/null; sleep 0.5; }
c() { $NS curl -s -o /dev/null -m 5 "$@" >/dev/null 2>&1; }
GOOD=(/ /archives/ /archives/2026/ /2026/01/01/hello/ /tags/a/ /tags/b/ /categories/news/ /about/ /css/style.css /js/script.js /images/pix.gif /atom.xml /page/2/ /about /archives)
BAD=(/missing.html /nope/ /2020/01/01/x/ /css/none.css /tags/zz/ /missing.html /nope/ '/%zz' '/..%2f..%2fetc/passwd')
traffic() { local i; for ((i=0; i<$1; i++)); do
  case $(r 10) in
    0|1|2|3|4) c "$U$(pick "${GOOD[@]}")" ;;
    5|6) c --path-as-is "$U$(pick "${BAD[@]}")" ;;
    7) c -I "$U$(pick "${GOOD[@]}")" ;;
    8) c -X "$(pick POST PUT DELETE OPTIONS)" "$U$(pick "${GOOD[@]}")" ;;
    9) c -H 'Accept-Encoding: gzip' "$U$(pick "${GOOD[@]}")" ;;
  esac; done; }
post() { local n=$1; printf -- '---\ntitle: Post %s\ndate: 2026-0%s-1%s 0%s:00:00\ntags: [%s]\ncategories: [%s]\n---\n# Post %s\n\nText %s `code` [link](/about/)\n\n```js\nvar x = %s;\n```\n' \
  "$n" $((1 + RANDOM % 9)) $(r 9) $(r 9) "$(pick a b c d)" "$(pick news misc)" "$n" "$RANDOM" "$RANDOM" > "source/_posts/post-$n.md"; }
breakfix() { # break something, request a page or two, repair it
  case $(r 5) in
    0) echo '<% if (x { %>' > themes/landscape/layout/_widget/broken.ejs; sed -i 's/^widgets: \[/widgets: [broken, /' themes/landscape/_config.yml
       sleep 1.5; c "$U$(pick / /about/ /tags/a/ /archives/)"
       rm -f themes/landscape/layout/_widget/broken.ejs; sed -i 's/^widgets: \[broken, /widgets: [/' themes/landscape/_config.yml ;;
    1) echo ".x { color: red" >> themes/landscape/source/css/_extend.styl; sleep 1.5; c "$U/css/style.css"
       cp node_modules/hexo-theme-landscape/source/css/_extend.styl themes/landscape/source/css/_extend.styl ;;
    2) printf -- '---\ntitle: Tagged\n---\n{%% nosuchtag x %%}\n' > source/_posts/badtag.md; sleep 1.5; c "$U/"; rm -f source/_posts/badtag.md ;;
    3) printf -- '---\ntitle: [broken\ndate: nope: : x\n---\nbad front matter\n' > source/_posts/broken-fm.md; sleep 1.5; rm -f source/_posts/broken-fm.md ;;
    4) printf -- '---\ntitle: Code\n---\n{%% codeblock %%}\nunterminated\n' > source/_posts/badblock.md; sleep 1.5; c "$U/"; rm -f source/_posts/badblock.md ;;
  esac; sleep 1; }
edits() { local i; for ((i=0; i<$1; i++)); do
  case $(r 13) in
    0|1|2|3) post $(r 12) ;;
    4) rm -f source/_posts/post-$(r 12).md ;;
    5|6) echo "Edited $RANDOM" >> source/_posts/hello.md ;;
    7) echo "draft $RANDOM" > source/_drafts/d$(r 3).md ;;
    8) echo "asset $RANDOM" > source/images/a$(r 3).txt ;;
    9) rm -f source/images/a$(r 3).txt ;;
    10|11|12) breakfix ;;
  esac; sleep 0.$(( 3 + RANDOM % 6 )); c "$U$(pick "${GOOD[@]}")"; done; }
round() { traffic $(( 10 + RANDOM % 30 )); edits $(( 3 + RANDOM % 6 )); traffic $(( 5 + RANDOM % 20 )); }

grep -q 'widgets:' themes/landscape/_config.yml && sed -i 's/^widgets:$/widgets: [category, tag, tagcloud, archive, recent_posts]/' themes/landscape/_config.yml
sed -i '/^- category$/d;/^- tag$/d;/^- tagcloud$/d;/^- archive$/d;/^- recent_posts$/d' themes/landscape/_config.yml
run new "First $RANDOM"
start
for ((n=0; n<4+RANDOM%2; n++)); do round; done
stop
# port taken
$NS python3 -c 'import socket,time;s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("127.0.0.1",47510));s.listen();time.sleep(8)' & HOLD=$!
sleep 0.5; run server; wait $HOLD
run server -p 99999
run server -i 10.9.9.9
run new draft "Draft $RANDOM"; run new page "contact"
run clean
run generate
start -s; traffic $(( 10 + RANDOM % 20 )); stop
start --log short
for ((n=0; n<2+RANDOM%2; n++)); do round; done
stop
