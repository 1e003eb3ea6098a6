#!/bin/bash
# Round-20 corpus workload: Battle for Wesnoth 1.16 multiplayer server (Debian 12 package
# wesnoth-1.16-server), logging to stderr redirected to wesnothd.log, debug for every domain except
# "server" at info (server debug writes multi-line dumps). Randomised clients on 127.0.0.2-9 (wload.py,
# wclient.py beside this file), admin commands over the control FIFO, SIGHUP, restart, graceful shut_down.
# Run as root: bash workload.sh [OUT_DIR] [SECONDS_PER_PHASE]   (port 25100 on 127.0.0.1)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; PH=${2:-60}
W=/tmp/r20w; mkdir -p $W/replays; rm -f $W/socket
cat > $W/wesnothd.cfg <<CFG
port=25100
fifo_path="$W/socket"
motd="Welcome to the r20 test server"
passwd="adminpw"
versions_accepted="1.16*"
disallow_names="*admin*,*server*,bad*"
max_messages=4
messages_time_period=10
connections_allowed=3
save_replays=yes
replay_save_path="$W/replays"
CFG
LOG=$OUT/wesnothd.log; : > "$LOG"
start() { /usr/games/wesnothd-1.16 -c $W/wesnothd.cfg -p 25100 --log-debug=all --log-info=server >> "$LOG" 2>&1 & echo $! > $W/pid; sleep 1.5; }
start
python3 "$HERE/wload.py" 25100 $W/socket $PH
kill -HUP "$(cat $W/pid)"; sleep 1
python3 "$HERE/wload.py" 25100 $W/socket $PH
kill "$(cat $W/pid)"; sleep 1
start
python3 "$HERE/wload.py" 25100 $W/socket $PH
echo "shut_down" > $W/socket; sleep 2
kill "$(cat $W/pid)" 2>/dev/null; sleep 0.5
