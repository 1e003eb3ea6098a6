#!/bin/bash
# opsdroid workload: opsdroid (logging level debug, log file opsdroid.log) in netns r38e-ops,
# websocket connector on 127.0.0.1:48100, skills in skills/, driven by client.py; SIGHUP reloads, SIGINT/SIGTERM stops.
D=/work/round38/opsdroid
NS=r38e-ops
ip netns add $NS 2>/dev/null; ip netns exec $NS ip link set lo up  # private namespace, loopback only
PY=/tmp/round38-r38e/venv-opsdroid/bin/python
OUT=/tmp/round38-r38e/opsdroid/console.out
rounds=3
for r in $(seq $rounds); do
  $D/run.sh >> $OUT 2>&1 & SRV=$!
  sleep 6
  ip netns exec $NS $PY $D/client.py $((RANDOM % 9 + 8))
  if [ $r = 2 ] || [ $((RANDOM % 2)) = 0 ]; then
    kill -HUP $SRV; sleep 5
    ip netns exec $NS $PY $D/client.py $((RANDOM % 6 + 3))
  fi
  kill -$( [ $((RANDOM % 2)) = 0 ] && echo INT || echo TERM ) $SRV
  for i in $(seq 15); do kill -0 $SRV 2>/dev/null || break; sleep 1; done
  kill -9 $SRV 2>/dev/null
  if [ $r = 1 ]; then
    # a start with a bad configuration
    CONF=$D/configuration-bad.yaml $D/run.sh >> $OUT 2>&1 & SRV=$!
    sleep 8; kill -INT $SRV; sleep 4; kill -9 $SRV 2>/dev/null
  fi
  if [ $r = 2 ]; then
    # a start whose web port is taken
    ip netns exec $NS python3 -m http.server -b 127.0.0.1 48100 >/dev/null 2>&1 & BLK=$!
    sleep 1
    $D/run.sh >> $OUT 2>&1 & SRV=$!
    sleep 8; kill -INT $SRV 2>/dev/null; sleep 4; kill -9 $SRV 2>/dev/null
    kill $BLK
  fi
done
