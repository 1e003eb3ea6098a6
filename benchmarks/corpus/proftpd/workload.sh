#!/bin/bash
# Round-7 corpus workload: ProFTPD 1.3.8 (Debian 12 packages proftpd-core / proftpd-basic), standalone
# on 127.0.0.1:2121 only, SystemLog to its own file at DebugLevel 3 (the highest level below the
# multi-line configuration-tree dumps of DebugLevel 5 and the per-module "dispatching" flood of 4),
# TransferLog beside it. Randomised ftplib / raw-socket / curl / ftpdctl clients for DURATION seconds,
# with SIGHUPs, one restart and a final stop. Writes $OUT/proftpd.log unchanged.
# The corpus file is the first 2,500 lines of the log this wrote (head -2500; cut at a line boundary).
# Run as root on Debian 12:  bash workload.sh OUT_DIR [DURATION]
#   (apt-get install -y proftpd-core proftpd-basic curl)
set -u
OUT=${1:?out dir}; DURATION=${2:-180}
RUN=/tmp/r7p; mkdir -p "$OUT" "$RUN"; rm -f "$OUT/proftpd.log" "$RUN"/xferlog "$RUN"/proftpd.sock
for u in r7alice r7bob r7carol r7mallory r7eve; do
  id $u >/dev/null 2>&1 || useradd -m -s /bin/bash $u
  echo "$u:pw-$u" | chpasswd
  h=/home/$u; mkdir -p $h/locked $h/ro $h/pub
  chown root:root $h/ro; chmod 755 $h/ro; echo "read only" > $h/ro/notes.txt
  chown $u: $h/locked $h/pub
  head -c $((2000 + RANDOM * 20)) /dev/urandom > $h/pub/big.bin; chown $u: $h/pub/big.bin
done
usermod -s /usr/sbin/nologin r7eve
mkdir -p /srv/r7anon/pub /srv/r7anon/incoming
for f in readme.txt data.csv image.bin; do head -c $((100 + RANDOM)) /dev/urandom > /srv/r7anon/pub/$f; done
head -c 3000000 /dev/urandom > /srv/r7anon/pub/large.iso
chown ftp:nogroup /srv/r7anon/incoming; chmod 777 /srv/r7anon/incoming
cat > $RUN/proftpd.conf <<EOF
ModulePath /usr/lib/proftpd
LoadModule mod_ctrls_admin.c
LoadModule mod_site_misc.c
LoadModule mod_copy.c
LoadModule mod_readme.c
LoadModule mod_ban.c
ServerName "r7ftp"
ServerType standalone
DefaultServer on
DefaultAddress 127.0.0.1
SocketBindTight on
Port 2121
UseIPv6 off
User proftpd
Group nogroup
Umask 022
MaxInstances 40
TimeoutIdle 8
TimeoutNoTransfer 20
TimeoutLogin 6
PassivePorts 40000 40200
AllowOverwrite on
AllowRetrieveRestart on
AllowStoreRestart on
DefaultRoot ~
RequireValidShell on
UseReverseDNS off
UseFtpUsers on
PidFile $RUN/proftpd.pid
ScoreboardFile $RUN/proftpd.scoreboard
DelayTable $RUN/proftpd.delay
SystemLog $OUT/proftpd.log
TransferLog $RUN/xferlog
ControlsEngine on
ControlsSocket $RUN/proftpd.sock
ControlsACLs all allow user root
AdminControlsACLs all allow user root
BanEngine on
BanTable $RUN/ban.tab
BanControlsACLs all allow user root
DebugLevel 3
MaxClients 8 "Sorry, the maximum number of clients (%m) for this server has been reached"
MaxClientsPerUser 3 "Only %m sessions per user"
MaxLoginAttempts 2
<Limit LOGIN>
  DenyUser r7mallory
</Limit>
<Directory ~/locked>
  <Limit ALL>
    DenyAll
  </Limit>
</Directory>
<Anonymous /srv/r7anon>
  User ftp
  Group nogroup
  UserAlias anonymous ftp
  RequireValidShell off
  MaxClients 3 "Sorry, only %m anonymous users allowed"
  MaxClientsPerUser 10
  <Directory *>
    <Limit WRITE>
      DenyAll
    </Limit>
  </Directory>
  <Directory incoming>
    <Limit STOR MKD>
      AllowAll
    </Limit>
  </Directory>
</Anonymous>
EOF
start() { proftpd -c $RUN/proftpd.conf 2>>$RUN/stderr; sleep 1; }
start

cat > $RUN/client.py <<'PY'
import ftplib, io, os, random, signal, socket, subprocess, sys, threading, time
H, P = "127.0.0.1", 2121
RUN = "/tmp/r7p"
USERS = ["r7alice", "r7bob", "r7carol"]
r = random.Random()
def pid(): return int(open(RUN + "/proftpd.pid").read())
def rname(ext=None):
    return r.choice(["report", "photo", "data", "notes", "backup", "log", "x"]) + str(r.randint(1, 999)) + (ext or r.choice([".txt", ".bin", ".csv", ".tar.gz", ""]))
def conn(user=None, pw=None, timeout=15):
    f = ftplib.FTP(timeout=timeout); f.connect(H, P)
    if user: f.login(user, pw)
    return f
def tryc(fn, *a):
    try: return fn(*a)
    except Exception as e: return e
def blob(n=None): return io.BytesIO(os.urandom(n if n is not None else r.randint(0, 200000)))

def local_session():
    u = r.choice(USERS); f = conn(u, "pw-" + u)
    f.set_pasv(r.random() < 0.7)
    for _ in range(r.randint(1, 6)):
        op = r.randrange(17); n = rname()
        if op == 0: tryc(f.storbinary, "STOR " + n, blob())
        elif op == 1: tryc(f.retrbinary, "RETR pub/big.bin", lambda b: None)
        elif op == 2: tryc(f.retrbinary, "RETR " + rname(), lambda b: None)
        elif op == 3: tryc(f.retrlines, r.choice(["LIST", "NLST", "LIST -la", "MLSD", "LIST pub"]), lambda l: None)
        elif op == 4:
            d = "dir" + str(r.randint(1, 99)); tryc(f.mkd, d); tryc(f.cwd, d); tryc(f.storbinary, "STOR " + n, blob(500)); tryc(f.cwd, ".."); tryc(f.rmd, d)
        elif op == 5: tryc(f.cwd, r.choice(["nowhere", "locked", "/etc", "pub/sub" + str(r.randint(1, 9))]))
        elif op == 6: tryc(f.storbinary, "STOR ro/" + n, blob(300))
        elif op == 7: tryc(f.retrbinary, "RETR locked/secret.txt", lambda b: None)
        elif op == 8: tryc(f.storbinary, "STOR " + n, blob(5000)); tryc(f.rename, n, rname()); tryc(f.delete, rname())
        elif op == 9: tryc(f.sendcmd, "SIZE pub/big.bin"); tryc(f.sendcmd, "MDTM " + n); tryc(f.sendcmd, "SIZE " + n)
        elif op == 10:  # resume download and upload
            tryc(f.retrbinary, "RETR pub/big.bin", lambda b: None, 8192, r.randint(1, 30000))
            tryc(f.storbinary, "STOR part.bin", blob(4000)); tryc(f.storbinary, "APPE part.bin", blob(r.randint(1, 9000)))
            tryc(f.sendcmd, "REST %d" % r.randint(10, 3000)); tryc(f.storbinary, "STOR part.bin", blob(100))
        elif op == 11:  # abort a running transfer
            try:
                c = f.transfercmd("RETR pub/big.bin"); c.recv(1024); c.close(); f.abort()
            except Exception: pass
            tryc(f.voidresp)
        elif op == 12: tryc(f.sendcmd, r.choice(["SITE CHMOD 600 pub/big.bin", "SITE CHMOD 999 nofile", "SITE MKDIR a/b/c" + str(r.randint(1, 9)), "SITE RMDIR a", "SITE UTIME 20240101000000 pub/big.bin", "SITE HELP", "SITE SYMLINK pub/big.bin ln" + str(r.randint(1, 9)), "SITE BOGUS"]))
        elif op == 13: tryc(f.sendcmd, "SITE CPFR pub/big.bin"); tryc(f.sendcmd, "SITE CPTO copy%d.bin" % r.randint(1, 50)); tryc(f.sendcmd, "SITE CPTO ro/x")
        elif op == 14: tryc(f.sendcmd, r.choice(["XYZZY", "HELP", "STAT", "SYST", "FEAT", "NOOP", "AUTH TLS", "OPTS UTF8 ON", "MODE Z", "STRU R", "TYPE X", "PORT 1,2,3", "EPSV ALL", "PBSZ 0", "ALLO 1000"]))
        elif op == 15: tryc(f.sendcmd, "PORT 127,0,0,%d,%d,%d" % (r.randint(2, 9), r.randint(4, 200), r.randint(0, 255)))
        elif op == 16: tryc(f.sendcmd, "PORT 127,0,0,1,0,%d" % r.randint(1, 255)); tryc(f.retrlines, "LIST", lambda l: None)
        time.sleep(r.random() * 0.3)
    if r.random() < 0.85: tryc(f.quit)
    else: f.sock.close()

def bad_login():
    k = r.randrange(8)
    f = conn()
    if k == 0: u, p = r.choice(USERS), "wrong" + str(r.randint(1, 9999))
    elif k == 1: u, p = "ghost" + str(r.randint(1, 500)), "x"
    elif k == 2: u, p = r.choice(["root", "daemon", "bin"]), "toor"
    elif k == 3: u, p = "r7mallory", "pw-r7mallory"
    elif k == 4: u, p = "r7eve", "pw-r7eve"
    elif k == 5: u, p = r.choice(USERS), ""
    else: u, p = r.choice(USERS), "guess" + str(r.randint(1, 99))
    for _ in range(1 if k < 6 else 3):
        e = tryc(f.login, u, p)
        if not isinstance(e, ftplib.error_perm): break
    tryc(f.quit)

def anon_session():
    f = conn(); e = tryc(f.login, r.choice(["anonymous", "ftp"]), r.choice(["guest@", "a@b.c", "x" + str(r.randint(1, 99)) + "@example.org"]))
    if isinstance(e, Exception): return
    for _ in range(r.randint(1, 4)):
        op = r.randrange(7)
        if op == 0: tryc(f.retrlines, "LIST pub", lambda l: None)
        elif op == 1: tryc(f.retrbinary, "RETR pub/" + r.choice(["readme.txt", "data.csv", "image.bin", "missing.txt"]), lambda b: None)
        elif op == 2: tryc(f.storbinary, "STOR pub/" + rname(), blob(100))
        elif op == 3: tryc(f.storbinary, "STOR incoming/" + rname(), blob(r.randint(10, 20000)))
        elif op == 4: tryc(f.delete, "pub/readme.txt"); tryc(f.mkd, "pub/new" + str(r.randint(1, 9)))
        elif op == 5: tryc(f.mkd, "incoming/up" + str(r.randint(1, 99)))
        elif op == 6: tryc(f.cwd, "/etc")
    tryc(f.quit)

def anon_flood():
    fs = []
    for _ in range(r.randint(4, 6)):
        f = conn(); tryc(f.login, "anonymous", "flood@x"); fs.append(f)
    time.sleep(0.5)
    for f in fs: tryc(f.quit)

def flood():
    fs = []
    for i in range(r.randint(9, 12)):
        e = tryc(conn, None, None, 5)
        if isinstance(e, ftplib.FTP):
            fs.append(e); u = USERS[i % 3]; tryc(e.login, u, "pw-" + u)
    time.sleep(r.random())
    for f in fs: tryc(f.quit)

def per_user():
    u = r.choice(USERS); fs = []
    for _ in range(3):
        f = conn(); tryc(f.login, u, "pw-" + u); fs.append(f)
    for f in fs: tryc(f.quit)

def idle():
    k = r.randrange(3)
    if k == 0: f = conn(); time.sleep(7.5)            # TimeoutLogin
    elif k == 1:
        u = r.choice(USERS); f = conn(u, "pw-" + u); time.sleep(9.5)  # TimeoutIdle
    else:
        u = r.choice(USERS); f = conn(u, "pw-" + u)
        for _ in range(4): time.sleep(5); tryc(f.sendcmd, "NOOP")   # TimeoutNoTransfer
    tryc(f.quit)

def garbage():
    s = socket.create_connection((H, P), timeout=3)
    try:
        s.recv(200)
        k = r.randrange(4)
        if k == 0: s.sendall(os.urandom(r.randint(5, 300)) + b"\r\n")
        elif k == 1: s.sendall(b"USER " + b"A" * r.randint(600, 5000) + b"\r\n")
        elif k == 2: s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        else: s.sendall(b"PASS before-user\r\nRETR x\r\n")
        time.sleep(0.3); s.recv(500)
    except Exception: pass
    s.close()

def curl():
    u = r.choice(USERS)
    k = r.randrange(4)
    if k == 0: cmd = ["curl", "-s", "-u", u + ":pw-" + u, "ftp://127.0.0.1:2121/pub/"]
    elif k == 1: cmd = ["curl", "-s", "-P", "-", "-u", u + ":pw-" + u, "ftp://127.0.0.1:2121/pub/big.bin", "-o", "/dev/null"]
    elif k == 2: cmd = ["curl", "-s", "-T", "/etc/os-release", "-u", u + ":pw-" + u, "ftp://127.0.0.1:2121/" + rname(".txt")]
    else: cmd = ["curl", "-s", "--ftp-create-dirs", "-T", "/etc/hostname", "ftp://127.0.0.1:2121/incoming/c%d/h.txt" % r.randint(1, 20)]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20)

def ctl():
    args = r.choice([["status", "all"], ["lsctrl"], ["debug", "level", "3"], ["kick", "user", r.choice(USERS)],
                     ["ban", "user", "r7carol"], ["permit", "user", "r7carol"], ["ban", "info"], ["dns", "off"],
                     ["get", "config"], ["trace", "info"], ["scoreboard", "clean"]])
    subprocess.run(["ftpdctl", "-s", RUN + "/proftpd.sock"] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)

def hup():
    os.kill(pid(), signal.SIGHUP)

ACTIONS = [(local_session, 30), (bad_login, 14), (anon_session, 10), (curl, 6), (garbage, 5), (ctl, 4),
           (flood, 2), (anon_flood, 2), (per_user, 3), (idle, 3), (hup, 2)]
def worker(end):
    while time.time() < end:
        fn = r.choices([a for a, _ in ACTIONS], [w for _, w in ACTIONS])[0]
        try: fn()
        except Exception as e: pass
        time.sleep(r.random() * 0.8)
dur = float(sys.argv[1]); end = time.time() + dur
ts = [threading.Thread(target=worker, args=(end,)) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
PY
half=$((DURATION / 2))
python3 $RUN/client.py $half
# a stop and a restart half way
kill -TERM $(cat $RUN/proftpd.pid); sleep 2; start
python3 $RUN/client.py $((DURATION - half))
sleep 2
kill -TERM $(cat $RUN/proftpd.pid); sleep 2
