#!/bin/bash
# AIDE workload: aide 0.18.3 (Debian) at log level debug over a tree of ours at /mnt/tree (a bind
# mount, private mount namespace) changed between init/check/update/compare and bad-config runs.
# aide stderr (its log) -> /tmp/round40-r40h/aide/raw.log; reports -> report.txt (not the log).
set -u
HERE=/work/round40/aide
WORK=/tmp/round40-r40h/aide
if [ "${R40H_INNER:-}" != 1 ]; then
  rm -rf "$WORK"; mkdir -p "$WORK"/{home,tmp,xdg/config,xdg/data,xdg/cache,xdg/run,mnt,db}
  exec env R40H_INNER=1 unshare -n -m --propagation private bash "$HERE/workload.sh" "$@"
fi
cd "$HERE" || exit 1
export HOME=$WORK/home TMPDIR=$WORK/tmp XDG_CONFIG_HOME=$WORK/xdg/config XDG_DATA_HOME=$WORK/xdg/data \
       XDG_CACHE_HOME=$WORK/xdg/cache XDG_RUNTIME_DIR=$WORK/xdg/run
mount --bind "$WORK/mnt" /mnt
RAW=$WORK/raw.log; : > "$RAW"
T=/mnt/tree
mkdir -p $T/etc $T/bin $T/log $T/tmp
echo "port=57501" > $T/etc/app.conf; echo '#!/bin/sh' > $T/bin/tool; chmod 755 $T/bin/tool
echo "boot" > $T/log/app.log
R() { echo $(( RANDOM % $1 )); }
A() { aide -L debug "$@" >/dev/null 2>>"$RAW"; }
change() {  # one random change to the tree
  case $(R 9) in
    0) echo "k$RANDOM=v" >> $T/etc/app.conf;;
    1) chmod $(shuf -n1 -e 600 640 644 664) $T/etc/app.conf;;
    2) f=$T/etc/n$(R 3).conf; if [ -e $f ]; then rm $f; else echo new > $f; fi;;
    3) echo "line $RANDOM" >> $T/log/app.log;;
    4) echo "rotated" > $T/log/app.log;;
    5) echo "# $RANDOM" >> $T/bin/tool;;
    6) ln -sfn $(shuf -n1 -e tool app missing) $T/bin/link;;
    7) touch -d "@$((1700000000 + RANDOM))" $T/etc/app.conf;;
    8) echo tmp > $T/tmp/x$(R 5);;
  esac
}
bad() {
  case $(R 9) in
    0) A -c "$HERE/$(shuf -n1 -e bad-syntax.conf bad-group.conf bad-include.conf bad-regex.conf bad-option.conf)" --config-check;;
    1) A -c "$HERE/$(shuf -n1 -e bad-regex.conf bad-include.conf)" --init;;
    2) local acts=(--check --init --compare); A -c "$HERE/nodb.conf" ${acts[$(R 3)]};;
    3) A -c "$WORK/missing.conf" --check;;
    4) mv $WORK/db/aide.db $WORK/db/aide.db.off 2>/dev/null; A -c "$HERE/aide.conf" --check
       mv $WORK/db/aide.db.off $WORK/db/aide.db 2>/dev/null;;
    5) aide -L $(shuf -n1 -e verbose loud 9) -c "$HERE/aide.conf" --check >/dev/null 2>>"$RAW";;
    6) A -c "$HERE/aide.conf" --path-check=$(shuf -n1 -e f:$T/etc/app.conf d:$T/tmp f:$T/log/app.log f:/etc/passwd);;
    7) A -c "$HERE/aide.conf" --limit="$(shuf -n1 -e '/mnt/tree/etc' '/mnt/tree/(bin' '^/mnt/tree/log')" --check;;
    8) A -c "$HERE/aide.conf" -B "$(shuf -n1 -e 'gzip_dbout=no' 'report_level=list_entries' 'x=' '/mnt/tree/bin p+sha1')" --dry-init;;
  esac
}
for step in $(seq 1 ${STEPS:-14}); do
  case $(R 15) in
    0|1|2|3|4|13|14) bad;;
    5) A -c "$HERE/aide.conf" --init; cp $WORK/db/aide.db.new $WORK/db/aide.db;;
    6|7) A -c "$HERE/aide.conf" --check;;
    8) A -c "$HERE/aide.conf" --update; [ $(R 2) = 0 ] && cp $WORK/db/aide.db.new $WORK/db/aide.db;;
    9) [ -e $WORK/db/aide.db.new ] || A -c "$HERE/aide.conf" --init; A -c "$HERE/aide.conf" --compare;;
    10) A -c "$HERE/aide.conf" --dry-init;;
    11) A -c "$HERE/aide.conf" --config-check;;
    12) A -c "$HERE/aide.conf" --check --limit "/mnt/tree/$(shuf -n1 -e etc log bin)";;
  esac
  for ((c = 0; c < 1 + $(R 3); c++)); do change; done
  [ $step = 2 ] && { A -c "$HERE/aide.conf" --init; cp $WORK/db/aide.db.new $WORK/db/aide.db; }
done
sed -n '1,2500p' "$RAW" > "$HERE/aide.log"
wc -l "$RAW" "$HERE/aide.log"
