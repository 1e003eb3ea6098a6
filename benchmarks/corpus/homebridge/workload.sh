#!/bin/bash
# Randomised workload for Homebridge. Runs inside a private network namespace (unshare -n) so that
# the mDNS advertiser's multicast socket stays private; everything else uses 127.0.0.1:30100-30130.
cd "$(dirname "$0")"
if [ -z "$HB_INNER" ]; then
  # the program and plugins are installed from npm into this folder
  [ -d node_modules/homebridge ] || npm install --no-save homebridge@1.11.4 homebridge-dummy@0.9.0 homebridge-http-webhooks@0.2.0 homebridge-cmdswitch2@0.2.10
  HB_INNER=1 exec unshare -n "$0" "$@"
fi
ip link set lo up 2>/dev/null || python3 -c 1
D=$PWD
LOG=$D/homebridge.raw.log   # kept afterwards as homebridge.log (head -n 2500)
rm -rf storage; mkdir -p storage; : > "$LOG"
HB="node $D/node_modules/homebridge/bin/homebridge -D -I -Q -U $D/storage -P $D/node_modules"
start_hb() { $HB >> "$LOG" 2>&1 & HBPID=$!; }
wait_port() { for i in $(seq 60); do curl -s -m 1 -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.5; done; }

python3 target_server.py 30102 & TPID=$!

# 1. broken config.json: homebridge refuses to start
python3 make_config.py badjson
$HB >> "$LOG" 2>&1
# 2. config naming plugins that are not installed
python3 make_config.py unknownplugin
start_hb; wait_port 30100; sleep 2
python3 client.py $((10 + RANDOM % 10))
kill -TERM $HBPID; wait $HBPID
# 3. normal runs with several clients
python3 make_config.py good
start_hb; wait_port 30100; wait_port 30104; sleep 3
python3 client.py $((30 + RANDOM % 20)) & C1=$!
python3 client.py $((30 + RANDOM % 20)) & C2=$!
python3 client.py $((20 + RANDOM % 20)) & C3=$!
wait $C1 $C2 $C3
touch storage/cmdflag; sleep $((3 + RANDOM % 4))
# the child bridge dies; homebridge restarts it
CHILD=$(pgrep -P $HBPID | head -1)
[ -n "$CHILD" ] && kill -9 "$CHILD"
sleep $((8 + RANDOM % 4)); wait_port 30104
python3 client.py $((20 + RANDOM % 15))
rm -f storage/cmdflag
# the webhook target goes away
kill $TPID; wait $TPID 2>/dev/null
python3 client.py $((15 + RANDOM % 15))
python3 target_server.py 30102 & TPID=$!
kill -INT $HBPID; wait $HBPID
# 4. restart with cached accessories, more clients, final shutdown
start_hb; wait_port 30100; sleep 3
python3 client.py $((20 + RANDOM % 20)) & C1=$!
python3 client.py $((20 + RANDOM % 20)) & C2=$!
wait $C1 $C2
sleep 2
kill -TERM $HBPID; wait $HBPID
kill $TPID; wait $TPID 2>/dev/null
