#!/bin/bash
# Randomised workload for python-socketio (aiohttp server, logger=True, engineio_logger=True).
# Re-executes itself in a private network + mount namespace (loopback only).
if [ -z "$R43E_INNER" ]; then
    exec env R43E_INNER=1 unshare -n -m "$0" "$@"
fi
set -m
cd /work/round43/pysocketio || exit 1
ip link set lo up
W=/tmp/round43-r43e/sio
mkdir -p $W/home $W/tmp $W/xdg
export HOME=$W/home TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/xdg XDG_CACHE_HOME=$W/xdg XDG_DATA_HOME=$W/xdg XDG_RUNTIME_DIR=$W/xdg
PY=/tmp/round43-r43e/venv-sio/bin/python
PORT=48010
URL=http://127.0.0.1:$PORT
RAW=$W/raw.log
: > $RAW
SEED=${SEED:-$RANDOM}
RANDOM=$SEED
for round in 1 2 3 4 5; do
    $PY -u server.py $PORT >> $RAW 2>&1 &
    SPID=$!
    sleep 2
    if [ $((RANDOM % 3)) -eq 0 ]; then
        # a second instance on the same port fails to bind
        $PY -u server.py $PORT >> $RAW 2>&1
    fi
    nclients=$((RANDOM % 25 + 15))
    pids=()
    for i in $(seq 1 $nclients); do
        if [ $((RANDOM % 4)) -eq 0 ]; then
            $PY raw.py $URL $RANDOM >/dev/null 2>&1 &
        else
            $PY client.py $URL $RANDOM >/dev/null 2>&1 &
        fi
        pids+=($!)
        sleep 0.$((RANDOM % 8))
        if [ ${#pids[@]} -ge 6 ]; then
            wait ${pids[0]}; pids=("${pids[@]:1}")
        fi
    done
    for p in "${pids[@]}"; do wait $p; done
    sleep $((RANDOM % 5 + 1))
    kill -INT $SPID
    wait $SPID
done
# keep one contiguous stretch of at most 2500 lines
sed -n '1,2500p' $RAW > /work/round43/pysocketio/pysocketio.log
