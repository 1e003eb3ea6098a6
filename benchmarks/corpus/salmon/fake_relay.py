#!/usr/bin/env python3
"""Fake downstream SMTP relay for the salmon forward handler: accepts most mail,
refuses some recipients, sometimes answers 451. No logging."""
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
                    self.w(random.choice(["250 2.0.0 queued"] * 18 + ["451 4.3.0 try later", "554 5.7.1 rejected"]))
                continue
            cmd = line.decode(errors="replace").strip()
            up = cmd.upper()
            if up.startswith(("EHLO", "HELO")):
                self.w("250 relay.test")
            elif up.startswith("MAIL"):
                self.w("250 2.1.0 ok")
            elif up.startswith("RCPT"):
                self.w("550 5.1.1 no such user" if "nobody" in cmd.lower() else "250 2.1.5 ok")
            elif up == "DATA":
                data = True
                self.w("354 go ahead")
            elif up == "QUIT":
                self.w("221 bye")
                return
            else:
                self.w("250 ok")

class S(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
