#!/usr/bin/env python3
# fake, broken "Exchange" peer for davmail: answers each request with a random failure mode
import http.server, random, socketserver, sys, time
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else None)
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def any(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n: self.rfile.read(n)
        mode = random.choices(["401", "500", "403", "garbage", "drop", "redirect", "slow", "html", "440", "404"],
                              [6, 3, 2, 3, 2, 2, 1, 2, 1, 2])[0]
        if mode == "drop":
            self.close_connection = True; self.wfile.flush(); self.connection.close(); return
        if mode == "slow": time.sleep(7)
        body = b""; status = 200; hdr = {}
        if mode in ("401",):
            status = 401; hdr["WWW-Authenticate"] = 'Basic realm="fake"'; body = b"unauthorized"
        elif mode in ("500", "403", "404", "440"):
            status = int(mode); body = b"<html><body>error</body></html>"
        elif mode == "garbage":
            hdr["Content-Type"] = "text/xml"; body = b"<?xml version='1.0'?><s:Envelope><broken"
        elif mode == "redirect":
            status = 302; hdr["Location"] = "http://127.0.0.1:45020/owa/auth/logon.aspx?url=x"
        elif mode == "html":
            hdr["Content-Type"] = "text/html"; body = b"<html><form action='/owa/auth.owa' method='post'><input name='username'/><input type='password' name='password'/></form></html>"
        elif mode == "slow":
            body = b"late"
        self.send_response(status)
        for k, v in hdr.items(): self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers(); self.wfile.write(body)
    do_GET = do_POST = do_PROPFIND = do_SEARCH = do_HEAD = any
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True; allow_reuse_address = True
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
