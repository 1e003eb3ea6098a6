#!/usr/bin/env python3
"""A fake relay SMTP peer: speaks enough SMTP to accept mail; every few messages it answers
a temporary failure, and it rejects AUTH."""
import random, socketserver, sys

class H(socketserver.StreamRequestHandler):
    def w(self, s):
        self.wfile.write((s + "\r\n").encode())
    def handle(self):
        self.w("220 relay.test ESMTP fake")
        data = False
        while True:
            line = self.rfile.readline()
            if not line:
                return
            if data:
                if line in (b".\r\n", b".\n"):
                    data = False
                    self.w("250 queued" if random.random() < 0.8 else "451 try again later")
                continue
            cmd = line.strip().upper()
            if cmd.startswith(b"EHLO"):
                self.w("250-relay.test"); self.w("250 AUTH PLAIN LOGIN")
            elif cmd.startswith(b"HELO"):
                self.w("250 relay.test")
            elif cmd.startswith(b"AUTH"):
                self.w("535 authentication failed")
            elif cmd.startswith(b"MAIL") or cmd.startswith(b"RCPT") or cmd.startswith(b"RSET"):
                self.w("250 ok" if random.random() < 0.95 else "550 no such user")
            elif cmd.startswith(b"DATA"):
                data = True; self.w("354 go ahead")
            elif cmd.startswith(b"QUIT"):
                self.w("221 bye"); return
            else:
                self.w("502 not implemented")

socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
