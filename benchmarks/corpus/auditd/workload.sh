#!/bin/bash
# Round-12 corpus workload: Linux audit daemon (Debian 12 package auditd 3.0.9), own private config
# directory, log_format = RAW, for DURATION seconds (or until the log reaches MAXLINES lines) of a
# randomised workload on this host only (127.0.0.1; a private sshd on port 20222):
#   rules added/removed with auditctl (watches, syscall rules, duplicates, missing rules, a full
#   -D / -R reload), kernel settings (backlog, rate, failure, enable/disable), auditctl -m messages;
#   watched files read/written/renamed/deleted by scripts of several test users, denied and missing
#   opens, exec of programs, signals, crashes, connects, SysV IPC, POSIX message queues, capsets,
#   mounts and nftables/promiscuous changes in private namespaces; logins via sshd (good, wrong,
#   unknown user, pam_faillock lockouts, tty sessions), login(1) on a pty, su, sudo (allowed,
#   refused, wrong password), runuser; user and group management; auditd SIGHUP reconfigure with
#   and without config changes, SIGUSR1 rotation, SIGUSR2 resume, restarts, stop.
# Rotated log files are joined in order (oldest first) into $OUT/auditd.log, unchanged.
# Run as root on Debian 12 (the kernel must allow audit, no other auditd running):
#   bash workload.sh OUT_DIR [DURATION] [MAXLINES]
set -u
OUT=${1:?out dir}; DURATION=${2:-300}; MAXLINES=${3:-2300}
SCR=/tmp/r12aud
export DEBIAN_FRONTEND=noninteractive
command -v auditd >/dev/null || apt-get install -y auditd
command -v sshpass >/dev/null || apt-get install -y sshpass
command -v nft >/dev/null || apt-get install -y nftables
mkdir -p "$OUT"; rm -f "$OUT/auditd.log"
rm -rf "$SCR"; mkdir -p "$SCR"/{etc/plugins.d,log,bin,ssh,pkg,data/reports,secret}
chmod 755 "$SCR" "$SCR/data" "$SCR/data/reports"; chmod 700 "$SCR/secret"
echo "db_password=$RANDOM$RANDOM" > "$SCR/secret/db.cred"; chmod 600 "$SCR/secret/db.cred"
printf 'listen=%s\nworkers=%s\n' 127.0.0.1 $((RANDOM % 16 + 1)) > "$SCR/data/app.conf"; chmod 666 "$SCR/data/app.conf"
chmod 1777 "$SCR/data/reports"

# --- sshd from the Debian package, unpacked (no service started), PAM service "sshd-r12aud" ---
( cd "$SCR/pkg" && apt-get download openssh-server >/dev/null 2>&1; dpkg -x openssh-server_*.deb x )
cp "$SCR/pkg/x/usr/sbin/sshd" "$SCR/bin/sshd-r12aud"
CREATED_SSHD_USER=0
id sshd >/dev/null 2>&1 || { useradd -r -M -d /run/sshd -s /usr/sbin/nologin sshd; CREATED_SSHD_USER=1; }
mkdir -p /run/sshd; chmod 755 /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$SCR/ssh/host_ed25519" >/dev/null
cat > "$SCR/ssh/sshd_config" <<EOF
Port 20222
ListenAddress 127.0.0.1
HostKey $SCR/ssh/host_ed25519
PidFile $SCR/ssh/sshd.pid
UsePAM yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
PermitRootLogin no
MaxAuthTries 3
LoginGraceTime 15
LogLevel QUIET
EOF
cat > /etc/pam.d/sshd-r12aud <<'EOF'
auth       required     pam_faillock.so preauth deny=3 unlock_time=25
auth       [success=1 default=bad] pam_unix.so
auth       [default=die] pam_faillock.so authfail deny=3 unlock_time=25
auth       sufficient   pam_faillock.so authsucc deny=3 unlock_time=25
account    required     pam_faillock.so
account    required     pam_nologin.so
@include common-account
session    required     pam_loginuid.so
session    required     pam_tty_audit.so enable=*
@include common-session
session    required     pam_limits.so
@include common-password
EOF

# --- helpers ---
cat > "$SCR/bin/ptyrun.py" <<'EOF'
import os, pty, sys, time, select, signal
# ptyrun.py PASSWORD AFTER_INPUT TIMEOUT cmd... : run cmd on a pty, answer each password prompt,
# then type AFTER_INPUT; kill it after TIMEOUT seconds
pw, after, limit, cmd = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
buf = b""; answered = 0; typed = False; end = time.time() + limit
while time.time() < end:
    r, _, _ = select.select([fd], [], [], 0.3)
    if r:
        try:
            d = os.read(fd, 4096)
        except OSError:
            break
        if not d:
            break
        buf += d
        if b"assword" in buf and answered < 3:
            time.sleep(0.1); os.write(fd, (pw + "\n").encode()); answered += 1; buf = b""
        elif b"login:" in buf and answered:
            break
    elif answered and not typed and after:
        os.write(fd, (after + "\n").encode()); typed = True
try:
    os.kill(pid, signal.SIGKILL)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
EOF
cat > "$SCR/bin/mq.py" <<'EOF'
import ctypes, os, sys
# mq.py NAME N: POSIX message queue: open, send N messages, receive them, unlink
rt = ctypes.CDLL("librt.so.1", use_errno=True)
name = sys.argv[1].encode(); n = int(sys.argv[2])
class attr(ctypes.Structure):
    _fields_ = [("f", ctypes.c_long), ("maxmsg", ctypes.c_long), ("msgsize", ctypes.c_long),
                ("cur", ctypes.c_long), ("r", ctypes.c_long * 4)]
a = attr(0, n + 2, 64 * (n + 1), 0)
q = rt.mq_open(name, os.O_CREAT | os.O_RDWR, 0o600, ctypes.byref(a))
buf = ctypes.create_string_buffer(64 * (n + 1))
for i in range(n):
    m = os.urandom(4).hex().encode() * (i + 1)
    rt.mq_send(q, m, len(m), i % 4)
for i in range(n):
    rt.mq_receive(q, buf, len(buf), None)
rt.mq_close(q); rt.mq_unlink(name)
EOF
cat > "$SCR/bin/conn.py" <<'EOF'
import socket, sys
# conn.py PORT...: TCP connects to 127.0.0.1 ports (refused or accepted)
for p in sys.argv[1:]:
    s = socket.socket(); s.settimeout(1)
    s.connect_ex(("127.0.0.1", int(p))); s.close()
EOF

# --- auditd with a private configuration directory ---
sed -e "s|^log_file.*|log_file = $SCR/log/audit.log|" -e 's|^log_format.*|log_format = RAW|' \
    -e "s|^plugin_dir.*|plugin_dir = $SCR/etc/plugins.d|" -e 's|^num_logs.*|num_logs = 40|' \
    -e 's|^max_log_file .*|max_log_file = 50|' /etc/audit/auditd.conf > "$SCR/etc/auditd.conf"
chmod 640 "$SCR/etc/auditd.conf"
start_auditd() { auditd -n -c "$SCR/etc" & AUDITD=$!; sleep 1; }
start_auditd

cat > "$SCR/etc/r12.rules" <<EOF
-b 640
-w $SCR/secret -p rwa -k secret-access
-w $SCR/data/app.conf -p wa -k conf-change
-w $SCR/data/reports -p wa -k reports
-a always,exit -F arch=b64 -S open,openat,creat,truncate -F exit=-EACCES -F uid>=61000 -F uid<61200 -k access-denied
-a always,exit -F arch=b64 -S open,openat,creat,truncate -F exit=-EPERM -F uid>=61000 -F uid<61200 -k access-denied
-a always,exit -F arch=b64 -S openat -F exit=-ENOENT -F dir=$SCR/data -k missing-file
-a always,exit -F arch=b64 -S unlink,unlinkat,rename,renameat,renameat2 -F dir=$SCR/data -k file-delete
-a always,exit -F arch=b64 -S execve -F uid>=61000 -F uid<61200 -k user-exec
-a always,exit -F arch=b64 -S execve -F auid>=61000 -F auid<61200 -k session-exec
-a always,exit -F arch=b64 -S kill,tkill,tgkill -F uid>=61000 -F uid<61200 -k signals
-a always,exit -F arch=b64 -S connect -F exe=/usr/bin/python3.11 -F uid>=61000 -F uid<61200 -k net-connect
-a always,exit -F arch=b64 -S pipe,pipe2 -F exe=/usr/bin/dash -F uid>=61000 -F uid<61200 -k pipes
-a always,exit -F arch=b64 -S capset -F exe=/usr/sbin/capsh -k caps
-a always,exit -F arch=b64 -S shmget,shmctl,msgget,msgctl,semget,semctl -F exe=/usr/bin/ipcmk -k sysv-ipc
-a always,exit -F arch=b64 -S shmctl,msgctl,semctl -F exe=/usr/bin/ipcrm -k sysv-ipc
-a always,exit -F arch=b64 -S mq_open,mq_unlink,mq_timedsend,mq_timedreceive -F uid>=61000 -F uid<61200 -k mqueue
-a always,exit -F arch=b64 -S mount,umount2 -F exe=/usr/bin/mount -k mounts
-a always,exit -F arch=b64 -S mount,umount2 -F exe=/usr/bin/umount -k mounts
-a always,exit -F arch=b64 -S mmap -F a2&4 -F exe=/usr/bin/md5sum -k mmap-exec
EOF
auditctl -R "$SCR/etc/r12.rules" >/dev/null

# --- users, groups, sudo ---
names=(ana bruno chen dmitri elif farah goran hana ines jonas kemal lena mateo nadia oskar priya)
pick() { echo "${names[$((RANDOM % ${#names[@]}))]}"; }
USERS=(); PASS=()
for i in 0 1 2 3; do
  u="au$(pick)$((RANDOM % 90 + 10))"; while id "$u" >/dev/null 2>&1; do u="au$(pick)$((RANDOM % 90 + 10))"; done
  p="Pw$RANDOM-$(pick)"
  useradd -u $((61000 + i * 20 + RANDOM % 20)) -m -s /bin/bash "$u"; echo "$u:$p" | chpasswd
  USERS+=("$u"); PASS+=("$p")
done
GRP="auproj$((RANDOM % 900 + 100))"; groupadd "$GRP"
printf '%s ALL=(root) /usr/bin/id, /usr/bin/ls, /usr/bin/cat, /usr/bin/tail\n' "${USERS[0]}" "${USERS[1]}" > /etc/sudoers.d/r12aud
chmod 440 /etc/sudoers.d/r12aud
"$SCR/bin/sshd-r12aud" -f "$SCR/ssh/sshd_config" -E "$SCR/ssh/sshd.err"; sleep 0.5

r() { echo $((RANDOM % $1)); }
ui() { r ${#USERS[@]}; }
asu() { local u=$1; shift; setpriv --reuid "$u" --regid "$u" --init-groups --reset-env -- "$@"; }
SO=(-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=5 -p 20222)
cmds=("id" "ls -la" "uname -r" "cat /etc/hostname" "date +%s" "ls $SCR/data" "cat $SCR/secret/db.cred" "tail -n 2 $SCR/data/app.conf" "echo x >> $SCR/data/app.conf" "ps -o pid,comm" "md5sum /etc/passwd")
progs=(ls id date uname md5sum sha1sum wc head gzip base64 find stat touch)
lines() { cat "$SCR"/log/audit.log* 2>/dev/null | wc -l; }
# --- stop (also on interruption): users and files removed while auditd still records, then rules,
# sshd and auditd; the rotated files are joined, oldest first
cleanup() {
  trap - EXIT INT TERM
  sleep 3; for j in $(jobs -p); do [ "$j" != "$AUDITD" ] && wait "$j" 2>/dev/null; done
  for u in "${USERS[@]}"; do faillock --user "$u" --reset; userdel -r -f "$u" 2>/dev/null; done
  groupdel "$GRP"; rm -f /etc/sudoers.d/r12aud
  kill "$(cat "$SCR/ssh/sshd.pid")"; rm -f /etc/pam.d/sshd-r12aud
  auditctl -D >/dev/null
  kill -TERM $AUDITD; wait $AUDITD 2>/dev/null
  auditctl -e 0 >/dev/null
  [ $CREATED_SSHD_USER = 1 ] && userdel sshd
  for n in $(ls "$SCR/log" | sed -n 's/^audit\.log\.\([0-9]*\)$/\1/p' | sort -nr); do cat "$SCR/log/audit.log.$n"; done > "$OUT/auditd.log"
  cat "$SCR/log/audit.log" >> "$OUT/auditd.log"
  wc -l "$OUT/auditd.log"
}
trap cleanup EXIT INT TERM
TEMPW=()
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ] && [ "$(lines)" -lt "$MAXLINES" ]; do
  k=$(ui); U=${USERS[$k]}; P=${PASS[$k]}
  case $(r 40) in
    0|1|2) asu "$U" sh -c "echo 'k$RANDOM=$RANDOM' >> $SCR/data/app.conf" ;;
    3) asu "$U" sh -c "cat $SCR/data/app.conf | wc -l >/dev/null" ;;
    4) asu "$U" cat "$SCR/secret/db.cred" 2>/dev/null; asu "$U" sh -c "echo hack >> /etc/passwd" 2>/dev/null ;;
    5) cat "$SCR/secret/db.cred" >/dev/null; [ $(r 2) = 0 ] && echo "rotated=$RANDOM" >> "$SCR/secret/db.cred" ;;
    6) asu "$U" cat "$SCR/data/missing-$RANDOM.txt" 2>/dev/null; asu "$U" ls "$SCR/data/nothing$(r 99)" 2>/dev/null ;;
    7) f="$SCR/data/reports/r$RANDOM.csv"; asu "$U" sh -c "seq $((RANDOM % 50)) > $f; mv $f $f.done"; [ $(r 3) = 0 ] && rm -f "$SCR"/data/reports/*.done ;;
    8) sed -i "s/^workers=.*/workers=$((RANDOM % 32 + 1))/" "$SCR/data/app.conf"; [ $(r 3) = 0 ] && chmod 66$(r 8) "$SCR/data/app.conf" ;;
    9) asu "$U" ${progs[$(r ${#progs[@]})]} "$SCR/data/app.conf" >/dev/null 2>&1; asu "$U" md5sum /etc/hostname >/dev/null ;;
    10|11) sshpass -p "$P" ssh "${SO[@]}" "$U@127.0.0.1" "${cmds[$(r ${#cmds[@]})]}" >/dev/null 2>&1 ;;
    12|13) sshpass -p "wrong$RANDOM" ssh "${SO[@]}" -o NumberOfPasswordPrompts=1 "$U@127.0.0.1" true >/dev/null 2>&1 & ;;
    14) sshpass -p "x$RANDOM" ssh "${SO[@]}" -o NumberOfPasswordPrompts=$((1 + $(r 2))) "$(pick)$(r 100)@127.0.0.1" true >/dev/null 2>&1 & ;;
    15) for j in 1 2 3; do sshpass -p "bad$j$RANDOM" ssh "${SO[@]}" -o NumberOfPasswordPrompts=1 "$U@127.0.0.1" true >/dev/null 2>&1; done
        sshpass -p "$P" ssh "${SO[@]}" "$U@127.0.0.1" id >/dev/null 2>&1
        [ $(r 2) = 0 ] && faillock --user "$U" --reset ;;
    16) (sleep 1; echo "${cmds[$(r ${#cmds[@]})]}"; sleep 0.5; echo "echo $RANDOM"; sleep 0.5; echo exit) | sshpass -p "$P" ssh -tt "${SO[@]}" "$U@127.0.0.1" >/dev/null 2>&1 ;;
    17) o=$(ui); [ $(r 3) = 0 ] && pw=${PASS[$o]} || pw="nope$RANDOM"
        asu "$U" /usr/bin/python3 "$SCR/bin/ptyrun.py" "$pw" '' 8 su "${USERS[$o]}" -c "${cmds[$(r ${#cmds[@]})]}" >/dev/null 2>&1 & ;;
    18) [ $(r 4) = 0 ] && pw="bad$RANDOM" || pw=$P
        asu "$U" /usr/bin/python3 "$SCR/bin/ptyrun.py" "$pw" '' 10 sudo -k ${cmds[$(r 6)]} >/dev/null 2>&1 & ;;
    19) [ $(r 3) = 0 ] && pw="bad$RANDOM" || pw=$P
        /usr/bin/python3 "$SCR/bin/ptyrun.py" "$pw" "${cmds[$(r ${#cmds[@]})]}; exit" 8 login "$U" >/dev/null 2>&1 & ;;
    20) runuser -u "$U" -- sh -c "${cmds[$(r ${#cmds[@]})]}" >/dev/null 2>&1 ;;
    21) key="tmp-$(pick)-$(r 100)"; f="$SCR/data/t$(r 1000).dat"; touch "$f"
        auditctl -w "$f" -p "$(echo rw wa rwa r w | tr ' ' '\n' | shuf -n1)" -k "$key" >/dev/null 2>&1
        TEMPW+=("$f|$key"); asu "$U" sh -c "cat $f; echo $RANDOM >> $f" >/dev/null 2>&1 ;;
    22) if [ ${#TEMPW[@]} -gt 0 ]; then i=$(r ${#TEMPW[@]}); e=${TEMPW[$i]}
          if [ $(r 2) = 0 ]; then auditctl -W "${e%%|*}" -k "${e##*|}" >/dev/null 2>&1; else rm -f "${e%%|*}"; fi
          unset "TEMPW[$i]"; TEMPW=("${TEMPW[@]}"); fi ;;
    23) case $(r 4) in
          0) auditctl -w "$SCR/data/app.conf" -p wa -k conf-change >/dev/null 2>&1 ;;
          1) auditctl -W "$SCR/data/gone$(r 50)" -k nothing >/dev/null 2>&1 ;;
          2) auditctl -a always,exit -F arch=b64 -S kill,tkill,tgkill -F uid\>=61000 -F uid\<61200 -k signals >/dev/null 2>&1 ;;
          3) auditctl -d always,exit -F arch=b64 -S chmod -F key=nokey$(r 9) >/dev/null 2>&1 ;;
        esac ;;
    24) auditctl -b $((512 + 64 * $(r 8))) >/dev/null; [ $(r 2) = 0 ] && auditctl -r $(( $(r 3) * 1000 )) >/dev/null
        [ $(r 2) = 0 ] && auditctl --backlog_wait_time $((5000 + 1000 * $(r 20))) >/dev/null ;;
    25) notes=("backup started" "maintenance window opened" "config audit by ops" "manual check of $(pick)" "patch run $RANDOM")
        auditctl -m "${notes[$(r ${#notes[@]})]} ticket=$RANDOM" ;;
    26) auditctl -e 0 >/dev/null; asu "$U" cat "$SCR/secret/db.cred" 2>/dev/null; sleep 0.$(r 9); auditctl -e 1 >/dev/null
        [ $(r 2) = 0 ] && { auditctl -f $((1 + $(r 2))) >/dev/null; auditctl --reset-lost >/dev/null; } ;;
    27) asu "$U" sh -c 'kill -SEGV $$' 2>/dev/null; [ $(r 2) = 0 ] && asu "$U" sh -c 'kill -ABRT $$' 2>/dev/null ;;
    28) asu "$U" sh -c "sleep 30 & kill -$(echo TERM HUP USR1 INT | tr ' ' '\n' | shuf -n1) \$!; kill -0 1" 2>/dev/null ;;
    29) ports=(); for j in $(seq $((1 + $(r 3)))); do ports+=($((20200 + $(r 200)))); done; asu "$U" /usr/bin/python3 "$SCR/bin/conn.py" 20222 "${ports[@]}" ;;
    30) asu "$U" ping -c1 -W1 127.0.0.1 >/dev/null 2>&1; capsh --drop=cap_$(echo net_raw sys_admin chown kill | tr " " "\n" | shuf -n1) -- -c true ;;
    31) case $(r 3) in
          0) id=$(asu "$U" ipcmk -M $((4096 * (1 + $(r 8)))) 2>/dev/null | awk '{print $NF}'); [ -n "$id" ] && ipcrm -m "$id" ;;
          1) id=$(asu "$U" ipcmk -Q 2>/dev/null | awk '{print $NF}'); [ -n "$id" ] && ipcrm -q "$id" ;;
          2) id=$(asu "$U" ipcmk -S $((1 + $(r 5))) 2>/dev/null | awk '{print $NF}'); [ -n "$id" ] && ipcrm -s "$id" ;;
        esac ;;
    32) asu "$U" /usr/bin/python3 "$SCR/bin/mq.py" "/q$(pick)$RANDOM" $((1 + $(r 3))) ;;
    33) t="t$(pick)$(r 99)"; c="c$(r 9)"; unshare -n sh -c "ip link set lo promisc on; nft add table inet $t; nft add chain inet $t $c '{ type filter hook input priority 0; }'; nft add rule inet $t $c tcp dport $((20200 + $(r 200))) drop 2>/dev/null; nft delete table inet $t; ip link set lo promisc off" 2>/dev/null ;;
    34) unshare -m sh -c "mount -t tmpfs -o size=$((1 + $(r 8)))m r12tmp /mnt && umount /mnt" ;;
    35) case $(r 6) in
          0) tu="tmp$(pick)$(r 100)"; useradd -M -s /usr/sbin/nologin "$tu" 2>/dev/null && userdel "$tu" ;;
          1) usermod -L "$U"; sleep 0.2; usermod -U "$U" ;;
          2) gpasswd -a "$U" "$GRP" >/dev/null; [ $(r 2) = 0 ] && gpasswd -d "$U" "$GRP" >/dev/null ;;
          3) NP="Pw$RANDOM-$(pick)"; echo "$U:$NP" | chpasswd && PASS[$k]=$NP ;;
          4) chage -M $((30 + $(r 300))) "$U" ;;
          5) tg="tmpgrp$(r 1000)"; groupadd "$tg" 2>/dev/null && groupdel "$tg" ;;
        esac ;;
    36) kill -HUP $AUDITD ;;
    37) if [ $(r 2) = 0 ]; then sed -i "s/^freq = .*/freq = $((20 + 10 * $(r 8)))/; s/^space_left = .*/space_left = $((60 + $(r 40)))/" "$SCR/etc/auditd.conf"; fi
        kill -HUP $AUDITD ;;
    38) case $(r 3) in 0) kill -USR1 $AUDITD ;; 1) kill -USR2 $AUDITD ;; 2) kill -USR1 $AUDITD; sleep 0.5; kill -HUP $AUDITD ;; esac ;;
    39) if [ $(r 3) = 0 ]; then kill -TERM $AUDITD; wait $AUDITD 2>/dev/null; sleep 1; start_auditd
        else auditctl -D >/dev/null; sleep 0.$(r 9); auditctl -R "$SCR/etc/r12.rules" >/dev/null 2>&1; TEMPW=(); fi ;;
  esac
  sleep 1.$(r 10); [ $(r 2) = 0 ] && sleep 1.$(r 10)
done

cleanup
