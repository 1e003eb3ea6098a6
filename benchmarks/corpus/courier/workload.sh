#!/bin/bash
# Round-16 corpus workload: Courier IMAP/POP3 (Debian 12 packages courier-imap, courier-pop,
# courier-authdaemon, courier-authlib-userdb) with authdaemond DEBUG_LOGIN=1 and authuserdb.
# Their syslog lines go to a private rsyslogd instance (own socket, own pid file) that writes
# $OUT/courier.log in the traditional syslog file format. The courier daemons run in a private
# mount namespace whose /dev/log points at that socket, so no system syslog is touched.
# Ports: IMAP 38143, POP3 38110, IMAPS 38993, POP3S 38995, on 127.0.0.1 only.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_SECONDS]
#   (needs: apt-get install courier-imap courier-pop courier-authdaemon rsyslog openssl python3)
set -u
OUT=${1:-/work/round16/courier}; DURATION=${2:-240}
W=/tmp/r16c; mkdir -p "$W" "$OUT"
rm -f "$OUT/courier.log"

# ---------- private syslog daemon ----------
[ -f $W/rsyslog.pid ] && kill "$(cat $W/rsyslog.pid)" 2>/dev/null; sleep 0.5
rm -f $W/log.sock $W/rsyslog.pid
mkdir -p $W/rsyslog-work
cat > $W/rsyslog.conf <<EOF
global(workDirectory="$W/rsyslog-work")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$W/log.sock" CreatePath="on")
*.* action(type="omfile" file="$OUT/courier.log" template="RSYSLOG_TraditionalFileFormat")
EOF
rsyslogd -f $W/rsyslog.conf -i $W/rsyslog.pid
sleep 1

# ---------- courier configuration (own ports, 127.0.0.1) ----------
cd /etc/courier
sed -i -e 's/^PORT=.*/PORT=38143/' -e 's/^ADDRESS=.*/ADDRESS=127.0.0.1/' -e 's/^MAXPERIP=.*/MAXPERIP=6/' \
    -e 's/^IMAP_IDLE_TIMEOUT=.*/IMAP_IDLE_TIMEOUT=10/' imapd
sed -i -e 's/^PORT=.*/PORT=38110/' -e 's/^ADDRESS=.*/ADDRESS=127.0.0.1/' -e 's/^MAXPERIP=.*/MAXPERIP=3/' \
    -e 's/^POP3AUTH=.*/POP3AUTH="PLAIN LOGIN"/' pop3d
sed -i -e 's/^SSLPORT=.*/SSLPORT=38993/' -e 's/^SSLADDRESS=.*/SSLADDRESS=127.0.0.1/' imapd-ssl
sed -i -e 's/^SSLPORT=.*/SSLPORT=38995/' -e 's/^SSLADDRESS=.*/SSLADDRESS=127.0.0.1/' pop3d-ssl
sed -i -e 's/^authmodulelist=.*/authmodulelist="authuserdb authpam"/' -e 's/^DEBUG_LOGIN=.*/DEBUG_LOGIN=1/' authdaemonrc

# virtual users in userdb, maildirs under /var/lib/r16courier (owned by a system user)
id r16vmail >/dev/null 2>&1 || useradd -r -M -d /var/lib/r16courier -s /usr/sbin/nologin r16vmail
U=$(id -u r16vmail); G=$(id -g r16vmail)
rm -rf /var/lib/r16courier; mkdir -p /var/lib/r16courier
rm -f /etc/courier/userdb /etc/courier/userdb.dat /etc/courier/userdb.lock
touch /etc/courier/userdb; chmod 600 /etc/courier/userdb
USERS="alice bob carol dave erin frank grace heidi"
for u in $USERS; do
  h=/var/lib/r16courier/$u
  mkdir -p $h; maildirmake $h/Maildir
  userdb "$u" set home=$h mail=$h/Maildir uid=$U gid=$G
  echo "pw-$u" | userdbpw -md5 | userdb "$u" set systempw
done
# one user whose maildir is missing (login ok, imapd then fails)
mkdir -p /var/lib/r16courier/mallory
userdb mallory set home=/var/lib/r16courier/mallory mail=/var/lib/r16courier/mallory/Maildir uid=$U gid=$G
echo "pw-mallory" | userdbpw -md5 | userdb mallory set systempw
makeuserdb
chown -R r16vmail: /var/lib/r16courier

# ---------- start the daemons inside a mount namespace with a private /dev/log ----------
cat > $W/ns.sh <<EOF
set -e
mkdir -p $W/newdev; mount -t tmpfs none $W/newdev; cp -a /dev/. $W/newdev/ 2>/dev/null || true
mount --bind /dev/pts $W/newdev/pts; mount --bind /dev/shm $W/newdev/shm
mount --bind $W/newdev /dev; ln -sf $W/log.sock /dev/log
mkdir -p /run/courier/authdaemon
/usr/sbin/authdaemond start
sleep 1
/usr/sbin/imapd start; /usr/sbin/pop3d start; /usr/sbin/imapd-ssl start; /usr/sbin/pop3d-ssl start
EOF
for s in pop3d-ssl imapd-ssl pop3d imapd; do /usr/sbin/$s stop 2>/dev/null; done
/usr/sbin/authdaemond stop 2>/dev/null
sleep 1
unshare -m --propagation private bash $W/ns.sh
# a helper that runs a courier control command inside the namespace of authdaemond
nsrun() { nsenter -t "$(cat /run/courier/authdaemon/pid)" -m "$@"; }
sleep 2

# ---------- clients ----------
cat > $W/clients.py <<'PY'
import imaplib, poplib, random, socket, ssl, sys, time, threading, string
H = "127.0.0.1"
USERS = "alice bob carol dave erin frank grace heidi".split()
def rname(n=6): return "".join(random.choice(string.ascii_lowercase) for _ in range(n))
def ctx():
    c = ssl.create_default_context(); c.check_hostname = False; c.verify_mode = ssl.CERT_NONE; return c
def msg():
    body = "\r\n".join(rname(random.randint(5, 60)) for _ in range(random.randint(1, 40)))
    return (f"From: {rname()}@example.org\r\nTo: {rname()}@example.net\r\nSubject: {rname(9)}\r\n"
            f"Message-ID: <{rname(12)}@example.org>\r\n\r\n{body}\r\n").encode()
def creds():
    r = random.random()
    if r < 0.70: u = random.choice(USERS); return u, "pw-" + u
    if r < 0.85: u = random.choice(USERS); return u, "wrong" + rname(3)
    if r < 0.95: return "ghost" + rname(3), "x" + rname(4)
    return "mallory", "pw-mallory"

def imap_session():
    mode = random.choice(["plain", "plain", "plain", "starttls", "ssl"])
    if mode == "ssl": M = imaplib.IMAP4_SSL(H, 38993, ssl_context=ctx())
    else:
        M = imaplib.IMAP4(H, 38143)
        if mode == "starttls": M.starttls(ssl_context=ctx())
    u, p = creds()
    try:
        if random.random() < 0.2 and mode != "plain":
            M.authenticate("PLAIN", lambda _: f"\0{u}\0{p}".encode())
        else:
            M.login(u, p)
    except Exception:
        try: M.logout()
        except Exception: pass
        return
    boxes = [f"INBOX.{rname(5)}" for _ in range(random.randint(0, 2))]
    for b in boxes: M.create(b)
    for _ in range(random.randint(1, 6)): M.append("INBOX", random.choice(["", "(\\Seen)", "(\\Flagged)"]), None, msg())
    M.select("INBOX")
    typ, data = M.search(None, "ALL"); ids = data[0].split()
    for i in random.sample(ids, min(len(ids), random.randint(0, 4))):
        M.fetch(i, random.choice(["(RFC822)", "(BODY[HEADER])", "(FLAGS)", "(RFC822.SIZE)"]))
    for i in random.sample(ids, min(len(ids), random.randint(0, 3))):
        M.store(i, "+FLAGS", random.choice(["\\Deleted", "\\Seen", "\\Answered"]))
    if boxes and ids: M.copy(ids[0], boxes[0])
    if random.random() < 0.5: M.expunge()
    if random.random() < 0.3: M.select("INBOX.nonexistent" + rname(3))
    if boxes and random.random() < 0.5: M.rename(boxes[0], boxes[0] + "x")
    if boxes and random.random() < 0.5: M.delete(boxes[-1])
    M.list()
    if random.random() < 0.2: M._simple_command("NOOP")
    r = random.random()
    if r < 0.15:  # drop connection without LOGOUT
        M.sock.close(); return
    if r < 0.25:  # bad command
        try: M._simple_command("XYZZY")
        except Exception: pass
    try: M.logout()
    except Exception: pass

def pop_session():
    mode = random.choice(["plain", "plain", "stls", "ssl"])
    if mode == "ssl": P = poplib.POP3_SSL(H, 38995, context=ctx())
    else:
        P = poplib.POP3(H, 38110)
        if mode == "stls": P.stls(context=ctx())
    u, p = creds()
    try:
        P.user(u); P.pass_(p)
    except Exception:
        try: P.quit()
        except Exception: pass
        return
    n, size = P.stat()
    for i in random.sample(range(1, n + 1), min(n, random.randint(0, 3))):
        random.choice([P.retr, lambda k: P.top(k, 3), P.list])(i)
    if n and random.random() < 0.4: P.dele(random.randint(1, n))
    if random.random() < 0.2:
        try: P._shortcmd("BOGUS " + rname())
        except Exception: pass
    if random.random() < 0.15: P.sock.close(); return
    P.quit()

def raw(port, lines, wait=0.2, tls=False):
    s = socket.create_connection((H, port), timeout=15)
    if tls: s = ctx().wrap_socket(s)
    try:
        s.recv(1000)
        for l in lines:
            s.sendall(l); time.sleep(wait)
            try: s.recv(4000)
            except Exception: pass
    finally: s.close()

def garbage():
    port = random.choice([38143, 38110, 38993])
    junk = bytes(random.randrange(256) for _ in range(random.randint(5, 200)))
    try:
        if port == 38993:  # plain text to the TLS port
            s = socket.create_connection((H, port), timeout=5); s.sendall(b"GET / HTTP/1.0\r\n\r\n" + junk); time.sleep(0.3); s.close()
        else:
            raw(port, [junk + b"\r\n", b"a1 " + rname().encode() + b"\r\n"])
    except Exception: pass

def flood():
    socks = []
    for _ in range(random.randint(5, 9)):
        try:
            s = socket.create_connection((H, random.choice([38110, 38143])), timeout=5); socks.append(s)
        except Exception: pass
    time.sleep(1)
    for s in socks: s.close()

def idler(t):
    try:
        s = socket.create_connection((H, random.choice([38143, 38110])), timeout=t + 30)
        s.recv(1000); time.sleep(t); s.close()
    except Exception: pass

def idle_cmd():
    u = random.choice(USERS)
    s = socket.create_connection((H, 38143), timeout=30); s.recv(1000)
    s.sendall(f"a1 LOGIN {u} pw-{u}\r\n".encode()); time.sleep(0.3); s.recv(1000)
    s.sendall(b"a2 SELECT INBOX\r\na3 IDLE\r\n"); time.sleep(random.uniform(1, 4))
    s.sendall(b"DONE\r\na4 LOGOUT\r\n"); time.sleep(0.3); s.close()

def bad_auth():
    # AUTHENTICATE with garbage / unknown mechanism, empty login
    raw(38143, [b"a1 AUTHENTICATE CRAM-MD5\r\n", b"bm90aGluZw==\r\n", b"a2 LOGIN \"\" \"\"\r\n", b"a3 LOGOUT\r\n"])

end = time.time() + float(sys.argv[1])
acts = [(imap_session, 40), (pop_session, 25), (garbage, 5), (flood, 2), (idle_cmd, 4), (bad_auth, 3)]
while time.time() < end:
    f = random.choices([a for a, _ in acts], [w for _, w in acts])[0]
    if random.random() < 0.02:
        threading.Thread(target=idler, args=(random.choice([20, 30, 45]),)).start()
    try: f()
    except Exception as e: pass
    time.sleep(random.uniform(0.05, 0.6))
time.sleep(3)
PY

clients() { for i in 1 2 3; do python3 $W/clients.py "$1" & done; }
clients $((DURATION/3))
sleep $((DURATION/3))
wait
# restarts / reloads in the middle of the workload
nsrun /usr/sbin/imapd restart; nsrun /usr/sbin/pop3d restart
clients $((DURATION/3))
sleep $((DURATION/6))
nsrun /usr/sbin/authdaemond restart
wait
nsrun /usr/sbin/pop3d-ssl stop; nsrun /usr/sbin/pop3d-ssl start
clients $((DURATION/3)); wait

# ---------- stop ----------
for s in pop3d-ssl imapd-ssl pop3d imapd; do nsrun /usr/sbin/$s stop; done
nsrun /usr/sbin/authdaemond stop
sleep 2
kill "$(cat $W/rsyslog.pid)"
wc -l "$OUT/courier.log"
