#!/usr/bin/python3
# minimal fake SMTP/LMTP peer for the swaks workload; behaviour chosen by port
import base64, hashlib, hmac, random, socket, socketserver, ssl, sys, threading, time

CERT, KEY, BASE = sys.argv[1], sys.argv[2], int(sys.argv[3])
MODES = {0: 'full', 1: 'smtps', 2: 'banner_reject', 3: 'dropper', 4: 'slow',
         5: 'heloonly', 6: 'datareject', 7: 'lmtp', 9: 'authfail'}
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(CERT, KEY)

class H(socketserver.StreamRequestHandler):
    def w(self, s):
        self.wfile.write((s + '\r\n').encode())
    def handle(self):
        mode = MODES[self.server.server_address[1] - BASE]
        if mode == 'smtps':
            try:
                self.request = ctx.wrap_socket(self.request, server_side=True)
            except Exception:
                return
            self.setup()
        if mode == 'banner_reject':
            self.w('554 5.7.1 fake.test: connection refused, try later'); self.lines(mode, True); return
        if mode == 'dropper' and random.random() < 0.3:
            return
        self.w(random.choice(['220 fake.test ESMTP ready', '220 fake.test fake smtp service', '220-fake.test hello\r\n220 fake.test ESMTP']))
        self.lines(mode, False)
    def lines(self, mode, rejected):
        indata = False; tls = mode == 'smtps'; auth_step = None; seen = 0
        while True:
            l = self.rfile.readline()
            if not l:
                return
            l = l.decode('latin-1').rstrip('\r\n')
            if indata:
                if l == '.':
                    indata = False
                    if mode == 'datareject':
                        self.w(random.choice(['554 5.6.0 message content rejected', '451 4.3.0 temporary queue failure']))
                    elif mode == 'lmtp':
                        for r in range(self.rcpts):
                            self.w('250 2.1.5 delivered to mailbox %d' % r)
                    else:
                        self.w('250 2.0.0 Ok: queued as %X' % random.randrange(1 << 40))
                continue
            seen += 1
            if mode == 'dropper' and random.random() < 0.35:
                return
            c = l.upper()
            if auth_step == 'user':
                self.w('334 UGFzc3dvcmQ6'); auth_step = 'pass'; self.user = base64.b64decode(l or '=').decode('latin-1', 'replace'); continue
            if auth_step == 'pass':
                auth_step = None
                p = base64.b64decode(l or '=').decode('latin-1', 'replace')
                self.w('235 2.7.0 Authentication successful' if (self.user, p) == ('alice', 'secret') and mode != 'authfail' else '535 5.7.8 Authentication credentials invalid')
                continue
            if auth_step == 'cram':
                auth_step = None
                u, _, d = base64.b64decode(l or '=').decode('latin-1', 'replace').partition(' ')
                ok = hmac.new(b'secret', self.chal.encode(), hashlib.md5).hexdigest() == d and u == 'alice'
                self.w('235 2.7.0 Authentication successful' if ok and mode != 'authfail' else '535 5.7.8 Authentication credentials invalid')
                continue
            if rejected:
                self.w('503 5.5.1 rejected at banner') if not c.startswith('QUIT') else (self.w('221 2.0.0 bye'))
                if c.startswith('QUIT'): return
                continue
            if c.startswith('EHLO') or c.startswith('LHLO'):
                if mode == 'heloonly' or (mode == 'lmtp') != c.startswith('LHLO'):
                    self.w('502 5.5.2 command not recognized'); continue
                ext = ['PIPELINING', 'SIZE 10240000', '8BITMIME']
                if not tls and mode in ('full', 'authfail', 'slow'): ext.append('STARTTLS')
                if mode in ('full', 'authfail', 'smtps') and random.random() < 0.85: ext.append('AUTH PLAIN LOGIN CRAM-MD5')
                if mode == "full" and random.random() < 0.5: ext.append(random.choice(["XCLIENT NAME ADDR HELO", "XCLIENT NAME"]))
                self.w('\r\n'.join(['250-fake.test greets ' + l[5:]] + ['250-' + e for e in ext[:-1]] + ['250 ' + ext[-1]]))
            elif c.startswith('HELO'):
                self.w('250 fake.test')
            elif c == 'STARTTLS':
                if mode == 'authfail' and random.random() < 0.5:
                    self.w('454 4.7.0 TLS not available due to local problem'); continue
                self.w('220 2.0.0 Ready to start TLS')
                try:
                    self.request = ctx.wrap_socket(self.request, server_side=True)
                except Exception:
                    return
                self.setup(); tls = True
            elif c.startswith('AUTH PLAIN'):
                try:
                    _, u, p = base64.b64decode(l.split()[2]).decode('latin-1').split('\0')
                except Exception:
                    self.w('501 5.5.2 malformed auth input'); continue
                self.w('235 2.7.0 Authentication successful' if (u, p) == ('alice', 'secret') and mode != 'authfail' else '535 5.7.8 Authentication credentials invalid')
            elif c.startswith('AUTH LOGIN'):
                self.w('334 VXNlcm5hbWU6'); auth_step = 'user'
            elif c.startswith('AUTH CRAM-MD5'):
                self.chal = '<%d.%d@fake.test>' % (random.randrange(10**6), int(time.time()))
                self.w('334 ' + base64.b64encode(self.chal.encode()).decode()); auth_step = 'cram'
            elif c.startswith('XCLIENT'):
                self.w(random.choice(['220 fake.test ESMTP', '550 5.7.0 insufficient authorization']))
            elif c.startswith('MAIL FROM'):
                self.rcpts = 0
                if mode == 'slow':
                    time.sleep(6)
                self.w('553 5.7.1 sender rejected' if 'spam' in l else '250 2.1.0 Ok')
            elif c.startswith('RCPT TO'):
                if 'nobody' in l:
                    self.w('550 5.1.1 recipient unknown')
                elif 'full' in l:
                    self.w('452 4.2.2 mailbox full')
                else:
                    self.rcpts += 1; self.w('250 2.1.5 Ok')
            elif c == 'DATA':
                if self.rcpts == 0:
                    self.w('554 5.5.1 no valid recipients'); continue
                self.w('354 End data with <CR><LF>.<CR><LF>'); indata = True
            elif c == 'QUIT':
                self.w('221 2.0.0 Bye'); return
            elif c == 'RSET':
                self.w('250 2.0.0 Ok')
            else:
                self.w('500 5.5.2 unrecognized command')

class S(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

for off in MODES:
    s = S(('127.0.0.1', BASE + off), H)
    threading.Thread(target=s.serve_forever, daemon=True).start()
while True:
    time.sleep(3600)
