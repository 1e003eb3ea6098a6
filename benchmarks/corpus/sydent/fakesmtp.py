# minimal fake SMTP sink: stores each message in MAILDIR/<n>.eml
import socketserver, sys, os, itertools
PORT = int(sys.argv[1]); MAILDIR = sys.argv[2]; FAIL = os.path.join(MAILDIR, "FAIL")
cnt = itertools.count()
class H(socketserver.StreamRequestHandler):
    def handle(self):
        if os.path.exists(FAIL):
            self.wfile.write(b"421 service not available\r\n"); return
        self.wfile.write(b"220 fake ESMTP\r\n")
        while True:
            line = self.rfile.readline()
            if not line: return
            cmd = line.strip().upper()
            if cmd.startswith(b"DATA"):
                self.wfile.write(b"354 go\r\n"); buf = []
                while True:
                    l = self.rfile.readline()
                    if not l or l.rstrip(b"\r\n") == b".": break
                    buf.append(l)
                with open(os.path.join(MAILDIR, "%d.eml" % next(cnt)), "wb") as f: f.write(b"".join(buf))
                self.wfile.write(b"250 ok\r\n")
            elif cmd.startswith(b"QUIT"):
                self.wfile.write(b"221 bye\r\n"); return
            elif cmd.startswith(b"EHLO"):
                self.wfile.write(b"250-fake\r\n250 8BITMIME\r\n")
            else:
                self.wfile.write(b"250 ok\r\n")
class S(socketserver.ThreadingTCPServer): allow_reuse_address = True; daemon_threads = True
S(("127.0.0.1", PORT), H).serve_forever()
