#!/bin/bash
# Randomised workload for ptpd 2.3.1 (Debian). One slave (netns r36a-ps, labelled, config slave.conf)
# and fake masters (netns r36a-pm, r36a-p2) on a private bridge (netns r36a-pb). No instance
# adjusts the clock (clock:no_adjust). Usage: workload.sh RAWLOG SECONDS
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round36-r36a/ptp
LOG=${1:-$RUN/slave_raw.log}
DUR=${2:-600}
mkdir -p $RUN
if ! ip netns list | grep -qw r36a-pb; then
  ip netns add r36a-pb; ip -n r36a-pb link add br0 type bridge mcast_snooping 0
  ip -n r36a-pb link set lo up; ip -n r36a-pb link set br0 up
  for x in m:pm:1 s:ps:2 2:p2:3; do IFS=: read t ns ip <<<"$x"
    ip netns add r36a-$ns
    ip link add r36a-v$t netns r36a-$ns type veth peer name r36a-b$t netns r36a-pb
    ip -n r36a-pb link set r36a-b$t master br0 up; ip -n r36a-$ns link set lo up
    ip -n r36a-$ns addr add 10.236.1.$ip/24 dev r36a-v$t; ip -n r36a-$ns link set r36a-v$t up
    ip -n r36a-$ns route add 224.0.0.0/4 dev r36a-v$t
  done
fi
COMMON="-n -C -L --global:use_syslog=N --global:lock_directory=$RUN"
M1=; M2=; S=
master1() { # extra args
  ip netns exec r36a-pm ptpd -M -i r36a-vm $COMMON --global:status_file=$RUN/m1.status "$@" >> $RUN/m1.out 2>&1 & M1=$!; }
master2() {
  ip netns exec r36a-p2 ptpd -M -i r36a-v2 $COMMON --global:status_file=$RUN/m2.status "$@" >> $RUN/m2.out 2>&1 & M2=$!; }
stop() { [ -n "$1" ] && kill $1 2>/dev/null && wait $1 2>/dev/null; }
slave() { # conf + extra args
  local c=$1; shift
  ip netns exec r36a-ps ptpd -c "$c" "$@" >> "$LOG" 2>&1 & S=$!; echo $S > $RUN/slave.pid; }
slaveconf() { # write a variant of the slave config with KEY=VALUE overrides
  cp "$HERE/slave.conf" $RUN/cur.conf
  for kv in "$@"; do k=${kv%%=*}; v=${kv#*=}
    grep -q "^$k " $RUN/cur.conf && sed -i "s|^$k = .*|$k = $v|" $RUN/cur.conf || echo "$k = $v" >> $RUN/cur.conf
  done
}
pick() { shuf -n1 -e -- "$@"; }
END=$((SECONDS + DUR))
master1 --ptpengine:log_announce_interval=$(pick -1 0 1)
slaveconf; slave $RUN/cur.conf
sleep 12
while [ $SECONDS -lt $END ]; do
  r=$((RANDOM % 100))
  if   [ $r -lt 12 ]; then kill -USR2 $S 2>/dev/null; sleep $((RANDOM % 5 + 1))
  elif [ $r -lt 22 ]; then stop "$M1"; M1=; sleep $((RANDOM % 12 + 4)); master1 --ptpengine:log_announce_interval=$(pick -1 0 1) --ptpengine:log_sync_interval=$(pick -1 0); sleep $((RANDOM % 8 + 4))
  elif [ $r -lt 32 ]; then stop "$M2"; master2 --ptpengine:priority1=$(pick 64 100 127 200 250) --ptpengine:clock_class=$(pick 6 13 52 187 248) --ptpengine:log_announce_interval=$(pick -1 0); sleep $((RANDOM % 15 + 6)); [ $((RANDOM % 2)) = 0 ] && { stop "$M2"; M2=; sleep $((RANDOM % 10 + 3)); }
  elif [ $r -lt 38 ]; then stop "$M2"; master2 --ptpengine:domain=$(pick 1 4 24) ; sleep $((RANDOM % 8 + 3)); stop "$M2"; M2=
  elif [ $r -lt 43 ]; then stop "$M2"; master2 -P --ptpengine:priority1=90; sleep $((RANDOM % 8 + 5)); stop "$M2"; M2=
  elif [ $r -lt 50 ]; then ip -n r36a-ps link set r36a-vs down; sleep $((RANDOM % 10 + 2)); ip -n r36a-ps link set r36a-vs up; sleep $((RANDOM % 6 + 3))
  elif [ $r -lt 56 ]; then ip -n r36a-pb link set r36a-bm down; sleep $((RANDOM % 12 + 4)); ip -n r36a-pb link set r36a-bm up; sleep 5
  elif [ $r -lt 66 ]; then # reload with a changed configuration
    slaveconf "$(pick ptpengine:domain=0 ptpengine:domain=3 ptpengine:delay_mechanism=P2P ptpengine:delay_mechanism=E2E ptpengine:log_delayreq_interval=1 servo:kp=0.2 servo:stability_detection=N ptpengine:preset=masterslave ptpengine:ip_mode=hybrid global:periodic_updates=N ptpengine:announce_receipt_timeout=3 ptpengine:sync_outlier_filter_enable=Y ptpengine:delay_outlier_filter_enable=Y ptpengine:interface=r36a-nosuch ptpengine:log_sync_interval=-1 ptpengine:priority1=77)"
    kill -HUP $S 2>/dev/null; sleep $((RANDOM % 10 + 4))
    [ $((RANDOM % 2)) = 0 ] && { slaveconf; kill -HUP $S 2>/dev/null; sleep $((RANDOM % 8 + 3)); }
  elif [ $r -lt 76 ]; then # restart the slave, sometimes with another preset or a broken setting
    kill -$(pick TERM INT) $S 2>/dev/null; wait $S 2>/dev/null
    case $((RANDOM % 9)) in
      0) slaveconf ptpengine:interface=r36a-nosuch ;;
      1) slaveconf ptpengine:domain=300 ;;
      2) slaveconf ptpengine:delay_mechanism=XYZ ;;
      3) slaveconf ptpengine:preset=masterslave ;;
      4) slaveconf ptpengine:ip_mode=unicast ptpengine:unicast_destinations=10.236.1.1,10.236.1.3 ;;
      5) slaveconf ptpengine:ip_mode=hybrid ;;
      6) slaveconf ptpengine:preset=masteronly ;;
      7) slaveconf ptpengine:log_sync_interval=9 ptpengine:bogus_setting=1 ;;
      *) slaveconf ;;
    esac
    slave $RUN/cur.conf; sleep $((RANDOM % 10 + 6))
    if ! kill -0 $S 2>/dev/null; then slaveconf; slave $RUN/cur.conf; sleep 8; fi
  elif [ $r -lt 82 ]; then kill -USR2 $S 2>/dev/null; sleep 1; kill -HUP $S 2>/dev/null; sleep 3
  elif [ $r -lt 86 ]; then # unicast master sending to the slave
    stop "$M2"; master2 -U -u 10.236.1.2 --ptpengine:priority1=110; sleep $((RANDOM % 10 + 5)); stop "$M2"; M2=
  else sleep $((RANDOM % 10 + 3))
  fi
  [ -z "$M1" ] && [ $((RANDOM % 3)) = 0 ] && master1
  kill -0 $S 2>/dev/null || { slaveconf; slave $RUN/cur.conf; sleep 5; }
done
kill -USR2 $S 2>/dev/null; sleep 1
stop "$S"; stop "$M1"; stop "$M2"
