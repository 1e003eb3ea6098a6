#!/bin/bash
# policyd-weight workload: private network namespace r35g1 with a fake DNS server (fakedns.py),
# policyd-weight in the foreground with -d (debug, log to stdout), random policy requests
# (client.py), reloads, a restart with a broken configuration, cache kills, stops.
set -u
D=/work/round35/policydweight; T=/tmp/round35-r35g; NS=r35g1; LOG=$D/policydweight.log; P=49101
ip netns list | grep -q "^$NS" || { ip netns add $NS; ip netns exec $NS ip link set lo up; }
mkdir -p $T/polw/cores/master $T/polw/cores/cache; chown -R polw $T/polw
ip netns exec $NS python3 $D/fakedns.py $RANDOM & echo $! > $T/fakedns.pid
: > $LOG
runs=$((3 + RANDOM % 2)); bad=$((RANDOM % runs))
for run in $(seq 0 $((runs - 1))); do
  cp $D/policyd-weight.conf $T/polw-run.conf
  [ $run -eq $bad ] && echo '$REJECTLEVEL = ;  @dnsbl_score = ( oops' >> $T/polw-run.conf
  ip netns exec $NS /usr/sbin/policyd-weight -D -d -f $T/polw-run.conf start >> $LOG 2>&1 &
  echo $! > $T/polw.pid; echo $! >> $T/polw.pids
  sleep 2
  for part in 1 2; do
    ip netns exec $NS python3 $D/client.py $P $((4 + RANDOM % 8)) $RANDOM
    case $((RANDOM % 3)) in
      0) kill -HUP $(cat $T/polw.pid) 2>/dev/null ;;
      1) ip netns exec $NS /usr/sbin/policyd-weight -d -f $T/polw-run.conf -k stop >> $LOG 2>&1; sleep 1
         ip netns exec $NS /usr/sbin/policyd-weight -D -d -f $T/polw-run.conf start >> $LOG 2>&1 &
         echo $! > $T/polw.pid; echo $! >> $T/polw.pids ;;
      2) ;;
    esac
    sleep 2
  done
  ip netns exec $NS /usr/sbin/policyd-weight -d -f $T/polw-run.conf -k stop >> $LOG 2>&1
  sleep 2
  kill $(cat $T/polw.pid) 2>/dev/null
done
kill $(cat $T/fakedns.pid)
# leftovers: masters started in this run and their children, by pid
for m in $(cat $T/polw.pids 2>/dev/null); do pkill -TERM -P $m 2>/dev/null; kill $m 2>/dev/null; done
rm -f $T/polw.pids
# the log kept in the folder is one contiguous stretch of 2,500 whole lines of $LOG
