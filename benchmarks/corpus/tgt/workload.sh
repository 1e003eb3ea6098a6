#!/bin/bash
# Round-20 corpus workload: tgt 1.0.85 (Debian 12 package `tgt`), tgtd in the foreground with
# debug on (-f -d 1), stderr to $OUT/tgt.log, iSCSI portal on 127.0.0.1:27260 only.
# Targets, LUNs, accounts, ACLs created/changed/deleted with tgtadm; a scripted iSCSI initiator
# (iscsi_client.py, next to this script; no kernel initiator needed) logs in with good and bad
# CHAP, unknown targets, discovery, SCSI reads/writes/errors, task management, garbage, drops,
# logouts. Debug is toggled off/on at run time, the daemon restarted once, and stopped at the end.
# Run as root: bash workload.sh OUT_DIR [DURATION_SECONDS]   (needs: apt-get install tgt python3)
set -u
OUT=${1:?out dir}; DURATION=${2:-150}
HERE=$(cd "$(dirname "$0")" && pwd)
CLI="python3 $HERE/iscsi_client.py 127.0.0.1 27260"
CTL=27            # tgtd management channel number (unix socket /var/run/tgtd/socket.27)
PORT=27260
DISKS=/tmp/tgt-workload-disks   # backing files (sparse)
mkdir -p "$OUT" "$DISKS"; rm -f "$OUT/tgt.log" "$DISKS"/*
TA() { tgtadm -C $CTL --lld iscsi "$@" >/dev/null 2>&1; }
r() { echo $((RANDOM % $1)); }

start_tgtd() {
  tgtd -f -d 1 -C $CTL --iscsi portal=127.0.0.1:$PORT 2>>"$OUT/tgt.log" >/dev/null &
  TGTD=$!; sleep 1.5
}
stop_tgtd() {
  TA --op update --mode sys --name State -v offline
  for tid in "${!TNAME[@]}"; do TA --op delete --mode target --tid $tid --force; done
  tgtadm -C $CTL --op delete --mode sys >/dev/null 2>&1
  sleep 1; kill -9 $TGTD 2>/dev/null; wait $TGTD 2>/dev/null
}

declare -A TNAME TSECRET TUSER TLUNS
words=(alpha vault backup media scratch db01 web02 archive lab stor)
NEXT_TID=1
new_target() {
  local tid=$NEXT_TID; NEXT_TID=$((NEXT_TID + 1))
  local name="iqn.2026-12.org.example:${words[$(r ${#words[@]})]}-$RANDOM"
  TA --op new --mode target --tid $tid -T "$name"
  TNAME[$tid]=$name; TLUNS[$tid]=""
  local n=$((1 + $(r 3)))
  for lun in $(seq 1 $n); do new_lun $tid $lun; done
  TA --op bind --mode target --tid $tid -I $([ $(r 4) = 0 ] && echo 127.0.0.1 || echo ALL)
  if [ $(r 3) != 0 ]; then
    local u="user$RANDOM" s="pw$RANDOM$RANDOM"
    TA --op new --mode account --user $u --password $s
    TA --op bind --mode account --tid $tid --user $u
    [ $(r 4) = 0 ] && { TA --op new --mode account --user "out$RANDOM" --password "op$RANDOM$RANDOM"; }
    TUSER[$tid]=$u; TSECRET[$tid]=$s
  else
    TUSER[$tid]=""; TSECRET[$tid]=""
  fi
}
new_lun() {
  local tid=$1 lun=$2 f="$DISKS/t$1-l$2-$RANDOM.img"
  truncate -s $((8 + $(r 56)))M "$f"
  case $(r 6) in
    0) TA --op new --mode logicalunit --tid $tid --lun $lun -b "$f" --params readonly=1 ;;
    1) TA --op new --mode logicalunit --tid $tid --lun $lun -b "$f" --device-type cd ;;
    2) TA --op new --mode logicalunit --tid $tid --lun $lun -b "$f" --bstype aio ;;
    *) TA --op new --mode logicalunit --tid $tid --lun $lun -b "$f" ;;
  esac
  TLUNS[$tid]="${TLUNS[$tid]:+${TLUNS[$tid]},}$lun"
}
del_target() {
  local tid=$1
  if [ $(r 2) = 0 ]; then TA --op delete --mode target --tid $tid; fi   # may fail: active sessions / LUNs
  TA --op delete --mode target --tid $tid --force
  unset "TNAME[$tid]" "TLUNS[$tid]" "TUSER[$tid]" "TSECRET[$tid]"
}
pick() { local k=("${!TNAME[@]}"); [ ${#k[@]} -gt 0 ] && echo ${k[$(r ${#k[@]})]}; }

session() {
  local tid=$(pick); [ -z "$tid" ] && return
  local t=${TNAME[$tid]} u=${TUSER[$tid]} s=${TSECRET[$tid]} l=${TLUNS[$tid]:-1}
  local extra="ncmd=$((1 + $(r 4))) luns=$l"
  [ $(r 6) = 0 ] && extra="$extra nologout=1"
  case $(r 10) in
    0) $CLI session target=$t user=${u:-nobody} secret=wrong$RANDOM $extra ;;       # bad CHAP secret
    1) $CLI session target=$t user=ghost$RANDOM secret=whatever$RANDOM $extra ;;   # unknown CHAP user
    2) $CLI session target=iqn.2026-12.org.example:missing-$RANDOM $extra ;;        # no such target
    3) $CLI session target=$t $extra ;;                                             # no CHAP
    *) if [ -n "$u" ]; then $CLI session target=$t user=$u secret=$s $extra; else $CLI session target=$t $extra; fi ;;
  esac
}

start_tgtd
for i in 1 2 3; do new_target; done
END=$((SECONDS + DURATION)); RESTARTED=0
while [ $SECONDS -lt $END ]; do
  case $(r 30) in
    0|1|2|3|4|5|6|7|8|9|10|11) session >/dev/null 2>&1 ;;
    12|13) ( session >/dev/null 2>&1 & session >/dev/null 2>&1 & wait ) ;;
    14) $CLI discovery >/dev/null 2>&1 ;;
    15) $CLI garbage >/dev/null 2>&1 ;;
    16) tid=$(pick); [ -n "$tid" ] && $CLI dropmid target=${TNAME[$tid]} >/dev/null 2>&1 ;;
    17) tid=$(pick); [ -n "$tid" ] && $CLI badop target=${TNAME[$tid]} >/dev/null 2>&1 ;;
    18) [ ${#TNAME[@]} -lt 5 ] && new_target ;;
    19) tid=$(pick); [ -n "$tid" ] && [ ${#TNAME[@]} -gt 1 ] && del_target $tid ;;
    20) tid=$(pick); [ -n "$tid" ] && { lun=$((1 + $(r 4))); if [ $(r 2) = 0 ]; then new_lun $tid $lun; else TA --op delete --mode logicalunit --tid $tid --lun $lun; fi; }
        TA --op new --mode logicalunit --tid $((50 + $(r 9))) --lun 1 -b "$DISKS/none-$RANDOM.img" ;;   # missing target / file
    21) tid=$(pick); [ -n "$tid" ] && TA --op new --mode logicalunit --tid $tid --lun $((1 + $(r 3))) -b "$DISKS/missing-$RANDOM.img" ;;
    22) tid=$(pick); [ -n "$tid" ] && { TA --op unbind --mode target --tid $tid -I ALL; TA --op unbind --mode target --tid $tid -I 127.0.0.1
        session >/dev/null 2>&1; TA --op bind --mode target --tid $tid -I ALL; TA --op bind --mode target --tid $tid --initiator-name iqn.2026-12.org.example:init-$(r 999); } ;;
    23) tid=$(pick); [ -n "$tid" ] && TA --op update --mode target --tid $tid --name $( echo MaxRecvDataSegmentLength FirstBurstLength MaxOutstandingR2T DefaultTime2Wait NoSuchParam | tr ' ' '\n' | shuf -n1) --value $((512 * (1 + $(r 128)))) ;;
    24) TA --op update --mode sys --name debug --value off; sleep 0.$((2 + $(r 8)));
        for k in 1 2 3; do session >/dev/null 2>&1; done; TA --op update --mode sys --name debug --value on ;;
    25) tid=$(pick); [ -n "$tid" ] && { TA --op update --mode target --tid $tid --name state --value offline; session >/dev/null 2>&1; TA --op update --mode target --tid $tid --name state --value ready; } ;;
    26) tid=$(pick); [ -n "$tid" ] && { TA --op unbind --mode account --tid $tid --user ${TUSER[$tid]:-nobody$RANDOM}; TA --op delete --mode account --user gone$RANDOM; TA --op show --mode account; TA --op bind --mode account --tid $tid --user ${TUSER[$tid]:-nobody$RANDOM}; } ;;
    27) TA --op show --mode target; tgtadm -C $CTL --op show --mode sys >/dev/null 2>&1; TA --op new --mode target --tid $(( $(pick) + 0 )) -T iqn.2026-12.org.example:dup-$RANDOM ;;
    28) TA --op new --mode portal --param portal=127.0.0.1:$((27261 + $(r 5))); TA --op show --mode portal; TA --op delete --mode portal --param portal=127.0.0.1:$((27261 + $(r 5))) ;;
    29) if [ $RESTARTED = 0 ] && [ $SECONDS -gt $((END - DURATION / 2)) ]; then
          RESTARTED=1; stop_tgtd; NEXT_TID=1; unset TNAME TSECRET TUSER TLUNS; declare -A TNAME TSECRET TUSER TLUNS
          start_tgtd; for i in 1 2; do new_target; done
        else
          tid=$(pick); [ -n "$tid" ] && $CLI session target=${TNAME[$tid]} user=${TUSER[$tid]:-x} secret=${TSECRET[$tid]:-y} ncmd=$((6 + $(r 8))) luns=${TLUNS[$tid]:-1} >/dev/null 2>&1
        fi ;;
  esac
  sleep 0.$((1 + $(r 5)))
done
stop_tgtd
