#!/bin/bash
# Randomised workload for the LPRng lpd. Runs itself inside a private mount namespace so
# that the private configuration in etc/ is seen at /etc/lprng by lpd and the clients only.
D=/work/round30/lprng
if [ -z "$IN_NS" ]; then
  exec env IN_NS=1 unshare -m --propagation private bash "$0" "$@"
fi
cd "$D" || exit 1
mount --bind "$D/etc" /etc/lprng || exit 1
rm -rf run spool
mkdir -p run/out spool
for q in lp1 lp2 dead sock fwd nowhere all; do mkdir -p spool/$q; done
touch run/lpd.log run/out/lp1.out run/out/lp2.out
chown -R daemon:lp run spool
N=${N:-60}
LPD_DEBUG=${LPD_DEBUG:--D 1}
PIDS=()
start_lpd() {
  /usr/sbin/lpd -F -L "$D/run/lpd.log" $LPD_DEBUG >/dev/null 2>&1 &
  echo $! > run/lpd.pid; sleep 1
}
stop_lpd() { kill "$(cat run/lpd.pid)" 2>/dev/null; sleep 1; }
python3 fake_printer.py 14516 >/dev/null 2>&1 &
PRN=$!
start_lpd
USERS=(root alice bob mallory banned)
NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
words=(alpha beta gamma report memo invoice draft notes)
job() {  # printer
  local u=${USERS[RANDOM % ${#USERS[@]}]} w=${words[RANDOM % ${#words[@]}]}
  printf '%s line %d\n' "$w" $RANDOM | timeout 20 lpr -P"$1" -U "$u" -J "$w-$RANDOM" >/dev/null 2>&1
}
# first round: each operation once in random order, then random picks
PLAN=($(seq 0 23 | shuf))
for ((n=0; n<N; n++)); do
  op=$((RANDOM % 24))
  [ $n -lt ${#PLAN[@]} ] && op=${PLAN[n]}
  case $op in
    0|1|2) job lp1 ;;
    3) job lp2 ;;
    4) job all ;;
    5) job fwd ;;
    6) job nowhere ;;
    7) job dead ;;
    8) job sock ;;
    9) timeout 10 lpr -Pnosuchprinter /etc/hostname >/dev/null 2>&1 ;;
    10) timeout 10 lpq -P$(shuf -n1 -e lp1 lp2 all dead nosuch) >/dev/null 2>&1 ;;
    11) timeout 10 lpq -a -l >/dev/null 2>&1 ;;
    12) timeout 10 lprm -P$(shuf -n1 -e lp1 lp2 dead) >/dev/null 2>&1 ;;
    13) timeout 10 $NOBODY lprm -Plp1 - >/dev/null 2>&1 ;;
    14) timeout 10 lpc status all >/dev/null 2>&1 ;;
    15) q=$(shuf -n1 -e lp1 lp2 dead); timeout 10 lpc $(shuf -n1 -e hold release disable enable stop start topq) $q all >/dev/null 2>&1 ;;
    16) timeout 10 $NOBODY lpc $(shuf -n1 -e stop down kill reread) lp1 >/dev/null 2>&1 ;;
    17) timeout 10 lpc $(shuf -n1 -e reread lpd printcap badcommand) >/dev/null 2>&1 ;;
    18|19) timeout 15 python3 lpd_garbage.py >/dev/null 2>&1 ;;
    20) timeout 10 lpc down lp2 "out for service" >/dev/null 2>&1; job lp2; timeout 10 lpc up lp2 >/dev/null 2>&1 ;;
    21) kill -HUP "$(cat run/lpd.pid)" 2>/dev/null ;;
    22) stop_lpd; job lp1; start_lpd ;;
    23) timeout 10 lpc redirect dead lp1 >/dev/null 2>&1; sleep 1; timeout 10 lpc redirect dead off >/dev/null 2>&1 ;;
  esac
  # a bad request from a misbehaving client now and then
  [ $((RANDOM % 3)) -eq 0 ] && timeout 15 python3 lpd_garbage.py >/dev/null 2>&1
  sleep 0.$((RANDOM % 5))
done
sleep 3
stop_lpd
kill $PRN 2>/dev/null
wait $PRN 2>/dev/null
