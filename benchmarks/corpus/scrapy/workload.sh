#!/bin/bash
# Round-19 corpus workload: Scrapy (PyPI, private venv /opt/r19scrapy) at LOG_LEVEL DEBUG with
# LOG_FILE set, two spiders in one CrawlerProcess (crawl.py) crawling a local randomised site
# (site.py: pages, 301/302/303/307 redirects, redirect loops, meta refresh, 404/410/403/429,
# 500/502/503/504, slow pages past DOWNLOAD_TIMEOUT, truncated bodies, oversized bodies,
# robots.txt, duplicates, offsite links, a garbage non-HTTP server, a closed port).
# The shop site is stopped and restarted mid-crawl; the crawl ends with SIGTERM.
# Everything on 127.0.0.1, ports 26100-26119.
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
# Writes OUT_DIR/scrapy.log: the log file with the multi-line start-up banners
# (Overridden settings / Enabled ... lists) cut off its head.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-210}
VENV=/opt/r19scrapy
[ -x $VENV/bin/scrapy ] || { python3 -m venv $VENV && $VENV/bin/pip install -q scrapy; }
WORK=$(mktemp -d /tmp/r19scrapy.XXXX)
SEED=$RANDOM
python3 "$HERE/site.py" http 26100 $SEED & A=$!
python3 "$HERE/site.py" http 26101 $((SEED + 1)) & B=$!
python3 "$HERE/site.py" raw 26102 $((SEED + 2)) & C=$!
sleep 1
$VENV/bin/python "$HERE/crawl.py" 26100 26101 "$WORK/full.log" "$WORK" $((SEED + 3)) & CR=$!
START=$SECONDS
# stop and restart the shop site once or twice
for i in 1 2; do
  sleep $((30 + RANDOM % 50))
  [ $((SECONDS - START)) -ge $((DURATION - 20)) ] && break
  kill $B; wait $B 2>/dev/null
  sleep $((8 + RANDOM % 12))
  python3 "$HERE/site.py" http 26101 $((SEED + 10 + i)) & B=$!
done
while kill -0 $CR 2>/dev/null && [ $((SECONDS - START)) -lt $DURATION ]; do sleep 2; done
kill -TERM $CR 2>/dev/null
wait $CR
kill $A $B $C; wait $A $B $C 2>/dev/null
# cut the head: everything up to the last line of the multi-line start-up banners
first=$(grep -n -m1 '\] INFO: Spider opened' "$WORK/full.log" | cut -d: -f1)
last=$(head -n "$first" "$WORK/full.log" | grep -n -v '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] ' | tail -1 | cut -d: -f1)
tail -n +$((last + 1)) "$WORK/full.log" > "$OUT/scrapy.log"
echo "full log $(wc -l < "$WORK/full.log") lines, kept $(wc -l < "$OUT/scrapy.log") from line $((last + 1)) ($WORK)"
