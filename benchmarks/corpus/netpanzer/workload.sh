#!/bin/bash
# Randomised workload for the netPanzer dedicated server (port 57001, loopback only).
# The log is the server's own stderr (debug level, -g), appended across restarts.
set -u
D=/work/round28/netpanzer
T=$D/tmp
PORT=57001
LOG=$D/netpanzer.full.log
export HOME=$D/home
rm -rf "$T" "$HOME" "$LOG"
mkdir -p "$T" "$HOME"
CFG=$HOME/.netpanzer/config/server.cfg
CLIENT="python3 $D/npclient.py 127.0.0.1 $PORT"
NAMES=(Alice Bob Carol Dave Eve Mallory Trent Peggy Victor Walter Oscar Judy)
MAPS=("Bad Neuburg" "Bullet Hole" "Cramped" "Duell" "Heroes" "Hill 221" "Masters" "Open War")
PIDS=()

rnd() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }

start_server() {
    rm -f "$T/srv.in"; mkfifo "$T/srv.in"
    # keep a writer open on the console fifo
    sleep 100000 > "$T/srv.in" &
    echo $! > "$T/holder.pid"
    /usr/games/netpanzer -d -g -p $PORT --master_server=none \
        < "$T/srv.in" >> "$T/srv.out" 2>> "$LOG" &
    echo $! > "$T/srv.pid"
    exec 7> "$T/srv.in"
    sleep 3
}

console() { echo "$*" >&7; sleep 0.5; }

stop_server() {  # $1 = quit|term
    if [ "$1" = quit ]; then console quit; else kill -TERM "$(cat $T/srv.pid)"; fi
    for i in $(seq 1 20); do kill -0 "$(cat $T/srv.pid)" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$(cat $T/srv.pid)" 2>/dev/null
    exec 7>&-
    kill "$(cat $T/holder.pid)" 2>/dev/null
    sleep 1
}

bot() {  # a real netPanzer client in bot mode, run for $1 seconds
    local h=$T/bot$RANDOM; mkdir -p "$h"
    HOME=$h timeout "$1" /usr/games/netpanzer -b 127.0.0.1:$PORT > "$h/out" 2>&1 &
    PIDS+=($!)
}

player() {  # name actions [src]
    NP_SRC=${3:-127.0.0.1} $CLIENT player "$1" "$2" secret "${GAMEPASS:-}" >> "$T/clients.out" 2>&1 &
    PIDS+=($!)
}

garbage() { NP_SRC=127.0.0.$(rnd 1 9) $CLIENT garbage >> "$T/clients.out" 2>&1 & PIDS+=($!); }

waitall() { for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done; PIDS=(); }

console_random() {
    case $(rnd 0 8) in
        0) console status ;;
        1) console "say Server message number $RANDOM" ;;
        2) console "map ${MAPS[$(rnd 0 7)]}" ;;
        3) console "map No Such Map $RANDOM" ;;
        4) console "kick $(rnd 0 3)" ;;
        5) console "kick $(rnd 50 200)" ;;
        6) console help ;;
        7) console "frobnicate $RANDOM" ;;
        8) console "say" ;;
    esac
}

session() {  # one round of mixed activity; $1 = number of waves
    for w in $(seq 1 "$1"); do
        [ $(rnd 0 2) -eq 0 ] && bot $(rnd 15 40)
        for i in $(seq 1 $(rnd 2 4)); do
            player "${NAMES[$(rnd 0 11)]}$(rnd 1 99)" $(rnd 6 16) 127.0.0.$(rnd 1 20)
            sleep 0.$(rnd 2 9)
        done
        for i in $(seq 1 $(rnd 2 5)); do garbage; sleep 0.$(rnd 1 9); done
        for i in $(seq 1 $(rnd 1 3)); do sleep $(rnd 2 6); console_random; done
        sleep $(rnd 3 8)
    done
    waitall
}

# ---- run 1: first start, default configuration ----
start_server
session $(rnd 6 8)
stop_server quit

# ---- run 2: admin password, game password, forbid multiple connections per IP ----
sed -i -e 's/^game.adminpass = .*/game.adminpass = "secret"/' \
       -e 's/^game.gamepass = .*/game.gamepass = "letmein"/' \
       -e 's/^game.allowmultiip = .*/game.allowmultiip = false/' \
       -e 's/^game.timelimit = .*/game.timelimit = 2/' "$CFG"
start_server
for i in $(seq 1 $(rnd 3 6)); do
    NP_SRC=127.0.0.$(rnd 30 40) $CLIENT join "wrong$RANDOM" Guest$i >> "$T/clients.out" 2>&1 &
    PIDS+=($!)
    sleep 0.$(rnd 3 9)
done
NP_SRC=127.0.0.50 $CLIENT join letmein Insider >> "$T/clients.out" 2>&1 & PIDS+=($!)
sleep 1
NP_SRC=127.0.0.50 $CLIENT join letmein Twin >> "$T/clients.out" 2>&1 & PIDS+=($!)
waitall
GAMEPASS=letmein session $(rnd 4 6)
stop_server quit

# ---- run 3: broken configuration values ----
sed -i -e 's/^game.gamepass = .*/game.gamepass = ""/' \
       -e 's/^game.allowmultiip = .*/game.allowmultiip = true/' \
       -e 's/^game.maxplayers = .*/game.maxplayers = "many"/' \
       -e 's/^game.fraglimit = .*/game.fraglimit = true/' "$CFG"
echo 'game.nosuchoption = 5' >> "$CFG"
echo 'server.colour = "blue"' >> "$CFG"
start_server
session $(rnd 5 7)
stop_server quit

# ---- run 4: small server, short rounds ----
sed -i -e 's/^game.maxplayers = .*/game.maxplayers = 3/' \
       -e 's/^game.timelimit = .*/game.timelimit = 1/' \
       -e "s/^game.mapcycle = .*/game.mapcycle = \"Duell, Cramped, Heroes\"/" "$CFG"
start_server
session $(rnd 4 6)
stop_server quit

head -n 2500 "$LOG" > "$D/netpanzer.log"
wc -l "$LOG" "$D/netpanzer.log"
