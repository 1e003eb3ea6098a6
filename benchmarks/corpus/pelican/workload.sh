#!/bin/bash
# Randomised workload for `pelican --listen --autoreload --debug` in network namespace r38a.
# The site in ./site is copied to $R/pelsite, which the workload edits and breaks. Output: $R/pelican.out
set -m
R=/tmp/round38-r38a
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data XDG_CACHE_HOME=$R/xdg/cache XDG_STATE_HOME=$R/xdg/state XDG_RUNTIME_DIR=$R/xdg/runtime
export COLUMNS=200 PYTHONUNBUFFERED=1
NS="ip netns exec r38a"
HERE=$(cd "$(dirname "$0")" && pwd)
S=$R/pelsite; P=46100; U=http://127.0.0.1:$P; OUT=$R/pelican.out
ROUNDS=${ROUNDS:-30}
ip netns list | grep -qw r38a || { ip netns add r38a; ip netns exec r38a ip link set lo up; }   # private namespace, loopback only
[ -x $R/venv_pelican/bin/pelican ] || { python3 -m venv $R/venv_pelican && $R/venv_pelican/bin/pip install pelican markdown; }   # one-time setup
rm -rf $S $R/pelican_output $R/pelican_cache; cp -r $HERE/site $S
cp $S/pelicanconf.py $R/pelicanconf.good
r() { echo $(( RANDOM % $1 )); }
words=(alpha beta gamma delta release notes widget parser build ünïcode)
w() { echo ${words[$(r ${#words[@]})]}; }
start() { (cd $S && exec $NS $R/venv_pelican/bin/pelican --listen --autoreload --debug -p $P -b 127.0.0.1 content) >> $OUT 2>&1 & echo $! > $R/pelican.pid; sleep 5; }
alive() { kill -0 $(cat $R/pelican.pid) 2>/dev/null; }
# when the main process died (crash), its children may still run: end the whole process group
reap() { kill -- -$(cat $R/pelican.pid) 2>/dev/null; sleep 1; }
c() { $NS curl -s -m 10 -o /dev/null "$@"; }
start
for round in $(seq $ROUNDS); do
  alive || { reap; start; }
  for i in $(seq $((1 + $(r 6)))); do
    case $(r 9) in
      0|1) c $U/ ;; 2) c $U/first-post.html ;; 3) c $U/pages/about.html ;; 4) c $U/nosuch-$(r 100) ;;
      5) c $U/category/news.html ;; 6) c $U/tag/demo.html ;; 7) c $U/theme/css/main.css ;; 8) c $U/images/pic$(r 3).png ;;
    esac
  done
  n=$(r 40)
  case $(r 16) in
    0|1|2) printf 'Title: Post %s %s\nDate: 2026-0%d-1%d 10:00\nCategory: %s\nTags: %s, %s\n\nBody about %s {filename}first.md.\n' $n "$(w)" $((1+$(r 9))) $(r 9) "$(w)" "$(w)" "$(w)" "$(w)" > $S/content/post$n.md ;;
    3) printf 'Title: Bad date %s\nDate: 2026-13-45 99:00\n\nBody.\n' $n > $S/content/bad$n.md ;;
    4) printf 'Date: 2026-02-02\n\nNo title here %s.\n' $n > $S/content/notitle$n.md ;;
    5) printf 'Title: Links %s\nDate: 2026-03-03\n\nSee [x]({filename}missing%s.md) and ![p]({static}images/none.png) and [t]({tag}nosuch).\n' $n $n > $S/content/links$n.md ;;
    6) printf 'Title: First post\nDate: 2026-04-04\n\nDuplicate slug %s.\n' $n > $S/content/dup$n.md ;;
    7) printf 'Broken rst %s\n=====\n\n:date: 2026-05-05\n\n.. unknown-directive::\n\n`unclosed\n\n* list\ntext\n' $n > $S/content/broken$n.rst ;;
    8) rm -f $(ls $S/content/*.md $S/content/*.rst 2>/dev/null | grep -v -e first.md -e second.rst | shuf -n 1) ;;
    9) mkdir -p $S/content/images; head -c $((100 + $(r 500))) /dev/urandom > $S/content/images/pic$(r 3).png ;;
    10) printf 'Title: Draft %s\nDate: 2026-06-06\nStatus: draft\n\nDraft.\n' $n > $S/content/draft$n.md ;;
    11) printf 'Title: Hidden page %s\nStatus: hidden\n\nHidden.\n' $n > $S/content/pages/hidden$n.md ;;
    12) echo "DEFAULT_PAGINATION = $((1 + $(r 5)))" >> $S/pelicanconf.py ;;
    13) echo "THIS IS NOT PYTHON $n" >> $S/pelicanconf.py ;;
    14) printf 'Title: Unknown status %s\nDate: 2026-07-07\nStatus: weird\n\nX.\n' $n > $S/content/status$n.md ;;
    15) printf 'Title: Bad meta %s\nDate: 2026-08-08\nSummary:\nAuthors:\nSlug: \n\n' $n > $S/content/meta$n.md ;;
  esac
  sleep $((2 + $(r 3)))
  # repair broken settings and restart when the server died
  if grep -q "NOT PYTHON" $S/pelicanconf.py; then sleep 2; cp $R/pelicanconf.good $S/pelicanconf.py; fi
  alive || rm -f $S/content/dup*.md
  # the author fixes some of the broken files now and then
  [ $(r 3) = 0 ] && rm -f $(ls $S/content/{bad,broken,notitle,links,status,meta}*.* 2>/dev/null | shuf -n $((1 + $(r 2))))
  case $(r 12) in
    0) kill -INT -- -$(cat $R/pelican.pid); sleep 3; alive && kill -- -$(cat $R/pelican.pid); sleep 1; start ;;
    1) kill -TERM -- -$(cat $R/pelican.pid); sleep 2; start ;;
  esac
done
kill -INT -- -$(cat $R/pelican.pid); sleep 3; alive && kill -- -$(cat $R/pelican.pid)
reap
