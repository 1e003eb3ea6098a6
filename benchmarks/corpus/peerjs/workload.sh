#!/bin/bash
# Randomised PeerJS server workload: restarts, bad starts, scripted peers over HTTP and WebSocket.
# Writes the server's stdout+stderr to peerjs.log in this folder.
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
PREFIX=/tmp/round33-r33f/npm
BIN=$PREFIX/node_modules/peer/dist/bin/peerjs.js
export NODE_PATH=$PREFIX/node_modules
LOG=$DIR/peerjs.log
PORT=40510
RUNS=${RUNS:-12}
: > "$LOG"
r() { echo $(( RANDOM % $1 )); }
for run in $(seq 1 "$RUNS"); do
  KEY=peerjs
  ARGS=(--port $PORT --key $KEY --alive_timeout $(( 2500 + $(r 6000) )) --expire_timeout $(( 1000 + $(r 4000) )))
  [ $(r 2) = 0 ] && ARGS+=(--allow_discovery)
  SPATH=/; [ $(r 3) = 0 ] && SPATH=/signal
  ARGS+=(--path $SPATH)
  case $(r 10) in
    0) # certificate without key: refuses to start
       node "$BIN" "${ARGS[@]}" --sslcert /tmp/round33-r33f/nonexistent.pem >> "$LOG" 2>&1 ;;
  esac
  node "$BIN" "${ARGS[@]}" >> "$LOG" 2>&1 &
  SPID=$!
  sleep 1.5
  if [ $(r 4) = 0 ]; then  # second instance on the same port
    node "$BIN" "${ARGS[@]}" >> "$LOG" 2>&1 &
    P2=$!; sleep 1.5; kill -TERM $P2; sleep 0.5; kill -KILL $P2 2>/dev/null; wait $P2 2>/dev/null
  fi
  node "$DIR/client.js" $PORT $KEY $(( 40 + $(r 120) )) $RANDOM $SPATH
  [ $(r 2) = 0 ] && sleep $(( 2 + $(r 6) ))   # let silent peers time out
  [ $(r 3) = 0 ] && node "$DIR/client.js" $PORT $KEY $(( 10 + $(r 50) )) $RANDOM $SPATH
  if [ $(r 2) = 0 ]; then kill -INT $SPID; else kill -TERM $SPID; fi
  for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $SPID 2>/dev/null || break; sleep 0.5; done
  kill -KILL $SPID 2>/dev/null
  wait $SPID 2>/dev/null
done
