#!/usr/bin/python3
"""Small SMTP server for the dma workload. usage: smtpd.py PORT MODE [cert]
MODE: good | greet421 | greet554 | auth | garbage | tls | slow"""
import base64, hmac, random, socket, socketserver, ssl, sys, time

PORT, MODE = int(sys.argv[1]), sys.argv[2]
CERT = sys.argv[3] if len(sys.argv) > 3 else None

class H(socketserver.StreamRequestHandler):
    timeout = 30
    def out(self, s):
        self.wfile.write((s + "\r\n").encode()); self.wfile.flush()
    def readline(self):
        l = self.rfile.readline(4096)
        if not l: raise EOFError
        return l.decode("latin1").rstrip("\r\n")
    def handle(self):
        try:
            self.session()
        except (EOFError, OSError, ssl.SSLError):
            pass
    def session(self):
        if MODE == "greet421":
            self.out("421 mail.test Service not available, try later"); return
        if MODE == "greet554":
            self.out("554 mail.test No SMTP service here"); self.readline(); return
        if MODE == "garbage":
            self.out(random.choice(["HELLO THERE", "220-mail.test\r\n22x broken", "999 what", "220 mail.test ESMTP"]))
            l = self.readline()
            self.out(random.choice(["250", "250-mail.test\r\n25X-oops", "500 Syntax error", "bogus reply"]))
            return
        if MODE == "slow":
            time.sleep(float(sys.argv[3]) if len(sys.argv) > 3 else 2)
        self.out("220 mail.test ESMTP ready")
        authed = MODE != "auth"
        while True:
            l = self.readline()
            cmd = l.upper()
            if cmd.startswith("EHLO"):
                caps = ["mail.test greets you", "PIPELINING", "8BITMIME"]
                if MODE == "auth": caps.append("AUTH " + random.choice(["LOGIN", "CRAM-MD5 LOGIN", "LOGIN PLAIN", "CRAM-MD5"]))
                if MODE == "tls" and not isinstance(self.connection, ssl.SSLSocket): caps.append("STARTTLS")
                if MODE == "noehlo":
                    self.out("502 EHLO not implemented"); continue
                for c in caps[:-1]: self.out("250-" + c)
                self.out("250 " + caps[-1])
            elif cmd.startswith("HELO"):
                self.out("250 mail.test")
            elif cmd == "STARTTLS" and MODE == "tls":
                self.out("220 go ahead")
                ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain(CERT)
                self.connection = ctx.wrap_socket(self.connection, server_side=True)
                self.rfile = self.connection.makefile("rb"); self.wfile = self.connection.makefile("wb")
            elif cmd.startswith("AUTH LOGIN"):
                self.out("334 VXNlcm5hbWU6"); u = base64.b64decode(self.readline() or "=").decode("latin1", "replace")
                self.out("334 UGFzc3dvcmQ6"); p = base64.b64decode(self.readline() or "=").decode("latin1", "replace")
                if (u, p) == ("alice", "wonderland"):
                    authed = True; self.out("235 Authentication successful")
                else:
                    self.out(random.choice(["535 Authentication failed", "454 Temporary authentication failure"]))
            elif cmd.startswith("AUTH CRAM-MD5"):
                chal = "<%d.%d@mail.test>" % (random.randint(1, 99999), int(time.time()))
                self.out("334 " + base64.b64encode(chal.encode()).decode())
                resp = base64.b64decode(self.readline() or "=").decode("latin1", "replace")
                user, _, dig = resp.partition(" ")
                good = hmac.new(b"wonderland", chal.encode(), "md5").hexdigest()
                if user == "alice" and dig == good:
                    authed = True; self.out("235 Authentication successful")
                else:
                    self.out("535 Authentication failed")
            elif cmd.startswith("MAIL FROM"):
                if not authed: self.out("530 Authentication required"); continue
                if "spammer" in l: self.out("550 Sender rejected"); continue
                self.out("250 OK")
            elif cmd.startswith("RCPT TO"):
                if "nosuch" in l: self.out("550 No such user here")
                elif "full" in l: self.out("452 Mailbox full, try again later")
                elif "greylist" in l: self.out("451 Greylisted, please try again")
                else: self.out("250 OK")
            elif cmd == "DATA":
                self.out("354 End data with <CR><LF>.<CR><LF>")
                body = []
                while True:
                    d = self.readline()
                    if d == ".": break
                    body.append(d)
                if any("X-Test: reject-data" in b for b in body): self.out("554 Message rejected as spam")
                elif any("X-Test: defer-data" in b for b in body): self.out("451 Local error in processing")
                else: self.out("250 OK queued as %08X" % random.getrandbits(32))
            elif cmd == "QUIT":
                if MODE == "badquit": self.out("bogus"); return
                self.out("221 Bye"); return
            elif cmd == "RSET" or cmd == "NOOP":
                self.out("250 OK")
            else:
                self.out("500 Command not recognized")

class S(socketserver.ThreadingTCPServer):
    allow_reuse_address = True; daemon_threads = True

if MODE == "noehlo": pass
S(("127.0.0.1", PORT), H).serve_forever()
