#!/bin/bash
# Workload for watchmedo (PyPI watchdog): runs `watchmedo log -vv` (also `log -v` with patterns, and `log -vv
# --debug-force-polling`) and `watchmedo shell-command -vv` over scratch trees that this script changes at random,
# plus runs on directories that do not exist; output captured, first 2500 lines kept.
# Run as root; every run is inside a private network + mount namespace (unshare -n -m).
cd /work/round40/watchmedo || exit 1
OUT=/work/round40/watchmedo
BASE=/tmp/round40-r40g/wd
BIN=/tmp/round40-r40g/venv-wd/bin/watchmedo
RAW=$BASE/raw.log
if [ -z "$R40G_INNER" ]; then
  rm -rf "$BASE"; mkdir -p "$BASE"
  exec unshare -n -m --propagation private env R40G_INNER=1 bash "$0" "$@"
fi
set -m
mount -t tmpfs tmpfs /dev/shm
export HOME=/tmp/round40-r40g/home TMPDIR=/tmp/round40-r40g/tmp XDG_CONFIG_HOME=/tmp/round40-r40g/xdg/config \
  XDG_DATA_HOME=/tmp/round40-r40g/xdg/data XDG_CACHE_HOME=/tmp/round40-r40g/xdg/cache \
  XDG_STATE_HOME=/tmp/round40-r40g/xdg/state XDG_RUNTIME_DIR=/tmp/round40-r40g/xdg/run
: > "$RAW"

# random file-system changes under $1, $2 steps
churn() {
  local d=$1 n=$2 i f g
  mkdir -p "$d"
  for ((i=0; i<n; i++)); do
    f="$d/f$((RANDOM % 6)).txt"; g="$d/sub$((RANDOM % 3))"
    case $((RANDOM % 12)) in
      0|1|2) echo "line $RANDOM" >> "$f" ;;
      3) mkdir -p "$g" && echo x > "$g/n$((RANDOM % 4)).dat" ;;
      4) [ -e "$f" ] && mv "$f" "$d/f$((RANDOM % 6)).txt" 2>/dev/null ;;
      5) [ -e "$f" ] && mv "$f" "$BASE/outside_$RANDOM" 2>/dev/null ;;
      6) ls "$BASE"/outside_* >/dev/null 2>&1 && mv "$(ls "$BASE"/outside_* | head -n 1)" "$d/back$((RANDOM % 9)).txt" ;;
      7) rm -f "$f" ;;
      8) [ -d "$g" ] && rm -rf "$g" ;;
      9) [ -e "$f" ] && cat "$f" >/dev/null ;;
      10) [ -e "$f" ] && chmod $((600 + $((RANDOM % 2)) * 44)) "$f" ;;
      11) [ -d "$g" ] && mv "$g" "$d/sub$((RANDOM % 3))_moved" 2>/dev/null ;;
    esac
    sleep 0.0$((RANDOM % 9))
  done
}

run_bg() { "$@" >> "$RAW" 2>&1 & PID=$!; sleep 1.2; }
stop_bg() { sleep 1.5; kill -INT "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; }

rounds=$((12 + $((RANDOM % 5))))
for ((k=0; k<rounds; k++)); do
  W=$BASE/tree$k; mkdir -p "$W"
  case $((RANDOM % 7)) in
    0|1) run_bg "$BIN" log -vv -R "$W"; churn "$W" $((3 * 8 + RANDOM % (3 * 20))); stop_bg ;;
    2) run_bg "$BIN" log -v --ignore-directories -p '*.txt' "$W"; churn "$W" $((3 * 5 + RANDOM % (3 * 10))); stop_bg ;;
    3) run_bg "$BIN" shell-command -vv -R "$W"; churn "$W" $((3 * 4 + RANDOM % (3 * 12))); stop_bg ;;
    4) run_bg "$BIN" shell-command -vv -R -w -D "$W"; churn "$W" $((3 * 4 + RANDOM % (3 * 8))); stop_bg ;;
    5) run_bg "$BIN" log -vv --debug-force-polling --interval 0.5 -R "$W"; churn "$W" $((3 * 4 + RANDOM % (3 * 10))); sleep 1
       [ $((RANDOM % 2)) = 0 ] && { rm -rf "$W"; sleep 1; }; stop_bg ;;
    6) "$BIN" log -vv "$BASE/missing_$RANDOM" >> "$RAW" 2>&1 ;;
  esac
done
# always: one run on a directory that does not exist, one shell-command run, one polling run whose root vanishes
"$BIN" shell-command -vv "$BASE/nowhere" >> "$RAW" 2>&1
W=$BASE/last; mkdir -p "$W"; run_bg "$BIN" shell-command -vv -W -R "$W"; churn "$W" 8; stop_bg
W=$BASE/poll; mkdir -p "$W"; run_bg "$BIN" log -vv --debug-force-polling --interval 0.4 "$W"; churn "$W" 6; sleep 1; rm -rf "$W"; sleep 1; stop_bg
umount /dev/shm
sed -n '1,2500p' "$RAW" > "$OUT/watchmedo.log"
wc -l "$RAW" "$OUT/watchmedo.log"
