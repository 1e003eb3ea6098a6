#!/bin/bash
# Drives a Prefect server in a private network+mount namespace; writes prefect.log
if [ -z "$R44G_INNS" ]; then
  exec env R44G_INNS=1 unshare -n -m --propagation private bash "$0" "$@"
fi
ip link set lo up
mount --bind /tmp/round44-r44g /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round44-r44g
mount --bind /mnt /tmp/round44-r44g; mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
set -m
F=/work/round44/prefect
cd $F
V=/tmp/round44-r44g/venv-prefect
R=/tmp/round44-r44g/pf
mkdir -p $R/{home,tmp,cache,config,data}
export HOME=$R/home TMPDIR=$R/tmp XDG_CACHE_HOME=$R/cache XDG_CONFIG_HOME=$R/config XDG_DATA_HOME=$R/data
export PREFECT_HOME=$F/home PREFECT_LOGGING_LEVEL=DEBUG PREFECT_SERVER_LOGGING_LEVEL=DEBUG PREFECT_SERVER_ANALYTICS_ENABLED=false DO_NOT_TRACK=1
RAW=$R/raw.log
rm -rf $F/home $RAW; mkdir -p $F/home
URL=http://127.0.0.1:49100
startsrv() {
  PREFECT_API_URL= $V/bin/prefect server start --host 127.0.0.1 --port 49100 >> $RAW 2>&1 &
  S=$!
  for i in $(seq 90); do curl -s -o /dev/null $URL/api/health && break; sleep 1; done
}
stopsrv() { kill -INT $S; wait $S; }
CL=$R/clients.log
startsrv
export PREFECT_API_URL=$URL/api
$V/bin/python flows.py serve >> $CL 2>&1 & SV1=$!
$V/bin/python flows.py serve2 >> $CL 2>&1 & SV2=$!
sleep 10
for round in $(seq 1 $((12 + RANDOM % 4))); do
  for step in $(seq $((2 + RANDOM % 4))); do
    case $((RANDOM % 12)) in
      0|1) $V/bin/python flows.py good >> $CL 2>&1 ;;
      2|3) $V/bin/python flows.py flaky >> $CL 2>&1 ;;
      4) $V/bin/python flows.py bad >> $CL 2>&1 ;;
      5) $V/bin/prefect deployment run 'slow-flow/slow-dep' --param seconds=$((RANDOM % 4)) >> $CL 2>&1 ;;
      6) id=$($V/bin/prefect deployment run 'slow-flow/slow-dep' --param seconds=40 2>&1 | grep -oE '[0-9a-f]{8}-[0-9a-f-]{27}' | head -1)
         sleep $((3 + RANDOM % 6)); [ -n "$id" ] && $V/bin/prefect flow-run cancel $id >> $CL 2>&1 ;;
      7) $V/bin/prefect deployment run 'bad-flow/bad-dep' >> $CL 2>&1 ;;
      8) curl -s -o /dev/null $URL/api/flow_runs/00000000-0000-0000-0000-00000000$((1000 + RANDOM % 8999))
         curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"name": 5}' $URL/api/flows/ ;;
      9) curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"limit": 5}' $URL/api/flow_runs/filter
         curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{bad' $URL/api/deployments/filter ;;
      10) $V/bin/prefect deployment run 'nope/none' >> $CL 2>&1
          curl -s -o /dev/null $URL/api/nothing/here ;;
      11) $V/bin/python flows.py slow >> $CL 2>&1 & C=$!; sleep $((1 + RANDOM % 3)); kill -INT $C; wait $C ;;
    esac
  done
  case $((RANDOM % 6)) in
    0) stopsrv; sleep 3; startsrv ;;
  esac
  sleep $((10 + RANDOM % 20))
done
kill -INT $SV1 $SV2; wait $SV1 $SV2
sleep 5
stopsrv
rm -rf $F/home
sed -n '1,2500p' $RAW > $F/prefect.log
