#!/bin/bash
# Round-13 corpus workload: Pure-FTPd 1.0.50 (Debian 12 package `pure-ftpd`), standalone on
# 127.0.0.1:26021, `-d -d` (debug: commands and replies) with `-1` (pid in syslog lines).
# Pure-FTPd only logs through syslog(3), so a private rsyslogd (Debian 12 `rsyslog`) with its own
# /dev/log socket writes facility `ftp` to $OUT/pureftpd.log (RSYSLOG_FileFormat). Both run inside a
# private mount namespace (a tmpfs over /dev there), so the host's /dev/log is never touched.
# Randomised ftplib/raw-socket clients (anonymous, virtual puredb users, system users, TLS, quotas,
# ratios, bad commands, floods, idle timeouts, restarts).
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
#   apt-get install -y pure-ftpd rsyslog openssl python3   (done below if missing)
set -u
OUT=${1:-/work/round13/pureftpd}; DURATION=${2:-240}
mkdir -p "$OUT"; OUT=$(readlink -f "$OUT")
W=/tmp/r13ftp
PORT=26021
if [ -z "${R13_NS:-}" ]; then
  command -v pure-ftpd >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y pure-ftpd
  command -v rsyslogd >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y rsyslog
  exec env R13_NS=1 unshare -m --propagation private bash "$0" "$OUT" "$DURATION"
fi
# ---- inside the private mount namespace: a private /dev with our own /dev/log
mkdir -p $W/realdev $W/rsyslog-work
mount --rbind /dev $W/realdev
mount -t tmpfs -o mode=755 r13dev /dev
for n in null zero random urandom full tty; do touch /dev/$n; mount --bind $W/realdev/$n /dev/$n; done
mkdir -p /dev/pts /dev/shm; mount --rbind $W/realdev/pts /dev/pts; mount --rbind $W/realdev/shm /dev/shm

rm -f "$OUT/pureftpd.log"
cat > $W/rsyslog.conf <<CONF
global(workDirectory="$W/rsyslog-work")
module(load="imuxsock" SysSock.Name="/dev/log" SysSock.RateLimit.Interval="0")
ftp.* action(type="omfile" file="$OUT/pureftpd.log" template="RSYSLOG_FileFormat")
CONF
rsyslogd -n -f $W/rsyslog.conf -i $W/rsyslog.pid & SYSLOGD=$!
sleep 1

# ---- accounts: system users, virtual users (puredb), anonymous (the `ftp` account)
for u in r13alice:Wonder1and r13bob:Bu1lder r13carol:Carol99 r13dave:Dave2024; do
  n=${u%%:*}; id $n >/dev/null 2>&1 || useradd -m -d $W/home/$n -s /bin/bash $n
  echo "$u" | chpasswd; mkdir -p $W/home/$n; chown $n: $W/home/$n
done
id r13vftp >/dev/null 2>&1 || useradd -r -d $W/virt -s /usr/sbin/nologin r13vftp
mkdir -p $W/virt; rm -f $W/pureftpd.passwd $W/pureftpd.pdb
PW="-f $W/pureftpd.passwd"
for v in vjoe:Joe123 vkim:Kim456 vsam:Sam789 vlee:Lee000 vmax:Max111 vzoe:Zoe222; do
  n=${v%%:*}; p=${v#*:}
  printf '%s\n%s\n' x x | pure-pw useradd $n $PW -u r13vftp -d $W/virt/$n >/dev/null
  # crypt(3) SHA-512 hashes instead of slow argon2 ones
  h=$(openssl passwd -6 "$p"); python3 - "$W/pureftpd.passwd" "$n" "$h" <<'PY'
import sys
path, user, h = sys.argv[1:]
lines = open(path).read().splitlines()
out = []
for l in lines:
    f = l.split(':')
    if f[0] == user:
        f[1] = h
    out.append(':'.join(f))
open(path, 'w').write('\n'.join(out) + '\n')
PY
done
pure-pw usermod vkim $PW -n 12 -N 1          # tiny quota
pure-pw usermod vsam $PW -y 1 -t 60          # one session, slow downloads
pure-pw usermod vlee $PW -R 127.0.0.5/32     # denied from one client address
pure-pw usermod vmax $PW -z 0300-0301        # allowed only at 03:00
pure-pw usermod vzoe $PW -q 1 -Q 2           # upload/download ratio
pure-pw mkdb $W/pureftpd.pdb $PW
mkdir -p /srv/ftp/r13pub /srv/ftp/r13incoming; chown ftp /srv/ftp/r13incoming
for i in 1 2 3 4 5; do head -c $((RANDOM * 3 + 100)) /dev/urandom > /srv/ftp/r13pub/pkg-$i.tar.gz; done
echo "hello" > /srv/ftp/r13pub/README
[ -f $W/cert.pem ] || openssl req -x509 -nodes -newkey rsa:2048 -days 365 -subj /CN=ftp.r13.test \
   -keyout $W/cert.pem -out $W/cert.pem 2>/dev/null

start_ftpd() {
  pure-ftpd -S 127.0.0.1,$PORT -1 -d -d -l puredb:$W/pureftpd.pdb -l unix -u 900 -A -j -H \
    -p 26100:26199 -C 6 -c 9 -I 1 -n 60:8 -y 3:2 -2 $W/cert.pem -Y 1 -g $W/pure.pid \
    -M -s -x -k 99 -U 022:022 -w -q 1:3 -J 'HIGH:!aNULL' $EXTRA &
  sleep 1
}
EXTRA=""
start_ftpd

# ---- the client
cat > $W/client.py <<'PY'
import ftplib, io, os, random, socket, ssl, sys, time
HOST, PORT = '127.0.0.1', int(sys.argv[1])
R = random.Random()
USERS = {'vjoe': 'Joe123', 'vkim': 'Kim456', 'vsam': 'Sam789', 'vlee': 'Lee000', 'vmax': 'Max111',
         'vzoe': 'Zoe222', 'r13alice': 'Wonder1and', 'r13bob': 'Bu1lder', 'r13carol': 'Carol99',
         'r13dave': 'Dave2024'}
WORDS = ['report', 'backup', 'photo', 'notes', 'data', 'log', 'invoice', 'draft', 'music', 'db']
def src(): return '127.0.0.%d' % R.choice([1, 1, 1, 2, 3, 4, 5, 7, 9, 23])
def fname(): return '%s-%d.%s' % (R.choice(WORDS), R.randint(1, 999), R.choice(['txt', 'bin', 'csv', 'gz']))
def blob(n=None): return io.BytesIO(os.urandom(n if n is not None else R.randint(0, 300000)))
def conn(tls=False):
    if tls:
        ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
        f = ftplib.FTP_TLS(context=ctx, timeout=20)
    else:
        f = ftplib.FTP(timeout=20)
    f.connect(HOST, PORT, source_address=(src(), 0))
    return f
def tryc(f, *cmds):
    for c in cmds:
        try: f.sendcmd(c)
        except Exception: pass
def t(fn, *a):
    try: return fn(*a)
    except Exception: return None
def files(f, user):
    names = t(f.nlst) or []
    return [n for n in names if n not in ('.', '..')]
def session(f, user, pw):
    f.login(user, pw)
    if R.random() < 0.5: f.set_pasv(R.random() < 0.8)
    for _ in range(R.randint(1, 7)):
        op = R.randrange(24)
        if op < 4:
            t(f.storbinary, 'STOR ' + fname(), blob())
        elif op == 4:
            t(f.storlines, 'STOR ' + fname(), io.BytesIO(b'line\n' * R.randint(1, 500)))
        elif op == 5:
            ns = files(f, user)
            if ns: t(f.retrbinary, 'RETR ' + R.choice(ns), lambda b: None)
        elif op == 6:
            t(f.retrbinary, 'RETR missing-%d.bin' % R.randint(1, 99), lambda b: None)
        elif op == 7:
            t(f.mkd, 'dir%d' % R.randint(1, 30))
        elif op == 8:
            t(f.rmd, 'dir%d' % R.randint(1, 30))
        elif op == 9:
            t(f.cwd, R.choice(['dir%d' % R.randint(1, 30), '/nowhere', '..', '/']))
        elif op == 10:
            ns = files(f, user)
            if ns:
                a = R.choice(ns); tryc(f, 'RNFR ' + a, 'RNTO ' + fname())
            else:
                tryc(f, 'RNFR ghost.txt')
        elif op == 11:
            ns = files(f, user)
            t(f.delete, R.choice(ns) if ns and R.random() < 0.7 else 'nofile-%d' % R.randint(1, 99))
        elif op == 12:
            t(f.retrlines, R.choice(['LIST', 'LIST -la', 'NLST', 'MLSD']), lambda l: None)
        elif op == 13:
            ns = files(f, user)
            n = R.choice(ns) if ns else 'x.txt'
            tryc(f, 'SIZE ' + n, 'MDTM ' + n, 'MLST ' + n)
        elif op == 14:
            ns = files(f, user)
            n = R.choice(ns) if ns else 'x.txt'
            tryc(f, 'SITE CHMOD %s %s' % (R.choice(['644', '600', '755', '777', '999', 'abc']), n))
        elif op == 15:
            tryc(f, *R.sample(['SYST', 'FEAT', 'NOOP', 'STAT', 'HELP', 'PWD', 'SITE HELP',
                               'SITE IDLE %d' % R.randint(10, 900), 'OPTS UTF8 ON', 'ALLO 500',
                               'TYPE X', 'STRU R', 'MODE B', 'TYPE L 7', 'CDUP', 'XPWD',
                               'REST abc', 'EPSV ALL', 'SITE FOO', 'CLNT test-client/%d' % R.randint(1, 9)],
                              R.randint(2, 5)))
        elif op == 16:
            tryc(f, R.choice(['XYZZY', 'HELLO world', 'GET / HTTP/1.0', 'SITE EXEC ls', 'PORT 1,2,3',
                              'PORT 127,0,0,1,0,21', 'PORT 10,9,8,7,100,1', 'EPRT |1|127.0.0.1|80|',
                              'PROT P', 'PBSZ 0', 'AUTH SSL', 'ADAT x', 'ESTA', 'RETR', 'STOR', 'MKD',
                              'A' * R.randint(10, 40)]))
        elif op == 17:
            n = fname(); t(f.storbinary, 'STOR ' + n, blob(R.randint(1000, 50000)))
            t(f.storbinary, 'APPE ' + n, blob(R.randint(10, 5000)))
            off = R.randint(1, 900)
            t(f.retrbinary, 'RETR ' + n, lambda b: None, 8192, off)
            t(f.retrbinary, 'RETR ' + n, lambda b: None, 8192, 10 ** 7)
        elif op == 18:
            t(f.storbinary, 'STOR .%s' % R.choice(['htaccess', 'profile', 'hidden']), blob(50))
        elif op == 19:
            # abort a download / upload half way
            ns = files(f, user)
            if ns:
                try:
                    c = f.transfercmd('RETR ' + R.choice(ns)); c.recv(100); c.close(); f.abort()
                except Exception: pass
        elif op == 20:
            t(f.mkd, 'dir%d' % R.randint(1, 30)); t(f.mkd, 'dir%d/sub%d' % (R.randint(1, 30), R.randint(1, 3)))
        elif op == 21:
            t(f.retrbinary, 'RETR ' + R.choice(['dir1', '.', '/etc/passwd', '../../etc/shadow']), lambda b: None)
        elif op == 22:
            t(f.storbinary, 'STOR big-%d.bin' % R.randint(1, 9), blob(R.randint(600000, 1500000)))
        else:
            tryc(f, 'STAT ' + R.choice(['.', '/', 'dir1', 'nope']))
    if R.random() < 0.8: t(f.quit)
    else: f.close()

def anon(tls=False):
    f = conn(tls)
    if tls: f.auth()
    f.login(R.choice(['anonymous', 'ftp']), 'guest%d@example.org' % R.randint(1, 99))
    if tls and R.random() < 0.6: f.prot_p()
    for _ in range(R.randint(1, 6)):
        op = R.randrange(11)
        if op == 0: t(f.retrlines, 'LIST r13pub', lambda l: None)
        elif op == 1: t(f.retrbinary, 'RETR r13pub/pkg-%d.tar.gz' % R.randint(1, 6), lambda b: None)
        elif op == 2: t(f.storbinary, 'STOR r13incoming/' + fname(), blob(R.randint(100, 2000000)))
        elif op == 3: t(f.mkd, 'r13incoming/up%d' % R.randint(1, 20))
        elif op == 4: t(f.delete, 'r13pub/README')
        elif op == 5: tryc(f, 'RNFR r13pub/README', 'RNTO r13pub/x')
        elif op == 6: tryc(f, 'SITE CHMOD 777 r13pub/README')
        elif op == 7: t(f.rmd, 'r13pub')
        elif op == 8:
            ns = t(f.nlst, 'r13incoming') or []
            if ns: t(f.retrbinary, 'RETR ' + R.choice(ns), lambda b: None)
        elif op == 9: t(f.storbinary, 'STOR r13pub/pkg-1.tar.gz', blob(100))
        else: t(f.cwd, R.choice(['r13pub', 'r13incoming', 'nowhere', '/']))
    t(f.quit)

def main(kind):
    if kind == 'anon': return anon(R.random() < 0.3)
    if kind == 'user':
        u = R.choice(list(USERS) + ['vkim', 'vkim']); tls = R.random() < 0.3
        f = conn(tls)
        if tls:
            f.auth()
            if R.random() < 0.5: f.prot_p()
        return session(f, u, USERS[u])
    if kind == 'badpass':
        f = conn(); u = R.choice(list(USERS) + ['root', 'admin', 'ghost%d' % R.randint(1, 99), 'test'])
        for _ in range(R.randint(1, 3)):
            try: f.login(u, 'wrong%d' % R.randint(1, 9999)); break
            except ftplib.error_perm: pass
            except Exception: return
        t(f.quit); return
    if kind == 'raw':
        s = socket.create_connection((HOST, PORT), source_address=(src(), 0)); s.settimeout(3); s.recv(4096)
        for line in R.sample([b'USER\r\n', b'PASS x\r\n', b'LIST\r\n', b'CWD /\r\n', b'\x16\x03\x01\x00\x10garbage\r\n',
                              b'X' * 3000 + b'\r\n', b'NOOP\r\n', b'QUIT\r\n', b'HELP\r\n', b'USER a b c\r\n',
                              b'\xff\xf4\xff\xfd\x06ABOR\r\n', b'SYST\r\n', b'PASV\r\n', b'RETR x\r\n'], R.randint(2, 6)):
            try: s.sendall(line); time.sleep(0.05); s.recv(4096)
            except Exception: break
        s.close(); return
    if kind == 'flood':
        cs = []
        for _ in range(R.randint(6, 11)):
            try:
                f = ftplib.FTP(timeout=5); f.connect(HOST, PORT, source_address=(R.choice(['127.0.0.1', '127.0.0.%d' % R.randint(2, 9)]), 0)); cs.append(f)
            except Exception: pass
        time.sleep(0.5)
        for f in cs: t(f.close)
        return
    if kind == 'samesuser':
        u = R.choice(['vsam', 'vjoe', 'anonymous']); cs = []
        for _ in range(R.randint(2, 4)):
            try:
                f = conn(); f.login(u, USERS.get(u, 'x@y')); cs.append(f)
            except Exception: pass
        for f in cs: t(f.quit)
        return
    if kind == 'idle':
        f = conn()
        if R.random() < 0.5:
            t(f.login, R.choice(['vjoe', 'r13bob']), R.choice(['Joe123', 'Bu1lder']))
        time.sleep(R.randint(62, 75)); t(f.sendcmd, 'NOOP'); t(f.close); return
    if kind == 'drop':
        u = R.choice(['vjoe', 'r13alice', 'vzoe'])
        f = conn(); f.login(u, USERS[u])
        try:
            c = f.transfercmd('STOR drop-%d.bin' % R.randint(1, 99)); c.sendall(os.urandom(R.randint(1000, 90000)))
            c.close() if R.random() < 0.5 else None
        except Exception: pass
        f.sock.close(); return
    if kind == 'notls':
        f = conn(); t(f.sendcmd, 'PBSZ 0'); t(f.sendcmd, 'PROT P'); t(f.sendcmd, 'AUTH XYZ'); t(f.quit); return

if __name__ == '__main__':
    try: main(sys.argv[2])
    except Exception as e: pass
PY

END=$((SECONDS + DURATION)); n=0; IDLE=()
timeout 90 python3 $W/client.py $PORT idle & IDLE+=($!)   # at least one idle session times out
while [ $SECONDS -lt $END ]; do
  n=$((n + 1))
  case $((RANDOM % 24)) in
    0|1|2|3|4|5|6) k=user ;;
    7|8|9|10) k=anon ;;
    11|12|13) k=badpass ;;
    14|15) k=raw ;;
    16|17) [ $((RANDOM % 2)) = 0 ] && k=flood || k=samesuser ;;
    18) k=drop ;;
    19) k=notls ;;
    20) k=idle ;;
    21) k=user ;;
    22) k=anon ;;
    23) # restart the server (stop, change a limit, start)
        if [ $((RANDOM % 3)) = 0 ]; then
          kill $(cat $W/pure.pid); sleep 1; start_ftpd
        fi
        k=badpass ;;
  esac
  [ -n "${R13_DEBUG:-}" ] && echo "$SECONDS $k" >&2
  if [ $k = idle ]; then timeout 90 python3 $W/client.py $PORT $k & IDLE+=($!); else timeout 40 python3 $W/client.py $PORT $k; fi
  sleep 0.$((RANDOM % 8))
done
[ ${#IDLE[@]} -gt 0 ] && wait "${IDLE[@]}"
kill $(cat $W/pure.pid); sleep 1
kill $SYSLOGD; wait $SYSLOGD 2>/dev/null
rm -rf /srv/ftp/r13pub /srv/ftp/r13incoming
echo "sessions: $n; lines: $(wc -l < "$OUT/pureftpd.log")"
