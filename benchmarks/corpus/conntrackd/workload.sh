#!/bin/bash
# Randomised workload for conntrackd (Debian conntrackd) in private network namespaces r31n1/r31n2.
# Node A (logged: console-mode stdout+stderr -> conntrackd.log) syncs over UDP with peer node B.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round31-r31n/ctd; mkdir -p "$RUN"; rm -f "$RUN"/*.lock "$RUN"/*.ctl
LOG=$HERE/conntrackd.log; : > "$LOG"
A="ip netns exec r31n1"; B="ip netns exec r31n2"
setup_ns() {
  ip netns add r31n1 2>/dev/null; ip netns add r31n2 2>/dev/null
  if ! $A ip link show va >/dev/null 2>&1; then
    $A ip link add va type veth peer name vb netns r31n2
    $A ip addr add 10.31.0.1/24 dev va; $B ip addr add 10.31.0.2/24 dev vb
  fi
  $A ip link set lo up; $A ip link set va up; $B ip link set lo up; $B ip link set vb up
}
setup_ns
MODES=(FTFW FTFW FTFW NOTRACK NOTRACK ALARM)
start_a() {
  local nl=$([ $((RANDOM % 3)) = 0 ] && echo 8192 || echo 2097152)
  "$HERE/mkconf.sh" a 10.31.0.1 10.31.0.2 va "$MODE" $nl > "$RUN/a.conf"
  $A conntrackd -C "$RUN/a.conf" >> "$LOG" 2>&1 & echo $! > "$RUN/a.pid"; sleep 1
}
start_b() {
  "$HERE/mkconf.sh" b 10.31.0.2 10.31.0.1 vb "$MODE" > "$RUN/b.conf"
  $B conntrackd -C "$RUN/b.conf" >> "$RUN/b.out" 2>&1 & echo $! > "$RUN/b.pid"; sleep 0.5
}
stop_x() { local p; p=$(cat "$RUN/$1.pid"); kill -${2:-TERM} "$p" 2>/dev/null; wait "$p" 2>/dev/null; rm -f "$RUN/$1.lock"; }
ctl_a() { $A conntrackd -C "$RUN/a.conf" "$@" > /dev/null 2>&1; }
ctl_b() { $B conntrackd -C "$RUN/b.conf" "$@" > /dev/null 2>&1; }
rand_ip() { echo "$1.$((RANDOM % 254 + 1))"; }
insert() {  # insert N entries in namespace $1
  local ns=$1 n=$2 i proto
  for i in $(seq 1 "$n"); do
    proto=$([ $((RANDOM % 3)) = 0 ] && echo udp || echo tcp)
    if [ $proto = tcp ]; then
      ip netns exec "$ns" conntrack -I -s "$(rand_ip 203.0.113)" -d "$(rand_ip 198.51.100)" -p tcp \
        --sport $((1024 + RANDOM % 60000)) --dport $((RANDOM % 2 ? 443 : 22)) --state ESTABLISHED -t $((30 + RANDOM % 300)) -u ASSURED
    else
      ip netns exec "$ns" conntrack -I -s "$(rand_ip 192.0.2)" -d "$(rand_ip 198.51.100)" -p udp \
        --sport $((1024 + RANDOM % 60000)) --dport 53 -t $((10 + RANDOM % 60))
    fi
  done > /dev/null 2>&1
}
same_both() {  # the same entries in both kernel tables: commit conflicts
  local i s d sp
  for i in $(seq 1 "$1"); do
    s=$(rand_ip 203.0.113); d=$(rand_ip 198.51.100); sp=$((1024 + RANDOM % 60000))
    for ns in r31n1 r31n2; do
      ip netns exec $ns conntrack -I -s "$s" -d "$d" -p tcp --sport $sp --dport 80 --state ESTABLISHED -t 200 -u ASSURED
    done
  done > /dev/null 2>&1
}
bad_start() {
  case $((RANDOM % 11)) in
    0) sed 's/PurgeTimeout.*/PurgeTimeout -1/; s/RefreshTime.*/RefreshTime x/; s/DisableInternalCache.*/DisableInternalCache maybe/' "$RUN/a.conf" > "$RUN/bad.conf";;
    1) sed 's/IPv4_Destination_Address .*/IPv4_Destination_Address 10.31.0.300/' "$RUN/a.conf" > "$RUN/bad.conf";;
    2) sed 's/Interface va/Interface nosuchif0/' "$RUN/a.conf" > "$RUN/bad.conf";;
    3) sed 's/HashSize.*/HashSize\n\tBogusClause 1/' "$RUN/a.conf" > "$RUN/bad.conf";;
    4) cp "$RUN/a.conf" "$RUN/bad.conf";;   # lock file still held by the running daemon
    5) sed 's/IPv4_address 127.0.0.1/IPv4_address 127.0.0.1\n\t\t\tIPv4_address 127.0.0.1\n\t\t\tIPv4_address 300.1.2.3/' "$RUN/a.conf" > "$RUN/bad.conf";;
    6) sed 's/Syslog off/Syslog local9/' "$RUN/a.conf" > "$RUN/bad.conf";;
    7) sed 's/Syslog off/Syslog off\n\tNice -1/' "$RUN/a.conf" > "$RUN/bad.conf";;
    8) sed 's/^\t\t\tICMP$/\t\t\tICMP\n\t\t\tFOOPROTO/' "$RUN/a.conf" > "$RUN/bad.conf";;
    9) sed 's/Syslog off/Syslog off\n\tScheduler {\n\t\tType SCHED_BOGUS\n\t\tPriority 120\n\t}/' "$RUN/a.conf" > "$RUN/bad.conf";;
    10) sed 's/Mode [A-Z]* {/Mode PERSISTENT {/' "$RUN/a.conf" > "$RUN/bad.conf";;
  esac
  $A conntrackd -C "$RUN/bad.conf" >> "$LOG" 2>&1 & local p=$!; sleep 1; kill "$p" 2>/dev/null; wait "$p" 2>/dev/null
  [ -e "$RUN/bad.lock" ] && rm -f "$RUN/bad.lock"
}
for round in $(seq 1 ${ROUNDS:-45}); do
  MODE=${MODES[$((RANDOM % ${#MODES[@]}))]}
  start_b; start_a
  for step in $(seq 1 $((20 + RANDOM % 30))); do
    case $((RANDOM % 20)) in
      0|1|2|3) insert r31n$((1 + RANDOM % 2)) $((1 + RANDOM % 40));;
      4) insert r31n1 $((100 + RANDOM % 150));;
      5|6) same_both $((1 + RANDOM % 5)); ctl_a -c;;
      7) ctl_a -c;;
      8) ctl_a -f $( [ $((RANDOM % 2)) = 0 ] && echo internal || echo external);;
      9) ctl_a -f;;
      10) ctl_a -R;;
      11) ctl_a -n;;
      12) ctl_b -B; ctl_a -B;;
      13) ctl_a -t;;
      14) $A conntrack -F > /dev/null 2>&1;;
      15) ctl_a -F;;
      16) ctl_a -s $(shuf -n1 -e network cache runtime link rsqueue queue ct expect);;
      17) ctl_b -n; ctl_b -c;;
      18) stop_x b; sleep 0.5; insert r31n1 5; start_b;;
      19) bad_start;;
    esac
    sleep 0.$((RANDOM % 5))
  done
  [ $((RANDOM % 3)) = 0 ] && ctl_a -k || stop_x a $([ $((RANDOM % 2)) = 0 ] && echo INT || echo TERM)
  wait "$(cat "$RUN/a.pid")" 2>/dev/null; rm -f "$RUN/a.lock"
  stop_x b
  $A conntrack -F > /dev/null 2>&1; $B conntrack -F > /dev/null 2>&1
done
rm -f "$RUN"/*.conf
