#!/bin/bash
# Workload for Vite: runs `vite --debug` (DEBUG=-vite:config drops the resolved-config dump) over
# proj/ inside a private network+mount namespace (ns.sh); edits and breaks the project, sends
# HTTP requests (client.py), restarts the server. stdout+stderr of vite -> raw log; vite.log = a stretch.
set -m
D=$(cd "$(dirname "$0")" && pwd)
if [ -z "$IN_NS" ]; then
  IN_NS=1 exec "$D/ns.sh" "$D/workload.sh" "$@"
fi
export TZ=UTC
V=/tmp/round39-r39d/pfx-vite/node_modules/.bin/vite
RAW=/tmp/round39-r39d/vite.raw.log
PR=$D/proj
T=$D/tpl
PORT=51700
: > $RAW
RANDOM=$$
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
alive() { kill -0 $1 2>/dev/null; }
reset_proj() {
  rm -rf $PR/src $PR/node_modules $PR/.vite
  cp -r $T/src $T/index.html $T/vite.config.js $PR/
  echo 'VITE_TITLE=r39' > $PR/.env
}
# fake upstream for the /api proxy (the /down proxy target has nothing listening)
python3 -m http.server 51798 --bind 127.0.0.1 --directory $T >/dev/null 2>&1 &
UP=$!
step() {
  case $((RANDOM % 24)) in
    0|1|2) echo "// edit $RANDOM" >> $PR/src/greet.js ;;
    3|4) echo "body { margin: $((RANDOM % 20))px; }" >> $PR/src/style.css ;;
    5) echo 'export const broken = (' >> $PR/src/greet.js ;;
    6) cp $T/src/greet.js $PR/src/greet.js ;;
    7) echo "import x$RANDOM from './nothere$((RANDOM % 3)).js'" >> $PR/src/main.js ;;
    8) cp $T/src/main.js $PR/src/main.js ;;
    9) echo 'body { color: ' >> $PR/src/style.css ;;
    10) cp $T/src/style.css $PR/src/style.css ;;
    11) echo "export const e = $RANDOM" > $PR/src/extra.js ;;
    12) rm -f $PR/src/extra.js ;;
    13) echo "{ \"items\": [$RANDOM] }" > $PR/src/data/items.json ;;
    14) echo "VITE_N=$RANDOM" >> $PR/.env ;;
    15) echo "// c $RANDOM" >> $PR/vite.config.js ;;
    16) echo 'export default {' > $PR/vite.config.js ;;
    17) cp $T/vite.config.js $PR/vite.config.js ;;
    18) sed -i "s/<title>.*<\/title>/<title>t$RANDOM<\/title>/" $PR/index.html ;;
    19) echo 'import "./main.js"; if (import.meta.hot) import.meta.hot.accept()' > $PR/src/hot$((RANDOM % 2)).js ;;
    *) python3 $D/client.py $PORT $((5 + RANDOM % 40)) $RANDOM ;;
  esac
  sleep $(pick 0.2 0.5 0.8 1 1.5)
}
sessions=$((5 + RANDOM % 3))
for s in $(seq 1 $sessions); do
  reset_proj
  cd $PR
  if [ $((RANDOM % 4)) = 0 ]; then
    # the port is taken by another program: strictPort makes vite fail
    python3 -m http.server $PORT --bind 127.0.0.1 >/dev/null 2>&1 & B=$!
    sleep 0.5
    DEBUG=-vite:config $V --debug >>$RAW 2>&1
    kill $B; wait $B 2>/dev/null
  fi
  DEBUG=-vite:config $V --debug $(pick "" "" "" --force) >>$RAW 2>&1 &
  VP=$!
  sleep 2.5
  python3 $D/client.py $PORT $((10 + RANDOM % 30)) $RANDOM
  steps=$((10 + RANDOM % 25))
  for i in $(seq 1 $steps); do
    alive $VP || break
    step
  done
  sleep 1
  kill -$(pick INT TERM) $VP
  wait $VP
done
kill $UP; wait $UP 2>/dev/null
reset_proj
# keep one contiguous stretch of at most 2,500 whole lines
sed -n '1,2500p' $RAW > "$D/vite.log"
wc -l "$D/vite.log" $RAW
