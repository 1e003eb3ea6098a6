#!/bin/bash
# Randomised mocha workload; run as root: bash /work/round45/mocha/workload.sh
# Re-executes itself inside a private network + mount namespace.
set -m
D=/work/round45/mocha
P=/tmp/round45-r45g
if [ -z "$R45G_INNS" ]; then
  mkdir -p $P
  exec env R45G_INNS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
cd $D || exit 1
ip link set lo up
mount --make-rprivate /
mount --bind $P /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p $P; mount --bind /mnt $P
mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
export HOME=$P/home TMPDIR=$P/tmp XDG_CONFIG_HOME=$P/home/.config XDG_CACHE_HOME=$P/home/.cache \
  XDG_DATA_HOME=$P/home/.local/share XDG_STATE_HOME=$P/home/.local/state XDG_RUNTIME_DIR=$P/run
mkdir -p $HOME $TMPDIR $XDG_RUNTIME_DIR
# debug module: all mocha namespaces, no colours, objects printed on one line
export DEBUG='mocha*' DEBUG_COLORS=no DEBUG_COMPACT=true DEBUG_BREAK_LENGTH=Infinity
M=$P/mocha/node_modules/.bin/mocha
RAW=$P/mocha-raw.log; OUT=$P/mocha-reporter.out
: > $RAW; : > $OUT
S=$D/suites
run() { ( cd "$1"; shift; timeout 60 $M "$@" ) 2>>$RAW >>$OUT; }
RANDOM=$$
for i in $(seq 1 ${1:-45}); do
  c=$((RANDOM % 16))
  case $c in
    0|1) run $S/basic a.spec.js ;;
    2) run $S/hooks --reporter dot h.spec.js ;;
    3) run $S/async --timeout $((50 + RANDOM % 200)) u.spec.js ;;
    4) run $S/par --parallel --jobs $((1 + RANDOM % 3)) 'p*.spec.js' ;;
    5) run $S/esm e.spec.mjs ;;
    6) run $S/badcfg$((1 + RANDOM % 3)) ;;
    7) run $S/basic missing.spec.js ;;
    8) run $S/req --require ./setup.js r.spec.js ;;
    9) run $S/basic --bail --grep 'adds|fails' a.spec.js ;;
    10) run $S --config nonexistent.json basic/a.spec.js ;;
    11) run $S ;;
    12) run $S/hooks --retries 1 --forbid-only --slow 10 h.spec.js ;;
    13) run $S/basic --allow-uncaught --fgrep math 'nomatch/*.js' a.spec.js ;;
    14) run $S/async --exit --check-leaks --sort u.spec.js ;;
    15) # watch mode, touch the spec, then SIGINT
        ( cd $S/watch; exec $M --watch --watch-files 'w.spec.js' w.spec.js ) 2>>$RAW >>$OUT &
        wp=$!
        sleep 3; touch $S/watch/w.spec.js; sleep 2
        [ $((RANDOM % 2)) = 0 ] && { touch $S/watch/w.spec.js; sleep 2; }
        kill -INT $wp; sleep 1; kill -0 $wp 2>/dev/null && kill -TERM $wp; wait $wp ;;
  esac
done
# keep at most 2500 whole lines: the last stretch
tail -n 2500 $RAW > $D/mocha.log
