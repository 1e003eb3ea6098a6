#!/bin/bash
# newsboat workload: newsboat -l 6 -d LOG with -x reload / print-unread, -e, -i, -I, -E, -X
# against a local feed server. Runs itself inside private network + mount namespaces.
RANDOM=2146
if [ -z "$R46C_IN_NS" ]; then exec unshare -n -m env R46C_IN_NS=1 bash "$0" "$@"; fi
set -m
mount --make-rprivate /
mount --bind /tmp/round46-r46c /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round46-r46c
mount --bind /mnt /tmp/round46-r46c
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up

D=/work/round46/newsboat
B=/tmp/round46-r46c/newsboat
cd "$D" || exit 1
rm -rf "$B"; mkdir -p $B/home $B/tmp $B/xdg/{config,cache,data,state,run} $B/logs
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_CACHE_HOME=$B/xdg/cache \
       XDG_DATA_HOME=$B/xdg/data XDG_STATE_HOME=$B/xdg/state XDG_RUNTIME_DIR=$B/xdg/run TZ=UTC PYTHONDONTWRITEBYTECODE=1
chmod 700 $B/xdg/run
RAW=$B/raw.log; : > $RAW
U=http://127.0.0.1:47060
SEED=$RANDOM
/usr/bin/python3 $D/feedsrv.py 47060 $SEED > $B/feedsrv.out 2>&1 & SRV=$!
sleep 0.8
pick() { local a=("$@"); P=${a[RANDOM % ${#a[@]}]}; }   # sets P; no subshell, so RANDOM stays seeded

GOOD=($U/rss2/tech.xml $U/rss2/news.xml $U/rdf/old.xml $U/rss091/legacy.xml $U/redir/moved.xml $U/gzip/packed.xml)
BAD=($U/gone/feed.xml $U/err/feed.xml $U/auth/private.xml $U/slow/feed.xml $U/cut/feed.xml $U/malformed/a.xml
     $U/malformed/b.xml $U/empty/feed.xml $U/redirloop/x.xml http://127.0.0.1:47099/refused.xml
     http://nosuchhost.invalid/feed.xml)
mkurls() {
  : > $B/urls
  pick $U/etag/cond1.xml $U/etag/cond2.xml; echo "$P cond" >> $B/urls
  pick $U/atom/blog.xml $U/atom/dev.xml; [ $((RANDOM % 2)) = 0 ] && echo "$P" >> $B/urls
  for u in "${GOOD[@]}"; do pick '' '"~Renamed feed"' tech news '"!hidden"'; [ $((RANDOM % 4)) = 0 ] && echo "$u $P" >> $B/urls; done
  for u in "${BAD[@]}"; do [ $((RANDOM % 5)) = 0 ] && echo "$u" >> $B/urls; done
  [ $((RANDOM % 2)) = 0 ] && echo '"query:Unread items:unread = \"yes\""' >> $B/urls
  [ $((RANDOM % 4)) = 0 ] && echo "\"exec:cat $D/local.xml\"" >> $B/urls
  [ $((RANDOM % 5)) = 0 ] && echo "\"exec:/nonexistent/feedgen\"" >> $B/urls
  [ $((RANDOM % 4)) = 0 ] && echo "\"filter:/bin/cat:$U/rss2/filtered.xml\"" >> $B/urls
  [ $((RANDOM % 6)) = 0 ] && echo "ftp://127.0.0.1/unsupported.xml" >> $B/urls
  return 0
}
mkconfig() {
  {
    echo "reload-threads $((1 + RANDOM % 3))"
    echo "download-timeout $((2 + RANDOM % 3))"
    [ $((RANDOM % 2)) = 0 ] && echo "max-items $((RANDOM % 4))"
    [ $((RANDOM % 3)) = 0 ] && echo "keep-articles-days $((1 + RANDOM % 30))"
    [ $((RANDOM % 3)) = 0 ] && echo "ignore-article \"*\" \"title =~ \\\"tea\\\"\""
    [ $((RANDOM % 3)) = 0 ] && echo "reset-unread-on-update $U/rss2/tech.xml"
    [ $((RANDOM % 3)) = 0 ] && echo "prepopulate-query-feeds yes"
    [ $((RANDOM % 4)) = 0 ] && echo "user-agent \"r46c-agent/$RANDOM\""
    [ $((RANDOM % 3)) = 0 ] && echo "cookie-cache \"$B/cookies.txt\""
    [ $((RANDOM % 4)) = 0 ] && echo "download-retries $((1 + RANDOM % 3))"
    pick title unreadarticlecount lastupdated; [ $((RANDOM % 4)) = 0 ] && echo "feed-sort-order $P"
    [ $((RANDOM % 3)) = 0 ] && echo "bind-key ^R reload-all"
    [ $((RANDOM % 4)) = 0 ] && echo "color listfocus black yellow bold"
    [ $((RANDOM % 5)) = 0 ] && echo "include $B/extra.conf"
    pick 'no-such-option 1' 'reload-threads many' 'download-timeout' 'color nosuchcolor red'; [ $((RANDOM % 12)) = 0 ] && echo "$P"
  } > $B/config
  pick yes no; echo "show-read-feeds $P" > $B/extra.conf
}
cat > $B/import.opml <<OPML
<?xml version="1.0"?><opml version="1.0"><head><title>subs</title></head><body>
<outline text="tech" xmlUrl="$U/rss2/imported.xml"/><outline text="dev" xmlUrl="$U/atom/imported.xml" title="Dev"/>
<outline text="folder"><outline text="inner" xmlUrl="$U/rdf/inner.xml"/></outline></body></opml>
OPML
echo '<opml><body><outline text="x"' > $B/broken.opml
nb() { # nb ARGS... : one newsboat run, its debug log appended to RAW
  local L=$B/logs/run.log; rm -f $L
  timeout 60 newsboat -C $B/config -u $B/urls -c $B/cache.db -q -l 6 -d $L "$@" > $B/tmp/out.txt 2>&1 < /dev/null
  cat $L >> $RAW
}
mkurls; mkconfig
KS=($(seq 0 19))
for ((j = 19; j > 0; j--)); do k=$((RANDOM % (j + 1))); t=${KS[j]}; KS[j]=${KS[k]}; KS[k]=$t; done
for i in $(seq 0 19); do
  [ $((RANDOM % 5)) = 0 ] && mkurls
  [ $((RANDOM % 4)) = 0 ] && mkconfig
  K=${KS[i]}; echo "run $i kind $K" >> $B/runs.txt
  case $K in
    0|1|2|3|4|5|6|7) nb -x reload;;
    8|9) nb -x reload print-unread;;
    10|11) nb -x print-unread;;
    12) nb -e;;
    13) cp $B/urls $B/urls.bak; pick $B/import.opml $B/import.opml $B/broken.opml $B/missing.opml; nb -i $P; cp $B/urls.bak $B/urls;;
    14) nb -E $B/tmp/read.txt;;
    15) pick tech-1-3 news-2-5 blog-1-1 nosuch; printf '%s\n' "$P" > $B/tmp/readin.txt; pick $B/tmp/readin.txt $B/tmp/read.txt $B/tmp/none.txt; nb -I $P;;
    16) nb -X;;
    17) [ $((RANDOM % 2)) = 0 ] && rm -f $B/cache.db; nb -x reload;;
    18) # two at once: the second finds the cache locked
        echo "$U/slow/held.xml" > $B/urls.slow
        timeout 60 newsboat -C $B/config -u $B/urls.slow -c $B/cache.db -q -x reload > /dev/null 2>&1 < /dev/null & P1=$!
        sleep 0.3; nb -x reload; wait $P1;;
    19) echo "garbage line $RANDOM" > $B/tmp/cache.db; newsboat_cache=$B/cache.db
        cp $B/tmp/cache.db $B/tmp/bad.db
        L=$B/logs/run.log; rm -f $L
        timeout 60 newsboat -C $B/config -u $B/urls -c $B/tmp/bad.db -q -l 6 -d $L -x reload > /dev/null 2>&1 < /dev/null
        cat $L >> $RAW;;
  esac
done
kill $SRV; wait 2>/dev/null
tail -n 2500 $RAW > $D/newsboat.log
