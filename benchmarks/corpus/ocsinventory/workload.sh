#!/bin/bash
# Randomised workload for ocsinventory-agent. Runs itself inside a private net+mount namespace.
set -m
D=/work/round44/ocsinventory
if [ -z "$R44E_IN_NS" ]; then export R44E_IN_NS=1; exec "$D/ns.sh" "$D/workload.sh" "$@"; fi
W=/tmp/round44-r44e/ocs
rm -rf "$W"; mkdir -p "$W/var" "$W/local" "$W/etc"
# the agent reads /etc/ocsinventory/*: give it our own copy (private mount namespace only)
cp "$D/etc/modules.conf" "$W/etc/"
printf 'basevardir=%s/var\nlogfile=%s/agent.log\n' "$W" "$W" > "$W/etc/ocsinventory-agent.cfg"
mount --bind "$W/etc" /etc/ocsinventory
# a small user and group list for this fake machine (private mount namespace only)
printf 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\n' > "$W/passwd"
printf 'root:x:0:\ndaemon:x:1:\nusers:x:100:alice\nalice:x:1000:\n' > "$W/group"
mount --bind "$W/passwd" /etc/passwd; mount --bind "$W/group" /etc/group
LOG=$W/agent.log; : > "$LOG"
RANDOM=44093
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

python3 "$D/fakeocs.py" 48101 & PS=$!
sleep 1
S=http://127.0.0.1:48101

agent() { timeout 300 ocsinventory-agent --debug --logfile="$LOG" "$@" >/dev/null 2>&1; }

runs=${1:-60}
for i in $(seq 1 $runs); do
  case $((RANDOM % 9)) in 0) printf 'basevardir=%s/var\n' "$W" > "$W/etc/ocsinventory-agent.cfg";;
    1) printf 'basevardir=%s/var\nserver=%s/ok/ocsinventory\ntag=r44\n' "$W" "$S" > "$W/etc/ocsinventory-agent.cfg";;
    2) printf 'this is not a config\n=\n' > "$W/etc/ocsinventory-agent.cfg";;
    3|4) printf 'basevardir=%s/var\ncron=1\n' "$W" > "$W/etc/ocsinventory-agent.cfg";; esac
  sw=$(pick --nosoftware --nosoftware --nosoftware "")
  bv="--basevardir=$W/var"
  case $((RANDOM % 26)) in
    0|1) agent $bv --local="$W/local" --nosoftware ;;
    2) agent --basevardir=/proc/r44e-no-such-dir --server="$S/stop/ocsinventory" ;;
    3) agent $bv --local="$W/nosuch/dir" --nosoftware ;;
    4) agent $bv --nosoftware --server="$S/ok/ocsinventory" --tag="T$RANDOM" ;;
    5|6|7) agent $bv --server="$S/stop/ocsinventory" $(pick "" "--lazy" "--tag=x$RANDOM") ;;
    8|9) agent $bv --server="$S/err500/ocsinventory" $(pick "" "--lazy") ;;
    10) agent $bv --server="$S/notthere/ocsinventory" ;;
    11|12) agent $bv --server="http://127.0.0.1:48102/ocsinventory" $(pick "" "--lazy" "--lazy") ;;
    13) agent $bv --server="$S/garbage/ocsinventory" ;;
    14) agent $bv --server="$S/badxml/ocsinventory" ;;
    15) agent $bv --server="$S/auth/ocsinventory" $(pick "" "--user=admin --password=wrong$RANDOM --realm=OCSr44" "--user=admin --password=x") ;;
    16|17) agent $bv --server="$S/options/ocsinventory" ;;
    18) agent $bv --server="$S/noreply/ocsinventory" ;;
    19) agent $bv --server="127.0.0.1:48101/stop/ocsinventory" ;;
    20) agent $bv --server="https://127.0.0.1:48101/stop/ocsinventory" --ssl=$(pick 0 1) $(pick "" "--ca=$W/nosuch-ca.pem") ;;
    21) agent --basevardir=/proc/r44e-no-such-dir --local="$W/local" --nosoftware ;;
    22) agent $bv --wait=$((1 + RANDOM % 3)) --server="$S/stop/ocsinventory" ;;
    23) agent $bv --lazy --server="$S/stop/ocsinventory" ;;
    24) agent $bv --scan-homedirs --backend-collect-timeout=$(pick 1 5 600) --local="$W/local" $sw ;;
    25) agent $bv --force --nosoftware --server="$S/$(pick ok err500 garbage)/ocsinventory" ;;
  esac
done
kill $PS; wait 2>/dev/null
lines=$(wc -l < "$LOG")
if [ "$lines" -gt 2500 ]; then start=$((lines - 2500 + 1)); sed -n "${start},\$p" "$LOG" > "$D/ocsinventory.log"; else cp "$LOG" "$D/ocsinventory.log"; fi
wc -l "$D/ocsinventory.log"
