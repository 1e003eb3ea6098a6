#!/bin/bash
# Round-17 corpus workload: Dropbear SSH server 2022.83 (Debian 12 package dropbear-bin),
# `dropbear -F -E -p 127.0.0.1:42201` with its own host keys, stderr appended to $OUT/dropbear.log.
# The server is restarted every ~20 s with a different option set (root/password/group/blank/
# two-factor/forced-command/forwarding restrictions, max tries, idle and keepalive timeouts).
# Clients: OpenSSH ssh (through sshpass) and dbclient: password and key logins, wrong passwords,
# unknown/locked/blank/bad-shell users, forced commands, forwarding, idle and frozen sessions,
# algorithm mismatches, garbage, bare connects.
# Run as root on Debian 12:  bash workload.sh OUT_DIR [DURATION_SECONDS]
# Needs: apt-get install dropbear-bin openssh-client sshpass python3 curl
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
PORT=42201
W=/tmp/r17db; mkdir -p "$W" "$OUT"; rm -f "$OUT/dropbear.log"
LOG="$OUT/dropbear.log"
cd "$W"
# host keys
[ -f hk_ed ] || dropbearkey -t ed25519 -f hk_ed >/dev/null 2>&1
[ -f hk_rsa ] || dropbearkey -t rsa -s 2048 -f hk_rsa >/dev/null 2>&1
[ -f hk_ec ] || dropbearkey -t ecdsa -s 256 -f hk_ec >/dev/null 2>&1
# client keys (OpenSSH format)
for t in ed25519 rsa ecdsa; do [ -f ck_$t ] || ssh-keygen -q -t $t -N '' -f ck_$t; done
ssh-keygen -q -t ed25519 -N '' -f ck_stranger <<<y >/dev/null 2>&1
getent group r17grp >/dev/null || groupadd r17grp
mkuser() { # name shell password
  id "$1" >/dev/null 2>&1 || useradd -m -s "$2" "$1"
  usermod -s "$2" "$1"
  [ -n "$3" ] && echo "$1:$3" | chpasswd
}
mkuser r17alice /bin/bash alicepw1; mkuser r17bob /bin/bash bobpw22; mkuser r17carol /bin/false carolpw3
mkuser r17dave /bin/bash davepw44; usermod -L r17dave
mkuser r17erin /bin/bash ""; passwd -d r17erin >/dev/null
mkuser r17frank /bin/bash frankpw5; mkuser r17grace /bin/bash gracepw6; usermod -aG r17grp r17grace
mkuser r17heidi /bin/sh heidipw7; usermod -aG r17grp r17heidi
setkeys() { # user perms lines...
  local u=$1 p=$2; shift 2; local h; h=$(getent passwd "$u" | cut -d: -f6)
  mkdir -p "$h/.ssh"; printf '%s\n' "$@" > "$h/.ssh/authorized_keys"
  chown -R "$u:$u" "$h/.ssh"; chmod 700 "$h/.ssh"; chmod "$p" "$h/.ssh/authorized_keys"
}
setkeys r17alice 600 "$(cat ck_ed25519.pub)" "$(cat ck_rsa.pub)" "$(cat ck_ecdsa.pub)"
setkeys r17bob 600 "command=\"echo forced-\$USER\",no-port-forwarding,no-pty,no-agent-forwarding $(cat ck_ed25519.pub)" \
  "command=\"unterminated $(cat ck_rsa.pub)" "restrict $(cat ck_ecdsa.pub)"
setkeys r17frank 664 "$(cat ck_ed25519.pub)" "$(cat ck_rsa.pub)"
setkeys r17grace 600 "permitopen=\"127.0.0.1:42290\" $(cat ck_ed25519.pub)" "$(cat ck_ecdsa.pub)"
setkeys r17heidi 600 "permitopen=bad $(cat ck_rsa.pub)" "$(cat ck_ed25519.pub)"
echo "Authorised use only. Round 17 test host $RANDOM" > banner.txt

# a small HTTP target for forwarded connections
python3 -m http.server 42290 --bind 127.0.0.1 >/dev/null 2>&1 & echo $! > http.pid

OPTS=( "" "-w" "-g" "-s" "-G r17grp" "-B" "-B -w" "-t" "-t -T 4" "-c /usr/bin/id" "-c uptime -B" "-j -k" "-T 2" "-b $W/banner.txt" "-w -T 3" "-I 5" "-K 2 -I 30" "-K 1 -I 40" "-m -a" )
start_db() {
  local extra=$1
  # shellcheck disable=SC2086
  dropbear -F -E -p 127.0.0.1:$PORT -r hk_ed -r hk_rsa -r hk_ec -P "$W/db.pid" -I 12 -K 0 $extra 2>>"$LOG" &
  echo $! > "$W/db.pid.real"; sleep 0.7
}
stop_db() { kill "$(cat "$W/db.pid.real")" 2>/dev/null; sleep 0.5; }

SSHO=(-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=5 -p $PORT)
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
rndname() { echo "$(pick admin test oracle git ubuntu guest postgres user deploy pi ftp)$((RANDOM%100))"; }
pw_of() { case $1 in r17alice) echo alicepw1;; r17bob) echo bobpw22;; r17carol) echo carolpw3;; r17dave) echo davepw44;;
  r17frank) echo frankpw5;; r17grace) echo gracepw6;; r17heidi) echo heidipw7;; *) echo x;; esac; }
CMDS=("uptime" "id -un" "ls /tmp | wc -l" "echo hello-\$RANDOM" "sleep 1; date" "cat /etc/hostname" "false" "exit 3" "head -c 2000 /dev/urandom | wc -c")
sshpw() { # user password cmd [tries]
  timeout 15 sshpass -p "$2" ssh "${SSHO[@]}" -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive \
    -o NumberOfPasswordPrompts="${4:-1}" "$1@127.0.0.1" "$3" >/dev/null 2>&1
}
sshkey() { # user keytype cmd
  timeout 15 ssh "${SSHO[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -i "$W/ck_$2" "$1@127.0.0.1" "$3" </dev/null >/dev/null 2>&1
}
dbpw() { DROPBEAR_PASSWORD="$2" timeout 15 dbclient -y -y -p $PORT "$1@127.0.0.1" "$3" </dev/null >/dev/null 2>&1; }
raw() { # send bytes then close
  python3 - "$PORT" "$1" <<'PY' 2>/dev/null
import socket, sys, os, time, random
port = int(sys.argv[1]); kind = sys.argv[2]
s = socket.create_connection(("127.0.0.1", port), timeout=5)
try:
    if kind == "close":
        pass
    elif kind == "http":
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"); time.sleep(0.5)
    elif kind == "ssh1":
        s.recv(100); s.sendall(b"SSH-1.5-OldClient_%d\r\n" % random.randint(1, 99)); time.sleep(0.5)
    elif kind == "junk":
        s.recv(100); s.sendall(b"SSH-2.0-Junk_%d\r\n" % random.randint(1, 99)); time.sleep(0.3)
        s.sendall(os.urandom(random.randint(64, 600))); time.sleep(0.5)
    elif kind == "bigpkt":
        s.recv(100); s.sendall(b"SSH-2.0-Big\r\n"); time.sleep(0.2)
        s.sendall(b"\xff\xff\x00\x10" + os.urandom(60)); time.sleep(0.5)
    elif kind == "halfkex":
        s.recv(100); s.sendall(b"SSH-2.0-Half\r\n"); time.sleep(random.uniform(0.2, 1.0))
    s.recv(4096)
except Exception:
    pass
s.close()
PY
}

client_action() {
  local r=$((RANDOM % 30)) u
  case $r in
    0|1|2) u=$(pick r17alice r17bob r17grace r17heidi r17frank); sshpw "$u" "$(pw_of "$u")" "$(pick "${CMDS[@]}")";;
    3|4) u=$(pick r17alice r17bob r17grace r17heidi); sshpw "$u" "wrong$RANDOM" "true" $((1 + RANDOM % 4));;
    5|6) sshpw "$(rndname)" "pass$RANDOM" "true" $((1 + RANDOM % 3));;
    7|8|9) sshkey "$(pick r17alice r17alice r17grace r17heidi)" "$(pick ed25519 rsa ecdsa)" "$(pick "${CMDS[@]}")";;
    10) sshkey r17bob "$(pick ed25519 rsa ecdsa)" "uname -a";;
    11) sshkey r17frank "$(pick ed25519 rsa)" "true";;
    12) sshkey "$(pick r17alice r17grace)" stranger "true";;
    13) u=$(pick r17carol r17dave); sshpw "$u" "$(pw_of $u)" "true";;
    14) sshpw r17erin "" "true"; sshpw r17erin "notblank" "true";;
    15) sshpw root "rootpw$RANDOM" "true" $((1 + RANDOM % 2));;
    16) dbpw "$(pick r17alice r17bob r17grace)" "$(pick alicepw1 bobpw22 gracepw6 bad$RANDOM)" "$(pick "${CMDS[@]}")";;
    17) dbpw "$(rndname)" "x$RANDOM" "true";;
    18) sshpw "$(pick r17alice r17bob)" "$(head -c $((110 + RANDOM % 200)) /dev/zero | tr '\0' 'a')" "true";;
    19) # local forward used through curl
        timeout 8 ssh "${SSHO[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -i "$W/ck_$(pick ed25519 ecdsa)" \
          -N -L 127.0.0.1:$((42300 + RANDOM % 50)):127.0.0.1:$(pick 42290 42290 42299) "$(pick r17alice r17grace r17heidi r17bob)@127.0.0.1" &
        sleep 1.5; for p in $(seq 42300 42349); do curl -s -m 2 -o /dev/null "http://127.0.0.1:$p/" 2>/dev/null && break; done; wait;;
    20) # direct-tcpip via -W
        timeout 6 ssh "${SSHO[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -i "$W/ck_ed25519" \
          -W 127.0.0.1:$(pick 42290 42298 42291) "$(pick r17alice r17bob r17grace)@127.0.0.1" </dev/null >/dev/null 2>&1;;
    21) # remote forward
        timeout 5 ssh "${SSHO[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -i "$W/ck_rsa" -o ExitOnForwardFailure=no \
          -N -R 127.0.0.1:$((42400 + RANDOM % 50)):127.0.0.1:42290 "$(pick r17alice r17heidi)@127.0.0.1" >/dev/null 2>&1;;
    22) # idle session (idle timeout)
        timeout 20 ssh "${SSHO[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -i "$W/ck_ed25519" -N r17alice@127.0.0.1 >/dev/null 2>&1 &;;
    23) # frozen client (keepalive/idle timeout)
        timeout 30 ssh "${SSHO[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -i "$W/ck_ecdsa" -N r17alice@127.0.0.1 >/dev/null 2>&1 &
        local cp=$!; ( sleep 2; pkill -STOP -P $cp 2>/dev/null; sleep 20; pkill -CONT -P $cp 2>/dev/null ) & ;;
    24) timeout 6 ssh "${SSHO[@]}" -o BatchMode=yes -o Ciphers=aes256-cbc r17alice@127.0.0.1 true >/dev/null 2>&1
        timeout 6 ssh "${SSHO[@]}" -o BatchMode=yes -o KexAlgorithms=diffie-hellman-group1-sha1 r17alice@127.0.0.1 true >/dev/null 2>&1;;
    25) timeout 6 ssh "${SSHO[@]}" -o BatchMode=yes -o MACs=hmac-md5 r17alice@127.0.0.1 true >/dev/null 2>&1
        timeout 6 ssh "${SSHO[@]}" -o BatchMode=yes -o HostKeyAlgorithms=ssh-dss r17alice@127.0.0.1 true >/dev/null 2>&1;;
    26|27) raw "$(pick close http ssh1 junk bigpkt halfkex)";;
    28) # pty session with a few commands, then disconnect
        (sleep 1; echo "echo hi"; sleep 0.5; echo "exit $((RANDOM%3))") | timeout 8 ssh "${SSHO[@]}" -tt -o BatchMode=yes -o IdentitiesOnly=yes \
          -i "$W/ck_$(pick ed25519 rsa)" "$(pick r17alice r17grace r17bob)@127.0.0.1" >/dev/null 2>&1;;
    29) # key + password (two-factor servers need both)
        timeout 15 sshpass -p "$(pick alicepw1 alicepw1 nope)" ssh "${SSHO[@]}" -o IdentitiesOnly=yes -i "$W/ck_ed25519" \
          -o PreferredAuthentications=publickey,password r17alice@127.0.0.1 "id" >/dev/null 2>&1;;
  esac
}

CPIDS=()
waitc() { local p; for p in "${CPIDS[@]}"; do wait "$p" 2>/dev/null; done; CPIDS=(); }
END=$(( $(date +%s) + DURATION ))
start_db "-R -r $W/hk_gen_$RANDOM"   # generates a host key
rm -f "$W"/hk_gen_*
while [ "$(date +%s)" -lt "$END" ]; do
  PH_END=$(( $(date +%s) + 8 + RANDOM % 8 ))
  while [ "$(date +%s)" -lt "$PH_END" ]; do
    client_action &
    CPIDS+=($!)
    sleep "0.$((RANDOM % 9 + 1))"
    [ $((RANDOM % 3)) -eq 0 ] && waitc
  done
  waitc
  # occasional failing second instance / bad arguments
  case $((RANDOM % 5)) in
    0) dropbear -F -E -p 127.0.0.1:$PORT -r hk_ed -P "$W/x.pid" 2>>"$LOG";;
    1) dropbear -F -E -p 127.0.0.1:$PORT -r hk_ed -I "$(pick 1x never -)" 2>>"$LOG";;
    2) dropbear -F -E -p 127.0.0.1:$PORT -r hk_ed -K "k$RANDOM" 2>>"$LOG";;
    3) dropbear -F -E -p 127.0.0.1:$PORT -r hk_ed -T "$(pick zero x9)" 2>>"$LOG";;
    4) dropbear -F -E -p 127.0.0.1:$PORT -r "$W/missing_$RANDOM" -G nosuchgroup$RANDOM 2>>"$LOG";;
  esac
  stop_db
  start_db "$(pick "${OPTS[@]}")"
done
stop_db
kill "$(cat http.pid)" 2>/dev/null
waitc
echo "lines: $(wc -l < "$LOG")"
