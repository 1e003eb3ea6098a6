#!/bin/bash
# ZEO workload: runzeo (level "all", log file zeo.log) in netns r38h1, driven by zclient.py
# needs: python3 -m venv /tmp/round38-r38h/venv-zeo && /tmp/round38-r38h/venv-zeo/bin/pip install ZEO   (ZEO 6.2, ZODB 6.4)
# zeo.log as kept = lines 1-2500 of the log one run of this script wrote
set -m
D=/work/round38/zeo; R=/tmp/round38-r38h; S=$R/zeo
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_CACHE_HOME=$R/xdg/cache XDG_DATA_HOME=$R/xdg/data XDG_STATE_HOME=$R/xdg/state
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_STATE_HOME
PY=$R/venv-zeo/bin/python; RUNZEO=$R/venv-zeo/bin/runzeo
NS="ip netns exec r38h1"
ip netns list | grep -q '^r38h1' || { ip netns add r38h1; $NS ip link set lo up; }
rm -rf $S/Data.fs* $S/blobs $D/zeo.log; mkdir -p $S
start() { $NS $RUNZEO -C $D/zeo.conf >> $S/stdout 2>&1 & echo $! > $S/bgpid; sleep 2; }
# runzeo may hang on exit while a pack thread runs: KILL it after 10 s
reap() { for t in $(seq 1 20); do kill -0 $(cat $S/bgpid) 2>/dev/null || break; sleep 0.5; done; kill -KILL $(cat $S/bgpid) 2>/dev/null; wait $(cat $S/bgpid) 2>/dev/null; }
stop() { kill -TERM $(cat $S/bgpid); reap; }
cl() { timeout 30 $NS $PY $D/zclient.py "$@" 2>/dev/null; }
start
for i in $(seq 1 ${ITER:-90}); do
  r=$((RANDOM % 100))
  if   [ $r -lt 40 ]; then cl commits
  elif [ $r -lt 52 ]; then pids=""; for j in $(seq 1 $((RANDOM % 4 + 2))); do cl commits & pids="$pids $!"; done; wait $pids
  elif [ $r -lt 62 ]; then cl conflict
  elif [ $r -lt 75 ]; then cl raw
  elif [ $r -lt 79 ]; then cl pack
  elif [ $r -lt 83 ]; then cl badstorage
  elif [ $r -lt 86 ]; then cl kill
  # a timed-out transaction keeps the storage lock in ZEO 6.2: restart the server after it
  elif [ $r -lt 88 ]; then cl commits & p=$!; cl hang; wait $p; stop; start
  elif [ $r -lt 91 ]; then kill -USR2 $(cat $S/bgpid); sleep 1
  elif [ $r -lt 93 ]; then kill -HUP $(cat $S/bgpid); reap; start
  elif [ $r -lt 96 ]; then kill -INT $(cat $S/bgpid); reap; start
  else stop; start
  fi
done
stop
