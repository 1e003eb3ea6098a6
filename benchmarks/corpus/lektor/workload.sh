#!/bin/bash
# Drives lektor build/server (-vvvv) over generated projects inside private namespaces (see nsrun.sh).
D=/work/round45/lektor
T=/tmp/round45-r45h
if [ -z "$R45H_INNS" ]; then exec "$D/nsrun.sh" bash "$D/workload.sh" "$@"; fi
set -m
cd "$D" || exit 1
PY=$T/venv-lektor/bin/python
L=$T/venv-lektor/bin/lektor
W=$T/lektor/work
RAW=$T/lektor/raw.log
rm -rf $W $RAW; mkdir -p $W
SEED=${SEED:-4547}
RANDOM=$SEED
P=$W/site
$PY $D/mksite.py $P $SEED
OUT=$W/out
bld() { $L --project $P build -vvvv -O $OUT "$@" >> $RAW 2>&1; }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
# random damage / repair of the project
mutate() {
  case $((RANDOM % 17)) in
    0) printf '{%% extends "layout.html" %%}{%% block body %%}{{ this.title }{%% endblock %%}\n' > $P/templates/page.html ;;
    1) printf '{%% extends "layout.html" %%}{%% block body %%}{{ this.nothing.deeper }}{%% endblock %%}\n' > $P/templates/blog-post.html ;;
    2) rm -f $P/templates/blog.html ;;
    3) mkdir -p $P/content/odd; printf '_model: nosuchmodel\n---\ntitle: Odd\n' > $P/content/odd/contents.lr ;;
    4) n=$((RANDOM % 40)); mkdir -p $P/content/blog/new$n; printf 'title: New %s\n---\npub_date: %s\n---\nbody: fresh\n' $n "$(pick 2026-03-04 notadate 2025-13-40 2024-07-01)" > $P/content/blog/new$n/contents.lr ;;
    5) d=$(ls -d $P/content/blog/*/ 2>/dev/null | head -n $((RANDOM % 3 + 1)) | tail -n 1); [ -n "$d" ] && rm -rf "$d" ;;
    6) printf '[model]\nname = Page\n\n[fields.title]\ntype = nosuchtype\n\n[fields.body]\ntype = markdown\n' > $P/models/page.ini ;;
    7) printf '\n{{ undefined_function() }}\n' >> $P/templates/layout.html ;;
    8) echo "extra $RANDOM" > $P/content/p0/extra$((RANDOM % 5)).txt ;;
    9) touch $P/content/contents.lr ;;
    10) echo "body { margin: ${RANDOM}px }" > $P/assets/static/style.css ;;
    *) $PY $D/mksite.py $P $SEED ;;   # repair: rewrite the original project files
  esac
}
# phase 1: command line builds
for i in $(seq 1 $((RANDOM % 2 + 3))); do
  mutate; [ $((RANDOM % 3)) = 0 ] && mutate
  bld
  [ $((RANDOM % 4)) = 0 ] && $PY $D/mksite.py $P $SEED
done
$L --project $P clean --yes -vvvv -O $OUT >> $RAW 2>&1
bld
$L --project $T/lektor/nonexistent build -vvvv -O $OUT >> $RAW 2>&1
# phase 2: dev server watching the project, driven by HTTP clients and file changes
for run in 1 2; do
  $L --project $P server -vvvv -h 127.0.0.1 -p 49600 -O $OUT >> $RAW 2>&1 &
  SRV=$!
  sleep 4
  for i in $(seq 1 $((RANDOM % 6 + 8))); do
    for j in $(seq 1 $((RANDOM % 4 + 1))); do
      curl -s -o /dev/null --max-time 10 "http://127.0.0.1:49600$(pick / /p0/ /p1/ /blog/ /blog/page/2/ /blog/post1/ /missing/ /static/style.css /p0/extra1.txt /admin/api/pathinfo?path=/ /admin/api/recordinfo?path=/blog /admin/api/servers /admin/api/previewinfo?path=/p1 /admin/api/rawrecord?path=/nope)"
    done
    mutate
    sleep $((RANDOM % 3 + 1))
  done
  $PY $D/mksite.py $P $SEED; sleep 2
  # SIGINT stops the HTTP server; the background builder thread keeps the process alive, so SIGTERM follows
  kill -INT $SRV; sleep 2; kill -TERM $SRV 2>/dev/null; wait $SRV
done
# keep one contiguous stretch of at most 2500 lines
sed -n '1,2500p' $RAW > $D/lektor.log
wc -l $RAW $D/lektor.log
