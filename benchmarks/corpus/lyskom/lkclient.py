#!/usr/bin/env python3
"""Minimal Protocol A client: runs a randomised session against lyskomd."""
import random, socket, sys, time

def holl(s):
    b = s.encode('latin-1')
    return b'%dH' % len(b) + b

class C:
    def __init__(self, port, user='r35d'):
        self.s = socket.create_connection(('127.0.0.1', port), timeout=5)
        self.s.sendall(b'A' + holl(user) + b'\n')
        self.buf = b''
        self.ref = 0
        self.read_until(b'LysKOM\n')
    def read_until(self, tok):
        while tok not in self.buf:
            d = self.s.recv(65536)
            if not d:
                raise EOFError
            self.buf += d
        i = self.buf.index(tok) + len(tok)
        r, self.buf = self.buf[:i], self.buf[i:]
        return r
    def call(self, no, *args):
        self.ref += 1
        parts = [str(self.ref).encode(), str(no).encode()]
        for a in args:
            parts.append(a if isinstance(a, bytes) else str(a).encode())
        self.s.sendall(b' '.join(parts) + b'\n')
        # replies start with =ref or %ref; asyncs start with ':'
        while True:
            line = self.read_until(b'\n')
            if line.startswith(b'=%d' % self.ref) or line.startswith(b'%%%d' % self.ref) or line.startswith(b'%%%%'):
                return line
    def raw(self, data):
        self.s.sendall(data)
    def close(self):
        self.s.close()

def session(port, r, admin_pw, npers):
    c = C(port, random.choice(['r35d', 'alice', 'bob', 'guest%d' % r.randint(1, 9)]))
    kind = r.random()
    if kind < 0.15:
        # wrong password
        c.call(62, r.choice([5, 6, 7, 8]), holl('wrong%d' % r.randint(0, 99)), 0)
    me = None
    if kind < 0.35:
        c.call(62, 5, holl(admin_pw), r.randint(0, 1))
        me = 5
    else:
        pno = r.randint(6, 6 + npers)
        rep = c.call(62, pno, holl(r.choice(['pw', 'pw', 'pw', 'bad'])), r.randint(0, 1))
        if rep.startswith(b'%'):
            name = 'User %d %s' % (r.randint(1, 10**6), r.choice(['A', 'B', 'C']))
            rep = c.call(89, holl(name), holl('pw'), '00000000', '0 { }')
            if rep.startswith(b'='):
                pno = int(rep.split()[1])
                c.call(62, pno, holl('pw'), 0)
                me = pno
        else:
            me = pno
    c.call(69, holl(r.choice(['elisp-client', 'jyskom', 'r35d-kom'])), holl('0.%d' % r.randint(1, 9)))
    for _ in range(r.randint(1, 12)):
        op = r.random()
        if op < 0.25:
            c.call(86, holl('Subject %d\nbody %s' % (r.randint(1, 999), 'x' * r.randint(0, 80))),
                   '1 { 0 %d }' % r.choice([1, 2, 3, 4, 5]), '0 { }')
        elif op < 0.35:
            c.call(88, holl('Conf %d' % r.randint(1, 10**6)), '0000', '0 { }')
        elif op < 0.45:
            c.call(76, holl(r.choice(['adm', 'user', 'conf', 'x'])), 1, 1)
        elif op < 0.55:
            c.call(4, holl(r.choice(['reading', 'idle', 'writing'])))
        elif op < 0.65:
            c.call(53, 0, holl('hello %d' % r.randint(1, 99)))
        elif op < 0.72:
            c.call(25, r.randint(1, 40), 0, 1000)
        elif op < 0.80:
            c.call(35)
        elif op < 0.86:
            c.call(82)
        elif op < 0.90:
            c.call(80, '3 { 5 6 9 }')
        elif op < 0.94:
            c.call(74, holl(r.choice(['[', 'a.*', '(x'])), 1, 1)
        else:
            c.call(83, 1, 1, 30)
    end = r.random()
    if end < 0.5:
        c.call(1)
        c.call(55, 0)
    elif end < 0.7:
        c.raw(b'garbage {{{ ' + bytes(r.randint(33, 126) for _ in range(10)) + b'\n')
        time.sleep(0.2)
    c.close()

if __name__ == '__main__':
    port = int(sys.argv[1]); n = int(sys.argv[2]); seed = int(sys.argv[3])
    mode = sys.argv[4] if len(sys.argv) > 4 else 'normal'
    r = random.Random(seed)
    if mode == 'shutdown':
        c = C(port)
        c.call(62, 5, holl('gazonk'), 0)
        c.call(42, 255)
        c.call(44, 0)
        sys.exit(0)
    if mode == 'sync':
        c = C(port)
        c.call(62, 5, holl('gazonk'), 0)
        c.call(42, 255)
        c.call(43)
        c.call(1)
        sys.exit(0)
    if mode == 'idle':
        c = C(port)
        time.sleep(float(sys.argv[5]))
        sys.exit(0)
    for i in range(n):
        try:
            session(port, r, 'gazonk', 30)
        except (EOFError, OSError):
            pass
