#!/bin/bash
# Round-19 corpus workload: amavisd-new 2.13 (Debian 12 package) as an SMTP/LMTP content filter on
# 127.0.0.1, own log file ($DO_SYSLOG=0, $LOGFILE, $log_level=2, 3 on the LMTP port), with a private clamd (own
# signature database) and in-process SpamAssassin (local rules only), forwarding to a small
# scripted SMTP sink that accepts, tempfails or rejects.  Randomised SMTP/LMTP clients for DURATION
# seconds: clean mail, spam, viruses, banned attachments, bad headers, oversized mail, multiple
# recipients, bad commands, dropped and idle sessions, clamd stopped and restarted, reloads,
# amavisd restart and stop.  Writes $OUT/amavis.log (unchanged).
# Run as root on Debian 12:
#   apt-get install -y amavisd-new spamassassin clamav-daemon
#   bash workload.sh OUT_DIR [DURATION]
# Ports used: 22024 (SMTP in), 22025 (LMTP in), 22026 (sink).
set -u
OUT=$(readlink -f "${1:?out dir}"); DURATION=${2:-150}
W=/tmp/r19amavis
mkdir -p "$OUT"
rm -rf "$W"; mkdir -p "$W"/{home/tmp,home/db,home/var,home/virusmails,clamdb,sa,log,run}
rm -f "$OUT/amavis.log"
chown -R amavis:amavis "$W/home" "$W/log" "$W/run"
chmod 755 "$W"

# ---- clamd with its own signatures (runs as amavis so it can read amavis' temp files) ----
printf 'Test.R19.Worm:0:*:5231392d574f524d2d5349474e4154555245\n' >  "$W/clamdb/r19.ndb"   # R19-WORM-SIGNATURE
printf 'Test.R19.Trojan:0:*:5231392d54524f4a414e2d424f4459\n'     >> "$W/clamdb/r19.ndb"   # R19-TROJAN-BODY
printf 'Eicar-Test-Signature:0:0:58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a\n' >> "$W/clamdb/r19.ndb"
cat > "$W/clamd.conf" <<EOF
LocalSocket $W/run/clamd.sock
User amavis
Foreground yes
DatabaseDirectory $W/clamdb
LogFile $W/log/clamd.log
AllowSupplementaryGroups yes
EOF
chown -R amavis "$W/clamdb"
start_clamd() { clamd -c "$W/clamd.conf" >/dev/null 2>&1 & echo $! > "$W/clamd.pid"; sleep 2; }
stop_clamd() { kill "$(cat "$W/clamd.pid")" 2>/dev/null; sleep 1; }

# ---- SpamAssassin local rules (plus the stock .pre plugin loaders) ----
cp /etc/spamassassin/*.pre "$W/sa/"
cat > "$W/sa/local.cf" <<'EOF'
header   R19_BAD_SUBJ  Subject =~ /\b(viagra|lottery|winner|casino)\b/i
score    R19_BAD_SUBJ  4.5
body     R19_BAD_BODY  /\b(cheap pills|wire the money|claim your prize|act now)\b/i
score    R19_BAD_BODY  4.0
body     R19_MILD      /\bunsubscribe\b/i
score    R19_MILD      1.5
header   R19_FROM_BULK From =~ /bulk|promo/i
score    R19_FROM_BULK 2.2
EOF

# ---- amavisd config ----
cat > "$W/amavisd.conf" <<EOF
use strict;
\$MYHOME = '$W/home';
\$TEMPBASE = "\$MYHOME/tmp";
\$db_home = "\$MYHOME/db";
\$helpers_home = "\$MYHOME/var";
\$pid_file = "\$MYHOME/var/amavisd.pid";
\$lock_file = "\$MYHOME/var/amavisd.lock";
\$daemon_user = 'amavis'; \$daemon_group = 'amavis';
\$mydomain = 'example.test'; \$myhostname = 'mx.example.test';
@local_domains_maps = (['.example.test', '.corp.test']);
@mynetworks = qw(127.0.0.0/8);
\$DO_SYSLOG = 0;
\$LOGFILE = '$W/log/amavis.log';
\$log_level = 2;
\$enable_db = 1; \$enable_global_cache = 1;
\$max_servers = 3; \$max_requests = 8; \$child_timeout = 40;
\$inet_socket_bind = '127.0.0.1';
\$inet_socket_port = [22024, 22025];
\$interface_policy{'22025'} = 'LMTPIN';
\$policy_bank{'LMTPIN'} = { protocol => 'LMTP', log_level => 3 };
\$protocol = 'SMTP';
\$smtpd_timeout = 8;
\$forward_method = 'smtp:[127.0.0.1]:22026';
\$notify_method = \$forward_method;
\$smtp_connection_cache_enable = 0;
\$QUARANTINEDIR = "\$MYHOME/virusmails";
\$virus_quarantine_method = 'local:virus-%m';
\$spam_quarantine_method = 'local:spam-%m';
\$banned_files_quarantine_method = 'local:banned-%m';
\$virus_admin = "postmaster\\@example.test";
\$final_virus_destiny = D_DISCARD;
\$final_banned_destiny = D_BOUNCE;
\$final_spam_destiny = D_PASS;
\$final_bad_header_destiny = D_PASS;
\$bad_header_quarantine_method = undef;
\$sa_tag_level_deflt = 2.0; \$sa_tag2_level_deflt = 6.0; \$sa_kill_level_deflt = 8.0;
\$sa_dsn_cutoff_level = 12;
\$sa_local_tests_only = 1;
\$sa_siteconfigpath = '$W/sa';
\$sa_mail_body_size_limit = 60*1024;
\$sa_spam_subject_tag = '***SPAM*** ';
\$enable_dkim_verification = 0; \$enable_dkim_signing = 0;
\$smtpd_message_size_limit = 200*1024;
\$MAXLEVELS = 6; \$MAXFILES = 50;
\$banned_filename_re = new_RE(
  qr'\.[^./]*\.(exe|vbs|pif|scr|bat|cmd|com|cpl|dll)\.?\$'i,
  qr'^application/x-msdownload\$'i,
  qr'.\.(exe|vbs|pif|scr|bat|cmd|com|cpl)\$'i,
);
@av_scanners = (
  ['ClamAV-clamd', \&ask_daemon, ["CONTSCAN {}\n", "$W/run/clamd.sock"],
   qr/\bOK\$/m, qr/\bFOUND\$/m, qr/^.*?: (?!Infected Archive)(.*) FOUND\$/m ],
);
@av_scanners_backup = ();
\$file = 'file'; \$gzip = 'gzip'; \$bzip2 = 'bzip2'; \$cpio = 'cpio'; \$ar = 'ar'; \$pax = 'pax';
1;
EOF

# ---- SMTP sink (the "MTA" amavis forwards to) ----
cat > "$W/sink.py" <<'EOF'
import socket, threading, random, sys, time
def handle(c):
    f = c.makefile('rb'); w = lambda s: c.sendall(s.encode() + b'\r\n')
    try:
        w('220 sink.example.test ESMTP sink')
        while True:
            line = f.readline()
            if not line: return
            cmd = line.decode('latin1').strip(); u = cmd.upper(); lo = cmd.lower()
            if u.startswith('EHLO'): w('250-sink.example.test'); w('250-PIPELINING'); w('250-8BITMIME'); w('250 SIZE 10000000')
            elif u.startswith('HELO'): w('250 sink.example.test')
            elif u.startswith('MAIL'):
                w('451 4.3.0 sink busy, try later' if random.random() < 0.05 else '250 2.1.0 Ok')
            elif u.startswith('RCPT'):
                if 'temp' in lo: w('450 4.2.0 mailbox temporarily unavailable')
                elif 'gone' in lo or 'nouser' in lo: w('550 5.1.1 no such user here')
                else: w('250 2.1.5 Ok')
            elif u == 'DATA':
                w('354 go ahead')
                while True:
                    l = f.readline()
                    if not l or l in (b'.\r\n', b'.\n'): break
                r = random.random()
                if r < 0.05: w('452 4.3.1 insufficient system storage')
                elif r < 0.08: w('554 5.7.1 rejected by sink policy')
                else: w('250 2.0.0 Ok: queued as %X' % random.getrandbits(40))
            elif u == 'RSET' or u == 'NOOP': w('250 2.0.0 Ok')
            elif u == 'QUIT': w('221 2.0.0 bye'); return
            else: w('502 5.5.2 command not recognized')
    except Exception: pass
    finally: c.close()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', 22026)); s.listen(50)
while True:
    c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
EOF

# ---- clients ----
cat > "$W/client.py" <<'EOF'
import smtplib, socket, random, sys, time, base64, io
from email.message import EmailMessage
R = random.Random()
HOST = '127.0.0.1'
users = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy']
dom = ['example.test', 'corp.test']
ext = ['remote.test', 'mail.other.test', 'gmail.test', 'bigcorp.test']
def addr(local=True):
    u = R.choice(users) + (str(R.randint(1, 99)) if R.random() < 0.3 else '')
    return '%s@%s' % (u, R.choice(dom if local else ext))
def words(n):
    w = 'the quick brown fox meeting report invoice project budget status update lunch notes review plan'.split()
    return ' '.join(R.choice(w) for _ in range(n))
def body_kind(kind):
    m = EmailMessage()
    m['From'] = ('promo%d@bulk.test' % R.randint(1, 50)) if kind == 'spam' and R.random() < .5 else addr(False)
    m['To'] = addr(True)
    m['Message-ID'] = '<%x.%d@%s>' % (R.getrandbits(48), R.randint(1, 9999), R.choice(ext))
    m['Date'] = time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime())
    subj = words(R.randint(2, 6))
    txt = words(R.randint(10, 200))
    if kind == 'spam':
        subj = R.choice(['You are a WINNER', 'cheap viagra now', 'lottery results %d' % R.randint(1, 999), 'casino bonus'])
        txt += '\n' + R.choice(['claim your prize', 'cheap pills', 'wire the money', 'act now']) + '\nunsubscribe here'
    elif kind == 'mild':
        txt += '\nto unsubscribe click here'
    m['Subject'] = subj
    m.set_content(txt)
    if kind == 'virus':
        sig = R.choice([b'R19-WORM-SIGNATURE', b'R19-TROJAN-BODY', b'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'])
        m.add_attachment(b'junk ' * R.randint(1, 40) + sig, maintype='application', subtype='octet-stream', filename='doc%d.bin' % R.randint(1, 99))
    elif kind == 'banned':
        m.add_attachment(b'MZ' + bytes(R.getrandbits(8) for _ in range(R.randint(50, 500))), maintype='application',
                         subtype=R.choice(['octet-stream', 'x-msdownload']), filename=R.choice(['invoice.pdf.exe', 'setup.exe', 'photo.jpg.scr', 'run.bat']))
    elif kind == 'attach':
        m.add_attachment(bytes(R.getrandbits(8) for _ in range(R.randint(100, 3000))), maintype='application', subtype='octet-stream', filename='data%d.dat' % R.randint(1, 999))
    elif kind == 'big':
        m.set_content('x' * 80 + '\n' * 1 + ('y' * 76 + '\n') * R.randint(1500, 4000))
    elif kind == 'text':
        m.add_attachment(words(50), filename='notes%d.txt' % R.randint(1, 99))
    b = m.as_bytes()
    if kind == 'badhdr':
        b = b.replace(b'Subject: ', b'Subject: caf\xe9 r\xe9sum\xe9 ', 1)
        if R.random() < .5:
            b = b'X-Broken header line without colon\r\n' + b
    return b

def smtp_session(lmtp=False):
    port = 22025 if lmtp else 22024
    cls = smtplib.LMTP if lmtp else smtplib.SMTP
    s = cls(HOST, port, timeout=60) if not lmtp else smtplib.LMTP(HOST, port)
    if lmtp:
        s.sock.settimeout(60)
    s.ehlo('client%d.example.test' % R.randint(1, 20)) if not lmtp else s.ehlo('lmtpclient.test')
    for _ in range(R.randint(1, 3)):
        kind = R.choice(['clean'] * 5 + ['spam', 'spam', 'mild', 'virus', 'virus', 'banned', 'attach', 'text', 'badhdr', 'big'])
        msg = body_kind(kind)
        rcpts = [addr(True) for _ in range(R.randint(1, 3))]
        if R.random() < .2: rcpts.append('temp%d@example.test' % R.randint(1, 9))
        if R.random() < .15: rcpts.append('gone%d@corp.test' % R.randint(1, 9))
        if R.random() < .1: rcpts.append(addr(False))
        sender = '' if R.random() < .07 else addr(False)
        try:
            r = s.sendmail(sender, rcpts, msg)
            print(kind, 'refused', r)
        except smtplib.SMTPException as e:
            print(kind, 'error', e)
            try: s.rset()
            except Exception: return
    try: s.quit()
    except Exception: pass

def raw(lines, port=22024, pause=0.1):
    c = socket.create_connection((HOST, port), timeout=20)
    try:
        c.recv(1000)
        for l in lines:
            c.sendall(l)
            time.sleep(pause)
            try: c.recv(4000)
            except socket.timeout: break
    except Exception: pass
    c.close()

def badcmds():
    choice = R.randint(0, 6)
    if choice == 0:
        raw([b'EHLO x\r\n', b'FOOBAR %d\r\n' % R.randint(1, 999), b'VRFY root\r\n', b'QUIT\r\n'])
    elif choice == 1:
        raw([b'MAIL FROM:<a@b.test>\r\n', b'EHLO late\r\n', b'RCPT TO:<x@example.test>\r\n', b'DATA\r\n', b'QUIT\r\n'])
    elif choice == 2:
        raw([b'EHLO x\r\n', b'MAIL FROM:<broken address\r\n', b'RCPT TO:<>\r\n', b'MAIL FROM:<a@b.test> SIZE=999999999\r\n', b'QUIT\r\n'])
    elif choice == 3:  # drop mid-DATA
        raw([b'EHLO x\r\n', b'MAIL FROM:<drop@remote.test>\r\n', b'RCPT TO:<bob@example.test>\r\n', b'DATA\r\n', b'Subject: cut\r\n\r\nhalf a message'])
    elif choice == 4:  # idle until smtpd_timeout
        c = socket.create_connection((HOST, 22024)); c.recv(100); c.sendall(b'EHLO idle\r\n'); time.sleep(R.randint(9, 12)); c.close()
    elif choice == 5:
        # 7-bit garbage only (amavis logs the bytes it got raw; keep the log valid UTF-8)
        raw([bytes(R.getrandbits(7) for _ in range(R.randint(10, 80))).replace(b'\n', b' ') + b'\r\n', b'\x16\x03\x01\x00\x25\x01\r\n', b'QUIT\r\n'])
    else:
        raw([b'LHLO x\r\n', b'MAIL FROM:<a@remote.test>\r\n', b'RCPT TO:<nodomain>\r\n', b'RSET\r\n', b'NOOP\r\n', b'HELP\r\n', b'QUIT\r\n'], port=R.choice([22024, 22025]))

what = sys.argv[1]
R.seed()
try:
    if what == 'smtp': smtp_session(False)
    elif what == 'lmtp': smtp_session(True)
    else: badcmds()
except Exception as e:
    print('client error', e)
EOF

python3 "$W/sink.py" & echo $! > "$W/sink.pid"
start_clamd
start_amavis() { amavisd -c "$W/amavisd.conf" foreground >/dev/null 2>&1 & echo $! > "$W/amavisd.pid"; sleep 6; }
stop_amavis() { kill "$(cat "$W/amavisd.pid")" 2>/dev/null; sleep 3; }
start_amavis

END=$((SECONDS + DURATION))
r() { echo $((RANDOM % $1)); }
while [ $SECONDS -lt $END ]; do
  case $(r 20) in
    0|1|2|3|4|5|6|7) python3 "$W/client.py" smtp >/dev/null 2>&1 & ;;
    8|9) python3 "$W/client.py" lmtp >/dev/null 2>&1 & ;;
    10|11|12|13) python3 "$W/client.py" bad >/dev/null 2>&1 & ;;
    14) [ $(r 3) = 0 ] && { stop_clamd; python3 "$W/client.py" smtp >/dev/null 2>&1; sleep 2; start_clamd; } ;;
    15) [ $(r 2) = 0 ] && { amavisd -c "$W/amavisd.conf" reload >/dev/null 2>&1; sleep 4; } ;;
    16) [ $(r 3) = 0 ] && { stop_amavis; python3 "$W/client.py" smtp >/dev/null 2>&1; start_amavis; } ;;
    *) python3 "$W/client.py" smtp >/dev/null 2>&1 & ;;
  esac
  sleep 1.$((1 + $(r 9)))
done
sleep 15
amavisd -c "$W/amavisd.conf" stop >/dev/null 2>&1; sleep 3
stop_amavis; stop_clamd
kill "$(cat "$W/sink.pid")" 2>/dev/null
cp "$W/log/amavis.log" "$OUT/amavis.log"
chmod 644 "$OUT/amavis.log"
