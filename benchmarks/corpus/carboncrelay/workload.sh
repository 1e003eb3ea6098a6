#!/bin/bash
# Randomised workload for carbon-c-relay: backends that come and go, line-protocol clients,
# reloads (unchanged, changed, broken config), debug toggles, restarts.
D=/work/round36/carboncrelay; R=/tmp/round36-r36b/ccr; LOG=$R/relay.log
mkdir -p $R; cd $R
declare -A SINK
sink_start() { [ -n "${SINK[$1]}" ] && return; python3 $D/sink.py $1 & SINK[$1]=$!; }
sink_stop() { [ -z "${SINK[$1]}" ] && return; kill ${SINK[$1]}; wait ${SINK[$1]} 2>/dev/null; SINK[$1]=; }
relay_start() { cp "$1" $R/active.conf
  carbon-c-relay -f $R/active.conf -d -l $LOG -H r36b -p 46600 -T 400 & RPID=$!; echo $RPID >> $R/pids; sleep 1; }
relay_stop() { kill -TERM $RPID; wait $RPID 2>/dev/null; }
feed() { for i in $(seq 1 $((RANDOM % 4 + 1))); do python3 $D/feed.py 46600 $((RANDOM % 40 + 1)); done; }
for p in 46601 46602 46604 46606 46608; do sink_start $p; done
# a start with a missing config, then one with a broken config
carbon-c-relay -f $R/missing.conf -d -l $LOG -H r36b
cp $D/relay-bad.conf $R/bad.conf; carbon-c-relay -f $R/bad.conf -d -l $LOG -H r36b
relay_start $D/relay.conf
END=$((SECONDS + ${1:-200}))
while [ $SECONDS -lt $END ]; do
  feed
  r=$((RANDOM % 100))
  if [ $r -lt 12 ]; then p=$(shuf -n1 -e 46601 46602 46603 46604 46605 46606 46607 46608 46609); sink_stop $p
  elif [ $r -lt 26 ]; then p=$(shuf -n1 -e 46601 46602 46603 46604 46605 46606 46607 46608 46609 46612); sink_start $p
  elif [ $r -lt 30 ]; then kill -HUP $RPID; sleep 2
  elif [ $r -lt 33 ]; then cp $D/$(shuf -n1 -e relay.conf relay2.conf) $R/active.conf; kill -HUP $RPID; sleep 3
  elif [ $r -lt 35 ]; then cp $D/relay-bad.conf $R/active.conf; kill -HUP $RPID; sleep 2; cp $D/relay.conf $R/active.conf
  elif [ $r -lt 37 ]; then kill -USR1 $RPID
  elif [ $r -lt 39 ]; then relay_stop; sleep 1; relay_start $D/$(shuf -n1 -e relay.conf relay2.conf)
  fi
  sleep 0.$((RANDOM % 9 + 1))
done
relay_stop
for p in "${!SINK[@]}"; do sink_stop $p; done
