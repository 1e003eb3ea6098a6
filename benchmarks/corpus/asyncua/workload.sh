#!/bin/bash
# Workload for the asyncua OPC UA server: runs `uaserver -v DEBUG -p` in a private network + mount
# namespace, drives it with client.py (asyncua client) and the uaread/uals/uawrite/uacall/uahistoryread
# commands, stops it with SIGINT, then tries a start with a bad option.
# Output (stdout+stderr) -> raw log; asyncua.log keeps one stretch of it: from the line after the
# startup nodeset "add_node" block, at most 2500 lines.
set -u
set -m
D=/work/round41/asyncua
B=/tmp/round41-r41f
if [ -z "${R41F_INNER:-}" ]; then
  cd "$D" || exit 1
  R41F_INNER=1 exec unshare -n -m --propagation private bash "$D/workload.sh"
fi
cd "$D" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
mkdir -p $B/home $B/tmp $B/xdg/config $B/xdg/cache $B/xdg/data $B/xdg/run $B/asyncua
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_CACHE_HOME=$B/xdg/cache \
       XDG_DATA_HOME=$B/xdg/data XDG_RUNTIME_DIR=$B/xdg/run PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
V=$B/venv-asyncua/bin
RAW=$B/asyncua/raw.log
CLI=$B/asyncua/client-output.txt
: > $RAW; : > $CLI
U=opc.tcp://127.0.0.1:60700

$V/uaserver -u $U -v DEBUG -p >> $RAW 2>&1 &
SRV=$!
sleep 6
tools() {
  for ((i = 0; i < $1; i++)); do
    case $((RANDOM % 9)) in
      0) $V/uaread -u $U -n i=2258;;
      1) $V/uaread -u $U -n "ns=2;i=$((RANDOM % 12))";;
      2) $V/uals -u $U -n i=85 -l 1;;
      3) $V/uawrite -u $U -n "ns=2;i=2" $RANDOM;;
      4) $V/uawrite -u $U -n "ns=2;i=3" 1.5;;
      5) $V/uacall -u $U -n "ns=2;i=1" -m "ns=2;i=7" -l "3.0,4";;
      6) $V/uahistoryread -u $U -n "ns=2;i=3";;
      7) $V/uadiscover -u $U;;
      8) $V/uals -u $U -n "ns=2;i=1" -l 1;;
    esac >> $CLI 2>&1
  done
}
$V/python $D/client.py $U $((8 + RANDOM % 6)) >> $CLI 2>&1
tools $((2 + RANDOM % 3))
$V/python $D/client.py $U $((8 + RANDOM % 6)) >> $CLI 2>&1
tools $((2 + RANDOM % 3))
$V/python $D/client.py $U $((5 + RANDOM % 6)) >> $CLI 2>&1
sleep 1
kill -INT $SRV
for t in 1 2 3 4 5 6 7 8; do kill -0 $SRV 2>/dev/null || break; sleep 1; done
kill -TERM $SRV 2>/dev/null
wait $SRV
$V/uaserver -u $U -v TRACE -p >> $RAW 2>&1          # invalid log level: rejected by argparse
first=$(head -n 1500 $RAW | grep -n 'add_node: while adding node' | tail -n 1 | cut -d: -f1)
sed -n "$((first + 1)),$((first + 2500))p" $RAW > $D/asyncua.log
