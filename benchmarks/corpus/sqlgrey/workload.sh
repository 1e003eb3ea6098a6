#!/bin/bash
# Round-20 corpus workload: SQLgrey 1.8.0 greylisting policy server (Debian 12 package `sqlgrey`,
# plus libdbd-sqlite3-perl, rsyslog, sqlite3), SQLite database, loglevel = 4 (debug), daemonized so
# it logs through syslog (facility mail, ident sqlgrey) to a PRIVATE rsyslogd whose /dev/log lives
# in a private mount namespace; only sqlgrey's lines go to $OUT/sqlgrey.log (RSYSLOG_FileFormat).
# A Python client speaks the Postfix policy protocol on 127.0.0.1:24125: new triplets, early, good
# and late retries, AWL/domain-AWL, static and dynamic whitelists (edited live, some bad lines),
# optout tables, smart greymethod with many reverse names, bounces, martian senders, garbage lines,
# unknown request types, throttling, SIGUSR1 reloads, DB cleanups; restarts with other settings
# (discrimination, async cleanup, classc), final stop.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [PHASE_SECONDS]   (run here: bash workload.sh . 100)
set -u
if [ -z "${R20_INNS:-}" ]; then
  exec unshare -m --propagation private env R20_INNS=1 bash "$0" "$@"
fi
OUT=$(readlink -f "${1:-$(dirname "$0")}"); PH=${2:-110}
W=/tmp/r20sqlgrey; PORT=24125
rm -rf "$W"; mkdir -p "$W/olddev" "$W/conf" "$W/db" "$W/rs"
rm -f "$OUT/sqlgrey.log"
# --- private /dev (so /dev/log is ours alone) ---
mount --rbind /dev "$W/olddev"
mount -t tmpfs -o mode=755 r20dev /dev
for n in null zero full random urandom tty ptmx; do touch /dev/$n; mount --bind "$W/olddev/$n" /dev/$n; done
mkdir /dev/pts /dev/shm; mount --rbind "$W/olddev/pts" /dev/pts; mount --rbind "$W/olddev/shm" /dev/shm
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
# --- private rsyslogd ---
cat > "$W/rsyslog.conf" <<RS
global(workDirectory="$W/rs")
module(load="imuxsock" SysSock.Name="/dev/log" SysSock.RateLimit.Interval="0")
if \$programname == 'sqlgrey' then {
  action(type="omfile" file="$OUT/sqlgrey.log" template="RSYSLOG_FileFormat")
}
stop
RS
rsyslogd -f "$W/rsyslog.conf" -i "$W/rsyslogd.pid"
sleep 1
# --- sqlgrey configuration ---
cp /etc/sqlgrey/clients_ip_whitelist /etc/sqlgrey/clients_fqdn_whitelist /etc/sqlgrey/smtp_server.regexp /etc/sqlgrey/dyn_fqdn.regexp "$W/conf/"
printf '192.0.2.77\n10.9.8\n' > "$W/conf/clients_ip_whitelist.local"
printf 'trusted.example.org\n*.partner.example.net\n' > "$W/conf/clients_fqdn_whitelist.local"
# (discrimination regexps are read from /etc/sqlgrey/discrimination.regexp, the package sample)
chown -R sqlgrey:sqlgrey "$W/conf" "$W/db"
mkconf() { # $1 extra lines
  cat > "$W/sqlgrey.conf" <<C
conf_dir = $W/conf
loglevel = 4
user = sqlgrey
group = sqlgrey
inet = 127.0.0.1:$PORT
pidfile = $W/sqlgrey.pid
reconnect_delay = 0.5
max_connect_age = 0.05
awl_age = 1
group_domain_level = 2
connect_src_throttle = 4
db_type = SQLite
db_name = $W/db/sqlgrey.db
db_cleandelay = 45
admin_mail =
$1
C
}
start() { sqlgrey -d -f "$W/sqlgrey.conf"; sleep 2; }
stop() { [ -f "$W/sqlgrey.pid" ] && kill "$(cat "$W/sqlgrey.pid")"; sleep 2; }
cat > "$W/client.py" <<'PY'
import json, os, random, signal, socket, sqlite3, sys, time
port, dur, state, W = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
R = random.Random()
try: pend = json.load(open(state))
except Exception: pend = []
tlds = ['com','net','org','de','fr','biz','info','xyz','co.uk','io']
words = ['acme','globex','initech','umbrella','hooli','vandelay','stark','wayne','tyrell','cyberdyne','soylent','wonka','nakatomi','oceanic','gringotts']
users = ['alice','bob','carol','dave','erin','frank','grace','heidi','ivan','judy','news','billing','noreply','info','sales']
def rip(): return '%d.%d.%d.%d' % (R.choice([23,45,62,81,93,109,145,176,185,198,203,212]), R.randint(0,255), R.randint(0,255), R.randint(1,254))
def rname(ip):
    a = ip.split('.'); d = R.choice(words) + '.' + R.choice(tlds); k = R.randint(0,7)
    return ['unknown', 'mail.'+d, 'smtp%d.%s' % (R.randint(1,9), d), 'mx.'+d,
            'dsl-%s-%s.dyn.%s' % (a[2], a[3], d), 'host-%s.pool.%s' % (a[3], d),
            'ppp%s.cust.%s' % ('-'.join(a), d), R.choice(words)+str(R.randint(1,99))+'.'+d][k]
rcpt_dom = ['example.test', 'lists.example.test', 'optout.example.test', 'corp.example.test']
def triplet(ip=None, dom=None):
    ip = ip or rip(); dom = dom or R.choice(words) + '.' + R.choice(tlds)
    r = R.random()
    if r < 0.05: sender = ''
    elif r < 0.08: sender = R.choice(users)
    elif r < 0.11: sender = 'bounce-%d-%s=%s@%s' % (R.randint(1000,99999), R.choice(users), R.choice(rcpt_dom), dom)
    elif r < 0.13: sender = '@' + dom
    else: sender = R.choice(users) + (str(R.randint(1,99)) if R.random() < .3 else '') + '@' + dom
    return dict(ip=ip, name=rname(ip), helo=R.choice(['mail.'+dom, dom, 'localhost', '['+ip+']', 'MTA'+str(R.randint(1,9))]),
                sender=sender, rcpt=R.choice(users) + '@' + R.choice(rcpt_dom))
def req(t, extra=None):
    a = [('request','smtpd_access_policy'),('protocol_state','RCPT'),('protocol_name',R.choice(['SMTP','ESMTP'])),
         ('client_address',t['ip']),('client_name',t['name']),('reverse_client_name',t['name']),('helo_name',t['helo']),
         ('sender',t['sender']),('recipient',t['rcpt']),('recipient_count','0'),('queue_id',''),
         ('instance','%x.%x.%d' % (R.randint(0x1000,0xffff), R.randint(0x10000000,0x7fffffff), R.randint(0,3))),
         ('size',str(R.choice([0, R.randint(300,90000)]))),('etrn_domain',''),('sasl_method',''),('sasl_username',''),
         ('ccert_subject',''),('encryption_protocol',R.choice(['','TLSv1.3','TLSv1.2'])),('encryption_cipher','')]
    if extra: a = extra(a)
    return ''.join('%s=%s\n' % kv for kv in a) + '\n'
conn = None; left = 0
def send(payload, expect=True):
    global conn, left
    for attempt in range(2):
        try:
            if conn is None or left <= 0:
                if conn: conn.close()
                conn = socket.create_connection(('127.0.0.1', port), timeout=5); left = R.choice([1,1,1,2,3,5,8])
            conn.sendall(payload.encode()); left -= 1
            if expect:
                buf = b''
                while not buf.endswith(b'\n\n'):
                    d = conn.recv(4096)
                    if not d: raise OSError('eof')
                    buf += d
                return buf.decode().strip()
            return ''
        except OSError as e:
            try: conn.close()
            except Exception: pass
            conn = None
    return 'ERR'
def db(sql, args=()):
    try:
        c = sqlite3.connect(W + '/db/sqlgrey.db', timeout=5); c.execute(sql, args); c.commit(); c.close()
    except Exception as e: print('db', e)
def sig():
    try: os.kill(int(open(W + '/sqlgrey.pid').read()), signal.SIGUSR1)
    except Exception as e: print('sig', e)
end = time.time() + dur; n = 0
while time.time() < end:
    now = time.time(); n += 1
    due = [p for p in pend if p['at'] <= now]
    k = R.random()
    if due and k < 0.45:
        p = R.choice(due); pend.remove(p); t = p['t']
        out = send(req(t))
        p['tries'] += 1
        if 'Greylisted' in out or 'DEFER' in out.upper() or 'defer' in out:
            if p['tries'] < 4:
                p['at'] = now + R.choice([R.uniform(3, 25), R.uniform(35, 150), R.uniform(35, 150), R.uniform(190, 260)]); pend.append(p)
        elif R.random() < 0.7:
            # same sender/IP sends more mail later (AWL), sometimes a colleague from same domain
            t2 = dict(t); t2['rcpt'] = R.choice(users) + '@' + R.choice(rcpt_dom)
            if R.random() < 0.7 and '@' in t['sender']:
                t2['sender'] = R.choice(users) + '@' + t['sender'].split('@', 1)[1]
            pend.append(dict(t=t2, at=now + R.uniform(5, 60), tries=0))
    elif k < 0.70:
        t = triplet(); out = send(req(t))
        if R.random() < 0.85: pend.append(dict(t=t, at=now + R.choice([R.uniform(2, 25), R.uniform(35, 150), R.uniform(35, 150), R.uniform(185, 260)]), tries=1))
    elif k < 0.74:  # spammer burst from one IP (throttling)
        ip = rip(); dom = R.choice(words) + '.' + R.choice(tlds)
        for i in range(R.randint(3, 7)): send(req(triplet(ip, R.choice([dom, None]))))
    elif k < 0.80:  # whitelisted clients
        t = triplet()
        c = R.randint(0, 4)
        if c == 0: t['ip'] = '192.0.2.77'
        elif c == 1: t['ip'] = '10.9.8.%d' % R.randint(1, 254)
        elif c == 2: t['name'] = 'trusted.example.org'
        elif c == 3: t['name'] = 'mx%d.partner.example.net' % R.randint(1, 9)
        else: t['name'] = R.choice(['mail.gmx.net', 'smtp.aol.com', 'mx.yahoo.com', 'mail.free.fr', 'smtp.cox.net'])
        send(req(t))
    elif k < 0.83:  # garbage / unknown request types / missing attributes
        c = R.randint(0, 3)
        if c == 0: send('this is not a policy line %d\nGET / HTTP/1.0\n\n' % R.randint(1, 999), expect=False)
        elif c == 1: send('request=%s\nclient_address=%s\n\n' % (R.choice(['junk', 'smtpd_access_polic', 'ping', '']), rip()), expect=False)
        elif c == 2: send(req(triplet(), lambda a: [x for x in a if x[0] not in ('client_name', 'helo_name', 'reverse_client_name')]))
        else: send(req(triplet(), lambda a: [(x[0], x[1] * 3 if x[0] == 'recipient' else x[1]) for x in a]))
    elif k < 0.86:  # dynamic whitelist edits (some broken lines)
        f = R.choice(['clients_ip_whitelist.local', 'clients_fqdn_whitelist.local'])
        with open(W + '/conf/' + f, 'a') as h:
            if R.random() < 0.25: h.write(R.choice(['256.1.2.3\n', 'bad entry with spaces\n', '10.0.0.0/8\n', 'bad..domain..\n']))
            elif 'ip' in f: h.write(rip() + '\n')
            else: h.write(R.choice(words) + '.' + R.choice(tlds) + '\n')
        time.sleep(1.1)
    elif k < 0.875: sig()
    elif k < 0.89:  # optout tables
        if R.random() < .5: db('INSERT OR IGNORE INTO optout_email (email) VALUES (?)', (R.choice(users) + '@' + R.choice(rcpt_dom),))
        else: db('INSERT OR IGNORE INTO optout_domain (domain) VALUES (?)', (R.choice(['optout.example.test', 'lists.example.test']),))
    elif k < 0.90:  # age AWL entries so the cleanup has something to do
        db("UPDATE from_awl SET last_seen = last_seen - 172800, first_seen = first_seen - 172800 WHERE rowid IN (SELECT rowid FROM from_awl ORDER BY random() LIMIT ?)", (R.randint(1, 4),))
        db("UPDATE domain_awl SET last_seen = last_seen - 172800, first_seen = first_seen - 172800 WHERE rowid IN (SELECT rowid FROM domain_awl ORDER BY random() LIMIT 1)")
    else:
        t = triplet(); send(req(t))
    time.sleep(R.uniform(0.2, 1.3))
json.dump(pend, open(state, 'w'))
if conn: conn.close()
PY
# --- phases ---
mkconf "greymethod = smart
optmethod = optout
clean_method = sync"
start
python3 "$W/client.py" $PORT $PH "$W/state.json" "$W"
stop
mkconf "greymethod = classc
optmethod = none
discrimination = on
discrimination_add_rulenr = on
clean_method = async
reject_first_attempt = immed
reject_early_reconnect = immed
prepend = 0"
start
python3 "$W/client.py" $PORT $((PH * 2 / 3)) "$W/state.json" "$W"
kill -HUP "$(cat "$W/sqlgrey.pid")"; sleep 2   # Net::Server restart
python3 "$W/client.py" $PORT $((PH / 3)) "$W/state.json" "$W"
stop
mkconf "greymethod = smart
optmethod = optout
clean_method = sync
reject_code = 450
reject_first_attempt = immed"
start
python3 "$W/client.py" $PORT $PH "$W/state.json" "$W"
stop
sleep 1; kill "$(cat "$W/rsyslogd.pid")"; sleep 1
umount -l /dev 2>/dev/null
echo "lines: $(wc -l < "$OUT/sqlgrey.log")"
