#!/bin/bash
# Randomised workload for the CherryPy app server on 127.0.0.1:38300.
DIR=/work/round30/cherrypy
cd "$DIR" || exit 1
PORT=38300
rm -f cherrypy.error.log cherrypy.access.log cherrypy.pid app.stdout
SRV=""
start_app() {
    setsid venv/bin/python app.py </dev/null >>app.stdout 2>&1 &
    SRV=$!
    for i in $(seq 1 30); do sleep 0.5; curl -s -m 2 -o /dev/null "http://127.0.0.1:$PORT/" && return 0; done
    return 1
}
clients() {   # $1 clients, $2 steps
    local pids=() i
    for ((i=0; i<$1; i++)); do python3 client.py $PORT $(( $2 + RANDOM % 15 )) & pids+=($!); done
    wait "${pids[@]}"
}
app_pid() { cat cherrypy.pid 2>/dev/null; }

start_app
clients $(( 2 + RANDOM % 2 )) 20
# a second server on the same port fails to start
setsid venv/bin/python app.py </dev/null >>app.stdout 2>&1 & P2=$!
sleep 4; kill -TERM $P2 2>/dev/null; wait $P2 2>/dev/null
clients 2 15
kill -USR1 "$SRV"; sleep 2              # graceful restart of the bus
clients 2 15
touch app.py; sleep 4                          # autoreloader re-executes the process
for i in $(seq 1 20); do curl -s -m 2 -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
clients 2 15
sleep 6                                         # idle: heartbeat, session clean-up
kill -TERM "$SRV"; wait "$SRV" 2>/dev/null; sleep 3               # clean shutdown
start_app
clients 2 15
kill -HUP "$SRV"; sleep 3                # SIGHUP (not daemonized): the bus exits
rm -f cherrypy.pid app.stdout
