#!/bin/bash
# tsung workload: run as root; re-executes itself inside private net+mount namespaces.
RANDOM=4688
D=/work/round46/tsung
W=/tmp/round46-r46f/ts
if [ -z "$R46NS" ]; then exec "$D/ns.sh" env R46NS=1 bash "$D/workload.sh" "$@"; fi
set -m
cd "$D" || exit 1
export ERL_EPMD_PORT=48690
rm -rf "$W"; mkdir -p "$W/logs" "$W/cfg"
start_server(){ python3 "$D/server.py" 48700 $RANDOM >/dev/null 2>&1 & SRV=$!; sleep 0.5; }
run_tsung(){ mkdir -p "$W/logs/run$2"; tsung -f "$1" -l "$W/logs/run$2" start > "$W/tsung.out.$2" 2>&1 & TS=$!; }
start_server
for run in 1 2 3; do
  pb=$((RANDOM%40+30)); pa=$((RANDOM%30+10)); px=$((100-pb-pa))
  "$D/gen_config.sh" "$W/cfg/run$run.xml" $RANDOM $((RANDOM%4+3)) $((RANDOM%3+1)) $((RANDOM%4+2)) $((RANDOM%2+1)) $pb $pa $px $((RANDOM%2000+1500))
  run_tsung "$W/cfg/run$run.xml" $run
  if [ $run = 2 ]; then sleep $((RANDOM%3+4)); kill $SRV; wait $SRV 2>/dev/null; sleep $((RANDOM%3+2)); start_server; fi
  wait $TS
  sleep 1
done
# a configuration naming a missing file server file
sed -e 's#cfg/users.csv#cfg/nosuch.csv#' "$W/cfg/run1.xml" > "$W/cfg/run4.xml"
run_tsung "$W/cfg/run4.xml" 4; wait $TS
kill $SRV; wait $SRV 2>/dev/null
/usr/lib/erlang/erts-*/bin/epmd -kill >/dev/null 2>&1
# the controller logs of the runs, in order
cat "$W"/logs/run1/*/tsung_controller@vm.log "$W"/logs/run2/*/tsung_controller@vm.log "$W"/logs/run3/*/tsung_controller@vm.log "$W"/logs/run4/*/tsung_controller@vm.log > "$W/all.log" 2>/dev/null
sed -n '1,2500p' "$W/all.log" > "$D/tsung.log"
