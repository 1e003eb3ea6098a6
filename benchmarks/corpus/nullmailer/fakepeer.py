#!/usr/bin/env python3
"""Fake SMTP (port A) and QMQP (port B) peers with random behaviour, plus a silent port C."""
import random, socket, socketserver, sys, threading, time

A, B, C = (int(p) for p in sys.argv[1:4])

class SMTP(socketserver.StreamRequestHandler):
    def w(self, s):
        self.wfile.write((s + "\r\n").encode()); self.wfile.flush()
    def handle(self):
        r = random.random()
        if r < 0.04: return                                   # drop at once
        if r < 0.08: self.w("421 4.3.2 Service not available, closing"); return
        if r < 0.10: self.w("554 5.7.1 No SMTP service here"); return
        if r < 0.12: self.w("hello? not smtp"); return
        if r < 0.14:
            self.w("220-fake.example ESMTP\r\n220-second line of banner\r\n220 ready")
        else:
            self.w("220 fake.example ESMTP ready")
        fail_at = random.choice(["", "", "", "", "", "MAIL", "RCPT", "DATA", "END", "AUTH", "EHLO", "DROP"])
        auth = random.choice(["AUTH PLAIN LOGIN", "AUTH LOGIN", "AUTH CRAM-MD5", "AUTH PLAIN"])
        while True:
            line = self.rfile.readline()
            if not line: return
            cmd = line.decode(errors="replace").strip()
            u = cmd.upper()
            if fail_at == "DROP" and random.random() < 0.4: return
            if u.startswith("EHLO"):
                if fail_at == "EHLO": self.w("502 5.5.1 EHLO not implemented"); continue
                self.w("250-fake.example\r\n250-SIZE 1000000\r\n250-STARTTLS\r\n250-" + auth + "\r\n250 8BITMIME")
            elif u.startswith("HELO"):
                self.w("250 fake.example")
            elif u.startswith("STARTTLS"):
                self.w("220 2.0.0 go ahead"); time.sleep(0.2); self.wfile.write(b"garbage not tls\r\n"); return
            elif u.startswith("AUTH LOGIN"):
                if fail_at == "AUTH": self.w("535 5.7.8 Authentication credentials invalid"); continue
                self.w("334 UGFzc3dvcmQ6"); self.rfile.readline()
                self.w(random.choice(["235 2.7.0 Authentication successful"] * 3 + ["535 5.7.8 Bad password", "454 4.7.0 Temporary authentication failure"]))
            elif u.startswith("AUTH"):
                if fail_at == "AUTH": self.w("535 5.7.8 Authentication credentials invalid"); continue
                self.w(random.choice(["235 2.7.0 Authentication successful"] * 3 + ["535 5.7.8 Bad credentials", "504 5.5.4 Unrecognized authentication type"]))
            elif u.startswith("MAIL"):
                if fail_at == "MAIL": self.w(random.choice(["451 4.3.0 Mailbox temporarily unavailable", "553 5.1.8 Sender address rejected", "452 4.3.1 Insufficient system storage"]))
                else: self.w("250 2.1.0 Ok")
            elif u.startswith("RCPT"):
                if fail_at == "RCPT": self.w(random.choice(["550 5.1.1 User unknown", "450 4.2.0 Recipient address rejected: greylisted", "550 5.1.1 The email account does not exist"]))
                else: self.w("250 2.1.5 Ok")
            elif u == "DATA":
                if fail_at == "DATA": self.w("554 5.5.1 No valid recipients"); continue
                self.w("354 End data with <CR><LF>.<CR><LF>")
                while True:
                    l = self.rfile.readline()
                    if not l or l.rstrip(b"\r\n") == b".": break
                if fail_at == "END": self.w(random.choice(["552 5.3.4 Message size exceeds fixed limit", "451 4.3.0 Error: queue file write error", "554 5.7.1 Message rejected as spam"]))
                else: self.w("250 2.0.0 Ok: queued as %X" % random.getrandbits(40))
            elif u == "QUIT":
                self.w("221 2.0.0 Bye"); return
            else:
                self.w("500 5.5.2 Error: command not recognized")

class QMQP(socketserver.StreamRequestHandler):
    def handle(self):
        self.request.settimeout(5)
        try:
            data = b""
            while not data.endswith(b","):
                c = self.request.recv(65536)
                if not c: break
                data += c
        except OSError:
            return
        r = random.random()
        if r < 0.55: resp = b"Kok %d qp %d" % (int(time.time()), random.randint(1, 99999))
        elif r < 0.70: resp = b"Zmailbox is full, try again later"
        elif r < 0.82: resp = b"Dsorry, no mailbox here by that name"
        elif r < 0.90: resp = b"Xwhat is this"
        else:
            self.request.sendall(b"not a netstring"); return
        self.request.sendall(b"%d:%s," % (len(resp), resp))

class Silent(socketserver.BaseRequestHandler):
    def handle(self):
        time.sleep(30)

class TS(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

for port, h in ((A, SMTP), (B, QMQP), (C, Silent)):
    s = TS(("127.0.0.1", port), h)
    threading.Thread(target=s.serve_forever, daemon=True).start()
while True:
    time.sleep(3600)
