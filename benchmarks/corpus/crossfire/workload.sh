#!/bin/bash
# Randomised workload for crossfire-server: start, many scripted clients, garbage, DM actions,
# log reopen on SIGHUP, shutdown and restart. Ports 48100-48199 only.
set -u
HERE=/work/round26/crossfire
RUN=$HERE/run
PORT=$((48100 + RANDOM % 50))
LOG=$HERE/crossfire.full.log
rm -rf "$RUN" "$LOG"
mkdir -p "$RUN/tmp"
cp -r /etc/crossfire "$RUN/conf"
cp -r /var/games/crossfire "$RUN/local"
echo '*:dmsecret:*' >> "$RUN/conf/dm_file"
sed -i "s/^port .*/port $PORT/" "$RUN/conf/settings"
chown -R nobody:nogroup "$RUN"
touch "$LOG"; chown nobody:nogroup "$LOG"
PIDS=()

start_server() {
    setpriv --reuid=nobody --regid=nogroup --clear-groups /usr/sbin/crossfire-server -d \
        -conf "$RUN/conf" -local "$RUN/local" -tmpdir "$RUN/tmp" -log "$LOG" -p "$PORT" \
        >/dev/null 2>&1 &
    SPID=$!
    echo "$SPID" >> "$RUN/server.pids"
    for i in $(seq 50); do ss -ltn | grep -q ":$PORT " && break; sleep 0.2; done
    sleep 1
}
stop_server() {
    kill -INT "$SPID"
    for i in $(seq 100); do kill -0 "$SPID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$SPID" 2>/dev/null && kill -KILL "$SPID"
    wait "$SPID" 2>/dev/null
}
CL="python3 $HERE/cfclient.py $PORT"

start_server
# first wave: several players at once, plus garbage senders
N1=$((8 + RANDOM % 5))
for i in $(seq 1 $N1); do $CL session $i & PIDS+=($!); sleep 0.$((RANDOM % 9)); done
$CL garbage $((3 + RANDOM % 5)) & PIDS+=($!)
wait "${PIDS[@]}"; PIDS=()

# DM acting on idle players
$CL idle 1 25 & I1=$!
$CL idle 2 25 & I2=$!
sleep 3
$CL dm 1 idler1 idler2 nosuchplayer
kill -HUP "$SPID"
$CL garbage $((2 + RANDOM % 4))
wait $I1 $I2 2>/dev/null

# second wave with relogins
for i in $(seq $((N1 + 1)) $((N1 + 7 + RANDOM % 5))); do $CL session $i & PIDS+=($!); sleep 0.$((RANDOM % 9)); done
wait "${PIDS[@]}"; PIDS=()
stop_server

# restart: old accounts log in again, more garbage, another DM
start_server
$CL relogin $((4 + RANDOM % 4)) & PIDS+=($!)
for i in $(seq 1 $((4 + RANDOM % 4))); do $CL session $((100 + i)) & PIDS+=($!); sleep 0.$((RANDOM % 9)); done
$CL garbage $((3 + RANDOM % 5)) & PIDS+=($!)
$CL dm 2 hero101a hero102b &  PIDS+=($!)
wait "${PIDS[@]}"; PIDS=()
# finally a DM banishes a connected player: the ban covers 127.0.0.1, so later connections are refused
$CL idle 9 8 & I1=$!
sleep 2
$CL dmban idler9
wait $I1 2>/dev/null
$CL garbage 3 2>/dev/null
stop_server
head -n 2500 "$LOG" > "$HERE/crossfire.log"
wc -l "$LOG" "$HERE/crossfire.log"
