#!/bin/bash
# Round-14 corpus workload: Sendmail 8.17 (Debian 12 packages sendmail-bin/-base/-cf, unpacked into a
# private root so the installed MTA (postfix) is left alone), private sendmail.cf with LogLevel 14,
# SMTP daemon on 127.0.0.1:29251 (MTA) and 29587 (MSA), smart host = a python SMTP sink on 29252.
# Sendmail logs through syslog(3) to /dev/log: everything runs inside a private mount namespace
# whose /dev/log is the socket of a private rsyslogd that writes $OUT/sendmail.log.
# Run as root on Debian 12:  bash workload.sh OUT_DIR [DURATION_SECONDS]
#   (needs: apt-get install m4 rsyslog python3; the sendmail debs are fetched with apt-get download)
set -u
OUT=$(realpath -m "${1:?out dir}"); DURATION=${2:-240}
W=/tmp/r14sm
SCRIPT=$(realpath "$0")

if [ -z "${R14_IN_NS:-}" ]; then
  mkdir -p "$OUT" "$W"
  if [ ! -x $W/root/usr/libexec/sendmail/sendmail ]; then
    mkdir -p $W/debs && (cd $W/debs && apt-get download sendmail-bin sendmail-base sendmail-cf)
    for f in $W/debs/*.deb; do dpkg-deb -x "$f" $W/root; done
  fi
  for u in r14alice r14bob r14carol r14dave r14erin; do
    id $u >/dev/null 2>&1 || useradd -M -d /nonexistent -s /usr/sbin/nologin $u
  done
  mkdir -p /var/mail; chmod 1777 /var/mail
  R14_IN_NS=1 exec unshare -m --propagation private bash "$SCRIPT" "$OUT" "$DURATION"
fi

# ---------------- inside the private mount namespace ----------------
SM=$W/root/usr/libexec/sendmail/sendmail
CF=$W/etc/sendmail.cf
rm -rf $W/etc $W/mqueue $W/run; mkdir -p $W/etc $W/mqueue $W/run $W/realdev $W/files
chmod 700 $W/mqueue; chmod 755 $W/etc $W/run
rm -f "$OUT/sendmail.log"

# private /dev with our own /dev/log, private /etc/hosts
mount --bind /dev $W/realdev
mount -t tmpfs -o mode=755 r14dev /dev
for n in null zero random urandom full tty; do touch /dev/$n; mount --bind $W/realdev/$n /dev/$n; done
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
mkdir /dev/shm; chmod 1777 /dev/shm
cat > $W/etc/hosts <<EOF
127.0.0.1 mx.r14.test mx vm localhost localhost.localdomain
127.0.0.5 partner.example
127.0.0.7 promo.example
127.0.0.6 r14.test
127.0.0.2 outside.r14.example
127.0.0.3 spammy.r14.example
EOF
mount --bind $W/etc/hosts /etc/hosts
echo 'nameserver 127.0.0.1' > $W/etc/resolv.conf; mount --bind $W/etc/resolv.conf /etc/resolv.conf  # no lookup leaves the host

cat > $W/etc/rsyslog.conf <<EOF
global(workDirectory="$W/run")
module(load="imuxsock" SysSock.Name="/dev/log" SysSock.RateLimit.Interval="0")
*.* action(type="omfile" file="$OUT/sendmail.log" template="RSYSLOG_TraditionalFileFormat")
EOF
rsyslogd -n -f $W/etc/rsyslog.conf -i $W/run/rsyslog.pid & RSYSLOG=$!
sleep 1

# -------- configuration --------
cp $W/root/etc/mail/helpfile $W/etc/helpfile
cp $W/root/etc/mail/service.switch-nodns $W/etc/service.switch
cat > $W/etc/aliases <<EOF
postmaster: r14alice
MAILER-DAEMON: postmaster
abuse: r14bob
team: r14alice, r14bob, r14carol
ops: r14dave, r14erin, nosuchperson
oldstaff: r14ghost
archive: $W/files/archive.mbox
devnull: "|/bin/cat >/dev/null"
failing: "|/bin/sh -c 'exit 75'"
broken: "|/bin/sh -c 'exit 67'"
customers: bob@partner.example, tmpfail@partner.example, r14carol
EOF
cat > $W/etc/access <<EOF
Connect:127.0.0.3	REJECT
From:spam@partner.example	REJECT
From:promo.example	ERROR:550 5.7.1 We do not accept mail from promo.example
To:blocked.example	ERROR:550 5.7.1 Mail to blocked.example is not permitted
Connect:mx.r14.test	RELAY
EOF
cat > $W/etc/r14.mc <<EOF
divert(-1)
divert(0)dnl
include(\`$W/root/usr/share/sendmail/cf/m4/cf.m4')dnl
VERSIONID(\`r14 private')dnl
OSTYPE(\`linux')dnl
define(\`confDOMAIN_NAME', \`mx.r14.test')dnl
define(\`confLOG_LEVEL', \`14')dnl
define(\`QUEUE_DIR', \`$W/mqueue')dnl
define(\`ALIAS_FILE', \`$W/etc/aliases')dnl
define(\`HELP_FILE', \`$W/etc/helpfile')dnl
define(\`STATUS_FILE', \`$W/run/statistics')dnl
define(\`confPID_FILE', \`$W/run/sendmail.pid')dnl
define(\`confSERVICE_SWITCH_FILE', \`$W/etc/service.switch')dnl
define(\`confHOSTS_FILE', \`/etc/hosts')dnl
define(\`confDONT_BLAME_SENDMAIL', \`TrustStickyBit,GroupWritableDirPathSafe,FileDeliveryToSymLink,NonRootSafeAddr,MapInUnsafeDirPath,HelpFileInUnsafeDirPath')dnl
define(\`confPRIVACY_FLAGS', \`authwarnings,needmailhelo,noetrn')dnl
define(\`confTO_IDENT', \`0')dnl
define(\`confTO_COMMAND', \`12s')dnl
define(\`confTO_CONNECT', \`5s')dnl
define(\`confTO_INITIAL', \`5s')dnl
define(\`confTO_DATABLOCK', \`10s')dnl
define(\`confTO_DATAFINAL', \`10s')dnl
define(\`confTO_QUEUEWARN', \`1m')dnl
define(\`confTO_QUEUERETURN', \`3m')dnl
define(\`confMAX_MESSAGE_SIZE', \`200000')dnl
define(\`confMAX_RCPTS_PER_MESSAGE', \`8')dnl
define(\`confBAD_RCPT_THROTTLE', \`3')dnl
define(\`confMAX_DAEMON_CHILDREN', \`10')dnl
define(\`confCONNECTION_RATE_THROTTLE', \`0')dnl
define(\`confMIN_QUEUE_AGE', \`0')dnl
define(\`confDELIVERY_MODE', \`background')dnl
define(\`confDONT_PROBE_INTERFACES', \`true')dnl
define(\`confREFUSE_LA', \`99')dnl
define(\`confQUEUE_LA', \`98')dnl
define(\`confCHECKPOINT_INTERVAL', \`3')dnl
define(\`SMART_HOST', \`relay:[127.0.0.1]')dnl
define(\`RELAY_MAILER_ARGS', \`TCP \$h 29252')dnl
define(\`ESMTP_MAILER_ARGS', \`TCP \$h 29252')dnl
define(\`PROG_MAILER_PATH', \`/bin/sh')dnl
FEATURE(\`access_db', \`hash -o -T<TMPF> $W/etc/access')dnl
LOCAL_DOMAIN(\`r14.test')dnl
FEATURE(\`blocklist_recipients')dnl
FEATURE(\`local_lmtp', \`$W/root/usr/libexec/sendmail/mail.local')dnl
DAEMON_OPTIONS(\`Family=inet, Name=MTA, Port=29251, Addr=127.0.0.1')dnl
DAEMON_OPTIONS(\`Family=inet, Name=MSA, Port=29587, Addr=127.0.0.1, M=E')dnl
MAILER(\`local')dnl
MAILER(\`smtp')dnl
EOF
m4 $W/etc/r14.mc > $CF
$W/root/usr/libexec/sendmail/makemap -C $CF hash $W/etc/access < $W/etc/access
$SM -C $CF -bi >/dev/null 2>&1
touch $W/run/statistics

# -------- the relay sink (smart host) on 29252 --------
cat > $W/sink.py <<'EOF'
import socket, threading, random, time, sys
port = int(sys.argv[1])
def handle(c):
    f = c.makefile('rwb')
    def say(s): f.write((s + '\r\n').encode()); f.flush()
    try:
        if random.random() < 0.05:
            c.close(); return
        say('220 sink.r14.test ESMTP sink')
        data = False
        while True:
            line = f.readline()
            if not line: return
            l = line.decode('latin1').strip(); u = l.upper()
            if data:
                if l == '.':
                    data = False
                    r = random.random()
                    say('250 2.0.0 queued as S%d' % random.randint(1000, 99999) if r < 0.85 else
                        '451 4.3.0 sink busy, try later' if r < 0.95 else '554 5.6.0 message content rejected')
                continue
            if u.startswith('EHLO'): say('250-sink.r14.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 100000')
            elif u.startswith('HELO'): say('250 sink.r14.test')
            elif u.startswith('MAIL'): say('250 2.1.0 ok')
            elif u.startswith('RCPT'):
                if '<bad' in l.lower() or 'nobody' in l.lower(): say('550 5.1.1 no such user here')
                elif '<tmp' in l.lower(): say('450 4.2.1 mailbox temporarily unavailable')
                elif '<full' in l.lower(): say('552 5.2.2 mailbox full')
                elif '<slow' in l.lower(): time.sleep(random.uniform(1, 3)); say('250 2.1.5 ok')
                else: say('250 2.1.5 ok')
            elif u == 'DATA': say('354 go ahead'); data = True
            elif u == 'RSET': say('250 ok')
            elif u == 'QUIT': say('221 bye'); return
            else: say('500 what?')
    except Exception:
        pass
    finally:
        try: c.close()
        except Exception: pass
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', port)); s.listen(20)
while True:
    c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
EOF

# -------- SMTP clients --------
cat > $W/client.py <<'EOF'
import smtplib, socket, random, sys, time, string
H = '127.0.0.1'
kind = sys.argv[1]
rnd = lambda n: ''.join(random.choice(string.ascii_lowercase) for _ in range(n))
local = ['r14alice', 'r14bob', 'r14carol', 'r14dave', 'r14erin', 'team', 'ops', 'postmaster', 'archive',
         'devnull', 'customers', 'oldstaff', 'failing', 'broken', 'abuse']
remote = ['bob', 'carol', 'tmpuser', 'badguy', 'fullbox', 'slowpoke', 'nobody', 'zed', 'tmpfail']
def body(n):
    return 'Subject: %s %d\r\nMessage-ID: <%s.%d@client.r14.test>\r\n\r\n' % (rnd(6), random.randint(1, 999), rnd(10), random.randint(1, 10**6)) + \
        '\r\n'.join(rnd(random.randint(10, 70)) for _ in range(n)) + '\r\n'
def raw(cmds, src=None, port=29251, wait=0.3):
    s = socket.socket()
    if src: s.bind((src, 0))
    s.settimeout(20)
    s.connect((H, port))
    try:
        s.recv(1000)
        for c in cmds:
            if c is None: time.sleep(random.uniform(13, 15)); continue
            s.sendall(c if isinstance(c, bytes) else (c + '\r\n').encode())
            time.sleep(wait)
            try: s.recv(4000)
            except socket.timeout: pass
    finally:
        s.close()
def send(src=None, port=29251, mailfrom=None, rcpts=None, n=None, helo=None):
    kw = {'source_address': (src, 0)} if src else {}
    s = smtplib.SMTP(H, port, local_hostname=helo or 'client%d.r14.test' % random.randint(1, 40), timeout=30, **kw)
    try:
        s.sendmail(mailfrom, rcpts, body(n or random.randint(1, 30)))
    except smtplib.SMTPException:
        pass
    try: s.quit()
    except Exception: pass
try:
    if kind == 'local':
        send(mailfrom='%s@r14.test' % random.choice(['r14alice', 'r14bob', 'someone', 'r14dave']),
             rcpts=random.sample(local, random.randint(1, 3)))
    elif kind == 'unknown':
        send(mailfrom='%s@partner.example' % rnd(5), rcpts=['%s%d@r14.test' % (rnd(5), random.randint(1, 99))] + random.sample(local[:5], random.randint(0, 1)))
    elif kind == 'remote':
        send(mailfrom=random.choice(['r14alice', 'r14bob', 'r14carol']) + '@r14.test',
             rcpts=['%s%d@partner.example' % (random.choice(remote), random.randint(1, 9)) for _ in range(random.randint(1, 3))])
    elif kind == 'relaydeny':
        send(src='127.0.0.2', mailfrom='%s@partner.example' % rnd(4), rcpts=['%s@elsewhere%d.example' % (rnd(5), random.randint(1, 9))])
    elif kind == 'fromout':
        send(src='127.0.0.2', mailfrom='%s@partner.example' % rnd(4), rcpts=random.sample(local[:5], 1))
    elif kind == 'rejectconn':
        raw(['EHLO spammy', 'MAIL FROM:<a@partner.example>', 'QUIT'], src='127.0.0.3')
    elif kind == 'access':
        send(mailfrom=random.choice(['spam@partner.example', 'deals%d@promo.example' % random.randint(1, 9)]), rcpts=['r14alice@r14.test'])
    elif kind == 'blocked':
        send(mailfrom='r14bob@r14.test', rcpts=['%s@blocked.example' % rnd(5)])
    elif kind == 'baddomain':
        send(mailfrom='%s@%s.invalid' % (rnd(4), rnd(6)), rcpts=['r14alice@r14.test'])
    elif kind == 'badcmds':
        raw(['EHLO c%d.r14.test' % random.randint(1, 9)] + random.sample(['FOO bar', 'MAIL FROM:<broken', 'RCPT TO:<r14alice@r14.test>',
            'DATA', 'VRFY r14alice', 'EXPN team', 'ETRN r14.test', 'HELP', 'HELP DATA', 'NOOP', 'RSET', 'MAIL FROM:<>', 'RCPT TO:<>',
            'MAIL TO:<x>', 'AUTH PLAIN AGZvbwBiYXI=', 'STARTTLS', 'VERB', 'GET / HTTP/1.0', 'ONEX', 'XUSR'], random.randint(2, 7)) + ['QUIT'])
    elif kind == 'nohelo':
        raw(['MAIL FROM:<r14bob@r14.test>', 'QUIT'])
    elif kind == 'toomanybad':
        raw(['HELO x%d' % random.randint(1, 99)] + ['BOGUS%d' % i for i in range(random.randint(3, 6))] + ['QUIT'])
    elif kind == 'throttle':
        raw(['HELO throttle.r14.test', 'MAIL FROM:<x@partner.example>'] + ['RCPT TO:<%s@r14.test>' % rnd(6) for _ in range(random.randint(4, 7))] + ['QUIT'], wait=0.2)
    elif kind == 'toomanyrcpt':
        send(mailfrom='r14alice@r14.test', rcpts=['r14bob@r14.test'] * 1 + ['%s@partner.example' % random.choice(remote) for _ in range(10)])
    elif kind == 'big':
        send(mailfrom='r14alice@r14.test', rcpts=['r14bob@r14.test'], n=random.randint(3000, 6000))
    elif kind == 'drop':
        raw(['EHLO dropper.r14.test', 'MAIL FROM:<r14alice@r14.test>', 'RCPT TO:<r14bob@r14.test>', 'DATA', 'Subject: cut\r\n\r\npartial'])
    elif kind == 'attack':
        raw(random.choice([['EHLO a%d' % random.randint(1, 9)] + ['NOOP'] * random.randint(21, 26),
                           ['HELO h%d' % i for i in range(random.randint(4, 6))],
                           ['EHLO v'] + ['VRFY r14%s' % rnd(4) for _ in range(random.randint(7, 9))]]) + ['QUIT'], wait=0.05)
    elif kind == 'lost':
        raw(['EHLO lost%d.r14.test' % random.randint(1, 9), 'MAIL FROM:<r14bob@r14.test>'] + random.choice([[], ['RCPT TO:<r14carol@r14.test>']]))
    elif kind == 'quiet':
        raw(['EHLO quiet%d' % random.randint(1, 9)] + random.choice([[], ['NOOP']]))
    elif kind == 'idle':
        raw(['EHLO idle.r14.test', None])
    elif kind == 'msa':
        send(port=29587, mailfrom='r14carol@r14.test', rcpts=random.sample(local[:5], 1) + ['%s@partner.example' % random.choice(remote)])
    elif kind == 'nullsender':
        send(mailfrom='', rcpts=[random.choice(local[:5]) + '@r14.test'])
    elif kind == 'flood':
        import threading
        ts = [threading.Thread(target=lambda: raw(['EHLO flood', 'NOOP', None][:random.randint(2, 3)])) for _ in range(9)]
        [t.start() for t in ts]; [t.join() for t in ts]
except Exception as e:
    print(kind, 'client error', e, file=sys.stderr)
EOF

start_sm() { $SM -C $CF -bd -q45s; sleep 1; }
start_sink() { python3 $W/sink.py 29252 & SINK=$!; }
start_sm
start_sink

r() { echo $((RANDOM % $1)); }
kinds=(local local local unknown unknown remote remote remote relaydeny fromout rejectconn access blocked baddomain badcmds badcmds
       nohelo toomanybad attack lost lost throttle toomanyrcpt big drop quiet idle msa msa nullsender flood)
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  k=${kinds[$(r ${#kinds[@]})]}
  case $k in idle|flood) timeout 40 python3 $W/client.py $k & ;; *) timeout 40 python3 $W/client.py $k ;; esac
  case $(r 40) in
    0) $SM -C $CF -f r14dave -t 2>/dev/null <<< "To: r14alice, team
Subject: cron $RANDOM

body $RANDOM" ;;
    1) echo "x $RANDOM" | $SM -C $CF -oi r14nobody$(r 9) r14erin 2>/dev/null ;;
    2) $SM -C $CF -q -v >/dev/null 2>&1 ;;
    3) $SM -C $CF -bp >/dev/null 2>&1; $SM -C $CF -qRpartner.example >/dev/null 2>&1 ;;
    4) kill $SINK; wait $SINK 2>/dev/null; sleep $((5 + $(r 20))); start_sink ;;
    5) kill -HUP $(head -1 $W/run/sendmail.pid); sleep 2 ;;
    6) kill $(head -1 $W/run/sendmail.pid); sleep 2; start_sm ;;
    7) $SM -C $CF -bv r14alice team nosuch$(r 99) ops >/dev/null 2>&1 ;;
    8) $SM -C $CF -qI$(ls $W/mqueue 2>/dev/null | grep '^qf' | head -1 | cut -c3-) >/dev/null 2>&1 ;;
    9) echo "urgent $RANDOM" | $SM -C $CF -odq -f r14bob tmp$(r 9)@partner.example r14carol 2>/dev/null ;;
  esac
  sleep 0.$((2 + $(r 7)))
done
sleep 20
$SM -C $CF -q >/dev/null 2>&1
sleep 3
kill $(head -1 $W/run/sendmail.pid) 2>/dev/null
kill $SINK 2>/dev/null
sleep 2
kill $RSYSLOG; wait $RSYSLOG 2>/dev/null
wc -l "$OUT/sendmail.log"
