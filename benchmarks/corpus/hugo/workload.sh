#!/bin/bash
# Hugo dev-server workload: builds a site in /tmp, runs `hugo server --verbose --debug`, edits the site at random.
HERE=$(cd "$(dirname "$0")" && pwd)
S=/tmp/round33-r33e/site
LOG=${LOG:-/tmp/round33-r33e/hugo-full.log}
ROUNDS=${ROUNDS:-150}
$HERE/mksite.sh $S
cd $S
: > $LOG
serve() { hugo server --bind 127.0.0.1 --port 40200 --verbose --debug >> $LOG 2>&1 & HPID=$!; echo $HPID > /tmp/round33-r33e/hugo.pid; }
serve
sleep 4
r() { echo $((RANDOM % $1)); }
post() { # name title extra-front-matter body
  printf -- '---\ntitle: "%s"\ndate: 2024-0%s-1%sT10:00:00Z\ntags: ["t%s"]\n%s---\n%s\n' "$2" $((1 + $(r 9))) $(r 9) $(r 6) "$3" "$4" > content/posts/$1.md
}
get() { curl -s -o /dev/null -m 5 "http://127.0.0.1:40200$1"; }
for i in $(seq 1 $ROUNDS); do
  n=p$((1 + $(r 12)))
  case $(r 26) in
    0|1|2|3) post $n "Post $n v$i" "" "Body $RANDOM {{< note >}}n $i{{< /note >}}" ;;
    4|5) echo "more text $RANDOM" >> content/posts/$n.md 2>/dev/null || post $n "Post $n" "" "x" ;;
    6) rm -f content/posts/$n.md ;;
    7) [ -f content/posts/$n.md ] && mv content/posts/$n.md content/posts/m$RANDOM.md ;;
    8) printf -- '---\ntitle: "Broken\ndate: [\n---\nbad\n' > content/posts/$n.md ;;
    9) post $n "Draft $n" "draft: true\n" "draft body" ;;
    10) post $n "Future $n" "publishDate: 2099-01-01\n" "future" ;;
    11) post $n "Bad sc $n" "" "{{< nosuchshortcode >}}" ;;
    12) post $n "Ref $n" "" "see {{< ref \"nosuchpage\" >}}" ;;
    13) cp layouts/_default/single.html /tmp/round33-r33e/single.bak; echo '{{ define "main" }}{{ .Title }{{ end }}' > layouts/_default/single.html; sleep 2; cp /tmp/round33-r33e/single.bak layouts/_default/single.html ;;
    14) echo '<nav>{{ partial "missing.html" . }}</nav>' > layouts/partials/nav.html; sleep 2; echo '<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>' > layouts/partials/nav.html ;;
    15) sed -i "s/^title = .*/title = \"r33e site $RANDOM\"/" config.toml ;;
    16) cp config.toml /tmp/round33-r33e/config.bak; echo 'bad = [ "unclosed' >> config.toml; sleep 3; cp /tmp/round33-r33e/config.bak config.toml ;;
    17) echo "static $RANDOM" > static/s$(r 5).txt ;;
    18) rm -f static/s$(r 5).txt ;;
    19) echo "v = $RANDOM" > data/d$(r 3).toml ;;
    20) echo "body{color:#$((100 + $(r 800)))}" > assets/main.css ;;
    21) post $n "Img $n" "" "{{< note >}}{{< /note >}}"; echo '<div>{{ (index .Site.Params.nosuch 3).x }}{{ .Inner }}</div>' > layouts/shortcodes/note.html; sleep 2; echo '<div class="note">{{ .Inner }}</div>' > layouts/shortcodes/note.html ;;
    22) echo '<div>{{ partial "nosuch-partial.html" . }}</div>' > layouts/shortcodes/note.html; sleep 2; echo '<div class="note">{{ .Inner }}</div>' > layouts/shortcodes/note.html ;;
    23) d=content/sec$(r 3); mkdir -p $d; printf -- '---\ntitle: "Sec page"\n---\nS\n' > $d/x$(r 4).md ;;
    24) rm -rf content/sec$(r 3) ;;
    25) printf -- '---\ntitle: "Alias %s"\naliases: ["/old/%s/"]\n---\nA\n' $n $n > content/posts/$n.md ;;
  esac
  for k in $(seq 0 $(r 4)); do
    get $(echo / /posts/ /posts/$n/ /tags/ /nosuch/page/ /robots.txt /livereload.js /index.xml /old/$n/ | tr ' ' '\n' | shuf -n 1)
  done
  sleep $((1 + $(r 3)))
  kill -0 $HPID 2>/dev/null || { sleep 1; serve; sleep 4; }   # restart the server if it died
done
kill -INT $HPID; sleep 2
