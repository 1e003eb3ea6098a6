#!/bin/bash
# Workload for nodemon: runs `nodemon --verbose --no-colours` over proj/app.js inside a private
# network+mount namespace (ns.sh); edits, breaks, crashes and restarts the watched program.
# The watched program writes nothing itself and its stdio is not passed through ("stdout": false
# in nodemon.json), so the captured stdout+stderr is nodemon's own output.
set -m
D=$(cd "$(dirname "$0")" && pwd)
if [ -z "$IN_NS" ]; then
  IN_NS=1 exec "$D/ns.sh" "$D/workload.sh" "$@"
fi
N=/tmp/round39-r39d/pfx-nodemon/node_modules/.bin/nodemon
RAW=/tmp/round39-r39d/nodemon.raw.log
FIFO=/tmp/round39-r39d/nodemon.stdin
V=$D/variants
PR=$D/proj
: > $RAW
RANDOM=$$
rm -rf "$PR"; mkdir -p "$PR/tmp" "$PR/data"
cp $V/normal.js $PR/app.js; cp $V/lib.js $PR/lib.js
echo '{"port": 51600}' > $PR/config.json
echo notes > $PR/notes.txt
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
alive() { kill -0 $1 2>/dev/null; }
step() {
  case $((RANDOM % 20)) in
    0|1|2|3) echo "// edit $RANDOM" >> $PR/lib.js ;;
    4|5) cp $V/$(pick normal normal crash throw clean grandchild grandchild killself code2).js $PR/app.js ;;
    6) cp $V/lib_broken.js $PR/lib.js ;;
    7) cp $V/lib.js $PR/lib.js ;;
    8) echo "{\"port\": $((51600 + RANDOM % 100))}" > $PR/config.json ;;
    9) echo "x$RANDOM" > $PR/tmp/cache$((RANDOM % 3)).js ;;
    10) echo "n$RANDOM" >> $PR/notes.txt ;;
    11) echo "// t" > $PR/lib.test.js ;;
    12) echo rs >&3 ;;
    13) kill -$RSIG $NP ;;
    14) echo "export default $RANDOM" > $PR/data/m$((RANDOM % 4)).mjs ;;
    15) rm -f $PR/data/m$((RANDOM % 4)).mjs $PR/lib.test.js ;;
    16) touch $PR/app.js $PR/lib.js ;;
    *) cp $V/normal.js $PR/app.js; cp $V/lib.js $PR/lib.js ;;
  esac
  sleep $(pick 0.3 0.6 1 1.2 1.5 2 2.5 3.5)
}
rm -f $FIFO; mkfifo $FIFO
sessions=$((16 + RANDOM % 4))
for s in $(seq 1 $sessions); do
  cd $PR
  extra=""
  [ $((RANDOM % 3)) = 0 ] && extra="$extra --delay $(pick 0.5 0.8 1)"
  [ $((RANDOM % 4)) = 0 ] && extra="$extra --spawn"
  [ $((RANDOM % 5)) = 0 ] && extra="$extra -L -P 300"
  RSIG=HUP
  [ $((RANDOM % 5)) = 0 ] && extra="$extra --signal SIGTERM" && RSIG=USR2
  [ $((RANDOM % 6)) = 0 ] && extra="$extra -C"
  [ $((RANDOM % 6)) = 0 ] && extra="$extra --exitcrash"
  [ $((RANDOM % 5)) = 0 ] && extra="$extra -i :\\.bak\$"
  [ $((RANDOM % 5)) = 0 ] && extra="$extra -w . -w ../variants"
  cfg=../nodemon.json
  target="app.js"
  case $((RANDOM % 12)) in
    0) cfg=../bad-config.json ;;
    1) target="--exec nosuch-runner app.js" ;;
    2) cd $D; extra="$extra --cwd proj" ;;
  esac
  cp $V/normal.js $PR/app.js; cp $V/lib.js $PR/lib.js
  exec 3<>$FIFO
  $N --verbose --no-colours --config $cfg $extra $target >>$RAW 2>&1 <$FIFO &
  NP=$!
  sleep 2
  steps=$((5 + RANDOM % 30))
  for i in $(seq 1 $steps); do
    alive $NP || break
    step
  done
  if alive $NP; then
    kill -$(pick INT INT TERM) $NP
  fi
  wait $NP
  exec 3>&-
  sleep 0.5
done
rm -f $FIFO
# keep one contiguous stretch of at most 2,500 whole lines
sed -n '1,2500p' $RAW > "$D/nodemon.log"
wc -l "$D/nodemon.log" $RAW
