#!/bin/bash
# Randomised workload for the GNS3 server (v3 REST API) on 127.0.0.1:38110.
DIR=/work/round30/gns3server
cd "$DIR" || exit 1
export HOME=$DIR/home
LOG=$DIR/gns3server.raw.log
BASE=http://127.0.0.1:38110/v3
rm -rf "$HOME" "$LOG"* gns3_jwt_secret_key gns3_controller.vars gns3_controller.db
mkdir -p "$HOME"
SRV=""
start_srv() {
    setsid venv/bin/python run_server.py --config gns3_server.conf --debug --log "$LOG" --logmaxsize 100000000 \
        >>"$DIR/server.stdout" 2>&1 &
    SRV=$!
    for i in $(seq 1 90); do
        sleep 2
        curl -s -m 3 "$BASE/version" >/dev/null && return 0
    done
    echo "server did not come up"; return 1
}
stop_srv() {   # $1 = signal
    kill -"$1" "$SRV" 2>/dev/null
    for i in $(seq 1 30); do kill -0 "$SRV" 2>/dev/null || break; sleep 1; done
    kill -0 "$SRV" 2>/dev/null && kill -KILL "$SRV"
    SRV=""
}
clients() {    # $1 = number of parallel clients, $2 = steps each
    local pids=() i
    for ((i=0; i<$1; i++)); do
        python3 client.py "$BASE" $(( $2 + RANDOM % 20 )) & pids+=($!)
    done
    wait "${pids[@]}"
}

start_srv || exit 1
clients $(( 2 + RANDOM % 2 )) 70
kill -HUP "$SRV"; sleep 3                       # reload the controller
clients 2 60
stop_srv TERM                                   # clean shutdown
start_srv || exit 1                             # restart: projects are found again on disk
clients $(( 2 + RANDOM % 2 )) 60
curl -s -m 10 -X POST "$BASE/shutdown" >/dev/null     # refused: no token
stop_srv INT
rm -rf "$HOME" server.stdout gns3_jwt_secret_key gns3_controller.vars gns3_controller.db
