#!/bin/bash
# Inside the private mount namespace: run cron with debug flags, change its config at random.
set -u
B=$1; LOG=$2; MIN=$3; SEED=$4; HERE=$(cd "$(dirname "$0")" && pwd)
CRON="stdbuf -oL /tmp/round31-r31c/cron-build/cron"   # cron never line-buffers stdout on Linux
FLAGS=sch,proc,load,misc
RANDOM=$SEED
start() { $CRON -f -L 15 -x $FLAGS >> $LOG 2>&1 & echo $! > $B/cron.pid; }
start
end=$(( $(date +%s) + MIN * 60 ))
i=0
while [ $(date +%s) -lt $end ]; do
  sleep $((10 + RANDOM % 30))
  i=$((i+1))
  python3 $HERE/gen.py $B $((SEED + i)) > /dev/null
  r=$((RANDOM % 100))
  if [ $r -lt 8 ]; then
    # a second instance cannot take the pid file lock
    $CRON -f -L 15 -x $FLAGS >> $LOG 2>&1
  elif [ $r -lt 15 ]; then
    # restart, sometimes as after a reboot
    kill -TERM $(cat $B/cron.pid); wait $(cat $B/cron.pid) 2>/dev/null
    [ $((RANDOM % 2)) = 0 ] && rm -f $B/run/crond.reboot
    start
  elif [ $r -lt 18 ]; then
    kill -HUP $(cat $B/cron.pid)
  elif [ $r -lt 23 ]; then
    # toggle the MTA
    if [ -e $B/sbin/sendmail ]; then mv $B/sbin/sendmail $B/sbin/sendmail.off; else mv $B/sbin/sendmail.off $B/sbin/sendmail; fi
  elif [ $r -lt 25 ]; then
    $CRON -x bogus,sch >> $LOG 2>&1
  fi
done
kill -TERM $(cat $B/cron.pid); wait $(cat $B/cron.pid) 2>/dev/null
