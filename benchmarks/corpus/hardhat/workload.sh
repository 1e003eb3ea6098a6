#!/bin/bash
# Runs "hardhat node --verbose" (npm hardhat 2.19.5) in a private network+mount namespace, drives it
# with randomised JSON-RPC calls and keeps its stdout+stderr as hardhat.log.
set -u
DIR=/work/round41/hardhat
BASE=/tmp/round41-r41h
PROJ=$BASE/hhproj   # holds node_modules/hardhat (npm install hardhat@2.19.5)
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
rm -rf $XDG_CONFIG_HOME/hardhat-nodejs $XDG_DATA_HOME/hardhat-nodejs $XDG_CACHE_HOME/hardhat-nodejs
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_DATA_HOME $XDG_CACHE_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR
cp $DIR/hardhat.config.js $PROJ/hardhat.config.js
RAW=$BASE/hardhat.raw; : > $RAW
SEED=${SEED:-$RANDOM}
HH="node $PROJ/node_modules/hardhat/internal/cli/bootstrap.js"

startnode() {  # extra env assignments may precede; output appended to the raw log
  (cd $PROJ && exec env "$@" $HH node --hostname 127.0.0.1 --port 61520 --verbose >> $RAW 2>&1) &
  NODE=$!
  for i in $(seq 60); do
    curl -s -m 1 -o /dev/null -X POST -H 'Content-Type: application/json' \
      -d '{"jsonrpc":"2.0","id":0,"method":"net_version","params":[]}' http://127.0.0.1:61520/ && break
    sleep 0.5
  done
}
stopnode() { kill -"$1" $NODE 2>/dev/null; for i in 1 2 3 4 5 6; do kill -0 $NODE 2>/dev/null || break; sleep 0.5; done; kill -9 $NODE 2>/dev/null; wait $NODE 2>/dev/null; }

# 1: automine
startnode HH_X=1
python3 $DIR/client.py 61520 $((RANDOM % 60 + 70)) $((SEED + 1))
stopnode INT
# 2: invalid configuration value
(cd $PROJ && HH_BAD_CONFIG=1 $HH node --hostname 127.0.0.1 --port 61520 --verbose >> $RAW 2>&1)
# 3: interval mining, plus a second node on the same port
startnode HH_INTERVAL=$((RANDOM % 1000 + 1500))
python3 $DIR/client.py 61520 $((RANDOM % 30 + 20)) $((SEED + 2))
(cd $PROJ && timeout 60 $HH node --hostname 127.0.0.1 --port 61520 --verbose >> $RAW 2>&1)
sleep $((RANDOM % 5 + 3))
python3 $DIR/client.py 61520 $((RANDOM % 30 + 20)) $((SEED + 3))
stopnode TERM
# 4: automine again
startnode HH_X=1
python3 $DIR/client.py 61520 $((RANDOM % 60 + 50)) $((SEED + 4))
stopnode INT
sed -n '1,2500p' $RAW > $DIR/hardhat.log
wc -l $RAW $DIR/hardhat.log
