#!/bin/bash
# Workload for npm `ganache` (7.9.2): starts ganache with --logging.verbose several times (in a
# private network+mount namespace), drives it with client.py (random good and bad JSON-RPC calls
# and transactions), provokes start-up errors, and cuts one contiguous stretch of its
# stdout+stderr into ganache.log.
set -u
F=/work/round40/ganache
R=/tmp/round40-r40d
if [ -z "${R40D_INNS:-}" ]; then
  exec env R40D_INNS=1 unshare -n -m --propagation private bash "$F/workload.sh" "$@"
fi
cd "$F" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
export HOME=$R/gan-home TMPDIR=$R/gan-tmp XDG_CONFIG_HOME=$R/gan-xdg/config \
       XDG_CACHE_HOME=$R/gan-xdg/cache XDG_DATA_HOME=$R/gan-xdg/data XDG_RUNTIME_DIR=$R/gan-xdg/run
rm -rf "$R/gan-tmp" "$R/gan-xdg" "$R/gan-db"
mkdir -p "$HOME" "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
GANACHE="node $R/ganache/node_modules/ganache/dist/node/cli.js"
RAW=$R/gan-raw.log
PORT=55601
: > "$RAW"
r() { echo $(( RANDOM % $1 )); }

wait_up() {
  local i
  for ((i = 0; i < 60; i++)); do
    curl -s -m 2 -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":0,"method":"eth_chainId"}' \
      "http://127.0.0.1:$PORT" > /dev/null && return 0
    sleep 0.5
  done
  return 1
}

run_good() {
  local opts=(--logging.verbose -h 127.0.0.1 -p $PORT --wallet.deterministic -a $(( 2 + $(r 4) )))
  [ $(r 2) = 0 ] && opts+=(--logging.debug)
  case $(r 5) in
    0) opts+=(--miner.instamine eager) ;;
    1) opts+=(--miner.blockTime 1) ;;
    2) opts+=(--chain.vmErrorsOnRPCResponse) ;;
  esac
  [ $(r 3) = 0 ] && opts+=(--database.dbPath "$R/gan-db")
  [ $(r 4) = 0 ] && opts+=(--wallet.defaultBalance $(( 10 + $(r 500) )))
  [ $(r 4) = 0 ] && opts+=(--chain.hardfork london)
  mkdir -p "$R/gan-db"
  $GANACHE "${opts[@]}" >> "$RAW" 2>&1 &
  local pid=$!
  if [ $(r 12) = 0 ]; then   # a signal while it is still starting
    sleep 1.$(r 9); kill -INT $pid; wait $pid; return
  fi
  wait_up || { kill -TERM $pid; wait $pid; return; }
  local clients=$(( 1 + $(r 3) )) c cp=()
  for ((c = 0; c < clients; c++)); do
    python3 "$F/client.py" "http://127.0.0.1:$PORT" $(( 10 + $(r 60) )) $RANDOM &
    cp+=($!)
  done
  wait "${cp[@]}"
  case $(r 4) in
    0|1) kill -INT $pid ;;
    2) kill -TERM $pid ;;
    3) kill -HUP $pid ;;
  esac
  wait $pid
}

run_bad() {
  case $(r 8) in
    0) $GANACHE --logging.verbose -p 55602 --chain.hardfork bogus ;;
    1) $GANACHE --logging.verbose -p 55602 --wallet.deterministic --wallet.seed abc ;;
    2) $GANACHE --logging.verbose -p 55602 --miner.blockGasLimit lots ;;
    3) $GANACHE --logging.verbose -p 55602 --logging.file "$R/no/such/dir/gan.log" ;;
    4) $GANACHE --logging.verbose -p 55602 --fork.url "foo://127.0.0.1:55603" ;;
    5) $GANACHE --logging.verbose -p 55602 --server.port 70000 --wallet.deterministic -a 1 ;;
    7) $GANACHE --logging.verbose -p 55602 --bogusOption 1 ;;
    6) # the port is taken by a running instance
       $GANACHE -p 55602 -a 1 --wallet.deterministic > /dev/null 2>&1 &
       local other=$!; sleep 5
       timeout 30 $GANACHE --logging.verbose -p 55602 -a 1 --wallet.deterministic
       kill -INT $other; wait $other ;;
  esac >> "$RAW" 2>&1
}

runs=$(( 6 + $(r 3) ))
for ((k = 0; k < runs; k++)); do
  for ((b = $(r 4); b > 0; b--)); do run_bad; done
  run_good
done

total=$(wc -l < "$RAW")
if [ "$total" -gt 2500 ]; then
  start=$(( 1 + $(r $(( total - 2500 + 1 ))) ))
  # begin the stretch at the last version line of ganache before that point
  start=$(awk -v s="$start" 'NR <= s && /^ganache v/ {n = NR} END {print n ? n : 1}' "$RAW")
  sed -n "${start},$(( start + 2499 ))p" "$RAW" > "$F/ganache.log"
else
  cp "$RAW" "$F/ganache.log"
fi
wc -l "$F/ganache.log"
