#!/usr/bin/env python3
"""NNTP clients for the INN workload.
usage: nntp_client.py reader|feeder|ihave|garbage|idle  N   (N sessions, randomised)"""
import random, socket, sys, time, string

HOST, PORT = '127.0.0.1', 22119
GROUPS = ['local.test', 'local.misc', 'local.private', 'comp.lang.c', 'alt.test', 'nonexistent.group',
          'local.noposting', 'junk']
USERS = [('alice', 'wonder1'), ('bob', 'builder2'), ('carol', 'xmas3')]
rnd = random.Random()

def rword(n=8):
    return ''.join(rnd.choice(string.ascii_lowercase) for _ in range(n))

def mid():
    return '<%s.%d@%s.example.test>' % (rword(10), rnd.randint(1, 10**9), rword(5))

class Conn:
    def __init__(self, src):
        self.s = socket.create_connection((HOST, PORT), timeout=10, source_address=(src, 0))
        self.f = self.s.makefile('rwb', buffering=0)
        self.greet = self.line()
    def line(self):
        try:
            return self.f.readline().decode('latin1').rstrip('\r\n')
        except OSError:
            return ''
    def cmd(self, c):
        try:
            self.f.write(c.encode('latin1') + b'\r\n')
        except OSError:
            return ''
        return self.line()
    def multiline(self):
        out = []
        while True:
            l = self.line()
            if l == '.' or l == '':
                return out
            out.append(l)
    def send_text(self, text):
        try:
            self.f.write(text.encode('latin1'))
        except OSError:
            pass
    def close(self, polite=True):
        if polite:
            self.cmd('QUIT')
        try:
            self.s.close()
        except OSError:
            pass

def article(msgid, group=None, bad=False, spam=False, control=None):
    group = group or rnd.choice(GROUPS[:5])
    h = []
    if not (bad and rnd.random() < 0.5):
        h.append('From: %s <%s@example.test>' % (rword(5).title(), rword(5)))
    if control:
        h.append('From: admin@example.test')
        h = h[-1:]
    h.append('Newsgroups: %s' % group)
    subj = 'MAKE MONEY FAST %s' % rword(4) if spam else 'Re: %s %s' % (rword(6), rword(4))
    if control:
        subj = 'cmsg ' + control
        h.append('Control: ' + control)
        h.append('Approved: admin@example.test')
    if not (bad and rnd.random() < 0.5):
        h.append('Subject: ' + subj)
    h.append('Message-ID: ' + msgid)
    if not bad or rnd.random() < 0.5:
        h.append('Date: ' + time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime()))
    h.append('Path: feeder.example.test!not-for-mail')
    body = '\r\n'.join(' '.join(rword(rnd.randint(2, 9)) for _ in range(rnd.randint(3, 12)))
                       for _ in range(rnd.randint(1, 15)))
    return '\r\n'.join(h) + '\r\n\r\n' + body + '\r\n.\r\n'

SEEN = []

def feeder(stream_ok=True, src='127.0.0.2'):
    c = Conn(src)
    if not c.greet.startswith('2'):
        c.close(False); return
    streaming = stream_ok and rnd.random() < 0.7
    if streaming:
        streaming = c.cmd('MODE STREAM').startswith('203')
    for _ in range(rnd.randint(3, 15)):
        r = rnd.random()
        if r < 0.1 and SEEN:
            m = rnd.choice(SEEN)
        else:
            m = mid()
        bad = rnd.random() < 0.1
        spam = rnd.random() < 0.08
        grp = None
        if rnd.random() < 0.1:
            grp = 'nonexistent.group'
        ctl = None
        if rnd.random() < 0.06:
            g = 'local.new%s' % rword(3)
            ctl = rnd.choice(['newgroup ' + g, 'rmgroup local.' + rword(4), 'newgroup alt.' + rword(4),
                              'version', 'checkgroups', 'sendsys'])
            grp = 'control'
        art = article(m, grp, bad, spam, ctl)
        if streaming:
            if rnd.random() < 0.6:
                resp = c.cmd('CHECK ' + m)
                if not resp.startswith('238'):
                    continue
            c.send_text('TAKETHIS %s\r\n' % m + art)
            resp = c.line()
        else:
            resp = c.cmd('IHAVE ' + m)
            if resp.startswith('335'):
                c.send_text(art)
                resp = c.line()
        SEEN.append(m)
        if rnd.random() < 0.05:
            c.cmd(rnd.choice(['XYZZY', 'HELP', 'STAT', 'LIST', 'MODE READER', 'GROUP local.test', 'DATE']))
            if rnd.random() < 0.5: c.multiline()
    c.close(rnd.random() < 0.8)

def reader():
    src = '127.0.0.%d' % rnd.choice([6, 7, 8])
    c = Conn(src)
    if not c.greet.startswith('2'):
        c.close(False); return
    authed = False
    if rnd.random() < 0.6:
        u, p = rnd.choice(USERS)
        r = rnd.random()
        if r < 0.25:
            p = 'wrong' + rword(3)
        elif r < 0.3:
            u = 'mallory'
        resp = c.cmd('AUTHINFO USER ' + u)
        if resp.startswith('381'):
            resp = c.cmd('AUTHINFO PASS ' + p)
            authed = resp.startswith('281')
        if rnd.random() < 0.1:
            c.cmd('AUTHINFO PASS ' + p)
    for _ in range(rnd.randint(2, 14)):
        op = rnd.random()
        g = rnd.choice(GROUPS)
        if op < 0.12:
            c.cmd('LIST' + rnd.choice(['', ' ACTIVE', ' NEWSGROUPS', ' OVERVIEW.FMT', ' ACTIVE.TIMES', ' HEADERS', ' MOTD', ' DISTRIBUTIONS', ' BOGUS']))
            c.multiline()
        elif op < 0.35:
            resp = c.cmd('GROUP ' + g)
            if resp.startswith('211'):
                parts = resp.split()
                lo, hi = int(parts[2]), int(parts[3])
                for _ in range(rnd.randint(0, 4)):
                    n = rnd.randint(max(lo - 1, 0), hi + 1)
                    v = rnd.choice(['ARTICLE', 'HEAD', 'BODY', 'STAT'])
                    resp = c.cmd('%s %d' % (v, n))
                    if resp[:3] in ('220', '221', '222'):
                        c.multiline()
                if rnd.random() < 0.5:
                    resp = c.cmd(rnd.choice(['OVER', 'XOVER']) + ' %d-%d' % (lo, hi))
                    if resp.startswith('224'): c.multiline()
                if rnd.random() < 0.3:
                    resp = c.cmd('XHDR Subject %d-%d' % (lo, hi))
                    if resp.startswith('221'): c.multiline()
                if rnd.random() < 0.3:
                    c.cmd(rnd.choice(['NEXT', 'LAST']))
        elif op < 0.42:
            resp = c.cmd('LISTGROUP ' + g)
            if resp.startswith('211'): c.multiline()
        elif op < 0.5:
            resp = c.cmd('ARTICLE ' + (rnd.choice(SEEN) if SEEN else mid()))
            if resp.startswith('220'): c.multiline()
        elif op < 0.58:
            resp = c.cmd('POST')
            if resp.startswith('340'):
                g2 = rnd.choice(GROUPS)
                art = article(mid(), g2, rnd.random() < 0.15, rnd.random() < 0.05)
                if rnd.random() < 0.5:  # let nnrpd make the message-id
                    art = '\r\n'.join(l for l in art.split('\r\n') if not l.startswith('Message-ID:'))
                c.send_text(art)
                c.line()
        elif op < 0.64:
            resp = c.cmd(rnd.choice(['NEWGROUPS 20200101 000000', 'NEWNEWS * 20200101 000000', 'NEWNEWS local.* 20250101 000000 GMT']))
            if resp[:3] in ('230', '231'): c.multiline()
        elif op < 0.72:
            resp = c.cmd(rnd.choice(['HELP', 'CAPABILITIES']))
            if resp[:3] in ('100', '101'): c.multiline()
        elif op < 0.76:
            c.cmd('DATE')
        elif op < 0.86:
            c.cmd(rnd.choice(['XYZZY plugh', 'GROUP', 'ARTICLE <nosuch@x>', 'ARTICLE 99999', 'OVER', 'IHAVE <a@b>',
                              'MODE STREAM', 'AUTHINFO GENERIC foo', 'STARTTLS', 'X' * 600, 'HDR', 'LIST ACTIVE [',
                              'AUTHINFO SASL PLAIN', 'NEWGROUPS bogus', 'MODE READER']))
        else:
            c.cmd('MODE READER')
    c.close(rnd.random() < 0.85)

def garbage():
    src = '127.0.0.%d' % rnd.choice([2, 6, 9])
    try:
        c = Conn(src)
    except OSError:
        return
    for _ in range(rnd.randint(1, 4)):
        c.send_text(''.join(chr(rnd.randint(1, 126)) for _ in range(rnd.randint(5, 60))) + '\r\n')
        time.sleep(0.05)
    c.close(rnd.random() < 0.3)

def idle():
    src = '127.0.0.%d' % rnd.choice([2, 7])
    try:
        c = Conn(src)
        time.sleep(rnd.uniform(0.2, 1.5))
        c.close(False)
    except OSError:
        pass

if __name__ == '__main__':
    mode, n = sys.argv[1], int(sys.argv[2])
    for _ in range(n):
        try:
            {'reader': reader, 'feeder': feeder, 'ihave': lambda: feeder(False, '127.0.0.4'),
             'garbage': garbage, 'idle': idle}[mode]()
        except (OSError, ValueError, IndexError):
            pass
        time.sleep(rnd.uniform(0, 0.2))
