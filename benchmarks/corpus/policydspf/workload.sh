#!/bin/bash
# Round-20 corpus workload: postfix-policyd-spf-python 3.0.4 (Debian 12 package, python3-spf 2.0.14,
# dnspython 2.3) with debugLevel = 5, logging through syslog (facility mail, ident policyd-spf with
# pid) to a PRIVATE rsyslogd (private mount + network namespace) that writes only its lines to
# $OUT/policydspf.log (RSYSLOG_FileFormat). DNS: dnsmasq on 127.0.0.1:24053 serving SPF/A/MX/PTR
# records for pass, fail, softfail, neutral, none, permerror (syntax, void and lookup limits,
# duplicates), servfail (forward to a dead port) and timeouts (forward to a black hole on 24054);
# inside the private network namespace the resolver's port 53 is NAT-redirected to 24053 and
# /etc/resolv.conf is bind-mounted privately. A Python client plays Postfix's spawn(8): it starts
# policyd-spf processes with one of several config files (TestOnly, reject policies, whitelists,
# AR headers, bad config lines) and sends each several policy requests, garbage and cut requests.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [SECONDS]   (run here: bash workload.sh . 100; log cut to its first 2,500 lines)
set -u
if [ -z "${R20_INNS:-}" ]; then
  exec unshare -n -m --propagation private env R20_INNS=1 bash "$0" "$@"
fi
OUT=$(readlink -f "${1:-$(dirname "$0")}"); DUR=${2:-240}
W=/tmp/r20spf
rm -rf "$W"; mkdir -p "$W/olddev" "$W/rs" "$W/conf"
rm -f "$OUT/policydspf.log"
ip link set lo up
ip addr add ::1/128 dev lo 2>/dev/null
iptables -t nat -A OUTPUT -p udp -d 127.0.0.1 --dport 53 -j REDIRECT --to-ports 24053
iptables -t nat -A OUTPUT -p tcp -d 127.0.0.1 --dport 53 -j REDIRECT --to-ports 24053
echo "nameserver 127.0.0.1" > "$W/resolv.conf"; mount --bind "$W/resolv.conf" /etc/resolv.conf
# --- private /dev (so /dev/log is ours alone) ---
mount --rbind /dev "$W/olddev"
mount -t tmpfs -o mode=755 r20dev /dev
for n in null zero full random urandom tty ptmx; do touch /dev/$n; mount --bind "$W/olddev/$n" /dev/$n; done
mkdir /dev/pts /dev/shm; mount --rbind "$W/olddev/pts" /dev/pts; mount --rbind "$W/olddev/shm" /dev/shm
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
cat > "$W/rsyslog.conf" <<RS
global(workDirectory="$W/rs")
module(load="imuxsock" SysSock.Name="/dev/log" SysSock.RateLimit.Interval="0")
if \$programname == 'policyd-spf' then {
  action(type="omfile" file="$OUT/policydspf.log" template="RSYSLOG_FileFormat")
}
stop
RS
rsyslogd -f "$W/rsyslog.conf" -i "$W/rsyslogd.pid"
# --- black hole for timeouts ---
python3 -c "
import socket,time
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(('127.0.0.1',24054))
while True: s.recvfrom(4096)
" & BH=$!
# --- DNS data (randomised names) ---
python3 - "$W" <<'PY'
import random, sys, json
W = sys.argv[1]; R = random.Random()
words = ['acme','globex','initech','umbrella','hooli','vandelay','stark','wayne','tyrell','cyberdyne','soylent','wonka','nakatomi','oceanic','gringotts','pied','dunder','sterling','monarch','wernham']
tl = ['example','test','example.net','example.org']
used = set()
def dom():
    while True:
        d = R.choice(words) + R.choice(['', '-mail', 'corp', '-news', str(R.randint(1, 99))]) + '.' + R.choice(tl)
        if d not in used: used.add(d); return d
lines = ['port=24053', 'listen-address=127.0.0.1', 'bind-interfaces', 'no-resolv', 'no-hosts', 'log-facility=/dev/null',
         'local=/example/', 'local=/test/', 'local=/example.net/', 'local=/example.org/', 'local=/in-addr.arpa/', 'local=/ip6.arpa/']
cats = {}
def add(cat, d, client_ok, client_bad): cats.setdefault(cat, []).append(dict(d=d, ok=client_ok, bad=client_bad))
def net(): return '%d.%d' % (R.choice([10, 172]), R.randint(16, 31))
def txt(d, s): lines.append('txt-record=%s,"%s"' % (d, s))
prov = 'spf.' + dom(); pn = net(); txt(prov, 'v=spf1 ip4:%s.0.0/16 ~all' % pn)
for i in range(4):
    d = dom(); n = net(); txt(d, 'v=spf1 ip4:%s.0.0/16 %s' % (n, R.choice(['-all', '-all', '~all'])))
    add('ip4', d, n + '.%d.%d', '198.51.100.%d')
for i in range(3):
    d = dom(); txt(d, 'v=spf1 include:%s -all' % prov); add('include', d, pn + '.%d.%d', '203.0.113.%d')
for i in range(3):
    d = dom(); n = net(); lines.append('address=/%s/%s.1.10' % (d, n)); lines.append('address=/mx.%s/%s.2.20' % (d, n))
    lines.append('mx-host=%s,mx.%s,10' % (d, d)); txt(d, 'v=spf1 a mx -all'); add('amx', d, n + '.2.20', '192.0.2.%d')
for q in ['~all', '~all', '?all', '?all']:
    d = dom(); n = net(); txt(d, 'v=spf1 ip4:%s.0.0/16 %s' % (n, q)); add('soft' if q == '~all' else 'neutral', d, n + '.%d.%d', '198.51.100.%d')
for i in range(3):
    d = dom(); lines.append('address=/%s/192.0.2.%d' % (d, R.randint(1, 250))); add('none', d, '203.0.113.%d', '198.51.100.%d')
broken = ['v=spf1 ip4:10.0.0.0/33 -all', 'v=spf1 foo:bar -all', 'v=spf1 include: -all', 'v=spf1 a:nx1.%s a:nx2.%s a:nx3.%s -all' % ((R.choice(tl),) * 3),
          'v=spf1 redirect=nowhere.example', 'v=spf1 include:nospf.example.org -all', 'v=spf1 ip4:1.2.3.4 ip4:1.2.3.4/24/64 -all', 'v=spf1 mx:%{z} -all']
for b in broken:
    d = dom(); txt(d, b); add('perm', d, '198.51.100.%d', '203.0.113.%d')
d = dom(); txt(d, 'v=spf1 ip4:10.1.0.0/16 -all'); txt(d, 'v=spf1 mx -all'); add('perm', d, '10.1.%d.%d', '203.0.113.%d')
chain = [dom() for i in range(12)]
for a, b in zip(chain, chain[1:]): txt(a, 'v=spf1 include:%s -all' % b)
txt(chain[-1], 'v=spf1 -all'); add('perm', chain[0], '10.9.%d.%d', '203.0.113.%d')
lines.append('address=/nospf.example.org/192.0.2.99')
for i in range(2):
    d = dom(); n = net(); txt(d, 'v=spf1 ip4:%s.0.0/16 -all exp=explain.%s' % (n, d)); txt('explain.' + d, 'Mail from %{i} is not allowed for %{d}; see http://%{d}/spf')
    add('exp', d, n + '.%d.%d', '198.51.100.%d')
d = dom(); txt(d, 'v=spf1 exists:%{i}.allow.' + d + ' -all'); lines.append('address=/10.77.1.5.allow.%s/127.0.0.2' % d); add('exists', d, '10.77.1.5', '10.77.1.%d')
d = dom(); txt(d, 'v=spf1 ptr -all'); lines.append('ptr-record=9.8.77.10.in-addr.arpa,mx1.' + d); lines.append('address=/mx1.%s/10.77.8.9' % d); add('ptr', d, '10.77.8.9', '10.77.9.%d')
d = dom(); txt(d, 'v=spf1 ip6:2001:db8:%x::/48 -all' % R.randint(1, 0xfff)); add('ip6', d, None, None)
cats['ip6'][0]['ok'] = '2001:db8:' + cats['ip6'][0]['d'] and None
for i in range(2):
    d = 'dns%d.broken.example.net' % i; lines.append('server=/%s/127.0.0.1#24099' % d); add('servfail', d, '10.3.%d.%d', '10.3.%d.%d')
    d = 'mail%d.slow.example.org' % i; lines.append('server=/%s/127.0.0.1#24054' % d); add('timeout', d, '10.4.%d.%d', '10.4.%d.%d')
helo = []
for i in range(4):
    h = 'smtp%d.%s' % (i, dom()); n = net(); txt(h, 'v=spf1 a -all'); lines.append('address=/%s/%s.5.%d' % (h, n, i + 1)); helo.append(dict(h=h, ip='%s.5.%d' % (n, i + 1)))
open(W + '/dnsmasq.conf', 'w').write('\n'.join(lines) + '\n')
json.dump(dict(cats=cats, helo=helo), open(W + '/dns.json', 'w'), indent=1)
PY
dnsmasq -C "$W/dnsmasq.conf" -x "$W/dnsmasq.pid"
sleep 1
# --- config files ---
base="debugLevel = 5
skip_addresses = 127.0.0.0/8,::ffff:127.0.0.0/104,::1
Lookup_Time = 3"
echo "$base
TestOnly = 1
HELO_reject = Fail
Mail_From_reject = Fail" > "$W/conf/c0.conf"
echo "$base
TestOnly = 1
HELO_reject = SPF_Not_Pass
Mail_From_reject = Softfail
PermError_reject = True
TempError_Defer = True" > "$W/conf/c1.conf"
echo "$base
TestOnly = 1
HELO_reject = Null
Mail_From_reject = False
Whitelist = 10.20.0.0/16,192.0.2.0/25
HELO_Whitelist = trusted-relay.example
Domain_Whitelist = whitelisted.example.org
Header_Type = AR
Authserv_Id = mx.receiver.example" > "$W/conf/c2.conf"
echo "$base
TestOnly = 1
HELO_reject = Softfail
Mail_From_reject = SPF_Not_Pass
Reject_Not_Pass_Domains = acme.example,globex.test
Hide_Receiver = Yes
SPF_Enhanced_Status_Codes = No
Prospective = 10.99.0.1
Frobnicate = yes
this line has no equals sign" > "$W/conf/c3.conf"
echo "$base
TestOnly = 0
HELO_reject = No_Check
Mail_From_reject = Fail
Header_Type = AR
Authserv_Id = HOSTNAME
Void_Limit = 1
No_Mail = True" > "$W/conf/c4.conf"
echo "$base
TestOnly = 1
HELO_reject = Bogus_Value
Mail_From_reject = Fail
Header_Type = None
Whitelist = 10.20.0.0/16,not-a-network
Domain_Whitelist_PTR = example.net,example.org" > "$W/conf/c5.conf"
echo "$base
TestOnly = 1
Mail_From_reject = Fail
Header_Type = SPF,AR
Authserv_Id = mx.receiver.example" > "$W/conf/c6.conf"
cat > "$W/client.py" <<'PY'
import json, os, random, subprocess, sys, time, select
W, dur = sys.argv[1], float(sys.argv[2]); R = random.Random()
D = json.load(open(W + '/dns.json')); cats = D['cats']; helos = D['helo']
users = ['alice','bob','carol','dave','erin','frank','grace','news','billing','noreply','bounce','support']
def ip(pat):
    if pat is None: return '2001:db8:%x::%x' % (R.randint(1, 0xfff), R.randint(1, 0xffff))
    return pat.replace('%d', '%d' % 0, 0) if False else pat.replace('%d', 'X').replace('X', str(R.randint(1, 254)), 1).replace('X', str(R.randint(1, 254)))
def attrs(client, heloname, sender, rcpt, qid):
    a = [('request', 'smtpd_access_policy'), ('protocol_state', 'RCPT'), ('protocol_name', R.choice(['SMTP', 'ESMTP'])),
         ('helo_name', heloname), ('queue_id', qid), ('sender', sender), ('recipient', rcpt), ('recipient_count', '0'),
         ('client_address', client), ('client_name', 'unknown'), ('reverse_client_name', 'unknown'),
         ('instance', '%x.%x.%d' % (R.randint(0x1000, 0xffff), R.randint(0x10000000, 0x7fffffff), R.randint(0, 2))), ('size', str(R.randint(0, 80000)))]
    return a
def qid(): return R.choice(['', '', ''.join(R.choice('0123456789ABCDEF') for _ in range(R.randint(9, 11)))])
def one():
    c = R.choice(list(cats) + ['perm', 'perm', 'soft', 'neutral']); e = R.choice(cats[c])
    good = R.random() < 0.55
    client = ip(e['ok'] if good and e['ok'] is not None else e['bad']) if c != 'ip6' else ip(None)
    if c == 'ip6' and R.random() < .5: client = '198.51.100.%d' % R.randint(1, 254)
    r = R.random()
    if r < 0.1: sender = ''  # bounce: HELO check only
    else: sender = '%s%s@%s' % (R.choice(users), R.choice(['', str(R.randint(1, 999))]), e['d'])
    h = R.random()
    if h < 0.3:
        hh = R.choice(helos); heloname = hh['h']; 
        if R.random() < .5: client = hh['ip']
    elif h < 0.4: heloname = 'trusted-relay.example'
    elif h < 0.5: heloname = '[%s]' % client
    elif h < 0.6: heloname = R.choice(['localhost', 'MTA', 'WIN-%d' % R.randint(100, 999)])
    else: heloname = 'mail.' + e['d']
    if R.random() < 0.03: sender = 'postmaster@whitelisted.example.org'
    if R.random() < 0.03: client = R.choice(['127.0.0.1', '::1', '10.20.%d.%d' % (R.randint(0, 255), R.randint(1, 254))])
    return attrs(client, heloname, sender, '%s@receiver.example' % R.choice(users), qid())
def run_proc(conf, n):
    p = subprocess.Popen(['/usr/bin/policyd-spf', conf], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    for i in range(n):
        a = one(); k = R.random()
        if k < 0.05: a = [x for x in a if x[0] != 'client_address']
        elif k < 0.08: a = [x if x[0] not in ('sender', 'helo_name') else (x[0], '') for x in a]
        elif k < 0.11: a.insert(R.randint(1, len(a)), ('garbage line %d' % R.randint(1, 999), None))
        elif k < 0.13: a = [(x[0], '"%s"' % x[1]) if x[0] == 'sender' else x for x in a]
        payload = ''.join(('%s\n' % x[0]) if x[1] is None else '%s=%s\n' % x for x in a) + '\n'
        try:
            p.stdin.write(payload.encode())
            rl, _, _ = select.select([p.stdout], [], [], 30)
            if rl: os.read(p.stdout.fileno(), 4096)
        except Exception as e: print('err', e); break
        time.sleep(R.uniform(0.05, 0.6))
    try:
        if R.random() < 0.15: p.stdin.write(b'request=smtpd_access_policy\nsender=half@cut.example\n')
        p.stdin.close(); p.wait(timeout=30)
    except Exception: p.kill()
end = time.time() + dur
while time.time() < end:
    conf = W + '/conf/c%d.conf' % R.choice([0, 0, 1, 1, 2, 3, 4, 5, 5, 6])
    run_proc(conf, R.choice([1, 1, 2, 3, 4, 6]))
    time.sleep(R.uniform(0.2, 1.5))
PY
python3 "$W/client.py" "$W" "$DUR"
sleep 1
kill "$(cat "$W/dnsmasq.pid")" $BH; kill "$(cat "$W/rsyslogd.pid")"; sleep 1
echo "lines: $(wc -l < "$OUT/policydspf.log")"
