#!/bin/bash
# Randomised taskiq workload; run as: bash /work/round46/taskiq/workload.sh
SEED=4711
D=/work/round46/taskiq
if [ -z "$R46G_INNS" ]; then
  export R46G_INNS=1
  exec unshare -n -m --propagation private bash "$D/workload.sh" "$@"
fi
set -m
RANDOM=$SEED
mount --make-rprivate /
mount --bind /tmp/round46-r46g /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round46-r46g
mount --bind /mnt /tmp/round46-r46g; mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
ip link set lo up
. /tmp/round46-r46g/env.sh
mkdir -p "$HOME" "$TMPDIR" "$XDG_RUNTIME_DIR"
export PATH=/tmp/round46-r46g/venv-taskiq/bin:/usr/bin:/bin PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0
W=/tmp/round46-r46g/tq; rm -rf $W; mkdir -p $W
RAW=$W/raw.log; : > $RAW
cd $D
pick() { R=$((RANDOM % $1)); }
N=${N:-11}
for ((s=0; s<N; s++)); do
  pick 12
  if [ $R = 0 ]; then
    pick 3; case $R in 0) M=nosuchmod:broker;; 1) M=tasks:nobroker;; 2) M=tasks:add;; esac
    taskiq worker $M --log-level DEBUG >> $RAW 2>&1 &
    WPID=$!
    for i in 1 2 3 4 5; do kill -0 $WPID 2>/dev/null || break; sleep 1; done
    kill -INT $WPID 2>/dev/null; sleep 2; kill -9 -- -$WPID 2>/dev/null; wait $WPID 2>/dev/null
    continue
  fi
  OPTS=(--workers $((RANDOM % 2 + 1)) --log-level DEBUG)
  pick 4; [ $R = 0 ] && OPTS+=(--max-tasks-per-child $((RANDOM % 10 + 5)))
  pick 5; [ $R = 0 ] && OPTS+=(--no-parse)
  pick 5; [ $R = 0 ] && OPTS+=(--max-async-tasks 0)
  pick 4; [ $R = 0 ] && OPTS+=(--ack-type when_received)
  pick 4; [ $R = 0 ] && OPTS+=(--max-fails 1)
  pick 5; [ $R = 0 ] && OPTS+=(--shutdown-timeout 0.5)
  COUNT=$((RANDOM % 40 + 10)); KSEED=$RANDOM
  python3 kicker.py $KSEED $COUNT 4 > /dev/null 2>&1 &
  KPID=$!
  sleep 1
  taskiq worker tasks:broker "${OPTS[@]}" >> $RAW 2>&1 &
  WPID=$!
  sleep 5
  pick 3
  if [ $R = 0 ]; then kill -HUP $WPID; fi
  pick 3
  if [ $R = 0 ]; then
    CH=$(cat /proc/$WPID/task/*/children 2>/dev/null | tr ' ' '\n' | head -n 1)
    [ -n "$CH" ] && kill -9 $CH
  fi
  wait $KPID
  kill -9 $KPID 2>/dev/null
  sleep 1
  pick 4
  if [ $R = 0 ]; then kill -TERM $WPID; else kill -INT $WPID; fi
  sleep 2
  pick 3
  if [ $R = 0 ]; then kill -INT $WPID 2>/dev/null; sleep 0.3; kill -INT $WPID 2>/dev/null; fi
  for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $WPID 2>/dev/null || break; sleep 1; done
  kill -9 -- -$WPID 2>/dev/null; wait $WPID 2>/dev/null
done
L=$(wc -l < $RAW)
if [ "$L" -gt 2500 ]; then sed -n "1,2500p" $RAW > $D/taskiq.log; else cp $RAW $D/taskiq.log; fi
