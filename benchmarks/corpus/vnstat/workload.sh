#!/bin/bash
# Randomised workload for vnstatd (foreground, -D debug, -t timestamps) inside netns r33cvn.
# usage: workload.sh [seed] [rounds]   output appended to $B/vn/vnstat.log
# log: "workload.sh 6602 26"; the first 2486 lines (up to the 9th daemon start) are kept
HERE=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round33-r33c; V=$B/vn; OUT=$V/vnstat.log; DB=$V/db
RANDOM=${1:-3302}; ROUNDS=${2:-30}
NS="ip netns exec r33cvn"
mkdir -p $V
ip netns add r33cvn 2>/dev/null; ip netns add r33cpeer 2>/dev/null
ip -n r33cvn link set lo up; ip -n r33cpeer link set lo up
if ! ip -n r33cvn link show v0 >/dev/null 2>&1; then
  ip -n r33cvn link add v0 type veth peer name p0 netns r33cpeer
  ip -n r33cvn addr add 192.0.2.1/24 dev v0; ip -n r33cpeer addr add 192.0.2.2/24 dev p0
  ip -n r33cvn link set v0 up; ip -n r33cpeer link set p0 up
fi
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

mkconf() { # file [extra lines...]
  local f=$1; shift
  sed "s#@DB@#${DBDIR:-$DB}#; s#@PID@#$V/vnstat.pid#" $HERE/vnstat.conf > $f
  for l in "$@"; do k=${l%% *}; grep -v "^$k " $f > $f.tmp; mv $f.tmp $f; echo "$l" >> $f; done
}

traffic() { # seconds
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt $end ]; do
    case $((RANDOM % 4)) in
      0) sleep 1;;
      *) $NS ping -q -c $((1 + RANDOM % 30)) -i 0.02 -s $(pick 56 200 1000 1400) 192.0.2.2 >/dev/null 2>&1;;
    esac
  done
}

churn() { # one random interface change in the namespace
  local k=$((1 + RANDOM % 4))
  case $((RANDOM % 7)) in
    0|1) ip -n r33cvn link add v$k type veth peer name p$k netns r33cpeer 2>/dev/null && { ip -n r33cvn link set v$k up; ip -n r33cpeer link set p$k up; };;
    2) ip -n r33cvn link del v$k 2>/dev/null;;
    3) ip -n r33cvn link set v$k down 2>/dev/null; ip -n r33cvn link set v$k name w$k 2>/dev/null; ip -n r33cvn link set w$k up 2>/dev/null;;
    4) ip -n r33cvn link del w$k 2>/dev/null;;
    5) ip -n r33cvn link add br$k type bridge 2>/dev/null && ip -n r33cvn link set br$k up;;
    6) ip -n r33cvn link del br$k 2>/dev/null;;
  esac
}

start_d() { # args...
  $NS vnstatd -n -D -t "$@" >> $OUT 2>&1 & DPID=$!
  sleep 1
}
stop_d() { # signal
  kill -${1:-TERM} $DPID 2>/dev/null
  for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $DPID 2>/dev/null || break; sleep 0.5; done
  kill -KILL $DPID 2>/dev/null; wait $DPID 2>/dev/null
}
vn() { $NS vnstat --config $V/cur.conf "$@" >/dev/null 2>&1; }

for round in $(seq $ROUNDS); do
  DBDIR=$DB
  s=$((RANDOM % 100))
  if [ $s -lt 35 ]; then  # normal running with interface churn and signals
    extra=()
    [ $((RANDOM % 3)) -eq 0 ] && extra+=("MaxBWv0 $(pick 1 2 100)")
    [ $((RANDOM % 4)) -eq 0 ] && extra+=("MaxBandwidth 0")
    mkconf $V/cur.conf "${extra[@]}"
    start_d --config $V/cur.conf $( [ $((RANDOM % 3)) -eq 0 ] && echo --sync )
    for step in $(seq $((6 + RANDOM % 10))); do
      case $((RANDOM % 7)) in
        0|1) traffic $((2 + RANDOM % 6));;
        2|6) churn; sleep $((1 + RANDOM % 4));;
        3) kill -HUP $DPID; sleep $((1 + RANDOM % 3));;
        4) k=$(pick v1 v2 w1 br1 v3 nosuch0); if [ $((RANDOM % 2)) -eq 0 ]; then vn --add -i $k; else vn --remove -i $k --force; fi; sleep $((2 + RANDOM % 3));;
        5) $NS ping -q -c $((100 + RANDOM % 300)) -i 0.002 -s $(pick 1400 30000 60000) 192.0.2.2 >/dev/null 2>&1;;
      esac
    done
    stop_d $(pick TERM TERM INT)
  elif [ $s -lt 45 ]; then  # configuration mistakes
    bad=()
    for j in $(seq $((1 + RANDOM % 3))); do
      bad+=("$(pick 'UpdateInterval 900' 'PollInterval 1' 'SaveInterval 0' 'OfflineSaveInterval 99' 'Frobnicate 3' 'MaxBWeth9 -5' 'MaxBWv0 abc' 'Locale' 'BandwidthDetection 7' 'TimeSyncWait 1000' 'LogFile relative.log' 'PidFile no/slash.pid' 'UseLogging 9' 'DailyDays -7' 'MaxBandwidth 40000' 'UpdateInterval 60')")
    done
    mkconf $V/cur.conf "${bad[@]}"
    start_d --config $V/cur.conf; traffic $((2 + RANDOM % 4)); kill -HUP $DPID; sleep 2; stop_d
  elif [ $s -lt 57 ]; then  # command line mistakes and one-shot modes
    mkconf $V/cur.conf
    case $((RANDOM % 8)) in
      0) $NS vnstatd -n -D -t --config >> $OUT 2>&1;;
      1) $NS vnstatd -n -D -t --config $V/missing.conf --bogus >> $OUT 2>&1;;
      2) $NS vnstatd -D -t -d --config $V/cur.conf >> $OUT 2>&1;;
      3) $NS vnstatd -n -D -t --config $V/cur.conf --noadd --alwaysadd >> $OUT 2>&1 & DPID=$!; sleep 3; stop_d;;
      4) $NS vnstatd -n -D -t --config $V/cur.conf --alwaysadd maybe >> $OUT 2>&1;;
      5) $NS vnstatd -n -D -t --config $V/cur.conf -p $V/x.pid >> $OUT 2>&1;;
      6) $NS vnstatd -n -D -t --config $V/cur.conf -u nosuchuser >> $OUT 2>&1;;
      7) $NS vnstatd -n -D -t --config $V/cur.conf --user >> $OUT 2>&1;;
    esac
  elif [ $s -lt 67 ]; then  # fresh or broken database directory
    DBDIR=$V/db$RANDOM
    case $((RANDOM % 4)) in
      0) mkconf $V/cur.conf "CreateDirs 0"; start_d --config $V/cur.conf; stop_d;;
      1) mkdir -p $DBDIR; : > $DBDIR/vnstat.db; mkconf $V/cur.conf; start_d --config $V/cur.conf; stop_d;;
      2) mkdir -p $DBDIR; mkconf $V/cur.conf; $NS vnstatd -D -t --config $V/cur.conf --noadd >> $OUT 2>&1;;
      3) mkdir -p $DBDIR; mkconf $V/cur.conf; $NS vnstatd -D -t --config $V/cur.conf --initdb >> $OUT 2>&1;;
    esac
    rm -rf $DBDIR
  elif [ $s -lt 75 ]; then  # database says it was updated in the future
    mkconf $V/cur.conf "TimeSyncWait 1"
    fix() { [ -f $DB/vnstat.db ] && python3 - $DB/vnstat.db $1 <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("update interface set updated=datetime('now', 'localtime', '+%s seconds')" % sys.argv[2]); c.commit()
PY
    }
    fix $(pick 15 30 45 4000); start_d --config $V/cur.conf; traffic $((20 + RANDOM % 30)); stop_d; fix -1
  elif [ $s -lt 82 ]; then  # run as another user
    mkconf $V/cur.conf "DaemonUser nobody" "DaemonGroup nogroup"
    chown -R nobody:nogroup $DB; chmod 755 $V
    start_d --config $V/cur.conf $(pick "" "-u nobody" "-g nogroup"); traffic $((2 + RANDOM % 4)); stop_d
    chown -R root:root $DB
  else  # interface recreated under the same name while running (counter drops)
    mkconf $V/cur.conf
    ip -n r33cvn link add v4 type veth peer name p4 netns r33cpeer 2>/dev/null; ip -n r33cvn link set v4 up; ip -n r33cpeer link set p4 up
    start_d --config $V/cur.conf; sleep 6
    ip -n r33cvn link del v4; ip -n r33cvn link add v4 type veth peer name p4 netns r33cpeer; ip -n r33cvn link set v4 up; ip -n r33cpeer link set p4 up
    traffic $((5 + RANDOM % 6)); stop_d
  fi
done
