#!/bin/bash
# Round-11 corpus workload: Cyrus IMAP 3.6 (Debian 12 packages cyrus-common, cyrus-imapd,
# cyrus-pop3d), master with imapd, pop3d, lmtpd (unix socket and TCP) and timsieved, sasldb
# auth, `debug: yes`, `auditlog: yes`. Cyrus logs only through syslog(3): a private
# rsyslogd (RSYSLOG_TraditionalFileFormat) listens on its own socket, bind-mounted over /dev/log in
# a private mount namespace for the Cyrus processes only. The packages are unpacked (dpkg -x)
# rather than installed because cyrus-imapd conflicts with the machine's other IMAP server;
# nothing of another mail setup is touched. 127.0.0.1 only, ports 19601-19604. Randomised IMAP,
# POP3, LMTP and ManageSieve clients (python, clients.py written below) for DURATION seconds,
# with SIGHUP reloads and restarts of master, then stop. Writes $OUT/cyrus.log unchanged.
# Run as root on Debian 12: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=$(readlink -f "${1:?out dir}"); DURATION=${2:-300}
C=/tmp/r11-cyrus           # scratch: config, databases, spool, sockets
ROOT=/opt/r11-cyrus        # unpacked packages
mkdir -p "$OUT" "$C"; rm -f "$OUT/cyrus.log"

# ---------- software ----------
export DEBIAN_FRONTEND=noninteractive
command -v rsyslogd >/dev/null || apt-get install -y rsyslog
command -v saslpasswd2 >/dev/null || apt-get install -y sasl2-bin
if [ ! -x "$ROOT/usr/lib/cyrus/bin/master" ]; then
  # runtime libraries of cyrus-common (the package itself is not installed)
  apt-get install -y --no-upgrade libxapian30 libclamav12 libical3 libjansson4 libzephyr4 libwrap0 libpq5 libsasl2-modules-db db-util
  mkdir -p "$ROOT" && (cd "$C" && apt-get download cyrus-common cyrus-imapd cyrus-pop3d &&
    for d in cyrus-common_*.deb cyrus-imapd_*.deb cyrus-pop3d_*.deb; do dpkg -x "$d" "$ROOT"; done)
fi
export LD_LIBRARY_PATH=$ROOT/usr/lib/x86_64-linux-gnu
B=$ROOT/usr/lib/cyrus/bin
getent passwd cyrus >/dev/null || useradd -r -g mail -d /var/lib/cyrus -s /usr/sbin/nologin cyrus

# ---------- configuration ----------
rm -rf "$C/lib" "$C/spool" "$C/sieve" "$C/run" "$C/rs"
mkdir -p "$C/lib/socket" "$C/spool" "$C/sieve" "$C/run/socket" "$C/run/proc" "$C/run/lock" "$C/rs"
cat > "$C/fakesendmail" <<'EOF'
#!/bin/sh
# stand-in for sendmail (sieve redirect/vacation): swallow the message
cat > /dev/null; exit 0
EOF
chmod 755 "$C/fakesendmail"
cat > "$C/imapd.conf" <<EOF
configdirectory: $C/lib
proc_path: $C/run/proc
mboxname_lockpath: $C/run/lock
defaultpartition: default
partition-default: $C/spool
sievedir: $C/sieve
sieveusehomedir: false
lmtpsocket: $C/run/socket/lmtp
idlesocket: $C/run/socket/idle
notifysocket: $C/run/socket/notify
servername: imap.r11.test
admins: cyrus
unixhierarchysep: yes
altnamespace: no
allowplaintext: yes
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: $C/sasldb2
sasl_mech_list: PLAIN LOGIN
syslog_prefix: cyrus
debug: yes
auditlog: yes
quotawarn: 80
maxmessagesize: 262144
maxlogins_per_user: 4
popminpoll: 0
lmtp_downcase_rcpt: yes
lmtp_over_quota_perm_failure: no
sendmail: $C/fakesendmail
umask: 077
EOF
cat > "$C/cyrus.conf" <<EOF
START {
  recover cmd="$B/ctl_cyrusdb -C $C/imapd.conf -r"
  idled   cmd="$B/idled -C $C/imapd.conf"
}
SERVICES {
  imap     cmd="$B/imapd -C $C/imapd.conf -U 30" listen="127.0.0.1:19601" prefork=0 maxchild=12
  pop3     cmd="$B/pop3d -C $C/imapd.conf -U 30" listen="127.0.0.1:19602" prefork=0 maxchild=6
  lmtp     cmd="$B/lmtpd -C $C/imapd.conf" listen="127.0.0.1:19603" prefork=0 maxchild=5
  lmtpunix cmd="$B/lmtpd -C $C/imapd.conf" listen="$C/run/socket/lmtp" prefork=0 maxchild=10
  sieve    cmd="$B/timsieved -C $C/imapd.conf" listen="127.0.0.1:19604" prefork=0 maxchild=5
}
EVENTS {
  checkpoint cmd="$B/ctl_cyrusdb -C $C/imapd.conf -c" period=1
  expire     cmd="$B/cyr_expire -C $C/imapd.conf -E 1 -X 0 -D 0" period=3
}
EOF
rm -f "$C/sasldb2"
echo -n "cyrus-admin" | saslpasswd2 -p -c -f "$C/sasldb2" -u imap.r11.test cyrus
for u in alice bob carol dave erin frank; do echo -n "pw-$u" | saslpasswd2 -p -c -f "$C/sasldb2" -u imap.r11.test $u; done
chown -R cyrus:mail "$C/lib" "$C/spool" "$C/sieve" "$C/run" "$C/sasldb2"
chmod 640 "$C/sasldb2"; chmod 644 "$C/imapd.conf" "$C/cyrus.conf"
cat > "$C/rsyslog.conf" <<EOF
global(workDirectory="$C/rs")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$C/log.sock" RateLimit.Interval="0")
if \$inputname == "imuxsock" then action(type="omfile" file="$OUT/cyrus.log" template="RSYSLOG_TraditionalFileFormat")
EOF

# ---------- clients ----------
cat > "$C/clients.py" <<'EOF'
import base64, imaplib, poplib, random, smtplib, socket, sys, time
H = "127.0.0.1"; LMTPSOCK = sys.argv[1]
USERS = ["alice", "bob", "carol", "dave", "erin", "frank"]
words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor".split()
def rw(): return random.choice(words) + str(random.randint(1, 999))
def msg(n=None, to="someone"):
    n = n or random.randint(1, 30)
    return ("From: %s@client.example\r\nTo: %s@r11.test\r\nSubject: %s %s\r\nMessage-ID: <%s.%d@client.example>\r\n"
            "Date: Thu, 04 Dec 2025 10:%02d:00 +0000\r\n\r\n" % (rw(), to, rw(), rw(), rw(), random.randint(1, 1 << 30), random.randint(0, 59)) +
            "\r\n".join(" ".join(random.choice(words) for _ in range(12)) for _ in range(n)) + "\r\n")
def imap(user=None, pw=None):
    user = user or random.choice(USERS)
    c = imaplib.IMAP4(H, 19601, timeout=20)
    c.login(user, pw or "pw-" + user)
    return c, user
def admin():
    c = imaplib.IMAP4(H, 19601, timeout=20); c.login("cyrus", "cyrus-admin"); return c

def lmtp_deliver(rcpts=None, size=None, tcp=False):
    rcpts = rcpts or [random.choice(USERS + ["nosuch" + str(random.randint(1, 99))]) + random.choice(["", "", "+Work", "+Lists", "+missing"]) for _ in range(random.randint(1, 3))]
    if tcp:
        c = smtplib.LMTP(H, 19603, timeout=20); c.ehlo("mx.r11.test"); c.login("cyrus", random.choice(["cyrus-admin", "cyrus-admin", "bad"]))
    else:
        c = smtplib.LMTP(LMTPSOCK, timeout=20); c.ehlo("mx.r11.test")
    try:
        c.sendmail(random.choice(["%s@client.example" % rw(), ""]), ["%s@r11.test" % r for r in rcpts], msg(size))
    except smtplib.SMTPException:
        pass
    finally:
        try: c.quit()
        except Exception: pass
def lmtp_tcp(): lmtp_deliver(tcp=True)
def lmtp_big(): lmtp_deliver([random.choice(USERS)], size=random.choice([300, 3000, 6000]))
def lmtp_raw():
    so = socket.socket(socket.AF_UNIX); so.settimeout(5); so.connect(LMTPSOCK); so.recv(512)
    for l in random.choice([["LHLO x", "MAIL FROM:<bad", "RCPT TO:<alice@r11.test>", "FOO", "QUIT"],
                            ["HELO x", "RCPT TO:<bob@r11.test>", "DATA", "QUIT"],
                            ["LHLO x", "MAIL FROM:<a@b.example>", "RCPT TO:<bob@r11.test>", "DATA", "Subject: cut\r\n\r\npartial"],
                            ["LHLO x", "MAIL FROM:<a@b.example> SIZE=99999999", "QUIT"],
                            ["LHLO x", "MAIL FROM:<a@b.example>", "RCPT TO:<>", "RCPT TO:<user.alice@r11.test>", "RSET", "NOOP", "QUIT"]]):
        so.sendall((l + "\r\n").encode()); time.sleep(.1)
        try: so.recv(4096)
        except socket.timeout: pass
    so.close()

def imap_session():
    c, u = imap()
    c.list(); c.lsub()
    typ, d = c.select("INBOX")
    n = int(d[0] or 0)
    if n:
        c.fetch("1:%d" % min(n, 5), "(FLAGS RFC822.SIZE)")
        c.fetch(str(random.randint(1, n)), "(BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)])")
        c.search(None, random.choice(["ALL", "UNSEEN", "FROM client.example", "SUBJECT lorem"]))
        c.store("%d:%d" % (1, random.randint(1, n)), "+FLAGS", random.choice(["\\Seen", "\\Flagged", "$Junk"]))
        if random.random() < .5:
            c.copy(str(random.randint(1, n)), random.choice(["INBOX/Work", "INBOX/Lists", "INBOX/Gone%d" % random.randint(1, 9)]))
        if random.random() < .5:
            c.store(str(random.randint(1, n)), "+FLAGS", "\\Deleted"); c.expunge()
    c.status("INBOX", "(MESSAGES UNSEEN UIDNEXT)")
    c.getquotaroot("INBOX")
    if random.random() < .3: c.close()
    c.logout()
def imap_folders():
    c, u = imap()
    name = "INBOX/%s" % rw()
    c.create(name); c.subscribe(name)
    c.append(name, random.choice(["", "(\\Seen)"]), None, msg().encode())
    if random.random() < .6:
        new = "INBOX/%s" % rw(); c.rename(name, new); name = new
    c.create(random.choice(["INBOX/Work", "INBOX/Lists"]))
    c.create("user/%s/x" % random.choice(USERS))  # other users' tree: denied
    if random.random() < .7: c.unsubscribe(name); c.delete(name)
    c.delete("INBOX/nosuch%d" % random.randint(1, 99))
    c.select("INBOX/doesnotexist")
    c.logout()
def imap_append():
    c, u = imap()
    for i in range(random.randint(1, 6)):
        try: c.append("INBOX", None, None, msg(random.choice([5, 40, 400])).encode())
        except imaplib.IMAP4.error: break
    c.logout()
def imap_badlogin():
    c = imaplib.IMAP4(H, 19601, timeout=20)
    try: c.login(random.choice(USERS + ["mallory", "root", rw()]), rw())
    except imaplib.IMAP4.error: pass
    try: c.logout()
    except Exception: pass
def imap_idle():
    c, u = imap(); c.select("INBOX")
    tag = c._new_tag().decode()
    c.send(("%s IDLE\r\n" % tag).encode()); c.readline()
    if random.random() < .5: lmtp_deliver([u])
    time.sleep(random.uniform(1, 4))
    if random.random() < .25:
        c.shutdown(); return  # drop during IDLE
    c.send(b"DONE\r\n")
    while not c.readline().startswith(tag.encode()): pass
    c.logout()
def imap_garbage():
    so = socket.create_connection((H, 19601), timeout=5); so.recv(512)
    for l in random.choice([["a1 FOOBAR", "a2 SELECT", "LOGIN x y", "a3 LOGOUT"],
                            ["a1 LOGIN alice", "a2 FETCH 1 FLAGS", "a3 LOGOUT"],
                            ["a1 CAPABILITY", "a2 ID (\"name\" \"r11client\" \"version\" \"%d\")" % random.randint(1, 9), "a3 NOOP", "a4 LOGOUT"],
                            ["a1 LOGIN {99999999}", "x"],
                            ["a1 AUTHENTICATE PLAIN", "*", "a2 AUTHENTICATE CRAM-MD5", "a3 LOGOUT"],
                            ["a1 LOGIN alice pw-alice", "a2 SELECT INBOX", "a3 FETCH 99999 FLAGS", "a4 STORE x FLAGS \\Seen", "a5 UID FETCH 1:* (FLAGS)"],
                            ["GET / HTTP/1.0", ""]]):
        so.sendall((l + "\r\n").encode()); time.sleep(.1)
        try: so.recv(4096)
        except socket.timeout: pass
    so.close()
def imap_drop():
    c, u = imap(); c.select("INBOX")
    c.shutdown()
def imap_maxlogins():
    u = random.choice(USERS); cs = []
    for i in range(6):
        try: cs.append(imap(u)[0])
        except Exception: pass
    time.sleep(.5)
    for c in cs:
        try: c.logout()
        except Exception: pass
def imap_admin():
    c = admin()
    u = random.choice(USERS)
    op = random.random()
    if op < .35:
        c.setquota("user/%s" % u, "(STORAGE %d)" % random.choice([20, 50, 100, 500]))
    elif op < .5:
        who = random.choice(USERS)
        if random.random() < .7: c.setacl("user/%s" % u, who, random.choice(["lrs", "lrswipkxtea", "lr"]))
        else: c.deleteacl("user/%s" % u, who)
        c.getacl("user/%s" % u)
    elif op < .7:
        t = "user/tmp%d" % random.randint(1, 30)
        c.create(t); c.setquota(t, "(STORAGE 10)")
        if random.random() < .6: c.setacl(t, "cyrus", "lrswipkxtea"); c.delete(t)
    elif op < .8:
        c.rename("user/%s/Lists" % u, "user/%s/Archive%d" % (u, random.randint(1, 9)))
    elif op < .9:
        c.list('""', "user/%")
        c.getquota("user/%s" % u)
    else:
        c.create("user/%s" % u)  # already exists
    c.logout()
def pop3():
    u = random.choice(USERS)
    p = poplib.POP3(H, 19602, timeout=20)
    try:
        p.user(u if random.random() < .85 else rw())
        p.pass_("pw-" + u if random.random() < .8 else rw())
    except poplib.error_proto:
        try: p.quit()
        except Exception: pass
        return
    n, size = p.stat()
    p.list(); p.uidl()
    if n:
        p.retr(random.randint(1, n)); p.top(random.randint(1, n), 3)
        if random.random() < .5: p.dele(random.randint(1, n))
        if random.random() < .2: p.rset()
    if random.random() < .15: p.sock.close(); return
    p.quit()
def pop3_raw():
    so = socket.create_connection((H, 19602), timeout=5); so.recv(512)
    for l in random.choice([["USER alice", "STAT", "PASS", "QUIT"], ["CAPA", "XYZZY", "QUIT"], ["APOP alice 0123456789abcdef0123456789abcdef", "QUIT"],
                            ["AUTH PLAIN", "*", "QUIT"], ["USER bob", "PASS pw-bob", "RETR 9999", "DELE x", "LAST", "QUIT"]]):
        so.sendall((l + "\r\n").encode()); time.sleep(.1)
        try: so.recv(4096)
        except socket.timeout: pass
    so.close()

class Sieve:
    def __init__(s):
        s.so = socket.create_connection((H, 19604), timeout=10); s.f = s.so.makefile("rb"); s.resp()
    def resp(s):
        lines = []
        while True:
            l = s.f.readline().decode(errors="replace").rstrip("\r\n"); lines.append(l)
            if not l or l.split(" ")[0] in ("OK", "NO", "BYE"): return lines
    def cmd(s, c): s.so.sendall((c + "\r\n").encode()); return s.resp()
    def auth(s, u, pw):
        t = base64.b64encode(("\0%s\0%s" % (u, pw)).encode()).decode()
        return s.cmd('AUTHENTICATE "PLAIN" "%s"' % t)
    def put(s, name, text):
        return s.cmd('PUTSCRIPT "%s" {%d+}\r\n%s' % (name, len(text.encode()), text))
SCRIPTS = [
    'require ["fileinto"];\r\nif header :contains "subject" "lorem" { fileinto "INBOX/Lists"; }\r\n',
    'require ["fileinto"];\r\nif header :contains "subject" "ipsum" { fileinto "INBOX/Work"; }\r\n',
    'require ["reject"];\r\nif header :contains "subject" "dolor" { reject "no dolor please"; }\r\n',
    'if header :contains "subject" "amet" { discard; stop; }\r\n',
    'require ["vacation"];\r\nvacation :days 1 :addresses ["%s@r11.test"] "I am away";\r\n',
    'redirect "elsewhere@remote.example";\r\n',
    'require ["fileinto"];\r\nif header :contains "subject" "sit" { fileinto "INBOX/NoSuchFolder"; }\r\n',
    'if header :contians "subject" "x" { keep }\r\n',        # syntax errors
    'require ["nosuchext"];\r\nkeep;\r\n',
]
def sieve():
    u = random.choice(USERS); s = Sieve()
    if random.random() < .15:
        s.auth(u, rw()); s.cmd("LOGOUT"); return
    s.auth(u, "pw-" + u)
    s.cmd("LISTSCRIPTS")
    name = random.choice(["main", "filter", "away", "test%d" % random.randint(1, 5)])
    txt = random.choice(SCRIPTS).replace("%s", u)
    r = s.put(name, txt)
    if r[-1].startswith("OK") and random.random() < .7: s.cmd('SETACTIVE "%s"' % name)
    if random.random() < .3: s.cmd('GETSCRIPT "%s"' % name)
    if random.random() < .3: s.cmd('DELETESCRIPT "%s"' % random.choice([name, "nosuch"]))
    if random.random() < .2: s.cmd('SETACTIVE ""')
    if random.random() < .2: s.cmd("HAVESPACE \"big\" 999999")
    if random.random() < .1: s.cmd("BOGUS")
    s.cmd("LOGOUT")

acts = [(lmtp_deliver, 16), (lmtp_tcp, 3), (lmtp_big, 3), (lmtp_raw, 2), (imap_session, 10), (imap_folders, 5),
        (imap_append, 5), (imap_badlogin, 4), (imap_idle, 3), (imap_garbage, 3), (imap_drop, 2), (imap_maxlogins, 1),
        (imap_admin, 5), (pop3, 6), (pop3_raw, 2), (sieve, 5)]
if len(sys.argv) > 2:
    fn = globals()[sys.argv[2]]
else:
    fn = random.choices([a for a, _ in acts], [w for _, w in acts])[0]
try: fn()
except Exception as e: print(fn.__name__, type(e).__name__, e, file=sys.stderr)
EOF

# ---------- run ----------
start_rsyslog() { rsyslogd -n -f "$C/rsyslog.conf" -i "$C/rsyslogd.pid" & echo $! > "$C/rsyslog.bgpid"; sleep 1; }
# master runs in a private mount namespace whose /dev is a fresh tmpfs holding the usual device
# nodes and our rsyslog socket as /dev/log; the host's /dev is not changed.
nsrun() {
  unshare -m --propagation private bash -c '
    D=$1; shift
    mkdir -p "$D/olddev"; mount --rbind /dev "$D/olddev"
    mount -t tmpfs -o mode=755 r11dev /dev
    for n in null zero full random urandom tty; do touch /dev/$n; mount --bind "$D/olddev/$n" /dev/$n; done
    mkdir /dev/pts /dev/shm; mount --rbind "$D/olddev/pts" /dev/pts; mount --rbind "$D/olddev/shm" /dev/shm
    ln -s /proc/self/fd /dev/fd; ln -s fd/0 /dev/stdin; ln -s fd/1 /dev/stdout; ln -s fd/2 /dev/stderr
    touch /dev/log; mount --bind "$D/log.sock" /dev/log
    exec "$@"' nsrun "$C" "$@"
}
start_master() { nsrun "$B/master" -C "$C/imapd.conf" -M "$C/cyrus.conf" -p "$C/run/master.pid" & echo $! > "$C/master.bgpid"; sleep 2; }
stop_master() {  # master forks: stop it by its own pid file
  local p; p=$(cat "$C/run/master.pid"); kill -"${1:-TERM}" "$p"
  for i in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
}
cli() { timeout 40 python3 "$C/clients.py" "$C/run/socket/lmtp" "$@"; }

start_rsyslog
start_master
# create the users' mailboxes, quotas and a few folders (as the admin), then seed some mail
for u in alice bob carol dave erin frank; do
  python3 - "$u" <<'EOF'
import imaplib, random, sys
u = sys.argv[1]
c = imaplib.IMAP4("127.0.0.1", 19601); c.login("cyrus", "cyrus-admin")
c.create("user/%s" % u); c.create("user/%s/Work" % u); c.create("user/%s/Lists" % u)
c.setacl("user/%s/Lists" % u, "anyone", "p")
c.setquota("user/%s" % u, "(STORAGE %d)" % random.choice([40, 80, 150, 1000]))
c.logout()
EOF
done
for i in $(seq 6); do cli lmtp_deliver; done
r() { echo $((RANDOM % $1)); }
CLIENTS=()
# client actions are dealt from a shuffled deck (weights = repetitions) so that each kind occurs
ACTS=(lmtp_deliver lmtp_deliver lmtp_deliver lmtp_deliver lmtp_deliver lmtp_tcp lmtp_big lmtp_raw
      imap_session imap_session imap_session imap_folders imap_folders imap_append imap_append
      imap_badlogin imap_badlogin imap_idle imap_idle imap_garbage imap_drop imap_maxlogins
      imap_admin imap_admin pop3 pop3 pop3_raw sieve sieve)
DECK=()
draw() { [ ${#DECK[@]} -gt 0 ] || DECK=($(printf '%s\n' "${ACTS[@]}" | shuf)); ACT=${DECK[0]}; DECK=("${DECK[@]:1}"); }
END=$((SECONDS + DURATION)); NEXT_RESTART=$((SECONDS + 60 + $(r 40))); NEXT_HUP=$((SECONDS + 30 + $(r 30)))
while [ $SECONDS -lt $END ]; do
  for i in $(seq $((1 + $(r 6) / 5))); do draw; cli "$ACT" & CLIENTS+=($!); done
  case $(r 40) in
    0) kill -HUP "$(cat "$C/run/master.pid")" ;;
    1) nsrun "$B/quota" -C "$C/imapd.conf" >/dev/null ;;
    2) nsrun "$B/reconstruct" -C "$C/imapd.conf" "user/$(shuf -n1 -e alice bob carol dave erin frank)" >/dev/null ;;
    3) nsrun "$B/ipurge" -C "$C/imapd.conf" -f -d 0 -X "user/$(shuf -n1 -e alice bob carol)/Work" >/dev/null ;;
    4) nsrun "$B/cyr_expire" -C "$C/imapd.conf" -E 1 -X 0 -D 0 -v >/dev/null ;;
  esac
  if [ $SECONDS -ge $NEXT_HUP ]; then
    kill -HUP "$(cat "$C/run/master.pid")"; NEXT_HUP=$((SECONDS + 70 + $(r 60)))
  fi
  if [ $SECONDS -ge $NEXT_RESTART ]; then
    { [ ${#CLIENTS[@]} -eq 0 ] || wait "${CLIENTS[@]}" 2>/dev/null; }; CLIENTS=()
    stop_master "$(shuf -n1 -e TERM INT)"; sleep 1; start_master
    NEXT_RESTART=$((SECONDS + 60 + $(r 40)))
  fi
  sleep $((2 + $(r 2))).$(r 9)
done
{ [ ${#CLIENTS[@]} -eq 0 ] || wait "${CLIENTS[@]}" 2>/dev/null; }
stop_master
sleep 1; kill "$(cat "$C/rsyslog.bgpid")"; wait "$(cat "$C/rsyslog.bgpid")" 2>/dev/null
