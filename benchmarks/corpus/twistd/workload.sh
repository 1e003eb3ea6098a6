#!/bin/bash
# Round-20 workload: Twisted 22.4 `twistd3` (Debian 12 package python3-twisted) running r20.tac in the
# foreground: web (static files, redirect, reverse proxy to a live and a dead backend), ftp (anonymous +
# users), conch manhole over SSH, a portforward to the web site; all on 127.0.0.1 ports 28470-28489.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [PHASE_SECONDS]
# Needs: python3-twisted, openssh-client, sshpass, curl. Writes OUT_DIR/twistd.log (twistd -n --logfile).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; PH=${2:-50}
BASE=/tmp/r20t; LOG=$OUT/twistd.log
mkdir -p "$OUT"; rm -f "$LOG"
rm -rf "$BASE"; mkdir -p "$BASE"/{www/music,www/docs,backend,ftp/pub/docs,ftp/home/alice,ftp/home/bob,keys}
W=(oak pine elm ash fir yew)
r() { echo $((RANDOM % $1)); }
echo "<h1>r20 $RANDOM</h1>" > "$BASE/www/index.html"
for i in $(seq 1 $((3 + $(r 5)))); do head -c $((10 + $(r 30000))) /dev/urandom > "$BASE/www/music/${W[$(r 6)]}_$i.mp3"; done
for i in $(seq 1 $((2 + $(r 4)))); do echo "doc $i $RANDOM" > "$BASE/www/docs/${W[$(r 6)]}$i.txt"; done
echo "backend $RANDOM" > "$BASE/backend/index.html"; head -c $((100 + $(r 5000))) /dev/urandom | base64 > "$BASE/backend/data.txt"
echo "readme $RANDOM" > "$BASE/ftp/pub/readme.txt"; head -c $((100000 + $(r 900000))) /dev/urandom > "$BASE/ftp/pub/big.bin"
echo notes > "$BASE/ftp/pub/docs/notes.txt"
for u in alice bob; do echo "hi $u" > "$BASE/ftp/home/$u/readme.txt"; mkdir -p "$BASE/ftp/home/$u/docs"; done
echo "admin:pw1" > "$BASE/manhole.passwd"
cd "$BASE"
TPID=
start() { R20T_BASE=$BASE env --default-signal=INT twistd3 -n --logfile="$LOG" --pidfile="$BASE/twistd.pid" -y "$HERE/r20.tac" 2>>"$BASE/stderr.txt" & TPID=$!; sleep 3; }
stop() { kill -"$1" "$TPID" 2>/dev/null; for i in $(seq 1 20); do kill -0 "$TPID" 2>/dev/null || break; sleep 0.5; done
         kill -KILL "$TPID" 2>/dev/null; wait "$TPID" 2>/dev/null; }
clients() { python3 "$HERE/clients.py" "$BASE" "$PH" & local a=$!; python3 "$HERE/clients.py" "$BASE" "$PH" & local b=$!; wait $a $b; }

start; clients; stop HUP            # SIGHUP: twistd has no handler, the process just dies
start; clients; stop TERM           # SIGTERM: clean shutdown, restart
start; clients; stop INT            # final stop (env --default-signal: background jobs start with SIGINT ignored)
wc -l "$LOG"
