#!/bin/bash
# Randomised workload for redir 3.3 (Debian). Log: stderr of every redir run (-n -l LEVEL) appended to redir.log.
# Ports 46010-46029 on 127.0.0.1. Usage: workload.sh OUTLOG [ROUNDS]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
LOG=${1:-/tmp/round35-r35a/redir/redir.raw.log}
ROUNDS=${2:-4}
RUN=/tmp/round35-r35a/redir; mkdir -p "$RUN"
: > "$LOG"
python3 "$HERE/peers.py" 46010 100000 & PEERS=$!
echo $PEERS > "$RUN/peers.pid"
sleep 3
PIDS=()
lvl() { local l=(debug debug debug debug info notice); echo ${l[RANDOM % ${#l[@]}]}; }
start() { redir -n -l "$(lvl)" "$@" >> "$LOG" 2>&1 & PIDS+=($!); }
for round in $(seq 1 "$ROUNDS"); do
  PIDS=()
  start -t $((RANDOM % 3 + 1)) 127.0.0.1:46020 127.0.0.1:46010
  start -b 127.0.0.1 127.0.0.1:46021 127.0.0.1:46019
  start --ftp=pasv 127.0.0.1:46022 127.0.0.1:46011
  start --ftp=port 127.0.0.1:46025 127.0.0.1:46011
  start -x "target$round.example:80" 127.0.0.1:46023 127.0.0.1:46013
  start -x "mute$round.example:25" 127.0.0.1:46024 127.0.0.1:46014
  start -w $((RANDOM % 40 + 5)) -m $((RANDOM % 400000 + 100000)) -z $((RANDOM % 3000 + 256)) 127.0.0.1:46026 127.0.0.1:46010
  (( RANDOM % 2 )) && start -b "nosuch-out-$round.invalid" 127.0.0.1:46027 127.0.0.1:46010 || start :46027 127.0.0.1:46010
  start 127.0.0.1:46028 :46010
  sleep 0.5
  # start-up failures: port in use, unknown target, unresolvable listen address
  for i in $(seq 1 $((RANDOM % 3))); do timeout 5 redir -n -l debug 127.0.0.1:46020 127.0.0.1:46010 >> "$LOG" 2>&1; done
  for i in $(seq 1 $((RANDOM % 2 + 1))); do timeout 5 redir -n -l debug 127.0.0.1:46029 "no-such-target-$i.invalid:80" >> "$LOG" 2>&1; done
  (( RANDOM % 2 )) && timeout 5 redir -n -l debug "no-such-listen.invalid:46029" 127.0.0.1:46010 >> "$LOG" 2>&1
  # inetd mode with stdin at end of file
  for i in $(seq 1 $((RANDOM % 3))); do timeout 5 redir -i -n -l debug -t 1 127.0.0.1:46010 < /dev/null >> "$LOG" 2>&1; done
  N=$((RANDOM % 40 + 30)); CL=()
  for i in $(seq 1 "$N"); do
    r=$((RANDOM % 100))
    if   (( r < 30 )); then args="46020 echo"; (( RANDOM % 3 == 0 )) && args="46020 idle"
    elif (( r < 40 )); then args="46021 echo"
    elif (( r < 52 )); then args="46022 pasv"
    elif (( r < 58 )); then args="46025 port"
    elif (( r < 68 )); then args="46023 echo"
    elif (( r < 72 )); then args="46024 echo"
    elif (( r < 80 )); then args="46026 echo"
    elif (( r < 92 )); then args="46027 echo"
    else args="46028 echo"; fi
    python3 "$HERE/client.py" $args & CL+=($!)
    if (( ${#CL[@]} >= 6 )); then wait "${CL[@]}" 2>/dev/null; CL=(); fi
  done
  (( ${#CL[@]} )) && wait "${CL[@]}" 2>/dev/null; sleep 5
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  sleep 1
done
kill "$PEERS"
