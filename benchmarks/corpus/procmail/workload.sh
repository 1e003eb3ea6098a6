#!/bin/bash
# Randomised workload for procmail as a delivery agent.
D=/work/round30/procmail
cd "$D" || exit 1
rm -rf run raw.log
mkdir -p run/mail run/outq run/mail/lists
echo "this is a plain file" > run/notadir
PM=/usr/bin/procmail
KINDS=(plain plain plain urgent invoice report filterme badfilter pipecheck pipefail archive
       slowpoke hold stale brokenbox nolockdir autoreply bounce list shared shared headeronly
       spam extra extra dup loop switch)
seed=$((RANDOM * 1000))
deliver() {  # kind
  seed=$((seed+1)); python3 gen_mail.py "$1" $seed | $PM "$D/rc.main" 2>>"$D/raw.log"
}
N=${N:-150}
# first round: every scenario and every kind once, in random order; then random picks
PLAN=($(for c in 0 1 2 3 4 5 6 7; do echo "c$c"; done; for k in "${KINDS[@]}"; do echo "k$k"; done | sort -u))
PLAN=($(printf '%s\n' "${PLAN[@]}" | shuf))
for ((n=0; n<N; n++)); do
  k=${KINDS[RANDOM % ${#KINDS[@]}]}
  c=$((RANDOM % 15))
  if [ $n -lt ${#PLAN[@]} ]; then
    p=${PLAN[n]}
    if [ "${p:0:1}" = c ]; then c=${p:1}; else c=99; k=${p:1}; fi
  fi
  case $c in
    0) # concurrent deliveries fighting over one lock
       for j in 1 2 3; do seed=$((seed+1)); python3 gen_mail.py hold $seed | $PM "$D/rc.main" 2>>"$D/raw.log" & done; wait ;;
    1) # stale lock file left behind by a dead delivery
       touch -d '1 hour ago' run/mail/stale.lock; deliver stale ;;
    2) # broken rcfile
       seed=$((seed+1)); python3 gen_mail.py plain $seed | $PM "$D/rc.broken" 2>>"$D/raw.log" ;;
    3) # rcfile that switches and mismatches HOST
       seed=$((seed+1)); python3 gen_mail.py switch $seed | $PM "$D/rc.host" 2>>"$D/raw.log" ;;
    4) # missing rcfile, settings from the command line
       seed=$((seed+1)); python3 gen_mail.py plain $seed | $PM VERBOSE=on LOGABSTRACT=all LOGFILE="$D/raw.log" \
         MAILDIR="$D/run/mail" DEFAULT="$D/run/mail/inbox" "$D/run/missing.rc" 2>>"$D/raw.log" ;;
    5) # re-inject an autoreply (loop)
       f=$(ls run/outq 2>/dev/null | head -n 1)
       if [ -n "$f" ]; then $PM "$D/rc.main" < "run/outq/$f" 2>>"$D/raw.log"; rm -f "run/outq/$f"; else deliver loop; fi ;;
    6) # garbage input
       head -c $((RANDOM % 400 + 10)) /dev/urandom | tr -d '\000' | $PM "$D/rc.main" 2>>"$D/raw.log" ;;
    7) # empty message
       $PM "$D/rc.main" < /dev/null 2>>"$D/raw.log" ;;
    *) deliver "$k" ;;
  esac
done
