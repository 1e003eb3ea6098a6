#!/bin/bash
# Kinto workload: several runs of `kinto start` (memory backend, DEBUG logging, random history
# settings, one broken configuration), each driven by client.py, stopped by a signal.
set -u
D=/work/round35/kinto; T=/tmp/round35-r35g; PY=$T/venv/bin/python; LOG=$D/kinto.log
uid() { $PY -c "from kinto.core.utils import hmac_digest as h; print('basicauth:' + h('not-a-real-secret-workload-only', '$1'))"; }
BOB=$(uid bob:pw-b); CAROL=$(uid carol:pw-c)
: > $LOG
runs=$((4 + RANDOM % 3)); bad=$((1 + RANDOM % (runs - 1)))
for run in $(seq 0 $((runs - 1))); do
  case $((RANDOM % 4)) in
    0) H="" ;;
    1) H="kinto.history.auto_trim_max_count = $((4 + RANDOM % 6))\nkinto.history.auto_trim_threshold = $((2 + RANDOM % 4))" ;;
    2) H="kinto.history.auto_trim_max_count = 5\nkinto.history.auto_trim_threshold = 3\nkinto.history.auto_trim_user_ids = $BOB" ;;
    3) H="kinto.history.exclude_user_ids = $CAROL" ;;
  esac
  [ $((RANDOM % 3)) -eq 0 ] && H="$H\nkinto.readonly = true"
  sed "s#@HISTORY@#$H#" $D/kinto.ini > $T/kinto-run.ini
  if [ $run -eq $bad ]; then
    if [ $((RANDOM % 2)) -eq 0 ]; then sed -i "s#^kinto.storage_backend = .*#kinto.storage_backend = kinto.core.storage#" $T/kinto-run.ini
    else sed -i "s#^kinto.permission_backend = .*#&\nkinto.batch_max_requests = lots#" $T/kinto-run.ini; fi
  fi
  $T/venv/bin/kinto start --ini $T/kinto-run.ini --port 49010 >> $LOG 2>&1 &
  echo $! > $T/kinto.pid
  sleep 4
  if kill -0 $(cat $T/kinto.pid) 2>/dev/null; then
    $T/venv/bin/python $D/client.py http://127.0.0.1:49010/v1 $((60 + RANDOM % 110)) $RANDOM
    kill -$(shuf -n1 -e TERM INT) $(cat $T/kinto.pid)
    for i in $(seq 20); do kill -0 $(cat $T/kinto.pid) 2>/dev/null || break; sleep 0.5; done
    kill -KILL $(cat $T/kinto.pid) 2>/dev/null; sleep 1
  fi
done
