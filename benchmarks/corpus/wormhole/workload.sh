#!/bin/bash
# Randomised workload for the Magic Wormhole mailbox server (twist wormhole-mailbox), driven by
# magic-wormhole clients and hand-made websocket/HTTP clients (rawclient.py).
# Usage: workload.sh [ACTIONS] [LOGFILE]
set -u
D=$(cd "$(dirname "$0")" && pwd)
N=${1:-200}
LOG=${2:-/tmp/round33-r33g/wh/full.log}
W=/tmp/round33-r33g/wh
V=/tmp/round33-r33g/venv/bin
PORT=41100
RELAY="ws://127.0.0.1:$PORT/v1"
mkdir -p "$W/tmp"; cd "$W"

SPID=
start_server() {
  local opts=()
  case $((RANDOM % 8)) in
    0) opts+=(--blur-usage=$(( (1 + RANDOM % 4) * 900 ))) ;;
    1) opts+=(--disallow-list) ;;
    2) opts+=(--motd="Maintenance window tonight, expect restarts") ;;
    3) opts+=(--advertise-version=0.$((20 + RANDOM % 6)).0) ;;
  esac
  [ $((RANDOM % 4)) = 0 ] && rm -f "$W/relay.sqlite"
  $V/twist --log-file="$LOG" --log-format=text --log-level=debug wormhole-mailbox \
    --port=tcp:$PORT:interface=127.0.0.1 --channel-db="$W/relay.sqlite" --usage-db="$W/usage.sqlite" \
    "${opts[@]}" >> "$W/twist.out" 2>&1 &
  SPID=$!
  sleep 2.5
}
stop_server() { [ -n "$SPID" ] && kill -${1:-TERM} "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; SPID=; }
wh() { timeout "${T:-20}" $V/wormhole --relay-url "$RELAY" --transit-helper tcp:127.0.0.1:41101 "$@" ; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
WORDS=(apple banana crayon dragon eclipse falcon guitar harbor island jigsaw kettle lantern)
code() { echo "$((RANDOM % ${1:-40} + 1))-${WORDS[RANDOM % 12]}-${WORDS[RANDOM % 12]}"; }

text_xfer() {  # fixed code on both sides; sometimes the receiver mistypes the words
  local c; c=$(code); local rc=$c
  [ $((RANDOM % 6)) = 0 ] && rc="${c%%-*}-${WORDS[RANDOM % 12]}-wrong"
  T=15 wh send --code "$c" --text "note $RANDOM from r33g" > "$W/tmp/s.out" 2>&1 &
  local s=$!; sleep 1.5
  T=10 wh receive --only-text "$rc" > "$W/tmp/r.out" 2>&1
  wait $s
}
alloc_xfer() {  # the sender lets the server allocate a nameplate
  T=15 wh send --text "allocated $RANDOM" > "$W/tmp/s2.out" 2>&1 &
  local s=$!; local c=""
  for i in 1 2 3 4 5 6; do
    sleep 0.7; c=$(sed -n 's/^Wormhole code is: //p' "$W/tmp/s2.out")
    [ -n "$c" ] && break
  done
  if [ -n "$c" ]; then T=10 wh receive "$c" > /dev/null 2>&1; else kill $s 2>/dev/null; fi
  wait $s 2>/dev/null
}
file_xfer() {
  local f="$W/tmp/payload-$RANDOM.bin"; head -c $((1000 + RANDOM * 8)) /dev/urandom > "$f"
  local c; c=$(code 99)
  T=25 wh send --code "$c" "$f" > /dev/null 2>&1 &
  local s=$!; sleep 1.5
  mkdir -p "$W/tmp/in"; (cd "$W/tmp/in" && T=20 wh receive --accept-file "$c" > /dev/null 2>&1)
  wait $s; rm -rf "$f" "$W/tmp/in"
}
lonely() {  # someone waits for a peer that never comes, then gives up
  local c; c=$(code 300)
  T=$((2 + RANDOM % 5)) wh $(pick send receive) $( [ $((RANDOM % 2)) = 0 ] && echo --code "$c" --text hi || echo "$c") > /dev/null 2>&1
}
crowded() {
  local c; c=$(code)
  T=12 wh send --code "$c" --text "crowd $RANDOM" > /dev/null 2>&1 &
  local s=$!; sleep 1
  T=8 wh receive --only-text "$c" > /dev/null 2>&1 &
  local r1=$!
  T=8 wh receive --only-text "$c" > /dev/null 2>&1
  wait $s $r1 2>/dev/null
}
raw() { python3 "$D/rawclient.py" $PORT "$1" 2>/dev/null; }

: >> "$LOG"
start_server
for i in $(seq "$N"); do
  r=$((RANDOM % 100))
  if   [ $r -lt 26 ]; then text_xfer
  elif [ $r -lt 34 ]; then alloc_xfer
  elif [ $r -lt 40 ]; then file_xfer
  elif [ $r -lt 45 ]; then lonely
  elif [ $r -lt 48 ]; then crowded
  elif [ $r -lt 60 ]; then raw http
  elif [ $r -lt 63 ]; then raw garbage
  elif [ $r -lt 66 ]; then raw badjson
  elif [ $r -lt 67 ]; then raw binary
  elif [ $r -lt 69 ]; then raw notype
  elif [ $r -lt 71 ]; then raw unbound
  elif [ $r -lt 73 ]; then raw unknown
  elif [ $r -lt 76 ]; then raw ping
  elif [ $r -lt 97 ]; then raw protocol
  elif [ $r -lt 99 ]; then stop_server TERM; sleep 1; start_server
  else  # a second server on the same port fails to listen
    timeout 6 $V/twist --log-file="$LOG" --log-format=text wormhole-mailbox --port=tcp:$PORT:interface=127.0.0.1 \
      --channel-db="$W/relay2.sqlite" >> "$W/twist.out" 2>&1
  fi
done
stop_server TERM
rm -rf "$W/tmp"
