#!/bin/bash
# Jekyll workload: serve a copy of ./site with --verbose --watch, edit and break it at random,
# send HTTP requests, restart a few times. Output: /tmp/round36-r36e/jekyll/raw.log
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round36-r36e/jekyll; rm -rf "$T"; mkdir -p "$T"
S=$T/site; cp -r "$D/site" "$S"
LOG=$T/raw.log; : > "$LOG"
PORT=48100; LR=48101
URL=http://127.0.0.1:$PORT
r() { echo $((RANDOM % $1)); }
post() { # name, front matter extra, body
  printf -- '---\nlayout: post\ntitle: "%s"\n%b---\n%s\n' "$1" "$2" "$3" > "$S/_posts/$4"; }
repair() {
  cp "$D/site/_data/members.yml" "$S/_data/members.yml"
  cp "$D/site/assets/css/style.scss" "$S/assets/css/style.scss"
  rm -f $S/_posts/2026-06-0[3-5]-*.md $S/drop-*.md $S/_recipes/waffles-*.md $S/badpage-*.md
}
mutate() {
  [ $(r 2) = 0 ] && repair
  case $(r 24) in
    0|1|2|3) f=$(ls $S/_posts/*.md | shuf -n1); echo "Edit $RANDOM at $(date +%s)." >> "$f";;
    4|5) n=$((RANDOM % 28 + 1)); post "New $n" "" "Fresh text $RANDOM" "2026-05-$(printf %02d $n)-new-$n.md";;
    6) post "Bad yaml" "tags: [a, b\nfoo: : bar\n" "x" "2026-06-01-bad-yaml-$(r 3).md";;
    7) post "No layout" "layout: missing$(r 3)\n" "text" "2026-06-02-nolayout.md";;
    8) post "Broken liquid" "" "{% if site.title %}unclosed $RANDOM" "2026-06-03-broken-liquid.md";;
    9) post "Missing include" "" "{% include nothere$(r 4).html %}" "2026-06-04-missing-include.md";;
    10) printf -- '---\n---\n@import "vars";\nbody { color: $accent; main { margin: 1em; }\n' > "$S/assets/css/style.scss";;
    11) printf -- '---\n---\n@import "vars";\nbody { color: $accent; main { margin: %dem; } }\n' $(r 5) > "$S/assets/css/style.scss";;
    12) printf -- '- name: Ada\n  role: [editor\n' > "$S/_data/members.yml";;
    13) printf -- '- name: Ada\n  role: editor\n- name: C%d\n  role: writer\n' $(r 99) > "$S/_data/members.yml";;
    14) post "Bad date" "date: not-a-date-$(r 9)\n" "x" "2026-06-05-bad-date.md"
        printf -- '---\ntitle: [broken\nlayout: gone\n---\nbody\n' > "$S/badpage-$(r 2).md";;
    15) post "Future" "" "later" "2031-01-0$(( $(r 8) + 1 ))-future.md";;
    16) post "Twin A" "permalink: /twin/\n" "a" "2026-06-06-twin-a.md"; post "Twin B" "permalink: /twin/\n" "b" "2026-06-07-twin-b.md";;
    17) rm -f $S/_posts/2026-06-0*.md $S/_posts/2031-*.md;;
    18) echo "static $RANDOM" > "$S/assets/file-$(r 5).txt";;
    19) rm -f $S/assets/file-*.txt; printf -- '---\nlayout: default\ntitle: Pancakes\n---\nMix and fry %d.\n' $(r 50) > "$S/_recipes/pancakes.md";;
    20) printf -- '---\nlayout: default\ntitle: Waffles\n---\n{{ page.title | bogus_filter }}\n' > "$S/_recipes/waffles-$(r 3).md";;
    21) printf -- '---\nlayout: default\ntitle: About\npermalink: /about/\n---\nAbout %d.\n' $RANDOM > "$S/about/index.md";;
    22) printf -- '---\nlayout: default\ntitle: Drop\n---\n{{ site.data.members | jsonify }} {%% assign x = 1 | plus: %%}\n' > "$S/drop-$(r 2).md";;
    23) rm -f $S/drop-*.md $S/_recipes/waffles-*.md;;
  esac
}
request() {
  case $(r 14) in
    0|1|2|3) curl -s -o /dev/null "$URL/";;
    4|5) curl -s -o /dev/null "$URL/2026/0$(( $(r 4) + 1 ))/post-$(( $(r 4) + 1 ))/";;
    6) curl -s -o /dev/null "$URL/nope-$(r 50).html";;
    7) curl -s -o /dev/null "$URL/assets/css/style.css";;
    8) curl -s -o /dev/null -X POST -d a=b "$URL/";;
    9) curl -s -o /dev/null -I "$URL/about/";;
    10) curl -s -o /dev/null "$URL/recipes/pancakes";;
    11) timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; printf 'GARBAGE\r\n\r\n' >&3; cat <&3 >/dev/null";;
    12) curl -s -o /dev/null "$URL/assets/../../etc/passwd" --path-as-is;;
    13) curl -s -o /dev/null -X DELETE "$URL/about/";;
  esac
}
for round in 1 2 3 4; do
  # start each round from the clean site (a broken file would stop the first build)
  rm -rf "$S"; cp -r "$D/site" "$S"
  EXTRA=""
  [ $round = 3 ] && EXTRA="--livereload --livereload-port $LR"
  [ $round = 4 ] && EXTRA="--incremental"
  jekyll serve --verbose --watch -s "$S" -d "$T/_site" -H 127.0.0.1 -P $PORT $EXTRA >> "$LOG" 2>&1 &
  P=$!; echo $P > "$T/jekyll.pid"
  sleep 8
  # a second server on the same port fails
  [ $(r 2) = 0 ] && timeout 20 jekyll serve -s "$S" -d "$T/_site2" -H 127.0.0.1 -P $PORT --no-watch >> "$LOG" 2>&1
  steps=$((25 + RANDOM % 20))
  for i in $(seq $steps); do
    if [ $(r 3) = 0 ]; then mutate; sleep 1.5; fi
    for j in $(seq $(r 4)); do request; done
    [ $round = 3 ] && [ $(r 6) = 0 ] && curl -s -o /dev/null "http://127.0.0.1:$LR/livereload.js"
    sleep 0.$(r 9)
  done
  kill -INT $P; sleep 2; kill $P 2>/dev/null; wait $P 2>/dev/null
done
# a build that stops on a broken data file
printf -- '- name: Ada\n  role: [editor\n' > "$S/_data/members.yml"
timeout 30 jekyll build --verbose -s "$S" -d "$T/_site" >> "$LOG" 2>&1
# a broken configuration file
printf 'title: [oops\n' > "$T/bad_config.yml"
timeout 20 jekyll build --verbose -s "$S" -d "$T/_site" --config "$T/bad_config.yml" >> "$LOG" 2>&1
timeout 20 jekyll build --verbose -s "$S" -d "$T/_site" --config "$T/none.yml" >> "$LOG" 2>&1
