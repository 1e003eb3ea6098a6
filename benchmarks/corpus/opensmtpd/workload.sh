#!/bin/bash
# Round-11 corpus workload: OpenSMTPD 6.8 (Debian 12 package `opensmtpd`), `smtpd -F -v`
# logging to syslog, captured by a private rsyslogd (RSYSLOG_TraditionalFileFormat) listening on
# its own socket that is bind-mounted over /dev/log in a private mount namespace for smtpd only.
# The package is unpacked (dpkg -x) rather than installed, because it conflicts with any other
# MTA already on the machine; nothing of another mail setup is touched. 127.0.0.1 only, ports
# 19610-19614 (clients also from 127.0.0.5, a "trusted" source allowed to relay). Randomised SMTP
# clients (python smtplib and raw sockets) and smtpctl commands for DURATION seconds, then stop.
# Note: TLS handshakes fail in this Debian build with OpenSSL 3 (upstream issue #1171: the
# privsep key engine reports "missing private key"), so STARTTLS/SMTPS/AUTH only ever fail here.
# Writes $OUT/opensmtpd.log unchanged.
# Run as root on Debian 12: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=$(readlink -f "${1:?out dir}"); DURATION=${2:-220}
W=/tmp/r11-osmtpd            # scratch: config, tables, maildirs, sockets
ROOT=/opt/r11-opensmtpd      # unpacked package
mkdir -p "$OUT" "$W"; rm -f "$OUT/opensmtpd.log"

# ---------- software ----------
export DEBIAN_FRONTEND=noninteractive
command -v rsyslogd >/dev/null || apt-get install -y rsyslog
dpkg -s libevent-2.1-7 >/dev/null 2>&1 || apt-get install -y libevent-2.1-7
if [ ! -x "$ROOT/usr/sbin/smtpd" ]; then
  mkdir -p "$ROOT" && (cd "$W" && apt-get download opensmtpd && dpkg -x opensmtpd_*.deb "$ROOT")
fi
# compiled-in paths: helpers in /usr/libexec/opensmtpd, queue in /var/spool/smtpd, chroot dir
[ -d /usr/libexec/opensmtpd ] || cp -a "$ROOT/usr/libexec/opensmtpd" /usr/libexec/
getent group opensmtpq >/dev/null || groupadd -r opensmtpq
getent passwd opensmtpd >/dev/null || useradd -r -d /var/lib/opensmtpd/empty -s /usr/sbin/nologin opensmtpd
getent passwd opensmtpq >/dev/null || useradd -r -g opensmtpq -d /var/lib/opensmtpd/empty -s /usr/sbin/nologin opensmtpq
rm -rf /var/spool/smtpd   # our own queue from an earlier run (no other OpenSMTPD on the machine)
mkdir -p /var/lib/opensmtpd/empty /var/spool/smtpd; chmod 711 /var/spool/smtpd
chgrp opensmtpq "$ROOT/usr/sbin/smtpctl" && chmod 2555 "$ROOT/usr/sbin/smtpctl"
SMTPD=$ROOT/usr/sbin/smtpd; SMTPCTL=$ROOT/usr/sbin/smtpctl

# ---------- configuration ----------
rm -rf "$W/mail" "$W/rs"; mkdir -p "$W/mail" "$W/rs"; chmod 1777 "$W/mail"
[ -f "$W/key.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=mx.r11.test" \
  -keyout "$W/key.pem" -out "$W/cert.pem" 2>/dev/null
chmod 600 "$W/key.pem"
NOBODY="$(id -u nobody):$(id -g nobody)"
users=(alice bob carol dave erin frank grace heidi)
: > "$W/userbase"
for u in "${users[@]}" tempfail permfail slow; do echo "$u $NOBODY:$W/mail/$u" >> "$W/userbase"; done
cat > "$W/aliases" <<EOF
postmaster: alice
abuse: bob
sales: carol, dave
team: alice, bob, erin
loop1: loop2
loop2: loop1
nowhere: ghost
EOF
: > "$W/creds"
for u in alice bob carol; do echo "$u $($SMTPCTL encrypt secret-$u)" >> "$W/creds"; done
cat > "$W/mda.sh" <<'EOF'
#!/bin/sh
# delivery agent: tempfail@ fails temporarily, permfail@ fails permanently, slow@ sleeps
cat > /dev/null
case "$1" in
  tempfail*) echo "mailbox busy, try later" >&2; exit 75 ;;
  permfail*) echo "no such mailbox here" >&2; exit 1 ;;
  slow*) sleep 3; exit 0 ;;
esac
exit 0
EOF
chmod 755 "$W/mda.sh"
cat > "$W/smtpd.conf" <<EOF
queue ttl 70s
bounce warn-interval 30s
smtp max-message-size 300K
smtp limit max-rcpt 6
smtp limit max-mails 4

pki mx.r11.test cert "$W/cert.pem"
pki mx.r11.test key "$W/key.pem"

table aliases file:$W/aliases
table mailusers file:$W/userbase
table creds file:$W/creds
table badhelo { "^spam", "^bot[0-9]+", "[.]invalid\$" }
table badsender { "^spammer", "@spam[.]example\$" }
table badrcpt { "^honeypot" }

filter f_helo phase helo match helo regex <badhelo> disconnect "554 go away"
filter f_ehlo phase ehlo match helo regex <badhelo> reject "550 bad helo"
filter f_from phase mail-from match mail-from regex <badsender> reject "550 sender refused"
filter f_rcpt phase rcpt-to match rcpt-to regex <badrcpt> junk
filter f_chain chain { f_helo, f_ehlo, f_from, f_rcpt }

listen on 127.0.0.1 port 19610 hostname mx.r11.test tls pki mx.r11.test filter f_chain tag IN
listen on 127.0.0.1 port 19611 hostname mx.r11.test tls-require pki mx.r11.test auth <creds> tag SUB
listen on 127.0.0.1 port 19612 hostname mx.r11.test smtps pki mx.r11.test auth-optional <creds> tag SMTPS

action "local" maildir "$W/mail/%{user.username}" alias <aliases> userbase <mailusers>
action "agent" mda "$W/mda.sh %{rcpt.user}" userbase <mailusers>
action "relay_ok" relay host smtp://127.0.0.1:19614 helo mx.r11.test
action "relay_dead" relay host smtp://127.0.0.1:19613

match from any for rcpt-to regex "^(tempfail|permfail|slow)[+][0-9]+@r11[.]test\$" action "agent"
match from any for domain "r11.test" action "local"
match from any auth for domain "remote.test" action "relay_ok"
match from src 127.0.0.5 for domain "remote.test" action "relay_ok"
match from src 127.0.0.5 for domain "dead.test" action "relay_dead"
match from any mail-from "relay@r11.test" for domain "remote.test" action "relay_ok"
EOF
cat > "$W/rsyslog.conf" <<EOF
global(workDirectory="$W/rs")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$W/log.sock" RateLimit.Interval="0")
if \$inputname == "imuxsock" then action(type="omfile" file="$OUT/opensmtpd.log" template="RSYSLOG_TraditionalFileFormat")
EOF

# ---------- fake remote MTA on 19614: accepts, defers, rejects or drops ----------
cat > "$W/fakemx.py" <<'EOF'
import random, socketserver, sys
class H(socketserver.StreamRequestHandler):
    def w(self, s): self.wfile.write((s + "\r\n").encode())
    def handle(self):
        mood = random.choice(["ok", "ok", "ok", "defer", "reject", "rcpt", "drop", "greet"])
        if mood == "greet":
            self.w("421 too busy, come back later"); return
        self.w("220 fake.remote.test ESMTP")
        while True:
            line = self.rfile.readline()
            if not line: return
            cmd = line.decode(errors="replace").strip().upper()
            if cmd.startswith("EHLO"): self.w("250-fake.remote.test\r\n250 8BITMIME")
            elif cmd.startswith("HELO"): self.w("250 fake.remote.test")
            elif cmd.startswith("MAIL"):
                if mood == "drop": return
                self.w("451 4.3.0 temporary trouble" if mood == "defer" else "250 ok")
            elif cmd.startswith("RCPT"):
                self.w("550 5.1.1 no such user here" if mood in ("rcpt", "reject") and random.random() < .7 else "250 ok")
            elif cmd == "DATA":
                self.w("354 go")
                while self.rfile.readline().rstrip(b"\r\n") != b".": pass
                self.w("554 5.7.1 content rejected" if mood == "reject" else "250 queued as %d" % random.randint(1000, 99999))
            elif cmd == "QUIT": self.w("221 bye"); return
            elif cmd == "RSET" or cmd == "NOOP": self.w("250 ok")
            else: self.w("502 no")
class S(socketserver.ThreadingTCPServer):
    allow_reuse_address = True; daemon_threads = True
S(("127.0.0.1", 19614), H).serve_forever()
EOF

# ---------- clients ----------
cat > "$W/clients.py" <<'EOF'
import random, smtplib, socket, ssl, sys, time
H = "127.0.0.1"
ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]
words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor".split()
def rw(): return random.choice(words) + str(random.randint(1, 999))
def body(n=None):
    n = n or random.randint(1, 40)
    return "Subject: %s %s\r\nMessage-ID: <%s.%d@%s>\r\n\r\n" % (rw(), rw(), rw(), random.randint(1, 1 << 30), random.choice(["r11.test", "client.example"])) + \
        "\r\n".join(" ".join(random.choice(words) for _ in range(12)) for _ in range(n)) + "\r\n"
def sender(): return random.choice(["%s@client.example" % rw(), "%s@r11.test" % random.choice(users), "", "news@lists.example"])
def s(port=19610, tls=False, src="127.0.0.1"):
    c = smtplib.SMTP_SSL(H, 19612, context=ctx, timeout=15, source_address=(src, 0)) if port == 19612 \
        else smtplib.SMTP(H, port, timeout=15, source_address=(src, 0))
    c.ehlo(random.choice(["client.example", "laptop-%d.lan" % random.randint(1, 99), "[%s]" % src]))
    if tls: c.starttls(context=ctx); c.ehlo("client.example")
    return c
def raw(lines, port=19610, pause=0.1, read=True):
    so = socket.create_connection((H, port), timeout=8)
    try:
        so.recv(512)
        for l in lines:
            so.sendall(l if isinstance(l, bytes) else (l + "\r\n").encode())
            time.sleep(pause)
            if read:
                try: so.recv(4096)
                except socket.timeout: pass
    finally: so.close()

def good_local():
    with s(19610, random.random() < .04) as c:
        rc = random.sample(users + ["postmaster", "sales", "team", "abuse"], random.randint(1, 3))
        c.sendmail(sender(), ["%s@r11.test" % r for r in rc], body())
def unknown_user():
    with s() as c:
        try: c.sendmail(sender(), ["%s@r11.test" % rw(), random.choice(users) + "@r11.test"], body())
        except smtplib.SMTPException: pass
def relay_denied():
    with s() as c:
        try: c.sendmail(sender(), ["%s@%s" % (rw(), random.choice(["gmail.example", "remote.test", "dead.test", "other.org"]))], body())
        except smtplib.SMTPException: pass
def trusted_relay():
    with s(src="127.0.0.5") as c:
        dom = random.choice(["remote.test", "remote.test", "dead.test"])
        try: c.sendmail("%s@r11.test" % random.choice(users), ["%s@%s" % (rw(), dom) for _ in range(random.randint(1, 3))], body())
        except smtplib.SMTPException: pass
def tls_auth():
    port = random.choice([19610, 19611, 19612])
    with s(port, port != 19612) as c:
        u = random.choice(["alice", "bob", "mallory"])
        c.login(u, random.choice(["secret-" + u, rw()]))
def auth_no_tls():
    raw(["EHLO sub.example", random.choice(["AUTH PLAIN AGFsaWNlAHNlY3JldC1hbGljZQ==", "AUTH LOGIN", "AUTH CRAM-MD5"]),
         "MAIL FROM:<alice@r11.test>", "RCPT TO:<x@remote.test>", "QUIT"], port=19611)
def auth_plain_port():
    with s() as c:
        try: c.login("alice", "secret-alice")
        except smtplib.SMTPException: pass
def no_tls_submission():
    raw(["EHLO nosec.example", "AUTH PLAIN AGFsaWNlAHNlY3JldC1hbGljZQ==", "MAIL FROM:<alice@r11.test>", "QUIT"], port=19611)
def large():
    with s() as c:
        try: c.sendmail(sender(), ["%s@r11.test" % random.choice(users)], body(random.randint(4000, 9000)))
        except smtplib.SMTPException: pass
def too_many_rcpt():
    with s() as c:
        try: c.sendmail(sender(), ["%s@r11.test" % random.choice(users) for _ in range(random.randint(7, 10))], body())
        except smtplib.SMTPException: pass
def many_mails():
    with s() as c:
        for i in range(random.randint(3, 6)):
            try: c.sendmail(sender(), ["%s@r11.test" % random.choice(users)], body())
            except smtplib.SMTPException: break
def agent():
    with s() as c:
        c.sendmail(sender(), ["%s+%d@r11.test" % (random.choice(["tempfail", "permfail", "slow"]), random.randint(1, 99))], body())
def bad_commands():
    seq = random.choice([
        ["HELO", "EHLO", "FOO bar", "MAIL FROM:<x@y>", "QUIT"],
        ["EHLO bad.example", "RCPT TO:<alice@r11.test>", "DATA", "QUIT"],
        ["EHLO bad.example", "MAIL FROM:<broken", "MAIL FROM:<a@b.example> SIZE=abc", "QUIT"],
        ["EHLO bad.example", "MAIL FROM:<a@b.example>", "MAIL FROM:<c@d.example>", "RCPT TO:<@@>", "DATA", "QUIT"],
        ["GET / HTTP/1.0", "Host: x", ""],
        ["EHLO bad.example", "VRFY alice", "EXPN team", "HELP", "NOOP", "RSET", "TURN", "QUIT"],
        ["EHLO bad.example", "STARTTLS", "garbage-in-tls"],
        ["EHLO x" + "y" * random.randint(600, 1200), "QUIT"],
        ["EHLO bad.example", "MAIL FROM:<a@b.example> BODY=9BIT", "MAIL FROM:<a@b.example> FOO=bar", "QUIT"],
        ["EHLO bad.example", "AUTH LOGIN", "QUIT"],
        [b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(random.randrange(256) for _ in range(40))],
    ])
    raw(seq)
def filtered():
    r = random.random()
    if r < .35:
        raw(["HELO %s" % random.choice(["spamhost.example", "bot%d.example" % random.randint(1, 99), "box.invalid"]), "MAIL FROM:<x@y.example>", "QUIT"])
    elif r < .6:
        raw(["EHLO %s" % random.choice(["spam%d.example" % random.randint(1, 99), "bot%d" % random.randint(1, 99)]), "QUIT"])
    else:
        with s() as c:
            try:
                c.sendmail(random.choice(["spammer%d@client.example" % random.randint(1, 99), "x%d@spam.example" % random.randint(1, 99), "ok@client.example"]),
                           [random.choice(["honeypot%d@r11.test" % random.randint(1, 9), "alice@r11.test"])], body())
            except smtplib.SMTPException: pass
def dropped():
    so = socket.create_connection((H, 19610), timeout=5); so.recv(512)
    for l in ["EHLO drop.example", "MAIL FROM:<d@drop.example>", "RCPT TO:<%s@r11.test>" % random.choice(users), "DATA"][:random.randint(0, 4)]:
        so.sendall((l + "\r\n").encode()); time.sleep(.1); so.recv(512)
    so.sendall(b"Subject: half\r\n\r\npartial body")
    so.close()
def loop_alias():
    with s() as c:
        try: c.sendmail(sender(), [random.choice(["loop1@r11.test", "nowhere@r11.test"])], body())
        except smtplib.SMTPException: pass
def null_sender_relay():
    with s() as c:
        try: c.sendmail("relay@r11.test", ["%s@remote.test" % rw()], body())
        except smtplib.SMTPException: pass
def local_enqueue():
    import subprocess
    rc = ["%s@r11.test" % random.choice(users + ["team", "sales", rw()]) for _ in range(random.randint(1, 2))]
    subprocess.run([sys.argv[1], "-f", random.choice(["cron@r11.test", "root", "backup@r11.test"])] + rc,
                   input=body().replace("\r\n", "\n").encode(), timeout=20)
acts = [(good_local, 14), (unknown_user, 5), (relay_denied, 5), (trusted_relay, 7), (tls_auth, 2), (auth_plain_port, 2),
        (auth_no_tls, 2), (no_tls_submission, 1), (large, 2), (too_many_rcpt, 2), (many_mails, 2), (agent, 4),
        (bad_commands, 6), (filtered, 4), (dropped, 3), (loop_alias, 2), (null_sender_relay, 2), (local_enqueue, 3)]
fn = globals()[sys.argv[2]] if len(sys.argv) > 2 else random.choices([a for a, _ in acts], [w for _, w in acts])[0]
try: fn()
except Exception as e: print(fn.__name__, type(e).__name__, e, file=sys.stderr)
EOF

# ---------- run ----------
start_rsyslog() { rsyslogd -n -f "$W/rsyslog.conf" -i "$W/rsyslogd.pid" & echo $! > "$W/rsyslog.bgpid"; sleep 1; }
# smtpd runs in a private mount namespace whose /dev is a fresh tmpfs holding the usual device
# nodes and our rsyslog socket as /dev/log; the host's /dev is not changed.
start_smtpd() {
  unshare -m --propagation private bash -c '
    W=$1; shift
    mkdir -p "$W/olddev"; mount --rbind /dev "$W/olddev"
    mount -t tmpfs -o mode=755 r11dev /dev
    for n in null zero full random urandom tty; do touch /dev/$n; mount --bind "$W/olddev/$n" /dev/$n; done
    mkdir /dev/pts /dev/shm; mount --rbind "$W/olddev/pts" /dev/pts; mount --rbind "$W/olddev/shm" /dev/shm
    ln -s /proc/self/fd /dev/fd; ln -s fd/0 /dev/stdin; ln -s fd/1 /dev/stdout; ln -s fd/2 /dev/stderr
    touch /dev/log; mount --bind "$W/log.sock" /dev/log
    exec "$@"' nsrun "$W" "$SMTPD" -F -v -f "$W/smtpd.conf" "$@" &
  echo $! > "$W/smtpd.bgpid"; sleep 2
}
stop_smtpd() { kill "$(cat "$W/smtpd.bgpid")" 2>/dev/null; wait "$(cat "$W/smtpd.bgpid")" 2>/dev/null; }

start_rsyslog
python3 "$W/fakemx.py" & echo $! > "$W/fakemx.bgpid"
start_smtpd
r() { echo $((RANDOM % $1)); }
msgid() { $SMTPCTL show queue 2>/dev/null | awk -F'|' 'NF>1{print substr($1,1,8)}' | sort -u | shuf -n1; }
evid() { $SMTPCTL show queue 2>/dev/null | awk -F'|' 'NF>1{print $1}' | shuf -n1; }
CLIENTS=()
# client actions are dealt from a shuffled deck (weights = repetitions) so that each kind occurs
ACTS=(good_local good_local good_local good_local unknown_user unknown_user relay_denied relay_denied
      trusted_relay trusted_relay trusted_relay tls_auth auth_plain_port auth_no_tls no_tls_submission large
      too_many_rcpt many_mails agent agent bad_commands bad_commands bad_commands filtered filtered dropped
      dropped loop_alias null_sender_relay local_enqueue local_enqueue)
DECK=()
draw() { [ ${#DECK[@]} -gt 0 ] || DECK=($(printf '%s\n' "${ACTS[@]}" | shuf)); ACT=${DECK[0]}; DECK=("${DECK[@]:1}"); }
END=$((SECONDS + DURATION)); NEXT_RESTART=$((SECONDS + 70 + $(r 30)))
while [ $SECONDS -lt $END ]; do
  for i in $(seq $((1 + $(r 6) / 5))); do
    draw; timeout 30 python3 "$W/clients.py" "$ROOT/usr/sbin/sendmail" "$ACT" & CLIENTS+=($!)
  done
  case $(r 24) in
    0) $SMTPCTL show queue >/dev/null ;;
    1) $SMTPCTL show stats >/dev/null ;;
    2) $SMTPCTL pause mta; sleep $((1 + $(r 3))); $SMTPCTL resume mta ;;
    3) $SMTPCTL pause mda; sleep $((1 + $(r 3))); $SMTPCTL resume mda ;;
    4) $SMTPCTL schedule all ;;
    5) id=$(msgid); [ -n "$id" ] && $SMTPCTL schedule "$id" ;;
    6) id=$(evid); [ -n "$id" ] && $SMTPCTL remove "$id" ;;
    7) id=$(msgid); [ -n "$id" ] && $SMTPCTL remove "$id" ;;
    8) id=$(msgid); [ -n "$id" ] && { $SMTPCTL pause envelope "$id"; sleep 1; $SMTPCTL resume envelope "$id"; } ;;
    9) echo "sales: carol, dave, $(shuf -n1 -e erin frank grace heidi)" > "$W/aliases.new"; grep -v '^sales:' "$W/aliases" >> "$W/aliases.new"
       mv "$W/aliases.new" "$W/aliases"; $SMTPCTL update table aliases ;;
    10) $SMTPCTL show hosts >/dev/null; $SMTPCTL show relays >/dev/null; $SMTPCTL show routes >/dev/null ;;
    11) $SMTPCTL log brief; sleep 2; $SMTPCTL log verbose ;;
    12) id=$(evid); [ -n "$id" ] && $SMTPCTL show envelope "$id" >/dev/null ;;
    13) $SMTPCTL schedule "$(printf '%08x%08x' $RANDOM $RANDOM)"; $SMTPCTL remove "$(printf '%08x' $RANDOM$RANDOM)" ;;
    14) t=$(shuf -n1 -e smtp mta bounce scheduler expand lookup rules); $SMTPCTL trace $t; sleep 0.$((5 + $(r 5))); $SMTPCTL untrace $t ;;
    15) id=$(evid); [ -n "$id" ] && $SMTPCTL show message "$id" >/dev/null 2>&1 ;;
    16) id=$(msgid); [ -n "$id" ] && $SMTPCTL discover "$id" ;;
    17) $SMTPCTL update table mailusers ;;
  esac
  if [ $SECONDS -ge $NEXT_RESTART ]; then
    { [ ${#CLIENTS[@]} -eq 0 ] || wait "${CLIENTS[@]}" 2>/dev/null; }; CLIENTS=()
    $SMTPCTL show queue >/dev/null
    kill -$(shuf -n1 -e TERM INT) "$(cat "$W/smtpd.bgpid")"; wait "$(cat "$W/smtpd.bgpid")" 2>/dev/null
    sleep 1; start_smtpd
    NEXT_RESTART=$((SECONDS + 70 + $(r 30)))
  fi
  sleep $((5 + $(r 3))).$(r 9)
done
{ [ ${#CLIENTS[@]} -eq 0 ] || wait "${CLIENTS[@]}" 2>/dev/null; }
$SMTPCTL schedule all; sleep 4
stop_smtpd
kill "$(cat "$W/fakemx.bgpid")"; wait "$(cat "$W/fakemx.bgpid")" 2>/dev/null
sleep 1; kill "$(cat "$W/rsyslog.bgpid")"; wait "$(cat "$W/rsyslog.bgpid")" 2>/dev/null
