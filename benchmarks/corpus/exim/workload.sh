#!/bin/bash
# Round-4 corpus workload: Exim 4.96 (Debian 12 exim4-daemon-light, unpacked with dpkg -x, not
# installed) as an SMTP daemon on 127.0.0.1:15425 with log_selector = +all, delivering to maildirs,
# aliases, files and pipes, relaying to a fake remote SMTP server (127.0.0.1:15402) and to a dead
# smarthost (127.0.0.1:15499, nothing listening), for DURATION seconds of randomised SMTP clients
# and queue administration. Writes $OUT/exim.log (the main log, unchanged) and keeps the reject and
# panic logs beside it.  Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
OUT=$(cd "$OUT" 2>/dev/null && pwd || (mkdir -p "$OUT" && cd "$OUT" && pwd))
PORT=15425
RUN=/tmp/r4-exim-run
PKG=/opt/r4pkgs
EXIM=$PKG/root/usr/sbin/exim4
if [ ! -x "$EXIM" ]; then
  mkdir -p $PKG && (cd $PKG && apt-get download exim4-daemon-light exim4-base && for d in exim4*.deb; do dpkg -x "$d" root; done)
fi
ldconfig -p | grep -q libidn.so.12 || apt-get install -y libidn12
getent passwd Debian-exim >/dev/null || adduser --system --group --allow-bad-names --home /nonexistent --no-create-home Debian-exim
rm -rf "$RUN"; mkdir -p "$RUN"/{spool,log,mail}
cd "$RUN"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=mx1.example.test -keyout key.pem -out cert.pem 2>/dev/null
cat > exim.conf <<CONF
primary_hostname = mx1.example.test
qualify_domain = example.test
domainlist local_domains = example.test : localhost
domainlist relay_to_domains = remote.test : dead.test : loop.test
hostlist relay_from_hosts =
daemon_smtp_ports = $PORT
local_interfaces = <; 127.0.0.1.$PORT
spool_directory = $RUN/spool
exim_path = $EXIM
log_file_path = $RUN/log/%slog
log_selector = +all -arguments
exim_user = Debian-exim
exim_group = Debian-exim
never_users = root
trusted_users = Debian-exim
host_lookup = *
host_lookup_order = byaddr
rfc1413_hosts =
rfc1413_query_timeout = 0s
acl_smtp_connect = acl_check_connect
acl_smtp_helo = acl_check_helo
acl_smtp_mail = acl_check_mail
acl_smtp_rcpt = acl_check_rcpt
acl_smtp_data = acl_check_data
acl_smtp_quit = acl_check_quit
acl_smtp_notquit = acl_check_notquit
message_size_limit = 60K
recipients_max = 5
smtp_accept_max = 20
smtp_accept_max_per_host = 4
smtp_accept_queue_per_connection = 3
smtp_receive_timeout = 6s
smtp_max_unknown_commands = 3
smtp_max_synprot_errors = 3
smtp_enforce_sync = true
smtp_banner = \$smtp_active_hostname ESMTP Exim \$version_number \$tod_full
auth_advertise_hosts = *
tls_advertise_hosts = *
tls_certificate = $RUN/cert.pem
tls_privatekey = $RUN/key.pem
helo_try_verify_hosts =
system_filter = $RUN/system.filter
system_filter_user = Debian-exim
system_filter_file_transport = address_file
delay_warning = 1m:2m
ignore_bounce_errors_after = 1m
timeout_frozen_after = 150s
queue_run_max = 2
remote_max_parallel = 2
bounce_return_size_limit = 10K
keep_environment =
add_environment = PATH=/usr/bin:/bin
untrusted_set_sender = *
received_header_text = Received: from \$sender_rcvhost by \$primary_hostname with \$received_protocol id \$message_exim_id for \$received_for

begin acl

acl_check_connect:
  accept

acl_check_helo:
  deny    condition = \${if match{\$sender_helo_name}{\N^(evil|spammer)\.\N}}
          message   = Go away, \$sender_helo_name
  deny    condition = \${if eq{\$sender_helo_name}{mx1.example.test}}
          message   = You are not me
          log_message = forged HELO claims to be us
  accept

acl_check_mail:
  deny    condition = \${if match{\$sender_address}{\N^blocked\N}}
          message   = Sender \$sender_address is blocked here
  warn    condition = \${if !def:sender_helo_name}
          log_message = MAIL without HELO
  accept

acl_check_rcpt:
  accept  hosts = :
  deny    local_parts = ^[.] : ^.*[@%!/|]
          message   = Restricted characters in address
  deny    condition = \${if >{\$rcpt_count}{4}}
          message   = too many recipients for this session
          log_message = recipient limit \$rcpt_count reached
  require verify    = sender
  accept  authenticated = *
          control   = submission/sender_retain
  deny    !domains  = +local_domains : +relay_to_domains
          message   = relay not permitted
  defer   local_parts = ^grey
          domains   = +local_domains
          message   = greylisted, please try again later
          log_message = greylisted \$local_part
  warn    local_parts = ^bulk
          control   = queue_only
          log_message = queued for later delivery
  require verify    = recipient
  accept

acl_check_data:
  deny    condition = \${if match{\$h_subject:}{(?i)viagra|lottery}}
          message   = Message rejected as spam
          log_message = spam subject "\$h_subject:"
  deny    !verify   = header_syntax
          message   = header syntax error: \$acl_verify_message
  warn    condition = \${if >{\$message_size}{30000}}
          log_message = large message of \$message_size bytes from \$sender_address
  warn    condition = \${if !def:h_message-id:}
          log_message = message without Message-ID
  accept

acl_check_quit:
  accept

acl_check_notquit:
  warn    condition = \${if eq{\$smtp_notquit_reason}{command-timeout}}
          log_message = dropping idle client after command timeout
  accept

begin routers

freeze_loop:
  driver = manualroute
  domains = loop.test
  route_list = * 127.0.0.1::$PORT
  transport = remote_smtp

to_remote:
  driver = manualroute
  domains = remote.test
  route_list = * 127.0.0.1::15402
  self = send
  transport = remote_smtp

to_dead:
  driver = manualroute
  domains = dead.test
  route_list = * 127.0.0.1::15499
  self = send
  transport = dead_smtp

to_smarthost:
  driver = manualroute
  domains = ! +local_domains
  route_list = * 127.0.0.1::15402
  self = send
  transport = remote_smtp
  no_verify

system_aliases:
  driver = redirect
  domains = +local_domains
  allow_fail
  allow_defer
  data = \${lookup{\$local_part}lsearch{$RUN/aliases}}
  file_transport = address_file
  pipe_transport = address_pipe
  user = Debian-exim

localusers:
  driver = accept
  domains = +local_domains
  local_parts = lsearch;$RUN/users
  transport = local_maildir
  cannot_route_message = Unknown user

begin transports

remote_smtp:
  driver = smtp
  port = 25
  allow_localhost
  connect_timeout = 4s
  command_timeout = 8s
  data_timeout = 8s

dead_smtp:
  driver = smtp
  port = 25
  allow_localhost
  connect_timeout = 4s

local_maildir:
  driver = appendfile
  directory = $RUN/mail/\${local_part_data}/Maildir
  maildir_format
  create_directory
  delivery_date_add
  envelope_to_add
  return_path_add
  user = Debian-exim
  group = Debian-exim
  mode = 0600
  quota = \${lookup{\$local_part_data}lsearch{$RUN/quota}{\$value}{0}}
  quota_warn_threshold = 80%
  maildir_use_size_file

address_file:
  driver = appendfile
  delivery_date_add
  envelope_to_add
  return_path_add
  user = Debian-exim
  group = Debian-exim
  mode = 0600

address_pipe:
  driver = pipe
  return_fail_output
  user = Debian-exim
  timeout = 5s

begin retry
dead.test       *   F,60s,15s; F,2m,30s
*               *   F,2m,20s; F,4m,40s

begin rewrite
*@localhost   \$1@example.test  Ffrs

begin authenticators

PLAIN:
  driver = plaintext
  public_name = PLAIN
  server_prompts = :
  server_condition = \${if eq{\$auth3}{\${lookup{\$auth2}lsearch{$RUN/passwd}{\$value}fail}}}
  server_set_id = \$auth2

LOGIN:
  driver = plaintext
  public_name = LOGIN
  server_prompts = Username:: : Password::
  server_condition = \${if eq{\$auth2}{\${lookup{\$auth1}lsearch{$RUN/passwd}{\$value}fail}}}
  server_set_id = \$auth1
CONF
printf 'alice: alice\nbob: bob\ncarol: carol\n' > users
printf 'carol: 40K\n' > quota
printf 'alice: wonderland\nbob: builder\n' > passwd      # throwaway SMTP AUTH passwords
cat > aliases <<ALIASES
postmaster: alice
root: alice
team: alice, bob
bulk: alice, bob
oldbob: :fail: This user has left the company
void: :blackhole:
later: :defer: mailbox temporarily unavailable
archive: $RUN/archive.mbox
logger: |/bin/cat
broken: |/bin/false
fwd: someone@remote.test
ALIASES
cat > system.filter <<FILTER
# Exim filter
if \$h_subject: contains "[hold]" then
  freeze "held for review"
endif
if \$h_subject: contains "[archive]" then
  unseen save $RUN/filter-archive.mbox
endif
if \$h_subject: contains "[reject]" then
  fail text "rejected by system filter"
endif
FILTER
cat > fake_smtp.py <<'PY'
"""Tiny fake remote SMTP server for the Exim workload (127.0.0.1 only)."""
import random, socketserver, sys, time

class H(socketserver.StreamRequestHandler):
    def w(self, s):
        self.wfile.write((s + "\r\n").encode()); self.wfile.flush()
    def handle(self):
        r = random.random()
        if r < 0.04:
            return  # drop right away
        if r < 0.07:
            self.w("421 remote.test too busy, try later"); return
        self.w("220 remote.test ESMTP fake")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode(errors="replace").strip()
            u = cmd.upper()
            if u.startswith("EHLO"):
                self.w("250-remote.test\r\n250-SIZE 40000\r\n250-PIPELINING\r\n250 HELP")
            elif u.startswith("HELO"):
                self.w("250 remote.test")
            elif u.startswith("MAIL"):
                if "spamtrap" in cmd:
                    self.w("550 5.7.1 sender rejected")
                else:
                    self.w("250 OK")
            elif u.startswith("RCPT"):
                lp = cmd.split("<", 1)[-1].split("@")[0].lower()
                if lp.startswith("nouser"):
                    self.w("550 5.1.1 <%s@remote.test>: Recipient address rejected: User unknown" % lp)
                elif lp.startswith("full"):
                    self.w("452 4.2.2 Mailbox full")
                elif lp.startswith("slow"):
                    time.sleep(12); self.w("250 OK")
                elif lp.startswith("hangup"):
                    return
                else:
                    self.w("250 Accepted")
            elif u == "DATA":
                self.w("354 go ahead")
                size = 0
                while True:
                    l = self.rfile.readline()
                    if not l:
                        return
                    size += len(l)
                    if l in (b".\r\n", b".\n"):
                        break
                x = random.random()
                if x < 0.08:
                    self.w("451 4.3.0 Temporary local problem")
                elif x < 0.13:
                    self.w("554 5.6.0 Message content rejected")
                else:
                    self.w("250 OK id=%06X" % random.randrange(1 << 24))
            elif u == "RSET" or u == "NOOP":
                self.w("250 OK")
            elif u == "QUIT":
                self.w("221 bye"); return
            else:
                self.w("500 unrecognised")

class S(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True

if __name__ == "__main__":
    S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
cat > client.py <<'PY'
"""Randomised SMTP + admin workload for the Exim corpus log (127.0.0.1 only)."""
import os, random, smtplib, socket, ssl, subprocess, sys, threading, time
from email.message import EmailMessage

PORT = int(sys.argv[1]); DURATION = float(sys.argv[2]); EXIM = sys.argv[3]; CONF = sys.argv[4]
H = "127.0.0.1"
R = random.Random()
LOCAL = ["alice", "bob", "carol", "team", "postmaster", "root"]
ALIASES = ["oldbob", "void", "later", "archive", "logger", "broken", "fwd"]
WORDS = "report invoice meeting lunch status backup weekly build deploy notes draft budget review".split()
HELOS = ["client.example.org", "laptop.lan", "ws%d.office.test", "mail.partner.test", "[127.0.0.1]", "localhost"]
TLSCTX = ssl.create_default_context(); TLSCTX.check_hostname = False; TLSCTX.verify_mode = ssl.CERT_NONE


def helo():
    h = R.choice(HELOS)
    return h % R.randrange(1, 40) if "%d" in h else h


def subject():
    return "%s %s %d" % (R.choice(WORDS).title(), R.choice(WORDS), R.randrange(1000))


def body(size=None):
    size = size or R.choice([200, 800, 2000, 5000, 12000])
    words = []
    n = 0
    while n < size:
        w = R.choice(WORDS); words.append(w); n += len(w) + 1
    return "\n".join(" ".join(words[i:i + 12]) for i in range(0, len(words), 12)) + "\n"


def msg(frm, to, subj=None, size=None, msgid=True):
    m = EmailMessage()
    m["From"] = frm; m["To"] = ", ".join(to); m["Subject"] = subj or subject()
    if msgid:
        m["Message-ID"] = "<%d.%d@%s>" % (time.time() * 1000, R.randrange(10**6), R.choice(["client.example.org", "laptop.lan", "example.test"]))
    m.set_content(body(size))
    return m


def smtp(frm, rcpts, m=None, auth=None, tls=None, h=None):
    tls = R.random() < 0.3 if tls is None else tls
    try:
        s = smtplib.SMTP(H, PORT, local_hostname=h or helo(), timeout=20)
        s.ehlo()
        if tls:
            s.starttls(context=TLSCTX); s.ehlo()
        if auth:
            try:
                s.login(*auth)
            except smtplib.SMTPException:
                s.quit(); return
        m = m or msg(frm, rcpts)
        try:
            s.send_message(m, from_addr=frm, to_addrs=rcpts)
        except smtplib.SMTPException:
            pass
        s.quit()
    except (OSError, smtplib.SMTPException):
        pass


class Raw:
    def __init__(self, greet=True):
        self.s = socket.create_connection((H, PORT), timeout=15)
        self.f = self.s.makefile("rb")
        if greet:
            self.read()

    def read(self):
        out = []
        try:
            while True:
                l = self.f.readline().decode(errors="replace")
                out.append(l)
                if not l or l[3:4] != "-":
                    break
        except OSError:
            pass
        return "".join(out)

    def cmd(self, c, read=True):
        try:
            self.s.sendall(c.encode() + b"\r\n")
        except OSError:
            return ""
        return self.read() if read else ""

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass


def rnd_local():
    return R.choice(LOCAL) + "@" + R.choice(["example.test", "example.test", "localhost"])


def ext_sender():
    return "%s%d@%s" % (R.choice(["john", "mary", "news", "info", "support"]), R.randrange(99), R.choice(["remote.test", "dead.test"]))


def a_good():
    n = R.choice([1, 1, 1, 2, 3])
    rc = [rnd_local() for _ in range(n)]
    frm = R.choice([ext_sender(), rnd_local(), "alice@example.test"])
    smtp(frm, rc)


def a_auth_submit():
    user, pw = R.choice([("alice", "wonderland"), ("bob", "builder")])
    dom = R.choice(["remote.test", "remote.test", "dead.test", "elsewhere.example", "loop.test", "example.test"])
    lp = R.choice(["someone", "friend", "nouser%d" % R.randrange(9), "full%d" % R.randrange(3), "bob", "info"])
    smtp(user + "@example.test", [lp + "@" + dom], auth=(user, pw), tls=R.random() < 0.6)


def a_auth_bad():
    user = R.choice(["alice", "bob", "mallory", "admin"])
    try:
        s = smtplib.SMTP(H, PORT, local_hostname=helo(), timeout=20); s.ehlo()
        if R.random() < 0.5:
            s.starttls(context=TLSCTX); s.ehlo()
        try:
            s.login(user, "wrong%d" % R.randrange(1000))
        except smtplib.SMTPException:
            pass
        s.quit()
    except (OSError, smtplib.SMTPException):
        pass


def a_remote():
    lp = R.choice(["someone", "friend", "sales", "nouser1", "nouser2", "full1", "hangup", "ops"])
    if R.random() < 0.05:
        lp = "slowpoke"
    frm = R.choice(["alice@example.test", "bob@example.test", "carol@example.test", "spamtrap@example.test" if R.random() < 0.2 else "bob@example.test"])
    smtp(frm, [lp + "@remote.test"])


def a_dead():
    frm = R.choice(["alice@example.test", "bob@example.test", ext_sender()])
    smtp(frm, ["%s@dead.test" % R.choice(["backup", "archive", "partner", "ceo"])])


def a_loop():
    smtp("bob@example.test", ["mirror@loop.test"])


def a_unknown():
    try:
        s = smtplib.SMTP(H, PORT, local_hostname=helo(), timeout=20); s.ehlo()
        s.mail(R.choice([ext_sender(), "alice@example.test"]))
        for _ in range(R.choice([1, 1, 2])):
            s.rcpt("%s%d@example.test" % (R.choice(["nobody", "admin", "info", "sales"]), R.randrange(100)))
        if R.random() < 0.5:
            s.rcpt(rnd_local()); s.data(msg("x@remote.test", ["alice@example.test"]).as_bytes())
        s.quit()
    except (OSError, smtplib.SMTPException):
        pass


def a_relay():
    try:
        s = smtplib.SMTP(H, PORT, local_hostname=helo(), timeout=20); s.ehlo()
        s.mail(R.choice([ext_sender(), "alice@example.test", "spammer@remote.test"]))
        s.rcpt("%s@%s" % (R.choice(["victim", "user", "abuse"]), R.choice(["gmail.example", "bigcorp.example", "elsewhere.example"])))
        s.quit()
    except (OSError, smtplib.SMTPException):
        pass


def a_sender_bad():
    frm = R.choice(["ghost%d@example.test" % R.randrange(50), "someone@nowhere.invalid", "blocked%d@remote.test" % R.randrange(9)])
    try:
        s = smtplib.SMTP(H, PORT, local_hostname=helo(), timeout=20); s.ehlo()
        s.mail(frm); s.rcpt(rnd_local()); s.quit()
    except (OSError, smtplib.SMTPException):
        pass


def a_too_many():
    rc = [rnd_local() for _ in range(R.choice([5, 6, 7]))]
    smtp(ext_sender(), rc)


def a_big():
    try:
        s = smtplib.SMTP(H, PORT, local_hostname=helo(), timeout=30); s.ehlo()
        if R.random() < 0.5:
            s.mail("bob@example.test", ["SIZE=%d" % R.choice([90000, 250000, 1000000])])
            s.quit(); return
        s.mail("bob@example.test"); s.rcpt(rnd_local())
        s.data(msg("bob@example.test", ["alice@example.test"], size=R.choice([70000, 120000])).as_bytes())
        s.quit()
    except (OSError, smtplib.SMTPException):
        pass


def a_large_ok():
    smtp(ext_sender(), [R.choice(["carol@example.test", "alice@example.test", "carol@example.test"])], m=msg("x@remote.test", ["carol@example.test"], size=R.choice([32000, 40000, 50000])))


def a_carol():
    smtp(ext_sender(), ["carol@example.test"], m=msg("x@remote.test", ["carol@example.test"], size=R.choice([5000, 9000])))


def a_alias():
    lp = R.choice(ALIASES)
    smtp(R.choice(["alice@example.test", ext_sender()]), [lp + "@example.test"])


def a_filter():
    tag = R.choice(["[hold]", "[archive]", "[reject]", "[archive]"])
    smtp(ext_sender(), [rnd_local()], m=msg("x@remote.test", ["alice@example.test"], subj="%s %s" % (tag, subject())))


def a_spam():
    m = msg("x@remote.test", ["alice@example.test"], subj=R.choice(["Cheap VIAGRA now", "You won the lottery", "LOTTERY winner %d" % R.randrange(99)]))
    smtp(ext_sender(), [rnd_local()], m=m)


def a_badheader():
    raw = "From: broken <<x@\r\nTo: alice@@example.test,,\r\nSubject: %s\r\n\r\nhello\r\n" % subject()
    try:
        s = smtplib.SMTP(H, PORT, local_hostname=helo(), timeout=20); s.ehlo()
        s.sendmail(ext_sender(), [rnd_local()], raw.encode()); s.quit()
    except (OSError, smtplib.SMTPException):
        pass


def a_nomsgid():
    smtp(ext_sender(), [rnd_local()], m=msg("x@remote.test", ["alice@example.test"], msgid=False))


def a_grey():
    try:
        s = smtplib.SMTP(H, PORT, local_hostname=helo(), timeout=20); s.ehlo()
        s.mail(ext_sender()); s.rcpt("grey%d@example.test" % R.randrange(20)); s.quit()
    except (OSError, smtplib.SMTPException):
        pass


def a_bulk():
    smtp("newsletter%d@remote.test" % R.randrange(9), ["bulk@example.test"] + (["alice@example.test"] if R.random() < 0.5 else []))


def a_helo_bad():
    c = R.choice(["EHLO evil.example.net", "HELO spammer.example", "EHLO mx1.example.test", "EHLO bad_helo!!", "HELO", "EHLO a b c"])
    try:
        r = Raw(); r.cmd(c)
        if R.random() < 0.5:
            r.cmd("MAIL FROM:<x@remote.test>"); r.cmd("RCPT TO:<alice@example.test>")
        r.cmd("QUIT"); r.close()
    except OSError:
        pass


def a_garbage():
    cmds = [["EHLO garbage.test", "XYZZY", "HELP", "GET / HTTP/1.0", "FOO bar"],
            ["HELO x.test", "MAIL FROM:alice", "MAIL FROM:<a@b@c>", "RCPT TO:<alice@example.test>", "QUIT"],
            ["EHLO x.test", "RCPT TO:<alice@example.test>", "DATA", "QUIT"],
            ["EHLO x.test", "MAIL FROM:<x@remote.test>", "DATA", "RSET", "QUIT"],
            ["EHLO x.test", "MAIL FROM:<x@remote.test> BOGUS=1", "QUIT"],
            ["EHLO x.test", "VRFY alice", "EXPN team", "ETRN example.test", "QUIT"],
            ["EHLO x.test", "MAIL FROM:<x@remote.test>", "MAIL FROM:<y@remote.test>", "QUIT"],
            ["EHLO x.test", "AUTH CRAM-MD5", "AUTH PLAIN !!!notbase64", "QUIT"],
            ["EHLO x.test", "STARTTLS", "this is not tls at all", ""],
            ["EHLO x.test", "MAIL FROM:<x@remote.test>", "RCPT TO:<\"bad|pipe\"@example.test>", "RCPT TO:<alice/x@example.test>", "QUIT"],
            ["NOOP", "QUIT"],
            ]
    seq = R.choice(cmds)
    try:
        r = Raw()
        for c in seq:
            r.cmd(c)
        r.close()
    except OSError:
        pass


def a_sync():
    try:
        r = Raw(greet=False)
        r.s.sendall(b"EHLO early.test\r\nMAIL FROM:<x@remote.test>\r\n")
        r.read(); r.read(); r.close()
    except OSError:
        pass


def a_pipeline_bad():
    try:
        r = Raw(); r.cmd("HELO nopipe.test")
        r.s.sendall(b"MAIL FROM:<x@remote.test>\r\nRCPT TO:<alice@example.test>\r\n")
        r.read(); r.read(); r.cmd("QUIT"); r.close()
    except OSError:
        pass


def a_drop():
    k = R.randrange(4)
    try:
        r = Raw()
        if k == 0:
            r.close(); return
        r.cmd("EHLO dropper.test")
        if k == 1:
            r.close(); return
        r.cmd("MAIL FROM:<x@remote.test>"); r.cmd("RCPT TO:<alice@example.test>")
        if k == 2:
            r.close(); return
        r.cmd("DATA"); r.s.sendall(b"Subject: cut\r\n\r\npartial body\r\n"); time.sleep(0.2); r.close()
    except OSError:
        pass


def a_idle():
    def go():
        try:
            r = Raw()
            if R.random() < 0.5:
                r.cmd("EHLO idler.test")
            if R.random() < 0.4:
                r.cmd("MAIL FROM:<x@remote.test>"); r.cmd("RCPT TO:<bob@example.test>"); r.cmd("DATA"); r.s.sendall(b"Subject: slow\r\n\r\n")
            time.sleep(9); r.read(); r.close()
        except OSError:
            pass
    threading.Thread(target=go, daemon=True).start()


def a_flood():
    def go():
        conns = []
        for _ in range(R.choice([5, 6, 7])):
            try:
                conns.append(Raw(greet=False))
            except OSError:
                pass
        for c in conns:
            c.read()
        time.sleep(1)
        for c in conns:
            c.cmd("QUIT"); c.close()
    threading.Thread(target=go, daemon=True).start()


def a_nullsender():
    try:
        s = smtplib.SMTP(H, PORT, local_hostname=helo(), timeout=20); s.ehlo()
        s.mail("<>"); s.rcpt(R.choice(["alice@example.test", "bob@example.test", "ghost@example.test"]))
        s.data(b"Subject: Delivery Status Notification\r\nFrom: MAILER-DAEMON@remote.test\r\n\r\nbounced\r\n"); s.quit()
    except (OSError, smtplib.SMTPException):
        pass


def ex(*args, inp=None):
    try:
        subprocess.run([EXIM, "-C", CONF] + list(args), input=inp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    except subprocess.TimeoutExpired:
        pass


def queue():
    try:
        out = subprocess.run([EXIM, "-C", CONF, "-bpr"], capture_output=True, text=True, timeout=30).stdout
    except subprocess.TimeoutExpired:
        return []
    ids = []
    for l in out.splitlines():
        p = l.split()
        if len(p) >= 3 and len(p[2]) == 16 and p[2].count("-") == 2:
            ids.append((p[2], "*** frozen ***" in l))
    return ids


def a_local():
    frm = R.choice(["alice", "bob", "root", "cron"])
    rc = R.choice(["alice", "bob@example.test", "team", "someone@remote.test", "ops@dead.test", "nosuchuser", "void"])
    mode = R.choice(["-odi", "-odq", "-odb"])
    data = "Subject: %s\nFrom: %s@example.test\n\n%s" % (subject(), frm, body(300))
    ex(mode, "-f", frm + "@example.test", rc, inp=data.encode())


ADMIN = ["qff", "qff", "q", "qf", "R", "Mf", "Mf", "Mt", "Mt", "Mrm", "Mrm", "Mg", "Mg", "Mar", "Mmd", "M", "hup", "hup"]


def a_admin():
    q = queue()
    k = R.choice(ADMIN)
    if k == "qff":
        ex("-qff")
    elif k == "qf":
        ex("-qf")
    elif k == "q":
        ex("-q")
    elif k == "R":
        ex("-qff", "-R", R.choice(["dead.test", "remote.test"]))
    elif k == "hup":
        while "hup" in ADMIN:
            ADMIN.remove("hup")
        try:
            os.kill(int(open(os.environ["EXIM_PIDFILE"]).read()), 1)
        except (OSError, ValueError):
            pass
    elif q:
        mid, frozen = R.choice(q)
        if k == "Mf":
            ex("-Mf", mid)
        elif k == "Mt":
            fr = [m for m, f in q if f]
            ex("-Mt", R.choice(fr) if fr else mid)
        elif k == "Mrm":
            ex("-Mrm", mid)
        elif k == "Mg":
            ex("-Mg", mid)
        elif k == "Mar":
            ex("-Mar", mid, R.choice(["bob@example.test", "ops@dead.test"]))
        elif k == "Mmd":
            out = subprocess.run([EXIM, "-C", CONF, "-bp", mid], capture_output=True, text=True).stdout.split()
            rc = [w for w in out if "@" in w and not w.startswith("<")]
            if rc:
                ex("-Mmd", mid, rc[-1])
        elif k == "M":
            ex("-M", mid)


def admin_loop(end):
    while time.time() < end:
        time.sleep(R.uniform(6, 14))
        a_admin()


ACTIONS = [(a_good, 14), (a_auth_submit, 6), (a_auth_bad, 3), (a_remote, 6), (a_dead, 3), (a_loop, 1),
           (a_unknown, 4), (a_relay, 4), (a_sender_bad, 3), (a_too_many, 2), (a_big, 2), (a_large_ok, 1), (a_carol, 2),
           (a_alias, 5), (a_filter, 3), (a_spam, 2), (a_badheader, 2), (a_nomsgid, 1), (a_grey, 2), (a_bulk, 1),
           (a_helo_bad, 2), (a_garbage, 6), (a_sync, 1), (a_pipeline_bad, 1), (a_drop, 3), (a_idle, 1), (a_flood, 1),
           (a_nullsender, 2), (a_local, 4)]
FUNCS = [f for f, w in ACTIONS for _ in range(w)]

end = time.time() + DURATION
threading.Thread(target=admin_loop, args=(end,), daemon=True).start()
while time.time() < end:
    R.choice(FUNCS)()
    time.sleep(R.uniform(0.3, 1.3))
time.sleep(10)
PY
chown -R Debian-exim:Debian-exim "$RUN"
chown root:root exim.conf aliases users quota passwd system.filter key.pem cert.pem
chmod 644 exim.conf system.filter aliases users quota cert.pem; chmod 640 passwd key.pem; chgrp Debian-exim passwd key.pem
chmod 755 "$RUN"
python3 fake_smtp.py 15402 2>/dev/null & FAKE=$!
$EXIM -C "$RUN/exim.conf" -bd -q45s -oP "$RUN/exim.pid"
sleep 1
EXIM_PIDFILE="$RUN/exim.pid" python3 client.py $PORT "$DURATION" "$EXIM" "$RUN/exim.conf"
# a last forced queue run, then stop everything
$EXIM -C "$RUN/exim.conf" -qff >/dev/null 2>&1
sleep 3
kill "$(cat "$RUN/exim.pid")"; kill $FAKE; wait $FAKE 2>/dev/null
sleep 2
cp "$RUN/log/mainlog" "$OUT/exim.log"
for f in rejectlog paniclog; do [ -f "$RUN/log/$f" ] && cp "$RUN/log/$f" "$OUT/exim.$f"; done
chmod 644 "$OUT"/exim.*
wc -l "$OUT/exim.log"
