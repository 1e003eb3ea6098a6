#!/bin/bash
# Drives the APScheduler 3.x scheduler in sched.py (jobs in jobs.py) through several randomised runs,
# inside a private network + mount namespace; writes apscheduler.log.
set -m
D=/work/round45/apscheduler
T=/tmp/round45-r45f
if [ -z "$R45F_INNS" ]; then
  cd "$D" && exec unshare -n -m env R45F_INNS=1 bash "$0" "$@"
fi
ip link set lo up
mount --make-rprivate /
mount --bind $T /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p $T; mount --bind /mnt $T; mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
W=$T/aps
rm -rf $W; mkdir -p $W/home $W/tmp $W/xdg/config $W/xdg/cache $W/xdg/data $W/xdg/state $W/xdg/run
export HOME=$W/home TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/xdg/config XDG_CACHE_HOME=$W/xdg/cache \
  XDG_DATA_HOME=$W/xdg/data XDG_STATE_HOME=$W/xdg/state XDG_RUNTIME_DIR=$W/xdg/run
export R45_DB=$W/jobs.sqlite PYTHONPATH=$D PYTHONDONTWRITEBYTECODE=1 TZ=UTC
cd $D
RAW=$W/raw.log
: > $RAW
RUNS=$(( (RANDOM % 2) + 5 ))
for r in $(seq 1 $RUNS); do
  if [ $r -gt 2 ] && [ $((RANDOM % 2)) -eq 0 ]; then export R45_GONE=1; else unset R45_GONE; fi
  STEPS=$(( (RANDOM % 10) + 12 ))
  $T/venv-apscheduler/bin/python -u $D/sched.py $RANDOM $STEPS >> $RAW 2>&1 &
  PID=$!
  wait $PID
done
N=$(wc -l < $RAW)
if [ $N -gt 2500 ]; then sed -n "1,2500p" $RAW > $D/apscheduler.log; else cp $RAW $D/apscheduler.log; fi
wc -l $D/apscheduler.log
