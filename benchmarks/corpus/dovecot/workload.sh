#!/bin/bash
# Round-3 corpus workload: Dovecot 2.3 IMAP/POP3 (Debian 12 package), its own log file, verbose
# auth, for DURATION seconds of randomised IMAP and POP3 sessions on 127.0.0.1 only.
# Writes $OUT/dovecot.log unchanged. Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-200}
mkdir -p "$OUT/run" "$OUT/mail"; rm -f "$OUT/dovecot.log"; chown -R mail:mail "$OUT/mail"
MAILUID=$(id -u mail); MAILGID=$(id -g mail)
: > "$OUT/users"
for u in alice bob carol dave erin; do
  echo "$u:{PLAIN}pw-$u:$MAILUID:$MAILGID::$OUT/mail/$u" >> "$OUT/users"
done
cat > "$OUT/dovecot.conf" <<CONF
base_dir = $OUT/run
log_path = $OUT/dovecot.log
info_log_path = $OUT/dovecot.log
debug_log_path = $OUT/dovecot.log
protocols = imap pop3
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_verbose = yes
auth_verbose_passwords = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
login_trusted_networks =
mail_plugins = mail_log notify
auth_failure_delay = 1 secs
plugin {
  mail_log_events = delete undelete expunge copy mailbox_delete mailbox_rename mailbox_create save flag_change
  mail_log_fields = uid box msgid size from subject flags
}
imap_idle_notify_interval = 2 mins
service imap-login {
  inet_listener imap {
    port = 10143
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 10110
  }
}
passdb {
  driver = passwd-file
  args = $OUT/users
}
userdb {
  driver = passwd-file
  args = $OUT/users
}
protocol imap {
  mail_max_userip_connections = 4
}
CONF
dovecot -F -c "$OUT/dovecot.conf" & DAEMON=$!
sleep 2
python3 - "$DURATION" "$OUT/dovecot.conf" <<'PY'
import imaplib, poplib, random, socket, subprocess, sys, threading, time
end = time.time() + float(sys.argv[1])
users = ["alice", "bob", "carol", "dave", "erin"]
def imap_session():
    m = imaplib.IMAP4("127.0.0.1", 10143)
    u = random.choice(users + ["mallory", "root"])
    pw = f"pw-{u}" if random.random() < 0.8 else "guess%d" % random.randint(0, 999)
    try:
        m.login(u, pw)
    except imaplib.IMAP4.error:
        if random.random() < 0.5:
            m.shutdown(); return
        try: m.logout()
        except Exception: pass
        return
    for _ in range(random.randint(0, 4)):
        op = random.random()
        box = random.choice(["INBOX", "Archive", "Sent", "Nope%d" % random.randint(1, 9)])
        try:
            if op < 0.3:
                m.append("INBOX", None, None, b"From: u%d@example.org\r\nMessage-ID: <%d.%d@client>\r\nSubject: t%d\r\n\r\nbody\r\n" % (random.randint(0, 9), time.time(), random.randint(0, 1e6), random.randint(0, 99)))
            elif op < 0.5:
                m.create(box)
            elif op < 0.7:
                m.select(box); m.fetch("1:*", "(FLAGS)")
            elif op < 0.8:
                m.select("INBOX"); m.store("1:%d" % random.randint(1, 5), "+FLAGS", "\\Deleted"); m.expunge()
            elif op < 0.9:
                m.delete(box)
            else:
                m.rename(box, box + "x")
        except Exception:
            pass
    if random.random() < 0.8:
        m.logout()
    else:
        m.shutdown()
def pop_session():
    p = poplib.POP3("127.0.0.1", 10110)
    u = random.choice(users + ["guest"])
    try:
        p.user(u); p.pass_(f"pw-{u}" if random.random() < 0.8 else "x")
        n, _ = p.stat()
        for i in range(1, min(n, 3) + 1):
            p.retr(i)
            if random.random() < 0.3: p.dele(i)
        p.quit()
    except Exception:
        try: p.close()
        except Exception: pass
def junk():
    s = socket.create_connection(("127.0.0.1", random.choice([10143, 10110])))
    s.recv(200)
    if random.random() < 0.5:
        s.sendall(b"a1 LOGIN\r\nGARBAGE %d\r\n" % random.randint(0, 1e6)); time.sleep(0.2)
    s.close()
def flood():
    conns = []
    for _ in range(6):
        try:
            m = imaplib.IMAP4("127.0.0.1", 10143); m.login("carol", "pw-carol"); conns.append(m)
        except Exception:
            pass
    for m in conns:
        try: m.logout()
        except Exception: pass
def worker():
  while time.time() < end:
    r = random.random()
    try:
        if r < 0.55: imap_session()
        elif r < 0.8: pop_session()
        elif r < 0.93: junk()
        elif r < 0.99: flood()
        else: subprocess.run(["doveadm", "-c", sys.argv[2], "reload"], check=False)
    except Exception as exc:
        print("client:", exc)
    time.sleep(random.uniform(0.1, 1.0))
threads = [threading.Thread(target=worker) for _ in range(6)]
for t in threads: t.start()
for t in threads: t.join()
PY
sleep 1; kill $DAEMON; wait $DAEMON 2>/dev/null
