#!/bin/bash
# Round-20 corpus workload: OpenTTD 13.0 dedicated server (Debian 12 package openttd), `-D -d net=5`,
# show_date_in_logs on, stdout+stderr to openttd.log. Randomised game clients and admin-port clients
# (oload.py, ottclient.py beside this file: good/wrong game passwords, wrong revisions, lagging clients,
# chat, rcon, saves, loads, company resets, kicks, bans), console commands on stdin, quit + restart from
# a save, in-game restart. Run as root: bash workload.sh [OUT_DIR] [SECONDS_PER_PHASE]
# (ports 25300 game, 25301 admin, 127.0.0.1 only)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; PH=${2:-60}
D=/tmp/r20o/run; rm -rf $D; mkdir -p $D
cat > $D/openttd.cfg <<CFG
[version]
version_string = 13.0
version_number = 1D086D64
ini_version = 2
[gui]
autosave = off
show_date_in_logs = true
[network]
server_port = 25300
server_admin_port = 25301
server_advertise = false
server_game_type = local
max_clients = 8
max_companies = 6
max_join_time = 300
max_password_time = 150
max_lag_time = 150
autoclean_companies = true
autoclean_unprotected = 1
CFG
cat > $D/private.cfg <<CFG
[network]
server_name = r20 test server
client_name = r20host
CFG
cat > $D/secrets.cfg <<CFG
[network]
admin_password = adminpw
rcon_password = rconpw
server_password = gamepw
CFG
LOG=$OUT/openttd.log; : > "$LOG"
rm -f $D/in.fifo; mkfifo $D/in.fifo; exec 3<>$D/in.fifo
start() { (cd $D && stdbuf -oL -eL /usr/games/openttd -D 127.0.0.1:25300 -c $D/openttd.cfg -x -d net=5 "$@" < $D/in.fifo >> "$LOG" 2>&1 & echo $! > $D/pid); sleep 6; }
start -g -G $RANDOM
python3 "$HERE/oload.py" 25300 25301 $D/in.fifo $PH
echo "save r20_phase1" >&3; sleep 2; echo "quit" >&3; sleep 3
kill "$(cat $D/pid)" 2>/dev/null; sleep 1
start -g $D/save/r20_phase1.sav
python3 "$HERE/oload.py" 25300 25301 $D/in.fifo $PH
echo "restart" >&3; sleep 5
python3 "$HERE/oload.py" 25300 25301 $D/in.fifo $PH
echo "quit" >&3; sleep 3
kill "$(cat $D/pid)" 2>/dev/null; exec 3>&-
