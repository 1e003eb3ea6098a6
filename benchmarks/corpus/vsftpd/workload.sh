#!/bin/bash
# Round-4 corpus workload: vsftpd 3.0.3 (Debian 12 package, unpacked with dpkg -x, not installed)
# standalone (listen=YES) on 127.0.0.1:15421, dual_log_enable=YES, log_ftp_protocol=YES,
# xferlog_std_format=NO, for DURATION seconds of randomised FTP clients (python ftplib and raw
# sockets). Throwaway local users are created for the run and removed at the end.
# Writes $OUT/vsftpd.log unchanged.  Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-180}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
PORT=15421
RUN=/tmp/r4-vsftpd-run
PKG=/opt/r4pkgs
VSFTPD=$PKG/root/usr/sbin/vsftpd
if [ ! -x "$VSFTPD" ]; then
  mkdir -p $PKG && (cd $PKG && apt-get download vsftpd && dpkg -x vsftpd_*.deb root)
fi
rm -rf "$RUN"; mkdir -p "$RUN"/{empty,anon/pub,anon/incoming,home}
# throwaway accounts (removed at the end)
for u in r4ftpanon r4alice r4bob r4carol; do
  getent passwd $u >/dev/null || useradd -M -d "$RUN/home/$u" -s /bin/false $u
done
usermod -d "$RUN/anon" r4ftpanon
echo 'r4alice:alice-pw-123' | chpasswd; echo 'r4bob:bob-pw-456' | chpasswd; echo 'r4carol:carol-pw-789' | chpasswd
for u in r4alice r4bob r4carol; do
  mkdir -p "$RUN/home/$u"/{docs,upload,readonly}
  head -c $((2000 + RANDOM)) /dev/urandom > "$RUN/home/$u/docs/report.bin"
  head -c 3000000 /dev/zero > "$RUN/home/$u/docs/big.iso"
  echo "notes of $u" > "$RUN/home/$u/docs/notes.txt"
  echo "top secret" > "$RUN/home/$u/docs/keys.secret"
  echo "locked" > "$RUN/home/$u/readonly/locked.txt"
  chown -R $u:$u "$RUN/home/$u"; chown root:root "$RUN/home/$u/readonly" "$RUN/home/$u/readonly/locked.txt"
  chmod 755 "$RUN/home/$u/readonly"
done
head -c 4000000 /dev/zero > "$RUN/anon/pub/dvd.img"
echo "welcome to the test ftp" > "$RUN/anon/pub/README"
head -c 50000 /dev/urandom > "$RUN/anon/pub/data.tar.gz"
chown r4ftpanon "$RUN/anon/incoming"; chmod 755 "$RUN/anon" "$RUN/anon/pub"; chmod 733 "$RUN/anon/incoming"
echo r4carol > "$RUN/user_list"
cat > "$RUN/vsftpd.conf" <<CONF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$PORT
background=NO
anonymous_enable=YES
ftp_username=r4ftpanon
anon_root=$RUN/anon
anon_upload_enable=YES
anon_mkdir_write_enable=YES
anon_other_write_enable=NO
anon_max_rate=400000
no_anon_password=NO
local_enable=YES
write_enable=YES
local_umask=022
local_max_rate=500000
chroot_local_user=NO
userlist_enable=YES
userlist_deny=YES
userlist_file=$RUN/user_list
deny_file={*.secret}
hide_file={*.secret}
dirmessage_enable=NO
pam_service_name=r4vsftpd
secure_chroot_dir=$RUN/empty
nopriv_user=nobody
seccomp_sandbox=NO
isolate=NO
isolate_network=NO
connect_from_port_20=NO
port_enable=YES
pasv_enable=YES
pasv_address=127.0.0.1
pasv_min_port=15430
pasv_max_port=15449
max_clients=12
max_per_ip=4
max_login_fails=2
delay_failed_login=1
idle_session_timeout=12
data_connection_timeout=6
accept_timeout=6
connect_timeout=6
xferlog_enable=YES
dual_log_enable=YES
xferlog_std_format=NO
log_ftp_protocol=YES
vsftpd_log_file=$RUN/vsftpd.log
xferlog_file=$RUN/xferlog
syslog_enable=NO
ftpd_banner=Welcome to the r4 test FTP service.
CONF
cat > "$RUN/client.py" <<'PY'
"""Randomised FTP workload for the vsftpd corpus log (127.0.0.1 only)."""
import ftplib, io, random, socket, sys, threading, time

PORT = int(sys.argv[1]); DURATION = float(sys.argv[2])
H = "127.0.0.1"
R = random.Random()
USERS = {"r4alice": "alice-pw-123", "r4bob": "bob-pw-456"}


def ftp(user=None, pw=None, pasv=None):
    f = ftplib.FTP()
    f.connect(H, PORT, timeout=15)
    if user == "anonymous":
        f.login("anonymous", R.choice(["guest@", "me@example.org", "anon"]))
    elif user:
        f.login(user, pw)
    f.set_pasv(R.random() < 0.7 if pasv is None else pasv)
    return f


def quiet(fn):
    def w():
        try:
            fn()
        except (OSError, EOFError, ftplib.Error):
            pass
    w.__name__ = fn.__name__
    return w


def user():
    u = R.choice(list(USERS)); return u, USERS[u]


def rnd_name(ext=".txt"):
    return "%s%d%s" % (R.choice(["file", "log", "img", "data", "backup"]), R.randrange(1000), ext)


@quiet
def a_session():
    u, p = user(); f = ftp(u, p)
    f.pwd(); f.cwd("docs")
    for _ in range(R.randrange(1, 4)):
        k = R.randrange(6)
        if k == 0:
            f.nlst()
        elif k == 1:
            f.retrlines("LIST", lambda l: None)
        elif k == 2:
            f.retrbinary("RETR " + R.choice(["report.bin", "notes.txt"]), lambda b: None)
        elif k == 3:
            f.size(R.choice(["report.bin", "notes.txt"]))
        elif k == 4:
            f.sendcmd("REST 100"); f.retrbinary("RETR report.bin", lambda b: None)
        else:
            f.sendcmd("TYPE A"); f.sendcmd("NOOP")
    f.quit()


@quiet
def a_upload():
    u, p = user(); f = ftp(u, p)
    f.cwd("upload")
    name = rnd_name(R.choice([".txt", ".bin", ".csv"]))
    data = io.BytesIO(bytes(R.randrange(256) for _ in range(R.choice([100, 2000, 40000]))))
    if R.random() < 0.2:
        f.storlines("STOR " + name, io.BytesIO(b"line one\nline two\n"))
    else:
        f.storbinary("STOR " + name, data)
    if R.random() < 0.3:
        f.storbinary("APPE " + name, io.BytesIO(b"more"))
    if R.random() < 0.5:
        new = rnd_name(".old"); f.rename(name, new); name = new
    if R.random() < 0.6:
        f.delete(name)
    f.quit()


@quiet
def a_dirs():
    u, p = user(); f = ftp(u, p)
    d = "dir%d" % R.randrange(100)
    f.mkd(d); f.cwd(d); f.cwd("..")
    if R.random() < 0.3:
        f.rename(d, d + "-renamed"); d = d + "-renamed"
    f.rmd(d)
    f.quit()


@quiet
def a_missing():
    u, p = user(); f = ftp(u, p)
    for c in R.sample(["RETR nosuch%d.txt" % R.randrange(99), "CWD /no/such/dir", "DELE ghost.txt",
                       "RMD notthere", "SIZE missing.bin", "RNFR absent.txt", "SITE CHMOD 600 nowhere.txt"], 3):
        try:
            if c.startswith("RETR"):
                f.retrbinary(c, lambda b: None)
            else:
                f.sendcmd(c)
        except ftplib.error_perm:
            pass
    f.quit()


@quiet
def a_denied():
    u, p = user(); f = ftp(u, p)
    for c in R.sample(["STOR readonly/new%d.txt", "DELE readonly/locked.txt", "RMD readonly", "MKD readonly/sub%d",
                       "RETR docs/keys.secret", "RNFR readonly/locked.txt", "SITE CHMOD 777 readonly/locked.txt",
                       "DELE /etc/passwd", "MKD /root/x%d"], 3):
        c = c % R.randrange(99) if "%d" in c else c
        try:
            if c.startswith("STOR"):
                f.storbinary(c, io.BytesIO(b"x"))
            elif c.startswith("RETR"):
                f.retrbinary(c, lambda b: None)
            else:
                f.sendcmd(c)
        except ftplib.error_perm:
            pass
    f.quit()


@quiet
def a_badlogin():
    f = ftplib.FTP(); f.connect(H, PORT, timeout=15)
    u = R.choice(["r4alice", "r4bob", "root", "admin", "r4carol", "oracle", "r4ftpanon"])
    for _ in range(R.choice([1, 1, 2, 3])):
        try:
            f.login(u, "wrong%d" % R.randrange(1000)); break
        except ftplib.error_perm:
            pass
        except (EOFError, OSError):
            return
    try:
        f.quit()
    except (EOFError, OSError, ftplib.Error):
        pass


@quiet
def a_anon():
    f = ftp("anonymous"); f.cwd("pub")
    f.nlst()
    if R.random() < 0.6:
        f.retrbinary("RETR " + R.choice(["README", "data.tar.gz", "missing.iso"]), lambda b: None)
    if R.random() < 0.5:
        f.cwd("/incoming")
        name = "up%d.dat" % R.randrange(1000)
        f.storbinary("STOR " + name, io.BytesIO(b"anonymous upload\n" * R.randrange(1, 200)))
        if R.random() < 0.5:
            try:
                f.delete(name)
            except ftplib.error_perm:
                pass
        if R.random() < 0.4:
            try:
                f.mkd("anon%d" % R.randrange(100))
            except ftplib.error_perm:
                pass
        if R.random() < 0.3:
            try:
                f.rename(name, "renamed.dat")
            except ftplib.error_perm:
                pass
    if R.random() < 0.3:
        try:
            f.storbinary("STOR /pub/evil.txt", io.BytesIO(b"x"))
        except ftplib.error_perm:
            pass
    f.quit()


@quiet
def a_abort():
    u, p = user()
    anon = R.random() < 0.4
    f = ftp("anonymous") if anon else ftp(u, p)
    path = "pub/dvd.img" if anon else "docs/big.iso"
    f.voidcmd("TYPE I")
    conn = f.transfercmd("RETR " + path)
    conn.recv(R.choice([1000, 20000, 100000]))
    if R.random() < 0.5:
        f.abort()
        conn.close()
        f.quit()
    else:
        conn.close(); f.sock.close()


@quiet
def a_upload_abort():
    u, p = user(); f = ftp(u, p)
    f.voidcmd("TYPE I")
    conn = f.transfercmd("STOR upload/partial%d.bin" % R.randrange(100))
    conn.sendall(b"\0" * R.choice([5000, 50000])); conn.close()
    f.voidresp(); f.quit()


@quiet
def a_garbage():
    s = socket.create_connection((H, PORT), timeout=10); fh = s.makefile("rb")
    fh.readline()
    seq = R.choice([["HELO there", "XYZZY", "QUIT"],
                    ["USER r4alice", "LIST", "QUIT"],
                    ["GET / HTTP/1.1", "Host: x", ""],
                    ["USER anonymous", "PASS x@y", "SITE EXEC ls", "PORT 1,2,3", "EPRT |9|x|1|", "FOO", "QUIT"],
                    ["USER r4bob", "PASS bob-pw-456", "CWD", "SITE HELP", "SITE NOPE", "MLSD", "XYZZY", "QUIT"],
                    ["PASS nouser", "QUIT"],
                    ["USER " + "A" * 300, "QUIT"]])
    for c in seq:
        s.sendall(c.encode() + b"\r\n")
        try:
            fh.readline()
        except OSError:
            break
    s.close()


@quiet
def a_active_port_bad():
    u, p = user(); f = ftp(u, p, pasv=False)
    try:
        f.sendcmd("PORT 127,0,0,1,0,9")  # discard port, nothing listens
        f.sendcmd("LIST")
        f.voidresp()
    except ftplib.Error:
        pass
    f.quit()


def a_flood():
    def go():
        conns = []
        for _ in range(R.choice([5, 6, 7])):
            try:
                s = socket.create_connection((H, PORT), timeout=10)
                s.recv(200); conns.append(s)
            except OSError:
                pass
        time.sleep(1.5)
        for s in conns:
            try:
                s.sendall(b"QUIT\r\n"); s.recv(100); s.close()
            except OSError:
                pass
    threading.Thread(target=go, daemon=True).start()


def a_idle():
    def go():
        try:
            if R.random() < 0.5:
                u, p = user(); f = ftp(u, p)
            else:
                f = ftplib.FTP(); f.connect(H, PORT, timeout=30)
            time.sleep(14)
            f.quit()
        except (OSError, EOFError, ftplib.Error):
            pass
    threading.Thread(target=go, daemon=True).start()


@quiet
def a_pasv_noconnect():
    u, p = user(); f = ftp(u, p)
    f.sendcmd("PASV")
    try:
        f.sendcmd("LIST")  # never connect to the data port
        f.voidresp()
    except ftplib.Error:
        pass
    f.quit()


@quiet
def a_misc():
    u, p = user(); f = ftp(u, p)
    for c in R.sample(["SYST", "OPTS UTF8 ON", "MODE S", "STRU F", "ALLO 1000", "SITE UMASK 027", "MODE Z", "STRU R"], 3):
        try:
            f.sendcmd(c)
        except ftplib.Error:
            pass
    if R.random() < 0.6:
        name = "upload/" + rnd_name(".txt")
        f.storbinary("STOR " + name, io.BytesIO(b"chmod me\n"))
        f.sendcmd("SITE CHMOD %s %s" % (R.choice(["600", "644", "640"]), name))
    if R.random() < 0.5:
        resp = f.sendcmd("EPSV")
        conn = socket.create_connection((H, int(resp.split("|")[3])), timeout=10)
        f.sendcmd("NLST docs")
        while conn.recv(4096):
            pass
        conn.close(); f.voidresp()
    f.quit()


ACTIONS = [(a_misc, 4), (a_session, 10), (a_upload, 7), (a_dirs, 4), (a_missing, 4), (a_denied, 4), (a_badlogin, 5), (a_anon, 7),
           (a_abort, 3), (a_upload_abort, 2), (a_garbage, 7), (a_active_port_bad, 1), (a_flood, 2), (a_idle, 2),
           (a_pasv_noconnect, 1)]
FUNCS = [f for f, w in ACTIONS for _ in range(w)]
end = time.time() + DURATION
while time.time() < end:
    R.choice(FUNCS)()
    time.sleep(R.uniform(0.3, 1.5))
time.sleep(16)
PY
"$VSFTPD" "$RUN/vsftpd.conf" & FTPD=$!
sleep 1
python3 "$RUN/client.py" $PORT "$DURATION"
kill $FTPD; wait $FTPD 2>/dev/null
cp "$RUN/vsftpd.log" "$OUT/vsftpd.log"; chmod 644 "$OUT/vsftpd.log"
for u in r4ftpanon r4alice r4bob r4carol; do userdel $u 2>/dev/null; done
wc -l "$OUT/vsftpd.log"
