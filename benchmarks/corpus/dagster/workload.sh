#!/bin/bash
# Drives dagster-daemon in a private network+mount namespace; writes dagster.log
if [ -z "$R44G_INNS" ]; then
  exec env R44G_INNS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
ip link set lo up
mount --bind /tmp/round44-r44g /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round44-r44g
mount --bind /mnt /tmp/round44-r44g; mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
set -m
F=/work/round44/dagster
cd $F
V=/tmp/round44-r44g/venv-dagster
R=/tmp/round44-r44g/dg
mkdir -p $R/{home,tmp,cache,config,data}
export HOME=$R/home TMPDIR=$R/tmp XDG_CACHE_HOME=$R/cache XDG_CONFIG_HOME=$R/config XDG_DATA_HOME=$R/data
export DAGSTER_HOME=$F/home DAGSTER_DISABLE_TELEMETRY=1
RAW=$R/raw.log
CL=$R/clients.log
# fresh instance storage, keep dagster.yaml
find $F/home -mindepth 1 -not -name dagster.yaml -delete
rm -f $RAW $CL
DEFS=$F/code/defs.py
startd() { $V/bin/dagster-daemon run --log-level debug -f $DEFS >> $RAW 2>&1 & D=$!; sleep 15; }
stopd() { kill -INT $D; wait $D; }
$V/bin/dagster-webserver -h 127.0.0.1 -p 49300 -f $DEFS >> $CL 2>&1 & W=$!
startd
$V/bin/dagster schedule start --start-all -f $DEFS >> $CL 2>&1
$V/bin/dagster sensor start --start-all -f $DEFS >> $CL 2>&1
JOBS=(ok_job ok_job flaky_job flaky_job broken_job assets_job)
gql() { curl -s -m 30 -o /dev/null -H 'Content-Type: application/json' -d "$1" http://127.0.0.1:49300/graphql; }
for round in $(seq 1 $((10 + RANDOM % 4))); do
  for step in $(seq $((1 + RANDOM % 3))); do
    case $((RANDOM % 10)) in
      0|1|2|3) $V/bin/dagster job launch -f $DEFS -j ${JOBS[$((RANDOM % ${#JOBS[@]}))]} >> $CL 2>&1 ;;
      4) $V/bin/dagster job launch -f $DEFS -j config_job --config-json "{\"ops\":{\"scale\":{\"config\":{\"factor\":$((RANDOM % 9))}}}}" >> $CL 2>&1 ;;
      5) $V/bin/dagster sensor stop file_sensor -f $DEFS >> $CL 2>&1; sleep 5; $V/bin/dagster sensor start file_sensor -f $DEFS >> $CL 2>&1 ;;
      6) $V/bin/dagster schedule stop odd_schedule -f $DEFS >> $CL 2>&1; sleep 3; $V/bin/dagster schedule start odd_schedule -f $DEFS >> $CL 2>&1 ;;
      7) $V/bin/dagster job launch -f $DEFS -j ok_job >> $CL 2>&1; sleep 8
         id=$($V/bin/python - <<'PY'
from dagster import DagsterInstance, RunsFilter, DagsterRunStatus
i = DagsterInstance.get()
r = i.get_runs(filters=RunsFilter(statuses=[DagsterRunStatus.STARTED, DagsterRunStatus.QUEUED, DagsterRunStatus.STARTING]), limit=1)
print(r[0].run_id if r else "")
PY
)
         [ -n "$id" ] && gql "{\"query\":\"mutation { terminateRun(runId: \\\"$id\\\") { __typename } }\"}" ;;
      8) $V/bin/dagster sensor preview config_sensor -f $DEFS >> $CL 2>&1 ;;
      9) $V/bin/dagster job launch -f $DEFS -j nonexistent_job >> $CL 2>&1; $V/bin/dagster job launch -f $DEFS -j config_job --config-json '{"ops":{"scale":{"config":{"factor":"x"}}}}' >> $CL 2>&1 ;;
    esac
  done
  case $((RANDOM % 6)) in
    0) stopd; sleep 2; startd ;;
    1) stopd; DEFS_SAVE=$DEFS; DEFS=$F/code/missing_defs.py; startd; sleep 10; stopd; DEFS=$DEFS_SAVE; startd ;;
  esac
  sleep $((15 + RANDOM % 25))
done
sleep 30
stopd
kill -INT $W; wait $W
find $F/home -mindepth 1 -not -name dagster.yaml -delete
sed -n '1,2500p' $RAW > $F/dagster.log
