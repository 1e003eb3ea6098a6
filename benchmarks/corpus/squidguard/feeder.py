#!/usr/bin/env python3
"""Play squid: start one squidGuard redirector child and feed it request lines on stdin.
usage: feeder.py LOG CONF NREQ [--hup K] [--garbage P] [--delay S] [-- extra squidGuard args]"""
import os, random, signal, subprocess, sys, time

args = sys.argv[1:]
extra = []
if '--' in args:
    i = args.index('--'); extra = args[i + 1:]; args = args[:i]
log, conf, nreq = args[0], args[1], int(args[2])
opts = dict(zip(args[3::2], args[4::2]))
hups = int(opts.get('--hup', 0))
garbage = float(opts.get('--garbage', 0.05))
delay = float(opts.get('--delay', 0.02))

BLOCKED = ['http://doubleclick.net/ad.js', 'http://www.doubleclick.net/pixel?id=%d',
           'http://ads.example.com/banner/%d.gif', 'https://adserver.test/x', 'http://tracker.example.org/t.gif?u=%d',
           'http://example.com/banners/top%d.png', 'http://news.example.net/popup/%d', 'http://cdn.test/adclick?c=%d',
           'http://img.test/popunder.js', 'http://porn.example/v/%d', 'http://www.xxx.test/', 'http://warez.example/crack%d.zip',
           'http://files.example.org/warez/app%d.iso', 'http://newads.test/x', 'http://more.test/y']
GOOD = ['http://good.test/', 'http://www.debian.org/News/%d', 'https://intra.test:8443/app/login', 'http://wiki.test/page?id=%d',
        'http://example.com/index.html', 'ftp://ftp.test/pub/file%d.tar.gz', 'http://user:pw@auth.test/private',
        'http://news.example.net/story/%d', 'http://localhost:36100/status', 'http://[::1]:36100/health']
IPS = ['http://10.1.2.%d/', 'http://192.0.2.%d/admin', 'https://203.0.113.%d:443/']
SRCS = ['127.0.0.1', '127.0.0.5', '127.0.0.7', '127.0.0.10', '127.0.0.11', '127.0.1.%d', '127.0.2.%d']
IDENTS = ['-', '-', '-', 'alice', 'bob', 'carol', 'root', 'mallory', 'ADMIN']
METHODS = ['GET', 'GET', 'GET', 'POST', 'CONNECT', 'HEAD']
GARBAGE = ['garbage', '', 'http://only-url.test/', '\x00\x01\x02', 'GET / HTTP/1.1', '- - - -', 'http:///nohost 127.0.0.1/- - GET',
           '%zz%41 127.0.0.1/- - GET', 'http://a.test/ 127.0.0.1/-']


def fill(s):
    return s % random.randint(1, 254) if '%d' in s else s


def line():
    r = random.random()
    if r < garbage:
        return random.choice(GARBAGE) + '\n'
    pool = BLOCKED if r < 0.45 else IPS if r < 0.55 else GOOD
    url = fill(random.choice(pool))
    src = fill(random.choice(SRCS))
    fqdn = random.choice(['-', '-', 'host%d.lan' % random.randint(1, 9)])
    return '%s %s/%s %s %s\n' % (url, src, fqdn, random.choice(IDENTS), random.choice(METHODS))


logf = open(log, 'ab')
prog = '/usr/bin/squidGuard' if opts.get('--bare', '0') == '0' else 'squidGuard'
p = subprocess.Popen([prog, '-d', '-c', conf] + extra, stdin=subprocess.PIPE,
                     stdout=subprocess.DEVNULL, stderr=logf)
hup_at = sorted(random.sample(range(5, max(6, nreq)), min(hups, max(1, nreq - 5)))) if hups else []
try:
    for i in range(nreq):
        if i in hup_at:
            p.send_signal(signal.SIGHUP)
            time.sleep(0.05)
        p.stdin.write(line().encode('latin-1'))
        p.stdin.flush()
        time.sleep(random.uniform(0, delay))
    p.stdin.close()
except BrokenPipeError:
    pass
p.wait(timeout=30)
