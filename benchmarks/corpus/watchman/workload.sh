#!/bin/bash
# Randomised workload for a private watchman server (watchman --foreground --log-level 2).
# Server log: watchman.full.log (--logfile); client replies are dropped.
# watchman.log = lines 8201-10700 of watchman.full.log (ROUNDS=3); the full log is then deleted.
D=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round37-r37c/wm2; rm -rf "$RUN"; mkdir -p "$RUN/home"
export HOME=$RUN/home
LOG=${LOG:-$D/watchman.full.log}; : > "$LOG"
SOCK=$RUN/sock
WM=(watchman -U "$SOCK" --logfile="$LOG" --pidfile="$RUN/pid" --statefile="$RUN/state" --no-spawn)
CO=$RUN/client.out
SPID=
start_server() {
  env -i HOME="$HOME" PATH=/usr/bin:/bin LANG=C.UTF-8 watchman -U "$SOCK" --logfile="$LOG" --pidfile="$RUN/pid" --statefile="$RUN/state" \
    --foreground --log-level 2 > /dev/null 2>&1 &
  SPID=$!; sleep 1
}
w() { timeout 10 "${WM[@]}" "$@" >> "$CO" 2>&1; }
wj() { timeout 10 "${WM[@]}" -j >> "$CO" 2>&1; }
DIRS=("$RUN/proj_a" "$RUN/proj_b" "$RUN/proj_c")
mkdir -p "${DIRS[@]}" "$RUN/proj_b/.git" "$RUN/proj_c/node_modules"
echo '{"ignore_dirs": ["node_modules"], "settle": 30}' > "$RUN/proj_c/.watchmanconfig"
echo '{"ignore_dirs": [' > "$RUN/proj_a/.watchmanconfig"   # broken json
rd() { echo "${DIRS[RANDOM % 3]}"; }
churn() {
  local d; d=$(rd)
  case $((RANDOM % 6)) in
    0|1) mkdir -p "$d/sub$((RANDOM % 4))"; echo $RANDOM > "$d/sub$((RANDOM % 4))/f$((RANDOM % 9)).txt" 2>/dev/null ;;
    2) echo $RANDOM >> "$d/file$((RANDOM % 6)).c" ;;
    3) rm -f "$d"/file$((RANDOM % 6)).c ;;
    4) rm -rf "$d/sub$((RANDOM % 4))" ;;
    5) mv "$d/file$((RANDOM % 6)).c" "$d/renamed$((RANDOM % 3)).c" 2>/dev/null ;;
  esac
}
rounds=${ROUNDS:-3}
for r in $(seq "$rounds"); do
  start_server
  steps=$((RANDOM % 40 + 40))
  for s in $(seq "$steps"); do
    churn; churn
    d=$(rd)
    case $((RANDOM % 24)) in
      0|1) w watch "$d" ;;
      2) w watch-project "$d/sub1" ;;
      3) w watch-list ;;
      4) w watch-del "$d" ;;
      5) w clock "$d" ;;
      6|7) w find "$d" '*.c' ;;
      8) w since "$d" "c:0:0" ;;
      9) echo "[\"query\", \"$d\", {\"expression\": [\"allof\", [\"type\", \"f\"], [\"suffix\", \"c\"]], \"fields\": [\"name\", \"size\"]}]" | wj ;;
      10) echo "[\"query\", \"$d\", {\"expression\": [\"nosuchterm\", 1]}]" | wj ;;
      11) echo '["query", ' | wj ;;
      12) echo "[\"trigger\", \"$d\", {\"name\": \"t$((RANDOM % 3))\", \"expression\": [\"suffix\", \"c\"], \"command\": [\"$D/trigger.sh\"], \"stdin\": \"NAME_PER_LINE\"}]" | wj ;;
      13) w trigger-list "$d" ;;
      14) w trigger-del "$d" t$((RANDOM % 3)) ;;
      15) timeout $((RANDOM % 3 + 1)) "${WM[@]}" -j -p --server-encoding=json <<< "[\"subscribe\", \"$d\", \"s$((RANDOM % 2))\", {\"expression\": [\"type\", \"f\"], \"fields\": [\"name\"]}]" >> "$CO" 2>&1 & ;;
      16) w state-enter "$d" mystate; churn; w state-leave "$d" mystate ;;
      17) w watch "$RUN/does-not-exist$((RANDOM % 5))" ;;
      18) w no-such-command$((RANDOM % 3)) ;;
      19) w log-level debug >> "$CO" 2>&1 & sleep 0.2; w log error "client says $RANDOM"; kill %% 2>/dev/null ;;
      20) w get-config "$d" ;;
      21) w debug-recrawl "$d" ;;
      22) w watch "$RUN/proj_a/file0.c" ;;
      23) w debug-ageout "$d" 1 ;;
    esac
    sleep 0.$((RANDOM % 4))
  done
  wait_jobs=$(jobs -p | grep -v "^$SPID$"); [ -n "$wait_jobs" ] && kill $wait_jobs 2>/dev/null
  if (( RANDOM % 2 )); then w shutdown-server; else kill -TERM "$SPID"; fi
  wait "$SPID" 2>/dev/null; sleep 0.5
done
rm -f "$CO"
