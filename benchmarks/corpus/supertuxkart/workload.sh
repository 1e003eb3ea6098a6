#!/bin/bash
# Randomised workload for a SuperTuxKart LAN server (Debian supertuxkart), run in a private
# network namespace (r32j-stk) so its LAN discovery port stays private. The server writes
# its log, at --log=0 (debug), to <config dir>/r32j.log; its first 2,500 lines are kept
# here as supertuxkart.log.
# Clients are STK network AI testers (--connect-now --network-ai --no-graphics).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round32-r32j
NS=r32j-stk
STK=/usr/games/supertuxkart
DURATION=${DURATION:-540}
PIDS=$BASE/stk.pids; : > "$PIDS"
ip netns add $NS 2>/dev/null; ip netns exec $NS ip link set lo up

env_for() {  # env_for DIR: a private home for one STK instance
  mkdir -p "$1/.config/supertuxkart/config-0.10"
  # keep every instance offline: no addons, news or STUN lookups
  printf '<?xml version="1.0"?>\n<stkconfig version="8" >\n    <enable_internet value="2" />\n</stkconfig>\n' \
    > "$1/.config/supertuxkart/config-0.10/config.xml.seed"
  [ -f "$1/.config/supertuxkart/config-0.10/config.xml" ] || \
    cp "$1/.config/supertuxkart/config-0.10/config.xml.seed" "$1/.config/supertuxkart/config-0.10/config.xml"
  echo "HOME=$1 XDG_CONFIG_HOME=$1/.config XDG_DATA_HOME=$1/.local/share XDG_CACHE_HOME=$1/.cache"
}
run_ns() { ip netns exec $NS env "$@"; }

SH=$BASE/stk-server; rm -rf "$SH"; mkdir -p "$SH"
cp "$HERE/r32j.xml" "$SH/r32j.xml"
run_ns $(env_for "$SH") "$STK" --server-config="$SH/r32j.xml" --lan-server=r32j --port=37700 \
  --log=0 > /dev/null 2>&1 &
SERVER=$!; echo $SERVER >> "$PIDS"
sleep 15

client() {  # client N_AI [extra args]: one AI tester process, stopped after a random time
  local n=$1; shift
  local home=$BASE/stk-client$RANDOM
  run_ns $(env_for "$home") timeout ${SIG:+-s $SIG} ${LIFE:-$((RANDOM % 150 + 30))} "$STK" --connect-now=127.0.0.1:37700 \
    --network-ai="$n" --no-graphics "$@" > /dev/null 2>&1 &
  echo $! >> "$PIDS"
}

END=$((SECONDS + DURATION))
while (( SECONDS < END )); do
  case $((RANDOM % 10)) in
    0|1|2|3) client $((RANDOM % 3 + 1)) ;;
    4) client 1 --server-password=wrongpass ;;
    5) client $((RANDOM % 2 + 1)) --difficulty=$((RANDOM % 4)) ;;
    6) # a burst that overfills the server
       for _ in 1 2 3; do client $((RANDOM % 3 + 1)); done ;;
    7) # garbage and truncated packets to the game port
       for _ in $(seq 1 $((RANDOM % 5 + 1))); do
         ip netns exec $NS timeout 2 bash -c "head -c $((RANDOM % 200 + 1)) /dev/urandom > /dev/udp/127.0.0.1/37700"
       done ;;
    8) # a client that connects and is killed at once (dropped connection)
       SIG=KILL LIFE=$((RANDOM % 6 + 2)) client 1 ;;
    *) : ;;
  esac
  sleep $((RANDOM % 20 + 5))
done
sleep 20
# stop clients still running, then the server
while read -r p; do [ "$p" != "$SERVER" ] && kill "$p" 2>/dev/null; done < "$PIDS"
sleep 8
kill -INT $SERVER 2>/dev/null
for _ in $(seq 1 120); do kill -0 $SERVER 2>/dev/null || break; sleep 2; done
kill $SERVER 2>/dev/null; wait
# the log grows by thousands of debug lines per race: keep its first 2,500 lines
head -n 2500 "$SH/.config/supertuxkart/config-0.10/r32j.log" > "$HERE/supertuxkart.log"
ip netns delete $NS
rm -rf "$BASE"/stk-client*
