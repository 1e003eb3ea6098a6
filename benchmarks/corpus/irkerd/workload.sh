#!/bin/bash
# irkerd workload. Runs everything in a private network namespace (unshare -n),
# since irkerd's listen port (6659) is fixed in the program.
# Usage: bash workload.sh   -> writes /tmp/round36-r36e/irkerd/raw.log
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round36-r36e/irkerd; mkdir -p "$T"
if [ -z "$INNER" ]; then exec env INNER=1 unshare -n bash "$0" "$@"; fi
ip link set lo up
LOG=$T/raw.log; : > "$LOG"
SEED=${SEED:-$RANDOM}
python3 "$D/fakeircd.py" "$SEED" & FAKE=$!
echo $FAKE > $T/fake.pid
sleep 1
run_irkerd() { irkerd -d debug -l "$T/traffic.log" -H 127.0.0.1 -H6 ::1 -n "$1" >>"$LOG" 2>&1 & echo $!; }
for round in 1 2 3; do
  P=$(run_irkerd 'irker%03d'); echo $P > $T/irkerd.pid; sleep 1
  # a second instance on the same port fails to launch
  if [ $((RANDOM % 2)) = 0 ]; then timeout 5 irkerd -d debug -l "$T/traffic.log" -H 127.0.0.1 -H6 ::1 >>"$LOG" 2>&1; fi
  # IPv6 listener on a name without an IPv6 address fails to launch
  if [ $((RANDOM % 3)) = 0 ]; then timeout 5 irkerd -d debug -l "$T/traffic.log" >>"$LOG" 2>&1; fi
  python3 "$D/client.py" $((SEED + round)) $((60 + RANDOM % 60)) &
  C1=$!
  python3 "$D/client.py" $((SEED + 10 + round)) $((40 + RANDOM % 40)) &
  C2=$!
  wait $C1 $C2
  sleep $((5 + RANDOM % 10))
  # immediate mode, and a misuse of the message argument
  timeout 20 irkerd -d debug -l "$T/traffic.log" -i "irc://localhost:48010/once$round" "one-shot $RANDOM" >>"$LOG" 2>&1
  [ $((RANDOM % 2)) = 0 ] && irkerd -d info -l "$T/traffic.log" "stray $RANDOM" >>"$LOG" 2>&1
  kill -INT $P; sleep 1; kill $P 2>/dev/null; wait $P 2>/dev/null
done
kill $FAKE
