#!/bin/bash
# Workload for fastify-cli: runs `fastify start --log-level trace` over app.js inside a private
# network+mount namespace (ns.sh), drives it with client.py, restarts it, provokes start errors.
# Output (stdout+stderr of every fastify process) -> raw log; fastifycli.log = a stretch of it.
set -m
D=$(cd "$(dirname "$0")" && pwd)
if [ -z "$IN_NS" ]; then
  IN_NS=1 exec "$D/ns.sh" "$D/workload.sh" "$@"
fi
F=/tmp/round39-r39d/pfx-fastify-cli/node_modules/.bin/fastify
RAW=/tmp/round39-r39d/fastifycli.raw.log
PORT=51500
: > $RAW
cd "$D"
RANDOM=$$
sessions=$((5 + RANDOM % 3))
for s in $(seq 1 $sessions); do
  extra=""
  [ $((RANDOM % 2)) = 0 ] && extra="--body-limit 2048"
  GRACE=3000; [ $((RANDOM % 3)) = 0 ] && GRACE=800
  $F start --log-level trace --options -a 127.0.0.1 -p $PORT -g $GRACE $extra app.js >>$RAW 2>&1 &
  P=$!
  sleep 1.5
  # a second instance on the same port fails with EADDRINUSE
  if [ $((RANDOM % 3)) = 0 ]; then $F start --log-level trace -a 127.0.0.1 -p $PORT app.js >>$RAW 2>&1; fi
  # a missing plugin file
  if [ $((RANDOM % 3)) = 0 ]; then $F start --log-level trace -a 127.0.0.1 -p $((PORT+1)) missing-app.js >>$RAW 2>&1; fi
  python3 client.py $PORT $((80 + RANDOM % 220)) $RANDOM
  case $((RANDOM % 4)) in
    0) kill -INT $P ;;
    1) kill -TERM $P ;;
    2) python3 -c "import urllib.request;urllib.request.urlopen('http://127.0.0.1:$PORT/slow',timeout=5)" 2>/dev/null & C=$!
       sleep 0.3; kill -TERM $P; sleep 0.2; kill -TERM $P; wait $C ;;
    3) python3 -c "import urllib.request;urllib.request.urlopen('http://127.0.0.1:$PORT/slow',timeout=5)" 2>/dev/null & C=$!
       sleep 0.3; kill -TERM $P; wait $C ;;
  esac
  wait $P
done
# keep one contiguous stretch of at most 2,500 whole lines
sed -n '1,2500p' $RAW > "$D/fastifycli.log"
wc -l "$D/fastifycli.log"
