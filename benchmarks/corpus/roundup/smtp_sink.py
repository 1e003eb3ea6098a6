#!/usr/bin/env python3
"""Minimal SMTP sink for the roundup workload: accepts and discards mail, refuses some recipients."""
import random, socketserver, sys

class H(socketserver.StreamRequestHandler):
    def handle(self):
        w = lambda s: self.wfile.write((s + "\r\n").encode())
        w("220 sink ESMTP")
        data = False
        while True:
            line = self.rfile.readline()
            if not line:
                return
            if data:
                if line in (b".\r\n", b".\n"):
                    data = False
                    w("250 queued")
                continue
            cmd = line.decode("latin-1").strip().upper()
            if cmd.startswith(("EHLO", "HELO")):
                w("250 sink")
            elif cmd.startswith("RCPT"):
                w("550 no such user" if "NOBODY" in cmd or "STRANGER" in cmd else "250 ok")
            elif cmd.startswith("DATA"):
                data = True
                w("354 go ahead")
            elif cmd.startswith("QUIT"):
                w("221 bye")
                return
            else:
                w("250 ok")

socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
