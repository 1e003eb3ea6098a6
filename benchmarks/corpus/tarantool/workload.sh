#!/bin/bash
# Randomised workload for a Tarantool master + replica pair; both log to run.log.
# Ports: master 49101 (binary) / 49102 (console), replica 49103 / 49104, intruder 49105 / 49106.
set -u
cd /work/round27/tarantool
D=/work/round27/tarantool
rm -rf "$D/data" "$D/run.log"
mkdir -p "$D/data"
PIDS="$D/pids.txt"; : > "$PIDS"

r() { echo $(( RANDOM % $1 )); }          # random 0..n-1
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }

start_master() {
    tarantool instance.lua master 49101 49102 >/dev/null 2>&1 &
    MASTER=$!; echo "master $MASTER" >> "$PIDS"; sleep 1.5
}
start_replica() {
    tarantool instance.lua replica 49103 49104 49101 >/dev/null 2>&1 &
    REPLICA=$!; echo "replica $REPLICA" >> "$PIDS"; sleep 2
}
con() { python3 console.py "$@" >/dev/null 2>&1; }   # console.py PORT stmt...

clients() {   # clients N OPS PORT
    local n=$1 ops=$2 port=$3 i cp=()
    for i in $(seq "$n"); do
        case $(r 6) in
            0|1|2) tarantool client.lua "$port" alice alicepw "$ops" $RANDOM >/dev/null 2>&1 & cp+=($!) ;;
            3) tarantool client.lua "$port" bob bobpw "$ops" $RANDOM >/dev/null 2>&1 & cp+=($!) ;;
            4) tarantool client.lua "$port" guest '' $(( ops / 4 )) $RANDOM >/dev/null 2>&1 & cp+=($!) ;;
            5) tarantool client.lua "$port" "$(pick alice bob mallory)" "$(pick wrong '' hunter2)" 3 $RANDOM >/dev/null 2>&1 & cp+=($!) ;;
        esac
    done
    for i in "${cp[@]}"; do wait "$i"; done
}

fill_events() {   # many vinyl inserts through the console to force dumps
    con 49102 "for i = 1, $(( 800 + $(r 800) )) do box.space.events:replace({math.random(1, 200000), 'u' .. math.random(1, 20), string.rep('z', math.random(100, 900))}) end"
}

# --- start-up and replication bootstrap ---
start_master
start_replica

# --- normal use by several clients ---
clients $(( 3 + $(r 3) )) $(( 100 + $(r 150) )) 49101
python3 garbage.py 49101 $(( 4 + $(r 6) )) $RANDOM >/dev/null 2>&1
tarantool client.lua 49103 alice alicepw $(( 5 + $(r 10) )) $RANDOM >/dev/null 2>&1   # writes to read-only replica
fill_events
con 49102 'box.snapshot()'

# --- administration through the console, in random order ---
admin=(
  "box.cfg{too_long_threshold = 0.00001} for i = 1, 40 do box.space.kv:replace({'slow' .. i, i, i}) box.space.events:select({i}, {iterator = 'GE', limit = 5}) end box.cfg{too_long_threshold = 0.2}"
  "box.cfg{replication = {'repl:replpass@127.0.0.1:49109'}, replication_connect_timeout = 2}"
  "box.cfg{replication = {}}"
  "pcall(box.cfg, {listen = '127.0.0.1:49102'}) box.cfg{listen = '127.0.0.1:49107'} box.cfg{listen = '127.0.0.1:49101'}"
  "box.cfg{checkpoint_wal_threshold = $(( 1500000 + $(r 1000000) ))}"
  "box.cfg{checkpoint_count = $(( 1 + $(r 3) ))}"
  "box.cfg{net_msg_max = $(( 200 + $(r 800) ))}"
  "box.cfg{readahead = $(( 16320 + $(r 10000) ))}"
  "box.cfg{vinyl_timeout = 30}"
  "require('fiber').create(function() error('fiber failure ' .. math.random(100)) end)"
  "s = box.schema.space.create('tmp$(r 1000)', {engine = '$(pick memtx vinyl)'}) s:create_index('pk') for i = 1, 300 do s:replace({i, 'x'}) end s:create_index('sk', {parts = {2, 'string'}, unique = false}) s:truncate() s:drop()"
  "box.space.kv:truncate()"
  "box.snapshot()"
  "box.schema.user.passwd('bob', 'bobpw')"
)
BG=()
# every administrative command once, in a random order, plus a few repeated at random
order=$( (seq 0 $(( ${#admin[@]} - 1 )); for i in $(seq $(( 2 + $(r 4) ))); do r ${#admin[@]}; done) | shuf)
for i in $order; do
    con 49102 "${admin[$i]}"
    [ $(r 4) = 0 ] && fill_events
    if [ $(r 3) = 0 ]; then clients 2 60 49101 & BG+=($!); fi
done
for p in "${BG[@]}"; do wait "$p"; done
con 49102 "box.cfg{replication = {}, listen = '127.0.0.1:49101'}"
fill_events; con 49102 'box.snapshot()'
fill_events; con 49102 'box.snapshot()'

# --- an intruder replica with a wrong password ---
REPL_PASS=notthepassword tarantool instance.lua intruder 49105 49106 49101 >/dev/null 2>&1 &
INTR=$!; echo "intruder $INTR" >> "$PIDS"
sleep $(( 3 + $(r 3) )); kill -KILL "$INTR" 2>/dev/null; wait "$INTR" 2>/dev/null

# --- the replica dies while clients write, then comes back ---
clients 3 150 49101 & CL=$!
sleep 0.$(r 9)
kill -$(pick TERM KILL) "$REPLICA"; wait "$REPLICA" 2>/dev/null
wait "$CL"
fill_events
start_replica
python3 garbage.py 49103 $(( 2 + $(r 4) )) $RANDOM >/dev/null 2>&1
con 49104 'box.info.status' 'box.space.kv:insert({"on replica"})' 'box.snapshot()'

# --- the master dies (or stops) and restarts, replica reconnects ---
clients 2 100 49101 & CL=$!
sleep 0.$(r 9)
kill -$(pick TERM KILL) "$MASTER"; wait "$MASTER" 2>/dev/null
wait "$CL"
sleep $(( 2 + $(r 3) ))
start_master
sleep 2
clients $(( 2 + $(r 3) )) $(( 100 + $(r 100) )) 49101
python3 garbage.py 49101 $(( 3 + $(r 6) )) $RANDOM >/dev/null 2>&1
fill_events; con 49102 'box.snapshot()'
fill_events; con 49102 'box.snapshot()'
kill -HUP "$MASTER"   # log rotation request

# --- clean shutdown of both ---
sleep 1
kill -TERM "$REPLICA"; wait "$REPLICA" 2>/dev/null
sleep 1
kill -TERM "$MASTER"; wait "$MASTER" 2>/dev/null
wc -l "$D/run.log"
