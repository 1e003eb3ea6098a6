#!/bin/bash
# MLflow workload: `mlflow server` (MLFLOW_LOGGING_LEVEL=DEBUG, uvicorn --log-level debug, 2 workers)
# in netns r38h3 with a private /dev/shm; stdout+stderr -> mlflow.log; driven by mlclient.py.
# needs: python3 -m venv /tmp/round38-r38h/venv-ml && /tmp/round38-r38h/venv-ml/bin/pip install mlflow   (3.17.2)
# mlflow.log as kept = lines 1-2500 of the log one run of this script wrote
set -m
D=/work/round38/mlflow; R=/tmp/round38-r38h; S=$R/ml
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_CACHE_HOME=$R/xdg/cache XDG_DATA_HOME=$R/xdg/data XDG_STATE_HOME=$R/xdg/state
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_STATE_HOME
export MLFLOW_LOGGING_LEVEL=DEBUG
PY=$R/venv-ml/bin/python; ML=$R/venv-ml/bin/mlflow
NS="ip netns exec r38h3"
LOG=$D/mlflow.log
ip netns list | grep -q '^r38h3' || { ip netns add r38h3; $NS ip link set lo up; }
rm -rf $S/mlflow.db $S/artifacts $LOG; mkdir -p $S
start() {
  $NS sh -c "mount -t tmpfs -o size=64m tmpfs /dev/shm && exec $ML server --backend-store-uri sqlite:///$S/mlflow.db --artifacts-destination $S/artifacts --host 127.0.0.1 --port 49800 --allowed-hosts 127.0.0.1:49800,localhost:49800 --workers 2 --uvicorn-opts '--log-level debug'" >> $LOG 2>&1 &
  echo $! > $S/srvpid
  for t in $(seq 1 120); do $NS curl -s -m 2 -o /dev/null http://127.0.0.1:49800/health && break; sleep 1; done
}
sup() { ps -o pid=,args= --ppid $(cat $S/srvpid) | awk '/-m uvicorn/ {print $1; exit}'; }  # uvicorn supervisor, a child of our mlflow pid
stop() {
  kill -$1 $(sup); sleep 10
  for c in $(ps -o pid= --ppid $(cat $S/srvpid)); do kill -TERM $c; done
  kill -TERM $(cat $S/srvpid) 2>/dev/null; wait $(cat $S/srvpid) 2>/dev/null
}
cl() { timeout 300 $NS $PY $D/mlclient.py "$@" 2>/dev/null; }
start
for i in $(seq 1 ${ITER:-16}); do
  r=$((RANDOM % 100))
  if   [ $r -lt 50 ]; then cl $((RANDOM % 25 + 5))
  elif [ $r -lt 64 ]; then p=""; for j in 1 2 3; do cl $((RANDOM % 10 + 3)) & p="$p $!"; done; wait $p
  elif [ $r -lt 70 ]; then kill -TTIN $(sup); sleep 8; cl 5
  elif [ $r -lt 78 ]; then kill -TTOU $(sup); sleep 4; cl 5
  elif [ $r -lt 88 ]; then kill -HUP $(sup); sleep 15; cl 5
  elif [ $r -lt 94 ]; then stop INT; start
  else stop TERM; start
  fi
done
stop TERM
