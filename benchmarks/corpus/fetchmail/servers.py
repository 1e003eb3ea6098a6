#!/usr/bin/env python3
"""Helpers for the fetchmail workload (127.0.0.1 only):
44025  SMTP sink that accepts, or at random rejects/defers recipients or data;
44111  misbehaving POP3 server (random mode per connection: good with random mailbox,
       garbage greeting, -ERR on login, stall (timeout), drop mid-session, locked mailbox)."""
import random, socketserver, time, threading

class SMTP(socketserver.StreamRequestHandler):
    def w(self, s): self.wfile.write((s + '\r\n').encode())
    def handle(self):
        mode = random.choice(['ok'] * 6 + ['rcpt550', 'rcpt451', 'data554', 'mail452', 'greet421'])
        if mode == 'greet421':
            self.w('421 sink.test busy, try later'); return
        self.w('220 sink.test ESMTP test sink')
        indata = False
        while True:
            l = self.rfile.readline()
            if not l: return
            s = l.decode('latin1').rstrip('\r\n')
            if indata:
                if s == '.':
                    indata = False
                    self.w('554 5.7.1 message content rejected' if mode == 'data554' else '250 2.0.0 Ok: queued as %X' % random.getrandbits(40))
                continue
            c = s[:4].upper()
            if c in ('EHLO',):
                self.w('250-sink.test'); self.w('250-SIZE 10240000'); self.w('250-8BITMIME'); self.w('250 PIPELINING')
            elif c == 'HELO': self.w('250 sink.test')
            elif c == 'MAIL': self.w('452 4.3.1 insufficient system storage' if mode == 'mail452' else '250 2.1.0 Ok')
            elif c == 'RCPT':
                self.w({'rcpt550': '550 5.1.1 <%s>: Recipient address rejected: User unknown' % s[8:].strip('<>'),
                        'rcpt451': '451 4.7.1 Service unavailable - try again later'}.get(mode, '250 2.1.5 Ok'))
            elif c == 'DATA': self.w('354 End data with <CR><LF>.<CR><LF>'); indata = True
            elif c == 'RSET': self.w('250 2.0.0 Ok')
            elif c == 'QUIT': self.w('221 2.0.0 Bye'); return
            else: self.w('502 5.5.2 Error: command not recognized')

def message(i):
    body = '\r\n'.join('line %d of message %d: %s' % (j, i, 'x' * random.randint(5, 70)) for j in range(random.randint(1, 40)))
    return ('From: sender%d@remote.test\r\nTo: carol@example.test\r\nSubject: weird %d\r\nMessage-ID: <%x@remote.test>\r\n\r\n%s\r\n'
            % (random.randint(1, 99), i, random.getrandbits(48), body))

class POP(socketserver.StreamRequestHandler):
    def w(self, s): self.wfile.write((s + '\r\n').encode())
    def handle(self):
        mode = random.choice(['good'] * 4 + ['garbage', 'loginerr', 'stall', 'drop', 'locked', 'stallretr'])
        if mode == 'garbage':
            self.w('HTTP/1.1 400 Bad Request'); time.sleep(1); return
        if mode == 'stall':
            time.sleep(30); return
        self.w('+OK weird POP3 server ready <%d.%d@weird.test>' % (random.randint(1000, 99999), int(time.time())))
        msgs = [message(i) for i in range(random.randint(0, 5))]
        while True:
            l = self.rfile.readline()
            if not l: return
            s = l.decode('latin1').rstrip('\r\n'); a = s.split(); c = a[0].upper() if a else ''
            if c == 'CAPA': self.w('+OK'); self.w('UIDL'); self.w('TOP'); self.w('USER'); self.w('.')
            elif c == 'USER': self.w('+OK')
            elif c == 'PASS':
                if mode == 'loginerr': self.w('-ERR [AUTH] invalid user name or password'); continue
                if mode == 'locked': self.w('-ERR [IN-USE] mailbox locked by another session'); continue
                self.w('+OK logged in')
            elif c == 'STAT': self.w('+OK %d %d' % (len(msgs), sum(map(len, msgs))))
            elif c == 'LIST':
                if len(a) > 1: self.w('+OK %s %d' % (a[1], len(msgs[int(a[1]) - 1])))
                else:
                    self.w('+OK'); [self.w('%d %d' % (i + 1, len(m))) for i, m in enumerate(msgs)]; self.w('.')
            elif c == 'UIDL':
                if len(a) > 1: self.w('+OK %s u%x' % (a[1], hash(msgs[int(a[1]) - 1]) & 0xffffff))
                else:
                    self.w('+OK'); [self.w('%d u%x' % (i + 1, hash(m) & 0xffffff)) for i, m in enumerate(msgs)]; self.w('.')
            elif c in ('RETR', 'TOP'):
                if mode == 'drop': return
                if mode == 'stallretr': time.sleep(30); return
                self.w('+OK'); self.wfile.write(msgs[int(a[1]) - 1].encode()); self.w('.')
            elif c == 'DELE': self.w('+OK deleted')
            elif c == 'NOOP': self.w('+OK')
            elif c == 'QUIT': self.w('+OK bye'); return
            else: self.w('-ERR unknown command')

class T(socketserver.ThreadingTCPServer):
    allow_reuse_address = True; daemon_threads = True

if __name__ == '__main__':
    for port, h in ((44025, SMTP), (44111, POP)):
        threading.Thread(target=T(('127.0.0.1', port), h).serve_forever, daemon=True).start()
    while True: time.sleep(3600)
