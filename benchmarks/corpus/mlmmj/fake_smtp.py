#!/usr/bin/env python3
"""Fake SMTP relay for mlmmj-send: accepts most mail, refuses or drops some at random."""
import random, socketserver, sys

class H(socketserver.StreamRequestHandler):
    def reply(self, s):
        self.wfile.write((s + "\r\n").encode()); self.wfile.flush()
    def handle(self):
        r = random.random()
        if r < 0.04:
            return                                   # drop at once
        if r < 0.08:
            self.reply("421 4.3.2 Service not available, closing"); return
        if r < 0.10:
            self.reply("554 5.7.1 No SMTP service here"); return
        self.reply("220 relay.example.test ESMTP fake")
        in_data = False
        while True:
            line = self.rfile.readline()
            if not line:
                return
            if in_data:
                if line.rstrip(b"\r\n") == b".":
                    in_data = False
                    x = random.random()
                    if x < 0.04: self.reply("552 5.3.4 Message too big")
                    elif x < 0.07: self.reply("451 4.3.0 Temporary failure")
                    elif x < 0.09: return
                    else: self.reply("250 2.0.0 Ok: queued")
                continue
            cmd = line.decode("latin-1").strip().upper()
            x = random.random()
            if cmd.startswith("HELO") or cmd.startswith("EHLO"):
                self.reply("501 5.5.2 Syntax error" if x < 0.03 else "250 relay.example.test")
            elif cmd.startswith("MAIL FROM"):
                self.reply("451 4.3.0 Try later" if x < 0.03 else "553 5.1.8 Sender rejected" if x < 0.05 else "250 2.1.0 Ok")
            elif cmd.startswith("RCPT TO"):
                if x < 0.005: return
                self.reply("550 5.1.1 User unknown" if x < 0.06 else "450 4.2.0 Mailbox busy" if x < 0.08 else "250 2.1.5 Ok")
            elif cmd == "DATA":
                self.reply("554 5.5.1 No valid recipients" if x < 0.03 else "354 End data with <CR><LF>.<CR><LF>")
                if x >= 0.03: in_data = True
            elif cmd == "RSET":
                self.reply("250 2.0.0 Ok")
            elif cmd == "QUIT":
                self.reply("221 2.0.0 Bye"); return
            else:
                self.reply("502 5.5.2 Command not recognized")

class S(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
