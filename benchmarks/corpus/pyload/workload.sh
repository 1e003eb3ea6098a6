#!/bin/bash
# pyLoad workload: runs pyload-ng (debug mode, log file in user/logs/pyload.log) in netns r38e-pyload,
# a local HTTP file server acting as its HTTP proxy on 127.0.0.1:48012, and a randomised API/web client.
D=/work/round38/pyload
P=/tmp/round38-r38e/pyload
NS=r38e-pyload
ip netns add $NS 2>/dev/null; ip netns exec $NS ip link set lo up  # private namespace, loopback only
CFG=$P/user/settings/pyload.cfg
# settings: web UI on localhost:48000, HTTP proxy 127.0.0.1:48012 (the file server below); a first start writes the default file
if [ ! -f $CFG ]; then $D/run.sh >/dev/null 2>&1 & S=$!; sleep 12; kill $S; sleep 3; rm -f $P/user/logs/pyload.log; fi
sed -i '/^webui - /,/^$/s/int port : "Port" = .*/int port : "Port" = 48000/' $CFG
sed -i '/^proxy - /,/^$/{s/bool enabled : "Activated" = .*/bool enabled : "Activated" = True/;s/ip host : "IP address" = .*/ip host : "IP address" = 127.0.0.1/;s/int port : "Port" = .*/int port : "Port" = 48012/}' $CFG
ip netns exec $NS python3 $D/fileserver.py 48012 & FS=$!
rounds=$((RANDOM % 2 + 3))
for r in $(seq $rounds); do
  $D/run.sh >> $P/console.out 2>&1 & SRV=$!
  sleep 8
  ip netns exec $NS python3 $D/client.py $((RANDOM % 60 + 40)) $( [ $((RANDOM % 2)) = 0 ] && echo kill )
  sleep $((RANDOM % 10 + 3))
  kill $SRV 2>/dev/null
  for i in $(seq 20); do kill -0 $SRV 2>/dev/null || break; sleep 1; done
  kill -9 $SRV 2>/dev/null
  if [ $r = 2 ]; then
    # a start whose web port is taken
    ip netns exec $NS python3 -m http.server -b 127.0.0.1 48000 >/dev/null 2>&1 & BLK=$!
    sleep 1
    $D/run.sh >> $P/console.out 2>&1 & SRV=$!
    sleep 10; kill $SRV 2>/dev/null; sleep 5; kill -9 $SRV 2>/dev/null
    kill $BLK
  fi
done
kill $FS
