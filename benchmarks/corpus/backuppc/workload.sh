#!/bin/bash
# Randomised BackupPC workload. Runs itself inside a private mount namespace where the folder's
# run/etc is bind-mounted on /etc/backuppc (BackupPC's fixed ConfDir); TopDir, LogDir and RunDir
# are in run/. Clients are local directories (rsync over a local "ssh" stand-in, tar, an rsync
# daemon on 127.0.0.1:29873 with good and bad passwords, missing shares, unresolvable and
# unpingable hosts, a failing pre-dump command, a slow host). Drives backups, stops, restores,
# archives, deletes, nightly runs, reloads (HUP, CGI, config/hosts edits, broken config),
# unknown and garbage commands, rsync daemon deaths, server restarts and shutdowns.
D=$(cd "$(dirname "$0")" && pwd); R=$D/run
if [ "${1:-}" != inner ]; then exec unshare -m --propagation private "$0" inner; fi
set -u
rm -rf "$R"; "$D/setup.sh" "$R"; mount --bind "$R/etc" /etc/backuppc
BIN=/usr/share/backuppc/bin; C="$D/client.sh $R"; LOG=$R/log/LOG
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
HOSTS=(alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron rho sigma tau upsilon)
GOOD=(alpha beta gamma nu)
rsyncd_start() { rsync --daemon --config="$R/rsyncd/rsyncd.conf"; sleep 0.5; cat "$R/rsyncd/rsyncd.pid" >> "$R/started.pids"; }
rsyncd_stop() { [ -f "$R/rsyncd/rsyncd.pid" ] && kill "$(cat "$R/rsyncd/rsyncd.pid")"; sleep 0.5; rm -f "$R/rsyncd/rsyncd.pid"; }
bpc_pid() { cat "$R/run/BackupPC.pid" 2>/dev/null; }
bpc_start() { $BIN/BackupPC -d >> "$R/launcher.out" 2>&1; sleep 2; echo "$(bpc_pid)" >> "$R/started.pids"; }
bpc_wait_exit() { local p=$1; for i in $(seq 60); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.5; done; }
churn() { # change client data so later backups have work
  local h=$(pick alpha beta gamma shared lambda)
  for i in $(seq $((RANDOM % 6))); do head -c $((RANDOM * 2)) /dev/urandom > "$R/src/$h/sub$((RANDOM%3))/n$RANDOM.bin"; done
  ls "$R/src/$h"/sub*/f* 2>/dev/null | shuf -n $((RANDOM % 3)) | xargs -r rm -f
  echo "changed $RANDOM" >> "$R/src/$h/settings.conf"; }
share() { case $1 in gamma) echo gamma ;; nu) echo "$R/src/gamma" ;; *) echo "$R/src/$1" ;; esac; }
lastnum() { awk -F'\t' 'END{print $1}' "$R/data/pc/$1/backups" 2>/dev/null; }

rsyncd_start
bpc_start
$BIN/BackupPC -d >> "$R/launcher.out" 2>&1   # second instance must refuse to start
$C mesg backup all; sleep 20
end=$(( $(date +%s) + ${BPC_SECONDS:-900} ))
while [ "$(date +%s)" -lt $end ] && [ "$(wc -l < "$LOG")" -lt 2700 ]; do
  churn
  case $(( RANDOM % 26 )) in
    0|1|24|25) $C mesg backup all ;;
    2|3|4) h=$(pick "${HOSTS[@]}" "${GOOD[@]}"); $C mesg backup "$h" "$h" "$(pick admin root bob)" "$(pick 0 1 -1 0)" ;;
    5) $C mesg backup ghost "$(pick ghost nosuch$RANDOM)" admin 1 ;;
    6) $C mesg backup mu mu admin 1; sleep $((2 + RANDOM % 5)); $C mesg stop mu admin "$(pick 0 1 '')" ;;
    7) h=$(pick "${HOSTS[@]}"); $C mesg stop "$h" "$(pick admin bob)" "$(pick 0 '' 2)" ;;
    8|9) h=$(pick "${GOOD[@]}"); n=$(lastnum "$h"); [ -n "$n" ] && $C restore "$h" "$(pick "$h" "$h" beta alpha)" "$n" "$(share "$h")" ;;
    10) $C restore alpha "$(pick ghost nosuch)" 0 / ;;
    11) a=$(pick alpha beta nu); $C archive "$a" "$(lastnum "$a")" $( ((RANDOM%2)) && echo "gamma $(lastnum gamma)" ) ;;
    12) h=$(pick "${GOOD[@]}"); n=$(awk -F'\t' 'NR==1{print $1}' "$R/data/pc/$h/backups" 2>/dev/null); [ -n "$n" ] && $C mesg delete admin "$h" "$n" -r ;;
    13) $C mesg delete admin "$(pick ghost nosuch)" 3 -r ;;
    14) $C mesg BackupPC_nightly run; (( RANDOM % 2 )) && { sleep 0.3; $C mesg BackupPC_nightly run; } ;;
    15) case $((RANDOM % 3)) in 0) kill -HUP "$(bpc_pid)" ;; 1) $C mesg server reload ;; 2) $C cgi admin action=Reload ;; esac ;;
    16) # hosts file edit: add or drop a few throw-away hosts
        if grep -q '^tmp' "$R/etc/hosts" && (( RANDOM % 3 )); then sed -i '/^tmp/d' "$R/etc/hosts"
        else for i in $(seq $((1 + RANDOM % 3))); do echo "tmp$RANDOM 0 root" >> "$R/etc/hosts"; done; fi
        (( RANDOM % 2 )) && kill -HUP "$(bpc_pid)" || $C mesg server reload ;;
    17) # broken then repaired main config
        cp "$R/etc/config.pl" "$R/etc/config.pl.good"; echo '$Conf{MaxBackups} = ;' >> "$R/etc/config.pl"
        kill -HUP "$(bpc_pid)"; sleep 1; cp "$R/etc/config.pl.good" "$R/etc/config.pl"; kill -HUP "$(bpc_pid)" ;;
    18) $C mesg "$(pick 'status host(ghost)' 'status bogus' 'hostMutex ghost 1 test' 'hostMutexGet ghost' 'DHCP 127.0.0.99 nohost' 'frobnicate all' 'status jobs' 'status queues')" ;;
    19) $C garbage ;;
    20) rsyncd_stop; $C mesg backup gamma gamma admin 0; sleep $((3 + RANDOM % 5)); rsyncd_start ;;
    21) $C cgi "$(pick admin admin bob nobody)" "$(pick 'action=Stop_Dequeue_Backup&host=mu&doit=1&backoff=1' 'action=browse&host=ghost' 'action=view&type=LOG' 'host=alpha' 'action=Start_Incr_Backup&host=beta&doit=1' 'action=Start_Full_Backup&host=nosuch&doit=1' 'action=Reload' 'action=summary' 'action=bogus')" ;;
    22) # restart the server: clean shutdown or a signal
        p=$(bpc_pid)
        case $((RANDOM % 3)) in 0) $C mesg server shutdown ;; 1) kill -TERM "$p" ;; 2) kill -INT "$p" ;; esac
        bpc_wait_exit "$p"; sleep 1; bpc_start ;;
    23) h=$(pick alpha beta nu); $C mesg backup "$h" "$h" root 1; $C mesg backup "$h" "$h" root 0 ;;
  esac
  sleep $((RANDOM % 4))
done
p=$(bpc_pid); $C mesg server shutdown; bpc_wait_exit "$p"
rsyncd_stop
