#!/bin/bash
# Round-4 corpus workload: Postfix 3.7 (Debian 12 package) writing its own log file through
# `maillog_file` and the `postlog` (postlogd) service in master.cf, for DURATION seconds of
# randomised SMTP traffic on 127.0.0.1 only. A private instance (config, queue and mail spool
# under OUT_DIR) listens on 127.0.0.1:15325 (restricted smtpd) and :15326 (a second smtpd that
# rejects every client); local users alice and bob (created for the run, removed after) get mail
# in OUT_DIR/pf/mail; relay domains go to a python fake SMTP server (:15327: accepts, 550s or
# 451s by domain), a silent server (:15328) or a dead port (:15399); no DNS is used.
# Writes $OUT/postfix.log unchanged. Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-270}
OUT=$(readlink -f "$OUT"); mkdir -p "$OUT"
PF=$OUT/pf; C=$PF/etc
PY=/usr/bin/python3
P=15325; P2=15326; FAKE=15327; SILENT=15328
r() { echo $((RANDOM % $1)); }

if [ -f "$C/main.cf" ]; then postfix -c "$C" stop >/dev/null 2>&1; fi
rm -rf "$PF"; rm -f "$OUT/postfix.log"
mkdir -p "$C" "$PF/spool" "$PF/data" "$PF/mail"
chmod 1777 "$PF/mail"; chown postfix "$PF/data"
made_users=""
for u in alice bob; do
  id "$u" >/dev/null 2>&1 || { useradd -M -d /nonexistent -s /usr/sbin/nologin "$u"; made_users="$made_users $u"; }
done

cat > "$C/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $PF/spool
data_directory = $PF/data
mail_owner = postfix
setgid_group = postdrop
maillog_file = $OUT/postfix.log
maillog_file_prefixes = /var, /dev/stdout, $OUT
myhostname = mail.example.test
mydomain = example.test
myorigin = \$mydomain
mydestination = \$myhostname, localhost, example.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 192.0.2.0/24
relay_domains = partner.test, reject.test, tempfail.test, slow.test, unreachable.test
transport_maps = hash:$C/transport
default_transport = smtp:[127.0.0.1]:15399
relay_transport = smtp:[127.0.0.1]:15399
smtp_dns_support_level = disabled
smtp_host_lookup = native
smtp_connect_timeout = 4s
smtp_helo_timeout = 6s
alias_maps = hash:$C/aliases
alias_database = hash:$C/aliases
mail_spool_directory = $PF/mail
default_privs = nobody
biff = no
smtpd_banner = \$myhostname ESMTP
smtpd_helo_required = yes
smtpd_helo_restrictions = reject_invalid_helo_hostname, reject_non_fqdn_helo_hostname, check_helo_access hash:$C/helo_access
smtpd_sender_restrictions = reject_non_fqdn_sender, check_sender_access hash:$C/sender_access
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_recipient_restrictions = reject_non_fqdn_recipient, check_recipient_access hash:$C/recipient_access, reject_unlisted_recipient
smtpd_data_restrictions = reject_unauth_pipelining
smtpd_soft_error_limit = 3
smtpd_hard_error_limit = 6
smtpd_error_sleep_time = 0
smtpd_timeout = 8s
smtpd_client_connection_count_limit = 6
smtpd_client_connection_rate_limit = 80
anvil_rate_time_unit = 60s
anvil_status_update_time = 90s
message_size_limit = 120000
disable_vrfy_command = yes
smtpd_forbid_bare_newline = normalize
header_checks = regexp:$C/header_checks
queue_run_delay = 25s
minimal_backoff_time = 20s
maximal_backoff_time = 50s
maximal_queue_lifetime = 90s
bounce_queue_lifetime = 90s
delay_warning_time = 1m
smtpd_tls_security_level = none
smtp_tls_security_level = none
notify_classes = resource, software
EOF

cat > "$C/master.cf" <<EOF
127.0.0.1:$P inet n - n - - smtpd
127.0.0.1:$P2 inet n - n - - smtpd
  -o syslog_name=postfix/closed
  -o smtpd_client_restrictions=permit_mynetworks,reject
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
        -o syslog_name=postfix/\$service_name
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF

cat > "$C/transport" <<EOF
partner.test      smtp:[127.0.0.1]:$FAKE
reject.test       smtp:[127.0.0.1]:$FAKE
tempfail.test     smtp:[127.0.0.1]:$FAKE
slow.test         smtp:[127.0.0.1]:$SILENT
unreachable.test  smtp:[127.0.0.1]:15399
EOF
cat > "$C/aliases" <<EOF
postmaster: alice
root: alice
abuse: bob
sales: alice, bob
archive: $PF/mail/archive.mbox
blackhole: /dev/null
robot: "|/bin/false"
printer: "|/bin/cat > /dev/null"
partners: ops@partner.test, nobody@reject.test
loop1: loop2@example.test
loop2: loop1@example.test
listx: :include:$C/no-such-list
EOF
cat > "$C/helo_access" <<EOF
spammer.example     REJECT You are not welcome here
bad.helo.test       550 5.7.1 HELO name blocked by policy
EOF
cat > "$C/sender_access" <<EOF
spam.test           REJECT
blocked@sender.test 554 5.7.1 Sender address blacklisted
EOF
cat > "$C/recipient_access" <<EOF
closed@example.test REJECT Mailbox closed
info@example.test   450 4.2.1 Mailbox temporarily disabled
EOF
cat > "$C/header_checks" <<EOF
/^Subject:.*casino/      REJECT Spam subject
/^Subject:.*urgent/      WARN
/^X-Hold:/               HOLD
/^X-Discard:/            DISCARD
EOF
for m in transport helo_access sender_access recipient_access; do postmap "hash:$C/$m"; done
postalias "hash:$C/aliases"
touch "$OUT/postfix.log"

# ---- fake remote SMTP servers (stopped at the end) ----
$PY - $FAKE $SILENT <<'PYEOF' &
import socket, threading, random, time, sys
fake, silent = int(sys.argv[1]), int(sys.argv[2])
def serve(c):
    f = c.makefile("rb"); w = lambda s: c.sendall(s.encode() + b"\r\n")
    try:
        w("220 mx.partner.test ESMTP fake")
        rcpts = 0
        while True:
            line = f.readline()
            if not line: break
            cmd = line.decode(errors="replace").strip(); up = cmd.upper()
            if up.startswith(("EHLO", "HELO")): w("250-mx.partner.test\r\n250 8BITMIME")
            elif up.startswith("MAIL"): w("250 2.1.0 Ok")
            elif up.startswith("RCPT"):
                if "reject.test" in cmd: w("550 5.1.1 <%s>: Recipient address rejected: User unknown" % cmd[8:].strip("<> "))
                elif "tempfail.test" in cmd: w("451 4.3.0 Temporary lookup failure, try later")
                elif random.random() < 0.1: w("452 4.2.2 Mailbox full")
                else: w("250 2.1.5 Ok"); rcpts += 1
            elif up == "DATA":
                if not rcpts: w("554 5.5.1 No valid recipients"); continue
                w("354 End data with <CR><LF>.<CR><LF>")
                while True:
                    l = f.readline()
                    if not l or l in (b".\r\n", b".\n"): break
                if random.random() < 0.15: w("554 5.7.1 Message content rejected"); continue
                w("250 2.0.0 Ok: queued as %X" % random.getrandbits(40))
            elif up == "RSET": w("250 2.0.0 Ok"); rcpts = 0
            elif up == "QUIT": w("221 2.0.0 Bye"); break
            else: w("502 5.5.2 Error: command not recognized")
    except OSError: pass
    c.close()
def hold(c):
    time.sleep(20); c.close()
def listen(port, fn):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(20)
    while True:
        c, _ = s.accept(); threading.Thread(target=fn, args=(c,), daemon=True).start()
threading.Thread(target=listen, args=(silent, hold), daemon=True).start()
threading.Thread(target=listen, args=(fake, serve), daemon=True).start()
time.sleep(3600)
PYEOF
FAKEPID=$!

postfix -c "$C" start >/dev/null 2>&1
sleep 2

# ---- SMTP clients ----
smtp() {  # python smtplib/raw-socket scenarios; $1 = scenario
  $PY - "$P" "$P2" "$1" <<'PYEOF' 2>/dev/null
import smtplib, socket, random, sys, time
port, port2, kind = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
R = random.randint
local = ["alice", "bob", "sales", "postmaster", "archive", "blackhole", "robot", "printer", "abuse", "partners", "loop1", "listx", "root"]
senders = ["alice@example.test", "bob@example.test", "carol@sender.test", "dave@partner.test", "news@lists.sender.test", ""]
subjects = ["hello", "meeting at %d" % R(1, 12), "invoice %d" % R(1000, 9999), "urgent: reply needed", "weekly report", "casino bonus %d" % R(1, 99)]
def msg(frm, to, subj=None, size=None, extra=""):
    body = "\r\n".join("line %d %s" % (i, "x" * R(10, 70)) for i in range(size or R(3, 40)))
    return ("From: <%s>\r\nTo: <%s>\r\nSubject: %s\r\nMessage-ID: <%d.%d@client.test>\r\n%s\r\n%s\r\n"
            % (frm, to, subj or random.choice(subjects), R(1, 10**9), R(1, 999), extra, body))
def raw(lines, p=port, read=True, pause=0.05):
    s = socket.create_connection(("127.0.0.1", p), timeout=10)
    f = s.makefile("rb"); f.readline()
    for l in lines:
        if l is None: s.close(); return
        s.sendall(l if isinstance(l, bytes) else l.encode() + b"\r\n")
        time.sleep(pause)
        if read:
            try:
                while True:
                    x = f.readline()
                    if not x or x[3:4] != b"-": break
            except socket.timeout: break
    s.close()
helo = random.choice(["client.example.org", "ws%d.office.test" % R(1, 40), "mailer.sender.test"])
try:
    if kind == "good":
        s = smtplib.SMTP("127.0.0.1", port, local_hostname=helo, timeout=15)
        frm = random.choice(senders); rc = ["%s@example.test" % random.choice(local) for _ in range(R(1, 3))]
        s.sendmail(frm, rc, msg(frm, rc[0]))
        if R(0, 2) == 0: s.sendmail(frm, ["alice@example.test"], msg(frm, "alice@example.test"))
        s.quit()
    elif kind == "relaydom":   # allowed relay domains: delivered, bounced, deferred, timed out
        s = smtplib.SMTP("127.0.0.1", port, local_hostname=helo, timeout=15)
        frm = random.choice(senders[:4]); d = random.choice(["partner.test", "partner.test", "reject.test", "tempfail.test", "slow.test", "unreachable.test"])
        s.sendmail(frm, ["user%d@%s" % (R(1, 9), d)], msg(frm, "x@" + d)); s.quit()
    elif kind == "unknown":
        s = smtplib.SMTP("127.0.0.1", port, local_hostname=helo, timeout=15)
        s.ehlo(); s.mail(random.choice(senders))
        for _ in range(R(1, 2)): s.rcpt("nosuch%d@example.test" % R(1, 99))
        s.rcpt(random.choice(["closed@example.test", "info@example.test", "alice@example.test"]))
        if R(0, 1): s.data(msg("x@sender.test", "alice@example.test"))
        s.quit()
    elif kind == "relay":
        s = smtplib.SMTP("127.0.0.1", port, local_hostname=helo, timeout=15)
        s.ehlo(); s.mail(random.choice(senders))
        s.rcpt(random.choice(["victim%d@elsewhere.org" % R(1, 99), "someone@gmail.invalid", "alice%example.test@relay.test", "@bad.route:x@y.test"])); s.quit()
    elif kind == "helo":
        raw([random.choice(["HELO spammer.example", "EHLO bad.helo.test", "HELO localhost", "EHLO [300.1.2.3]", "HELO bad..name", "EHLO me"]),
             "MAIL FROM:<x@sender.test>", "RCPT TO:<alice@example.test>", "QUIT"])
    elif kind == "nohelo":
        raw(["MAIL FROM:<x@sender.test>", "RCPT TO:<bob@example.test>", "QUIT"])
    elif kind == "sender":
        raw(["EHLO " + helo, random.choice(["MAIL FROM:<promo@spam.test>", "MAIL FROM:<blocked@sender.test>", "MAIL FROM:<nodomain>", "MAIL FROM:<bad@@x>", "MAIL FROM:bare@sender.test"]),
             "RCPT TO:<alice@example.test>", "QUIT"])
    elif kind == "malformed":
        raw(["EHLO " + helo] + random.sample(["FOO BAR", "MAIL TO:<x>", "RCPT FROM:<y>", "DATA", "MAIL FROM:<a@b.test> SIZE=abc", "HELP", "NOOP", "VRFY alice", "ETRN example.test", "AUTH PLAIN AGFsaWNlAHRlc3Q=", "STARTTLS", "\x01\x02garbage\xff", "EXPN sales", "TURN", "BDAT 10"], R(2, 6)) + ["QUIT"])
    elif kind == "errors":
        raw(["EHLO " + helo] + ["XYZZY %d" % i for i in range(8)] + ["QUIT"])
    elif kind == "nonsmtp":
        raw([random.choice(["GET / HTTP/1.1", "POST /login HTTP/1.0", "CONNECT 10.0.0.1:25 HTTP/1.0", "User-Agent: scanner"]), "Host: x", "QUIT"])
    elif kind == "big":
        s = smtplib.SMTP("127.0.0.1", port, local_hostname=helo, timeout=15)
        if R(0, 1):
            s.ehlo(); code, _ = s.docmd("MAIL FROM:<bulk@sender.test> SIZE=%d" % R(200000, 9000000)); s.quit()
        else:
            s.sendmail("bulk@sender.test", ["bob@example.test"], msg("bulk@sender.test", "bob@example.test", size=R(2500, 4000)))
    elif kind == "drop":
        stage = random.choice([1, 2, 3, 4, 5])
        lines = ["EHLO " + helo, "MAIL FROM:<x%d@sender.test>" % R(1, 99), "RCPT TO:<alice@example.test>", "DATA", "Subject: half\r\n\r\npartial body"]
        raw(lines[:stage] + [None], read=stage < 5)
    elif kind == "idle":
        s = socket.create_connection(("127.0.0.1", port), timeout=15); s.recv(100)
        if R(0, 1): s.sendall(b"EHLO " + helo.encode() + b"\r\n")
        time.sleep(10); s.close()
    elif kind == "pipelining":
        s = socket.create_connection(("127.0.0.1", port), timeout=10); s.recv(100)
        s.sendall(("EHLO %s\r\nMAIL FROM:<p@sender.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\nSubject: pipe\r\n\r\nbody\r\n.\r\nQUIT\r\n" % helo).encode())
        time.sleep(1); s.close()
    elif kind == "headers":
        s = smtplib.SMTP("127.0.0.1", port, local_hostname=helo, timeout=15)
        extra = random.choice(["X-Hold: yes\r\n", "X-Discard: 1\r\n", ""])
        s.sendmail("carol@sender.test", ["alice@example.test"], msg("carol@sender.test", "alice@example.test", subj=random.choice(["casino night", "urgent: invoice", "hello"]), extra=extra.rstrip("\r\n")))
        s.quit()
    elif kind == "closed":
        raw(["EHLO " + helo, "MAIL FROM:<a@sender.test>", "RCPT TO:<alice@example.test>", "QUIT"], p=port2)
    elif kind == "bareLF":
        s = socket.create_connection(("127.0.0.1", port), timeout=10); f = s.makefile("rb"); f.readline()
        for l in [b"EHLO " + helo.encode() + b"\r\n", b"MAIL FROM:<lf@sender.test>\r\n", b"RCPT TO:<bob@example.test>\r\n", b"DATA\r\n"]:
            s.sendall(l); f.readline()
            while True:
                x = f.readline()
                if x[3:4] != b"-": break
        s.sendall(b"Subject: bare\n\nline one\nline two\r\n.\r\nQUIT\r\n"); time.sleep(0.5); s.close()
    elif kind == "flood":
        socks = []
        for i in range(R(7, 9)):
            try:
                c = socket.create_connection(("127.0.0.1", port), timeout=5); socks.append(c)
            except OSError: pass
        time.sleep(1)
        for c in socks: c.close()
except (smtplib.SMTPException, OSError):
    pass
PYEOF
}

submit() {  # local submission through sendmail(1): pickup, some to outside domains
  local to=${1}
  printf 'Subject: cron job %s\n\noutput of job %s\n' $RANDOM $RANDOM | sendmail -C "$C" -f "$(echo root alice bob | tr ' ' '\n' | shuf -n1)" "$to"
}

qids() { postqueue -c "$C" -j 2>/dev/null | $PY -c "
import sys,json
for l in sys.stdin:
    d=json.loads(l)
    if d['queue_name']==sys.argv[1]: print(d['queue_id'])" "$1"; }

END=$((SECONDS + DURATION))
kinds=(good good good good relaydom relaydom relaydom unknown unknown relay relay helo nohelo sender malformed malformed errors nonsmtp big drop drop idle pipelining headers headers closed bareLF)
while [ $SECONDS -lt $END ]; do
  case $(r 20) in
    0|1|2|3|4|5|6|7|8|9|10|11) smtp ${kinds[$(r ${#kinds[@]})]} & ;;
    12) submit "$(echo alice bob sales alice@partner.test ceo@faraway.test robot nosuchuser | tr ' ' '\n' | shuf -n1)" ;;
    13) [ $(r 3) = 0 ] && postfix -c "$C" reload >/dev/null 2>&1 ;;
    14) postqueue -c "$C" -f >/dev/null 2>&1 ;;
    15) # delete a deferred message, or release / requeue held and deferred mail
        case $(r 8) in
          0) id=$(qids deferred | shuf -n1); [ -n "$id" ] && postsuper -c "$C" -d "$id" >/dev/null 2>&1 ;;
          1|4|5|6|7) postqueue -c "$C" -f >/dev/null 2>&1 ;;
          2) postsuper -c "$C" -H ALL >/dev/null 2>&1 ;;
          3) id=$(qids deferred | shuf -n1); [ -n "$id" ] && postsuper -c "$C" -r "$id" >/dev/null 2>&1 ;;
        esac ;;
    16) id=$(qids hold | shuf -n1); [ -n "$id" ] && postsuper -c "$C" -d "$id" >/dev/null 2>&1 ;;
    17) [ $(r 4) = 0 ] && smtp flood & ;;
    18) postqueue -c "$C" -s partner.test >/dev/null 2>&1 || true ;;
    19) [ $(r 3) = 0 ] && postsuper -c "$C" -h ALL deferred >/dev/null 2>&1 && sleep 1 && postsuper -c "$C" -H ALL >/dev/null 2>&1 ;;
  esac
  sleep 0.$((5 + $(r 5)))
done
sleep 12
postqueue -c "$C" -f >/dev/null 2>&1; sleep 5
postsuper -c "$C" -d ALL deferred >/dev/null 2>&1
postfix -c "$C" stop >/dev/null 2>&1
sleep 2
kill $FAKEPID 2>/dev/null; wait $FAKEPID 2>/dev/null
for u in $made_users; do userdel "$u" 2>/dev/null; done
