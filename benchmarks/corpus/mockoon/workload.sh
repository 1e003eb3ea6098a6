#!/bin/bash
# Runs mockoon-cli (npm @mockoon/cli 9.9.0) "start" in a private network+mount namespace, drives it
# with randomised HTTP/WebSocket traffic and keeps its stdout as mockoon.log.
set -u
DIR=/work/round41/mockoon
BASE=/tmp/round41-r41h
if [ "${R41H_INNER:-}" != 1 ]; then
  cd "$DIR" || exit 1
  exec env R41H_INNER=1 unshare -n -m bash "$DIR/workload.sh" "$@"
fi
cd "$DIR" || exit 1
mount --make-rprivate /
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
export HOME=$BASE/home TMPDIR=$BASE/tmp XDG_CONFIG_HOME=$BASE/xdg/config XDG_DATA_HOME=$BASE/xdg/data \
  XDG_CACHE_HOME=$BASE/xdg/cache XDG_STATE_HOME=$BASE/xdg/state XDG_RUNTIME_DIR=$BASE/xdg/runtime
export MOCK_PREFIX=$BASE/npm-mock NODE_ENV=production
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR
M=$MOCK_PREFIX/node_modules/@mockoon/cli/bin/run.js
RUN=$BASE/mock; rm -rf $RUN; mkdir -p $RUN
cp $DIR/shop.json $DIR/proxy.json $DIR/sample.txt $RUN/
RAW=$BASE/mockoon.raw; : > $RAW
ERR=$BASE/mockoon.stderr; : > $ERR
SEED=${SEED:-$RANDOM}
TOKEN=tok$RANDOM$RANDOM
PIDS=()

startm() { node $M start --disable-log-to-file "$@" >> $RAW 2>> $ERR & PIDS+=($!); }
stopm() { kill -INT "$1" 2>/dev/null; for i in 1 2 3 4 5 6; do kill -0 "$1" 2>/dev/null || break; sleep 0.5; done; kill -9 "$1" 2>/dev/null; wait "$1" 2>/dev/null; }
edit_env() {  # change the watched environment (latency, a status code) so --watch reloads it
  python3 - "$RUN/shop.json" $RANDOM <<'PY'
import json, sys
p, r = sys.argv[1], int(sys.argv[2])
e = json.load(open(p))
e["latency"] = r % 40
for route in e["routes"]:
    if route["endpoint"] == "status/:code":
        route["responses"][0]["statusCode"] = [500, 503, 418][r % 3]
json.dump(e, open(p, "w"), indent=1)
PY
}

for round in 1 2 3; do
  if [ $((RANDOM % 2)) = 0 ]; then startm --data $RUN/shop.json --watch --polling-interval 400 --admin-api-token $TOKEN; T=$TOKEN
  else startm --data $RUN/shop.json --watch --polling-interval 400; T=""; fi
  SHOP=${PIDS[-1]}
  startm --data $RUN/proxy.json --log-transaction
  PROXY=${PIDS[-1]}
  sleep 5
  node $DIR/client.js 61510 $((RANDOM % 150 + 150)) $((SEED + round)) $T
  for i in $(seq $((RANDOM % 6 + 2))); do
    P=(local legacy/$RANDOM api/item/$RANDOM api/item/$RANDOM); curl -s -o /dev/null -m 5 http://127.0.0.1:61511/${P[$((RANDOM % 4))]}
  done
  case $((RANDOM % 4)) in  # a bad start beside the running one
    0|1) node $M start --disable-log-to-file --data $RUN/shop.json >> $RAW 2>> $ERR ;;
    2) node $M start --disable-log-to-file --data $RUN/proxy.json --hostname 10.254.7.7 >> $RAW 2>> $ERR ;;
    3) node $M start --disable-log-to-file --data $RUN/proxy.json --port 61512 --hostname no-such-host.invalid >> $RAW 2>> $ERR ;;
  esac
  for r in $(seq $((RANDOM % 2 + 1))); do
    edit_env; sleep 2
    node $DIR/client.js 61510 $((RANDOM % 80 + 40)) $((SEED + round * 10 + r)) $T
  done
  stopm $PROXY
  stopm $SHOP
done
sed -n '1,2500p' $RAW > $DIR/mockoon.log
wc -l $RAW $DIR/mockoon.log
