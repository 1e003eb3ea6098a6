#!/bin/bash
# Workload for thumbor: runs `thumbor -l debug` (file loader over generated images, file storage and
# result storage under /tmp/round41-r41f/thumbor) in a private network + mount namespace, drives it
# with client.py, restarts it with other configurations, and provokes startup failures.
# Output (stdout+stderr) -> thumbor.log (first 2500 lines kept).
set -u
D=/work/round41/thumbor
B=/tmp/round41-r41f
if [ -z "${R41F_INNER:-}" ]; then
  cd "$D" || exit 1
  R41F_INNER=1 exec unshare -n -m --propagation private bash "$D/workload.sh"
fi
cd "$D" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
mkdir -p $B/home $B/tmp $B/xdg/config $B/xdg/cache $B/xdg/data $B/xdg/run
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_CACHE_HOME=$B/xdg/cache \
       XDG_DATA_HOME=$B/xdg/data XDG_RUNTIME_DIR=$B/xdg/run PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
V=$B/venv-thumbor/bin
W=$B/thumbor
rm -rf $W/images $W/storage $W/result; mkdir -p $W/images
$V/python $D/genimages.py $W/images
RAW=$W/raw.log
: > $RAW
PORT=60600
run() { $V/thumbor -p $PORT -i 127.0.0.1 -c "$D/$1" -l debug >> $RAW 2>&1 & SRV=$!; sleep 2.5; }
stop() { if ((RANDOM % 2)); then kill -INT $SRV; else kill -TERM $SRV; fi; for t in 1 2 3 4 5 6 7 8 9 10; do kill -0 $SRV 2>/dev/null || break; sleep 1; done; kill -KILL $SRV 2>/dev/null; wait $SRV; }

run thumbor.conf
$V/python $D/client.py $PORT $((20 + RANDOM % 15))
$V/thumbor -p $PORT -i 127.0.0.1 -c "$D/thumbor.conf" -l debug >> $RAW 2>&1   # port already in use
$V/python $D/client.py $PORT $((5 + RANDOM % 8))
stop
$V/thumbor -p $PORT -i 127.0.0.1 -c "$D/thumbor-bad.conf" -l debug >> $RAW 2>&1   # loader that does not exist
run thumbor-alt.conf
$V/python $D/client.py $PORT $((20 + RANDOM % 15))
stop
$V/thumbor -p $PORT -i 127.0.0.1 -c "$D/no-such.conf" -l debug >> $RAW 2>&1     # missing configuration file
run thumbor.conf
$V/python $D/client.py $PORT $((20 + RANDOM % 15))
stop
sed -n '1,2500p' $RAW > $D/thumbor.log
