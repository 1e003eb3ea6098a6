#!/bin/bash
# Round-13 corpus workload: OpenSSH sshd 9.2p1 (Debian 12 `openssh-server`), a second private sshd
# on 127.0.0.1:26022 with its own config and host keys, `LogLevel DEBUG1`, logging to a file with
# `-E $OUT/sshd.log` (the system's own sshd, if any, is never touched). Randomised clients
# (OpenSSH ssh/sftp/scp, sshpass, raw sockets): key and password logins, wrong users and passwords,
# denied and locked users, forwarding requests allowed and refused, sftp, commands with exit codes,
# disconnects, rejected ciphers/MACs/KEX, garbage banners, MaxStartups floods, grace timeouts,
# SIGHUP reloads and a restart.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
#   apt-get install -y openssh-server openssh-client sshpass python3   (done below if missing)
set -u
OUT=${1:-/work/round13/sshd}; DURATION=${2:-400}
mkdir -p "$OUT"; OUT=$(readlink -f "$OUT")
W=/tmp/r13ssh; PORT=26022
command -v sshd >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y openssh-server
command -v sshpass >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y sshpass
mkdir -p $W /run/sshd; rm -f "$OUT/sshd.log"
for t in ed25519 ecdsa rsa; do [ -f $W/host_$t ] || ssh-keygen -q -t $t -N '' -f $W/host_$t; done
for k in k1:ed25519 k2:rsa k3:ecdsa stranger:ed25519; do n=${k%%:*}; [ -f $W/$n ] || ssh-keygen -q -t ${k#*:} -N '' -f $W/$n -C "$n@client"; done
# users: sam (key+password), tina (key, forwarding limits), uma (forced command), vic (password only),
# lock (locked account), deny (DenyUsers), nosh (nologin shell)
declare -A PW=([r13sam]=Sam-pass1 [r13tina]=Tina-pass2 [r13uma]=Uma-pass3 [r13vic]=Vic-pass4 [r13lock]=Lock-pass5 [r13deny]=Deny-pass6 [r13nosh]=Nosh-pass7)
for u in "${!PW[@]}"; do
  id $u >/dev/null 2>&1 || useradd -m -d $W/home/$u -s /bin/bash $u
  echo "$u:${PW[$u]}" | chpasswd
  mkdir -p $W/home/$u/.ssh; : > $W/home/$u/.ssh/authorized_keys
done
usermod -s /usr/sbin/nologin r13nosh; usermod -L r13lock
cat $W/k1.pub $W/k3.pub >> $W/home/r13sam/.ssh/authorized_keys
cat $W/k2.pub >> $W/home/r13tina/.ssh/authorized_keys
cat $W/k1.pub >> $W/home/r13uma/.ssh/authorized_keys
cat $W/k2.pub >> $W/home/r13lock/.ssh/authorized_keys
cat $W/k3.pub >> $W/home/r13deny/.ssh/authorized_keys
printf 'from="127.0.0.9",no-pty %s\n' "$(cat $W/k2.pub)" >> $W/home/r13vic/.ssh/authorized_keys
for u in "${!PW[@]}"; do chown -R $u: $W/home/$u; chmod 700 $W/home/$u/.ssh; chmod 600 $W/home/$u/.ssh/authorized_keys; done
chmod 666 $W/home/r13nosh/.ssh/authorized_keys   # bad modes: StrictModes refuses it

write_conf() {  # $1 = MaxAuthTries, $2 = LoginGraceTime
cat > $W/sshd_config <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $W/host_ed25519
HostKey $W/host_ecdsa
HostKey $W/host_rsa
PidFile $W/sshd.pid
LogLevel DEBUG1
PermitRootLogin no
StrictModes yes
PubkeyAuthentication yes
AuthorizedKeysFile .ssh/authorized_keys
PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM yes
MaxAuthTries $1
MaxSessions 3
LoginGraceTime $2
MaxStartups 5:50:10
DenyUsers r13deny
AllowTcpForwarding yes
PermitOpen 127.0.0.1:26030 127.0.0.1:26031
PermitListen 127.0.0.1:26040 127.0.0.1:26041
X11Forwarding no
AllowAgentForwarding yes
PermitTunnel no
AcceptEnv LANG LC_*
ClientAliveInterval 5
ClientAliveCountMax 2
Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes256-ctr
MACs hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256
KexAlgorithms curve25519-sha256,sntrup761x25519-sha512@openssh.com,diffie-hellman-group16-sha512
Subsystem sftp internal-sftp
PrintMotd no
Match User r13uma
    AllowTcpForwarding no
    ForceCommand /bin/echo forced-command
Match User r13tina
    MaxAuthTries 2
    PermitTTY no
Match Address 127.0.0.7
    PasswordAuthentication no
CONF
}
write_conf 4 12
/usr/sbin/sshd -f $W/sshd_config -E "$OUT/sshd.log"
sleep 1
# a TCP echo server as forwarding target on 26030 (26031 stays closed)
python3 - <<'PY' & ECHO=$!
import socket, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', 26030)); s.listen(20)
def h(c):
    try:
        while True:
            d = c.recv(4096)
            if not d: break
            c.sendall(d)
    except Exception: pass
    c.close()
while True:
    c, _ = s.accept(); threading.Thread(target=h, args=(c,), daemon=True).start()
PY

SSHO=(-F /dev/null -p $PORT -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR
      -o IdentitiesOnly=yes -o ConnectTimeout=10 -o ServerAliveInterval=3)
r() { echo $((RANDOM % $1)); }
src() { local a=(1 1 1 2 3 4 7 9 12 33); echo 127.0.0.${a[$(r ${#a[@]})]}; }
pick() { local a=("$@"); echo "${a[$(r $#)]}"; }
CMDS=("uptime" "ls -la" "id" "whoami; exit 3" "cat /etc/hostname" "false" "sleep 1" "df -h /"
      "head -c 2000 /dev/urandom | wc -c" "echo \$SSH_CONNECTION" "ls /nonexistent" "exit 42" "true")
keyuser() { case $(r 4) in 0|1) echo "r13sam k1" ;; 2) echo "r13tina k2" ;; 3) echo "r13sam k3" ;; esac; }
sftp_batch() {
  local f=$W/batch.$$.$RANDOM; : > $f
  for _ in $(seq 1 $((1 + $(r 6)))); do
    case $(r 9) in
      0) head -c $((RANDOM * 7)) /dev/urandom > $W/up.bin; echo "-put $W/up.bin up-$RANDOM.bin" >> $f ;;
      1) echo "-ls -l" >> $f ;;
      2) echo "-mkdir d$(r 9)" >> $f ;;
      3) echo "-rmdir d$(r 9)" >> $f ;;
      4) echo "-get nothere-$(r 50).txt $W/dl.bin" >> $f ;;
      5) echo "-get .bashrc $W/dl.bin" >> $f ;;
      6) echo "-rename .profile .profile" >> $f ;;
      7) echo "-chmod 600 .bashrc" >> $f ;;
      8) echo "-cd /tmp/does-not-exist" >> $f ;;
    esac
  done
  echo "$f"
}

# a shuffled plan: every kind of client at least once, the cheap failures several times
# (LogLevel DEBUG1 writes 30-90 lines per connection); DURATION caps the run time.
PLAN=$(printf '%s\n' 0 1 2 4 5 6 7 8 9 10 10 11 12 12 12 12 13 14 15 16 17 18 19 20 21 21 22 22 23 24 25 26 27 28 29 29 | shuf)
END=$((SECONDS + DURATION)); n=0
for kind in $PLAN; do
  [ $SECONDS -lt $END ] || break
  n=$((n + 1)); S=$(src)
  case $kind in
    0|1|2|3) set -- $(keyuser)   # key login + command
       timeout 30 ssh "${SSHO[@]}" -b $S -i $W/$2 -o BatchMode=yes $1@127.0.0.1 "$(pick "${CMDS[@]}")" >/dev/null 2>&1 ;;
    4|5) u=$(pick r13sam r13vic r13uma r13tina)   # good password
       timeout 30 sshpass -p "${PW[$u]}" ssh "${SSHO[@]}" -b $S -o PubkeyAuthentication=no $u@127.0.0.1 "$(pick "${CMDS[@]}")" >/dev/null 2>&1 ;;
    6|7|8) u=$(pick r13sam r13vic r13tina r13uma r13lock root)   # wrong password(s)
       timeout 30 sshpass -p "wrong$RANDOM" ssh "${SSHO[@]}" -b $S -o PubkeyAuthentication=no -o NumberOfPasswordPrompts=$((1 + $(r 4))) $u@127.0.0.1 true >/dev/null 2>&1 ;;
    9|10) u=$(pick admin oracle test guest ubuntu postgres git user$(r 100) deploy pi)   # unknown user
       timeout 30 sshpass -p "pw$RANDOM" ssh "${SSHO[@]}" -b $S -o PubkeyAuthentication=no -o NumberOfPasswordPrompts=$((1 + $(r 3))) $u@127.0.0.1 true >/dev/null 2>&1 ;;
    11) u=$(pick r13sam r13tina r13vic admin r13uma)   # unknown key
       timeout 30 ssh "${SSHO[@]}" -b $S -i $W/stranger -o BatchMode=yes $u@127.0.0.1 true >/dev/null 2>&1 ;;
    12) case $(r 5) in   # denied / locked / nologin / root / key from wrong address
         0) timeout 30 ssh "${SSHO[@]}" -b $S -i $W/k3 -o BatchMode=yes r13deny@127.0.0.1 true ;;
         1) timeout 30 ssh "${SSHO[@]}" -b $S -i $W/k2 -o BatchMode=yes r13lock@127.0.0.1 true ;;
         2) timeout 30 sshpass -p "${PW[r13nosh]}" ssh "${SSHO[@]}" -b $S -o PubkeyAuthentication=no r13nosh@127.0.0.1 true ;;
         3) timeout 30 ssh "${SSHO[@]}" -b $S -i $W/k1 -o BatchMode=yes root@127.0.0.1 true ;;
         4) timeout 30 ssh "${SSHO[@]}" -b $(pick 127.0.0.1 127.0.0.9) -i $W/k2 -o BatchMode=yes r13vic@127.0.0.1 -t true ;;
       esac >/dev/null 2>&1 ;;
    13|14) set -- $(keyuser)   # local forwards, allowed, closed and denied
       p=$(pick 26030 26030 26031 26032 26033); lp=$((26100 + $(r 400)))
       timeout 20 ssh "${SSHO[@]}" -b $S -i $W/$2 -o BatchMode=yes -o ExitOnForwardFailure=yes -L $lp:127.0.0.1:$p $1@127.0.0.1 sleep 3 >/dev/null 2>&1 &
       sleep 1.5; for _ in $(seq 1 $((1 + $(r 3)))); do echo "ping $RANDOM" | timeout 2 python3 -c "
import socket,sys
try:
    s=socket.create_connection(('127.0.0.1',$lp),timeout=1); s.sendall(sys.stdin.read().encode()); s.recv(100)
except Exception: pass" ; done; wait $! 2>/dev/null ;;
    15) set -- $(keyuser)   # remote forwards, allowed and refused
       rp=$(pick 26040 26041 26042 26050)
       timeout 15 ssh "${SSHO[@]}" -b $S -i $W/$2 -o BatchMode=yes -R 127.0.0.1:$rp:127.0.0.1:26030 $1@127.0.0.1 sleep 2 >/dev/null 2>&1 ;;
    16) u=$(pick r13uma r13sam)   # forced command / forwarding disabled for uma; agent + X11 requests
       eval "$(ssh-agent -s)" >/dev/null; ssh-add -q $W/k1 2>/dev/null
       timeout 20 ssh "${SSHO[@]}" -b $S -i $W/k1 -o BatchMode=yes -A -X -o ForwardX11Trusted=no -L $((26500 + $(r 300))):127.0.0.1:26030 -o SendEnv=LANG -o SetEnv="FOO=bar$RANDOM" $u@127.0.0.1 "$(pick "${CMDS[@]}")" >/dev/null 2>&1
       ssh-agent -k >/dev/null 2>&1 ;;
    17|18) set -- $(keyuser)   # sftp
       b=$(sftp_batch); timeout 30 sftp -F /dev/null -P $PORT -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o IdentitiesOnly=yes -o BindAddress=$S -i $W/$2 -b $b $1@127.0.0.1 >/dev/null 2>&1; rm -f $b ;;
    19) set -- $(keyuser)   # scp both ways
       head -c $((RANDOM * 3)) /dev/urandom > $W/scp.bin
       timeout 30 scp -q -F /dev/null -P $PORT -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes -i $W/$2 $W/scp.bin $1@127.0.0.1:file-$RANDOM.bin >/dev/null 2>&1
       timeout 30 scp -q -F /dev/null -P $PORT -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes -i $W/$2 $1@127.0.0.1:$(pick .bashrc .profile missing.txt) $W/scp.out >/dev/null 2>&1 ;;
    20|21) case $(r 5) in   # rejected algorithms
         0) o="-c $(pick aes128-cbc aes192-cbc 3des-cbc aes128-ctr)" ;;
         1) o="-m $(pick hmac-md5 hmac-sha1 umac-64@openssh.com hmac-sha1-etm@openssh.com)" ;;
         2) o="-o KexAlgorithms=$(pick diffie-hellman-group14-sha1 diffie-hellman-group1-sha1 ecdh-sha2-nistp256 diffie-hellman-group-exchange-sha1)" ;;
         3) o="-o HostKeyAlgorithms=$(pick ssh-dss ssh-rsa)" ;;
         4) o="-c $(pick aes256-ctr aes256-gcm@openssh.com chacha20-poly1305@openssh.com)" ;;
       esac
       set -- $(keyuser); timeout 20 ssh "${SSHO[@]}" -b $S -i $W/$2 -o BatchMode=yes $o $1@127.0.0.1 true >/dev/null 2>&1 ;;
    22) python3 - "$S" $PORT <<'PY'   # garbage / partial protocol
import socket, sys, random, time
s = socket.socket(); s.bind((sys.argv[1], 0)); s.settimeout(5); s.connect(('127.0.0.1', int(sys.argv[2])))
k = random.randrange(6)
try:
    if k == 0: s.sendall(b'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
    elif k == 1: s.sendall(b'SSH-1.5-OldClient\r\n')
    elif k == 2: s.sendall(b'SSH-2.0-RawProbe_%d\r\n' % random.randint(1, 999) + bytes(random.getrandbits(8) for _ in range(random.randint(10, 400))))
    elif k == 3: s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(5, 60))) + b'\r\n')
    elif k == 4: s.sendall(b'SSH-2.0-Scanner\r\n'); s.recv(100)
    time.sleep(random.random())
    s.recv(300)
except Exception: pass
s.close()
PY
       ;;
    23) fl=()
        for _ in $(seq 1 $((6 + $(r 4)))); do   # MaxStartups flood of idle connections
          timeout $((3 + $(r 3))) python3 -c "
import socket,time
s=socket.create_connection(('127.0.0.1',$PORT)); time.sleep(6)" >/dev/null 2>&1 & fl+=($!)
        done; sleep 1; wait "${fl[@]}" ;;
    24) timeout 20 python3 -c "   # login grace timeout
import socket,time
s=socket.socket(); s.bind(('$S',0)); s.connect(('127.0.0.1',$PORT)); s.sendall(b'SSH-2.0-Slowpoke\r\n'); time.sleep(15)" >/dev/null 2>&1 & ;;
    25) set -- $(keyuser)   # session killed from the client side
       timeout 20 ssh "${SSHO[@]}" -b $S -i $W/$2 -o BatchMode=yes $1@127.0.0.1 "sleep 30" >/dev/null 2>&1 & p=$!
       sleep $((1 + $(r 3))); kill -$(pick TERM KILL) $p 2>/dev/null; wait $p 2>/dev/null ;;
    26) set -- $(keyuser)   # multiplexed sessions (MaxSessions)
       c=$W/mux.$RANDOM
       timeout 20 ssh "${SSHO[@]}" -b $S -i $W/$2 -o BatchMode=yes -o ControlMaster=yes -o ControlPath=$c -N -f $1@127.0.0.1 >/dev/null 2>&1
       mx=(); for _ in $(seq 1 $((2 + $(r 4)))); do timeout 10 ssh "${SSHO[@]}" -o ControlPath=$c $1@127.0.0.1 "$(pick "${CMDS[@]}")" >/dev/null 2>&1 & mx+=($!); done
       wait "${mx[@]}"; timeout 5 ssh "${SSHO[@]}" -o ControlPath=$c -O exit $1@127.0.0.1 >/dev/null 2>&1 ;;
    27) u=$(pick r13sam r13vic)   # password refused from 127.0.0.7 / pty request / ssh -N -T
       timeout 20 sshpass -p "${PW[$u]}" ssh "${SSHO[@]}" -b $(pick 127.0.0.7 $S) -o PubkeyAuthentication=no -tt $u@127.0.0.1 "$(pick "${CMDS[@]}")" >/dev/null 2>&1 ;;
    28) write_conf $((2 + $(r 5))) $((8 + $(r 10))); kill -HUP $(cat $W/sshd.pid) ;;   # reload with a changed config (SIGHUP)
    29) if [ $(r 2) = 0 ]; then   # full restart, or a reload with a broken config (sshd keeps running)
          kill -TERM $(cat $W/sshd.pid); sleep 1; /usr/sbin/sshd -f $W/sshd_config -E "$OUT/sshd.log"
        else
          write_conf 3 10; echo "Ciphers aes512-nonsense" >> $W/sshd_config; kill -HUP $(cat $W/sshd.pid); sleep 1
          write_conf 4 12; /usr/sbin/sshd -f $W/sshd_config -E "$OUT/sshd.log" 2>/dev/null
        fi ;;
  esac
  sleep $((1 + $(r 2))).$(r 10)
done
sleep 16   # let background clients (grace-timeout probes) finish
kill -TERM $(cat $W/sshd.pid); kill $ECHO
sleep 1
echo "actions: $n; lines: $(wc -l < "$OUT/sshd.log")"
