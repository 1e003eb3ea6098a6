#!/bin/bash
# Randomised workload for ptp4l (linuxptp), software time stamping over veth pairs in private
# network namespaces, IEEE 802.3 transport. The subject ptp4l (namespace r29pS, three ports)
# logs with -m -q -l 7 (stdout+stderr) into run/subject.log; three peer ptp4l instances
# (namespaces r29pP1..3) act as masters/slaves that come and go. All clocks run free_running,
# so the system clock is never touched.
set -u
D=/work/round29/ptp4l
W=$D/run
RAW=$W/subject.log
rm -rf "$W"; mkdir -p "$W"
: > "$RAW"
R() { echo $(( RANDOM % $1 )); }          # random 0..n-1
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }

SUBJ_PID=""
declare -A PEER_PID

net_up() {
  ip netns add r29pS
  for n in 1 2 3; do
    ip netns add r29pP$n
    ip link add r29s$n type veth peer name r29q$n
    ip link set r29s$n netns r29pS
    ip link set r29q$n netns r29pP$n
    ip -n r29pS link set r29s$n up
    ip -n r29pP$n link set r29q$n up
    ip -n r29pP$n link set lo up
  done
  ip -n r29pS link set lo up
}

net_down() {
  for n in 1 2 3; do ip netns del r29pP$n 2>/dev/null; done
  ip netns del r29pS 2>/dev/null
}

stop_subject() {
  if [ -n "$SUBJ_PID" ]; then
    kill -TERM "$SUBJ_PID" 2>/dev/null; wait "$SUBJ_PID" 2>/dev/null; SUBJ_PID=""
  fi
}

stop_peer() {
  local n=$1
  if [ -n "${PEER_PID[$n]:-}" ]; then
    kill -"$(pick TERM TERM KILL)" "${PEER_PID[$n]}" 2>/dev/null; wait "${PEER_PID[$n]}" 2>/dev/null
    PEER_PID[$n]=""
  fi
}

cleanup() {
  stop_subject
  for n in 1 2 3; do stop_peer $n; done
  net_down
}
trap cleanup EXIT

# --- subject: run to completion (failing starts) or in background
subject_try() {   # args: ptp4l arguments; expected to fail quickly
  timeout 8 ip netns exec r29pS ptp4l -m -q -l 7 "$@" >> "$RAW" 2>&1
}
subject_start() {
  ip netns exec r29pS ptp4l -m -q -l 7 "$@" >> "$RAW" 2>&1 &
  SUBJ_PID=$!
}

# --- peers
peer_start() {  # n dm(E2E|P2P) [extra config lines...]
  local n=$1 dm=$2; shift 2
  stop_peer $n
  local cfg=$W/peer$n.cfg
  {
    echo "[global]"
    echo "free_running 1"
    echo "uds_address $W/p$n.sock"
    echo "priority1 $(pick 64 100 127 128 140 200 250)"
    echo "priority2 $(pick 100 128 200)"
    echo "clockClass $(pick 248 248 6 7 135)"
    echo "logSyncInterval $(pick -1 0 0 1)"
    echo "logAnnounceInterval $(pick 0 1 1)"
    echo "logMinDelayReqInterval $(pick 0 0 1 2)"
    echo "logMinPdelayReqInterval $(pick 0 1)"
    echo "delay_mechanism $dm"
    for l in "$@"; do echo "$l"; done
  } > "$cfg"
  ip netns exec r29pP$n ptp4l -f "$cfg" -i r29q$n -S -2 -q -m -l 5 >> "$W/peer$n.log" 2>&1 &
  PEER_PID[$n]=$!
}

pmc_s() {   # management request to the subject over its UDS
  timeout 5 pmc -u -b 0 -s "$W/s.sock" -i "$W/pmc.$RANDOM.sock" "$@" >> "$W/pmc.out" 2>&1
}
pmc_p() {   # n request: management request to a peer
  local n=$1; shift
  timeout 5 pmc -u -b 0 -s "$W/p$n.sock" -i "$W/pmcp.$RANDOM.sock" "$@" >> "$W/pmc.out" 2>&1
}

peer_mac() { ip -n r29pP$1 link show r29q$1 | awk '/link\/ether/ {print $2}'; }
garbage() { # n kind [count] [spoofmac]
  local n=$1; shift
  timeout 20 ip netns exec r29pP$n python3 "$D/send_ptp.py" r29q$n "$@" >> "$W/send.out" 2>&1
}

gm_settings() { # n utc ptpTimescale leap61 leap59 timeTraceable
  pmc_p "$1" "SET GRANDMASTER_SETTINGS_NP clockClass $(pick 248 6 7) clockAccuracy 0xfe \
offsetScaledLogVariance 0xffff currentUtcOffset $2 leap61 $4 leap59 $5 currentUtcOffsetValid 1 \
ptpTimescale $3 timeTraceable $6 frequencyTraceable $6 timeSource 0xa0"
}

random_event() {
  local n=$(( RANDOM % 3 + 1 ))
  case $(R 16) in
    0|1) peer_start $n "$(pick E2E E2E E2E P2P)" ;;
    2)   stop_peer $n ;;
    3)   ip -n r29pP$n link set r29q$n down; sleep $(( RANDOM % 5 + 2 )); ip -n r29pP$n link set r29q$n up ;;
    4)   garbage $n "$(pick short badver badtype truncated)" $(( RANDOM % 3 + 1 )) ;;
    5)   garbage $n announce $(( RANDOM % 4 + 2 )) ;;
    6)   garbage $n "$(pick pdelay_req pdelay_resp delay_req)" $(( RANDOM % 2 + 1 )) ;;
    7)   garbage $n fup $(( RANDOM % 3 + 1 )) "$(peer_mac $n)" ;;
    8)   garbage $n sync_only $(( RANDOM % 2 + 1 )) "$(peer_mac $n)" ;;
    9)   pmc_s "GET $(pick CURRENT_DATA_SET PARENT_DATA_SET TIME_STATUS_NP PORT_DATA_SET DEFAULT_DATA_SET \
                 TIME_PROPERTIES_DATA_SET PORT_PROPERTIES_NP PORT_STATS_NP CLOCK_DESCRIPTION NO_SUCH_ID)" ;;
    10)  pmc_s "SET PRIORITY1 $(pick 1 50 128 200 255)" ;;
    11)  pmc_s "SET SUBSCRIBE_EVENTS_NP duration $(pick 2 5 8) NOTIFY_PORT_STATE on" ;;
    12)  gm_settings $n "$(pick 37 37 38 36)" "$(pick 1 1 0)" 0 0 "$(pick 0 1)" ;;
    13)  pmc_s "SET GRANDMASTER_SETTINGS_NP clockClass 248 clockAccuracy 0xfe offsetScaledLogVariance 0xffff \
currentUtcOffset $(pick 37 38) leap61 0 leap59 0 currentUtcOffsetValid 1 ptpTimescale 1 timeTraceable 0 \
frequencyTraceable 0 timeSource 0xa0" ;;
    14)  pmc_s "$(pick 'GET PRIORITY2' 'SET PRIORITY2 90' 'CMD ENABLE_PORT' 'GET LOG_ANNOUNCE_INTERVAL')" ;;
    15)  ip -n r29pS link set r29s$n down; sleep $(( RANDOM % 4 + 1 )); ip -n r29pS link set r29s$n up ;;
  esac
}

run_events() {  # seconds
  local end=$(( SECONDS + $1 ))
  while [ $SECONDS -lt $end ]; do
    random_event
    sleep "$(pick 1 2 3 4 5)"
  done
}

net_up

# ---------------- phase 0: starts that fail (a random few)
bad() {
  local c=$W/bad.cfg
  case $1 in
    unknown)   printf '[global]\nfree_running 1\n%s 1\n' "$(pick frobnicate sync_rate ptp_magic)" > $c ;;
    badvalue)  printf '[global]\ndelay_mechanism %s\n' "$(pick XYZ E3E none)" > $c ;;
    malformed) printf '[global]\nlogSyncInterval %s\n' "$(pick abc 1x -q)" > $c ;;
    range)     printf '[global]\npriority1 %s\n' "$(pick 256 999 -4)" > $c ;;
    nosection) printf 'priority1 100\n[global]\n' > $c ;;
    badport)   printf '[global]\n[r29s1\n' > $c ;;
    badtable)  printf '[global]\n[unicast_master_table]\nUDPv4 1.2.3.4\n' > $c ;;
    badaddr)   printf '[global]\n[unicast_master_table]\ntable_id 1\nL2 zz:zz\n' > $c ;;
    baddesc)   printf '[global]\n%s %s\n' "$(pick productDescription revisionData userDescription manufacturerIdentity)" "$(pick bad 'x;y' 00:11)" > $c ;;
  esac
  subject_try -f $c -i r29s1 -S -2
}
for i in $(seq $(( RANDOM % 3 + 3 ))); do
  case $(R 14) in
    13) bad baddesc ;;
    0) bad unknown ;; 1) bad badvalue ;; 2) bad malformed ;; 3) bad range ;;
    4) bad nosection ;; 5) bad badport ;; 6) bad badtable ;; 7) bad badaddr ;;
    8) subject_try -f "$W/missing-$RANDOM.cfg" -i r29s1 -S -2 ;;
    9) printf '[global]\nclock_type BC\n' > $W/bc.cfg; subject_try -f $W/bc.cfg -i r29s1 -S -2 ;;
    10) printf '[global]\nclock_type E2E_TC\ndelay_mechanism P2P\n' > $W/tc.cfg; subject_try -f $W/tc.cfg -i r29s1 -i r29s2 -S -2 ;;
    11) printf '[global]\nuds_address %s/nodir/s.sock\n' "$W" > $W/uds.cfg; subject_try -f $W/uds.cfg -i r29s1 -S -2 ;;
    12) printf '[global]\nfree_running 1\nuds_address %s/x.sock\n' "$W" > $W/if.cfg; subject_try -f $W/if.cfg -i r29nosuch$(R 9) -S -2 ;;
  esac
done

# ---------------- phase 1: boundary clock with three ports
SCFG=$W/subject.cfg
{
  echo "[global]"
  [ $(R 2) = 0 ] && echo "$(pick pi_offset_const pi_f_offset_const pi_max_frequency) $(pick 0.0 0.5)"
  echo "free_running 1"
  echo "uds_address $W/s.sock"
  echo "summary_interval $(pick 0 0 2)"
  echo "fault_reset_interval $(pick ASAP 1 2)"
  echo "logSyncInterval $(pick 0 1)"
  echo "priority1 $(pick 128 120 180)"
  [ $(R 3) = 0 ] && echo "slave_event_monitor $W/no-monitor.sock"
  [ $(R 2) = 0 ] && echo "productDescription $(pick ';;' 'r29;workload;')"
  echo "[r29s1]"
  echo "delay_mechanism $(pick E2E Auto)"
  echo "[r29s2]"
  echo "delay_mechanism E2E"
  echo "[r29s3]"
  echo "delay_mechanism $(pick E2E Auto)"
} > "$SCFG"
subject_start -f "$SCFG" -i r29s1 -i r29s2 -i r29s3 -S -2
sleep 2
for n in 1 2 3; do
  [ $(R 4) != 0 ] && peer_start $n "$(pick E2E E2E P2P)"
  sleep "$(pick 1 2 3)"
done
sleep 8
run_events $(( 150 + RANDOM % 40 ))
stop_subject
for n in 1 2 3; do stop_peer $n; done

# ---------------- phase 2: transparent clock
TYPE=$(pick E2E_TC P2P_TC)
DM=E2E; [ $TYPE = P2P_TC ] && DM=P2P
printf '[global]\nfree_running 1\nuds_address %s/s.sock\nclock_type %s\ndelay_mechanism %s\n' "$W" "$TYPE" "$DM" > $W/tc_ok.cfg
subject_start -f $W/tc_ok.cfg -i r29s1 -i r29s2 -i r29s3 -S -2
sleep 1
for n in 1 2 3; do peer_start $n $DM; sleep 1; done
for i in $(seq 6); do
  n=$(( RANDOM % 3 + 1 ))
  case $(R 5) in
    0) peer_start $n $DM ;;
    1) garbage $n "$(pick short badtype badver)" 2 ;;
    2) ip -n r29pP$n link set r29q$n down; sleep 2; ip -n r29pP$n link set r29q$n up ;;
    3) pmc_s "GET $(pick TRANSPARENT_CLOCK_DEFAULT_DATA_SET PORT_DATA_SET CURRENT_DATA_SET)" ;;
    4) garbage $n "$(pick pdelay_req delay_req)" 2 ;;
  esac
  sleep $(( RANDOM % 5 + 3 ))
done
stop_subject
for n in 1 2 3; do stop_peer $n; done

# ---------------- phase 3: slave-only clock, unicast client on port 1
M1=$(peer_mac 1)
{
  echo "[unicast_master_table]"
  echo "table_id 1"
  echo "logQueryInterval $(pick 1 2)"
  echo "L2 $M1"
  echo "[global]"
  echo "free_running 1"
  echo "slaveOnly 1"
  echo "uds_address $W/s.sock"
  echo "[r29s1]"
  echo "unicast_master_table 1"
  echo "unicast_req_duration $(pick 10 20)"
} > $W/uc.cfg
peer_start 1 E2E "unicast_listen 1"
peer_start 2 E2E
subject_start -f $W/uc.cfg -i r29s1 -i r29s2 -S -2 -s
sleep 15
for i in $(seq 5); do
  case $(R 4) in
    0) peer_start 1 E2E "unicast_listen 1" ;;
    1) stop_peer 2; sleep 3; peer_start 2 E2E "priority1 $(pick 10 200)" ;;
    2) pmc_s "GET $(pick PORT_DATA_SET CURRENT_DATA_SET PARENT_DATA_SET)" ;;
    3) garbage 2 announce 3 ;;
  esac
  sleep $(( RANDOM % 6 + 3 ))
done
stop_subject
cleanup
trap - EXIT
wc -l "$RAW"
