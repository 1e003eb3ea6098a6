#!/bin/bash
# Randomised workload for rkhunter: many short runs with different options,
# tampered property databases, changed user files, broken configurations,
# failed updates, lock contention. All state lives in ./work; the log is
# ./work/rk.log (appended by every run).
D=/work/round29/rkhunter
W=$D/work
F=$W/files
LOG=$W/rk.log
rm -rf "$W"
mkdir -p "$W/db" "$W/tmp" "$W/lock" "$F/bin" "$F/etc" "$F/ssh" "$F/susp" "$F/logs" "$F/xinetd.d"
cp -a /var/lib/rkhunter/db/. "$W/db/"
rm -f "$W/db/rkhunter.dat"

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
coin() { [ $((RANDOM % 100)) -lt "${1:-50}" ]; }

# ---- user files watched by the properties test
for n in alpha beta gamma delta; do
  printf '#!/bin/sh\necho %s %s\n' "$n" "$RANDOM" > "$F/bin/$n"; chmod 755 "$F/bin/$n"
done
echo "setting=$RANDOM" > "$F/etc/app.conf"
# ---- ssh / syslog / inetd configs for the system_configs and trojans tests
if coin; then
  printf 'Port 20022\nPermitRootLogin yes\nProtocol 2,1\n' > "$F/ssh/sshd_config"
else
  printf 'Port 20022\nPermitRootLogin %s\nProtocol 2\n' "$(pick no prohibit-password without-password)" > "$F/ssh/sshd_config"
fi
if coin; then
  printf '*.* @127.0.0.1:20514\nauth.* @@127.0.0.1:20515\n' > "$F/rsyslog.conf"
else
  printf '*.* /var/log/all.log\n' > "$F/rsyslog.conf"
fi
printf 'telnet stream tcp nowait root /usr/sbin/tcpd in.telnetd\nshell stream tcp nowait root /usr/sbin/tcpd in.rshd\n#ftp stream tcp nowait root /usr/sbin/tcpd in.ftpd\n' > "$F/inetd.conf"
printf 'defaults\n{\n}\nincludedir %s\n' "$F/xinetd.d" > "$F/xinetd.conf"
printf 'service telnet\n{\n  disable = no\n  server = /usr/sbin/in.telnetd\n}\n' > "$F/xinetd.d/telnet"
printf 'service echo\n{\n  disable = yes\n}\n' > "$F/xinetd.d/echo"
: > "$F/logs/empty.log"
echo "x" > "$F/logs/present.log"
# ---- suspicious-content scan directory
printf 'eval(base64_decode("aGVsbG8="));\nnc -l -p 31337 -e /bin/sh\n' > "$F/susp/dropper.php"
printf '#!/bin/sh\necho hello\n' > "$F/susp/plain.sh"
head -c 2048 /dev/urandom > "$F/susp/blob.bin"

BASE=$W/rkhunter.conf
sed -e "s#^TMPDIR=.*#TMPDIR=$W/tmp#" -e "s#^DBDIR=.*#DBDIR=$W/db#" \
    -e "s#^LOGFILE=.*#LOGFILE=$LOG#" -e 's#^USE_SYSLOG=.*#USE_SYSLOG=NONE#' \
    -e '/^ENABLE_TESTS=/d' -e '/^DISABLE_TESTS=/d' /etc/rkhunter.conf > "$BASE"
cat >> "$BASE" <<EOF
APPEND_LOG=1
ENABLE_TESTS=ALL
DISABLE_TESTS=deleted_files $(pick "suspscan hidden_ports" "hidden_procs" "packet_cap_apps" "apps suspscan")
USER_FILEPROP_FILES_DIRS=$F/bin
USER_FILEPROP_FILES_DIRS=$F/etc/app.conf
EXCLUDE_USER_FILEPROP_FILES_DIRS=$F/bin/delta
SSH_CONFIG_DIR=$F/ssh
SYSLOG_CONFIG_FILE=$F/rsyslog.conf
ALLOW_SYSLOG_REMOTE_LOGGING=$(pick 0 1)
ALLOW_SSH_ROOT_USER=$(pick no yes unset)
INETD_CONF_PATH=$F/inetd.conf
INETD_ALLOWED_SVC=$(pick telnet "" )
XINETD_CONF_PATH=$F/xinetd.conf
MISSING_LOGFILES=$F/logs/missing.log $F/logs/present.log
EMPTY_LOGFILES=$F/logs/empty.log $F/logs/present.log
SUSPSCAN_DIRS=$F/susp
SUSPSCAN_TEMP=$W/tmp
SUSPSCAN_THRESH=$(pick 10 50 200)
SCAN_MODE_DEV=LAZY
ALLOWHIDDENDIR=$(pick /etc/.java /dev/.udev)
ALLOWHIDDENFILE=/etc/.pwd.lock
PWDLESS_ACCOUNTS=nobody
UID0_ACCOUNTS=toor
IPC_SEG_SIZE=$(pick 1048576 65536 4096)
SHOW_SUMMARY_WARNINGS_NUMBER=1
SHOW_SUMMARY_TIME=1
LOCKDIR=$W/lock
SHOW_LOCK_MSGS=1
EOF
cp "$BASE" "$W/base.conf"

RK="rkhunter --configfile $BASE --nocolors --sk"
run() { echo "== $*" >> "$W/commands.txt"; timeout 900 "$@" > "$W/last.out" 2>&1; echo "rc=$?" >> "$W/commands.txt"; }

QUICK=(system_configs group_accounts startup_files trojans ipc_shared_mem promisc sniffer_logs login_backdoors susp_dirs tripwire os_specific shared_libs running_procs filesystem apps ports hidden_procs packet_cap_apps suspscan hidden_ports)
subset() {
  local n=$1 out="" t
  for t in $(printf '%s\n' "${QUICK[@]}" | shuf -n "$n"); do out="$out${out:+,}$t"; done
  echo "$out"
}

# 1. check before any property database exists
run $RK --check --enable "properties,group_accounts,$(subset 2)"
# 2. unknown option, bad test name, version check and update without network
run $RK --check --enable no_such_test
run $RK --versioncheck
run $RK --update
# 3. configuration check: a good and a broken configuration
run $RK --config-check
BAD=$W/bad.conf
cp "$BASE" "$BAD"
cat >> "$BAD" <<EOF
$(pick "SCRIPTWHITELIST=/usr/bin/nonexistent-script" "HASH_CMD=/usr/bin/nohash" "PKGMGR=FOO")
$(pick "LOCK_TIMEOUT=abc" "SCAN_MODE_DEV=FAST" "IPC_SEG_SIZE=big")
NOT_AN_OPTION=1
EOF
run rkhunter --configfile "$BAD" --nocolors --sk --config-check
run rkhunter --configfile "$BAD" --nocolors --sk --check --enable group_accounts
# 4. build the file properties database (all of it, then single entries)
run $RK --propupd
run $RK --propupd "$F/bin/$(pick alpha beta gamma)"
coin && run $RK --propupd /usr/bin/nonexistent-file
# 5. tamper: change user files, the stored database and the saved passwd/group copies
echo "echo changed $RANDOM" >> "$F/bin/$(pick alpha beta)"
chmod "$(pick 700 775 4755)" "$F/bin/gamma"
coin && rm -f "$F/bin/beta"
echo "new=$RANDOM" >> "$F/etc/app.conf"
printf '#!/bin/sh\necho new\n' > "$F/bin/epsilon"; chmod 755 "$F/bin/epsilon"
DAT=$W/db/rkhunter.dat
for i in 1 2 3; do
  ln=$(grep -n '^File:0:/usr/bin/' "$DAT" | shuf -n1 | cut -d: -f1)
  fld=$(pick 4 5 6 7 9 10)   # hash inode perm uid size mtime
  case $fld in
    4) val=$(head -c 32 /dev/urandom | sha256sum | cut -c1-64) ;;
    6) val=$(pick 0777 4755 0700) ;;
    10) val=$((1600000000 + RANDOM * 100)) ;;
    *) val=$((RANDOM % 900 + 100)) ;;
  esac
  awk -F: -v OFS=: -v ln="$ln" -v f="$fld" -v v="$val" 'NR==ln{$f=v}1' "$DAT" > "$DAT.new" && mv "$DAT.new" "$DAT"
done
coin && echo 'File:0:/usr/bin/vanished-tool:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef:4242:0755:0:0:100:1700000000::0::' >> "$DAT"
[ -f "$W/tmp/passwd" ] && { echo "intruder:x:0:0::/root:/bin/sh" >> "$W/tmp/passwd"; coin && sed -i '/^nobody:/d' "$W/tmp/passwd"; }
[ -f "$W/tmp/group" ] && { echo "hackers:x:4242:" >> "$W/tmp/group"; sed -i '0,/^adm:/s/^adm:\([^:]*\):\([0-9]*\):.*/adm:\1:\2:eve/' "$W/tmp/group"; }
# 6. property checks with the tampered database, sometimes another hash function
run $RK --check --enable properties $(coin 40 && pick "--hash SHA1" "--hash MD5" "--hash SHA512")
# 7. lock contention: two checks at once with locking on
LK=$W/lock.conf
cp "$BASE" "$LK"; printf 'USE_LOCKING=1\nLOCK_TIMEOUT=%s\n' "$(pick 3 5)" >> "$LK"
rkhunter --configfile "$LK" --nocolors --sk --check --enable "group_accounts,$(subset 1)" > "$W/lk1.out" 2>&1 &
P1=$!
sleep 1
run rkhunter --configfile "$LK" --nocolors --sk --check --enable system_configs
wait $P1
run rkhunter --configfile "$LK" --nocolors --sk --unlock
# 8. several checks with random test sets; the group_accounts test sees the edited copies
run $RK --check --enable "group_accounts,local_host,$(subset 4)"
run $RK --check --enable "$(subset 5)" --disable "$(pick ports filesystem apps)"
coin && run $RK --check --enable "additional_rkts" --disable possible_rkt_strings
run $RK --check --enable "network,malware,$(subset 3)" $(coin && echo --novl)
run $RK --check --enable "startup_files,system_configs,trojans,$(subset 2)"
run $RK --check --enable "$(subset 6)"
echo "== done" >> "$W/commands.txt"
