#!/usr/bin/env python3
"""Local upstream for the workload: /ok, /slow, /garbage, /500, /big, /close. usage: upstream.py PORT [CERT KEY]"""
import http.server, socketserver, sys, time, random, ssl

class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def send(self, code, body, ctype="text/plain"):
        self.send_response(code); self.send_header("Content-Type", ctype); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_GET(self):
        p = self.path.split("?")[0]
        if p.startswith("/slow"):
            time.sleep(random.uniform(4, 7)); return self.send(200, b"late\n")
        if p.startswith("/garbage"):
            self.wfile.write(b"\x00\x01GARBAGE " + bytes(random.randint(0, 255) for _ in range(20)) + b"\r\n\r\n"); return
        if p.startswith("/close"):
            self.connection.close(); return
        if p.startswith("/500"):
            return self.send(500, b"internal oops\n")
        if p.startswith("/missing"):
            return self.send(404, b"not here\n")
        if p.startswith("/big"):
            return self.send(200, b"x" * random.randint(10000, 300000), "application/octet-stream")
        if p.startswith("/json"):
            return self.send(200, ('{"v": %d}' % random.randint(0, 9999)).encode(), "application/json")
        return self.send(200, ("ok %d\n" % random.randint(0, 99999)).encode())
    do_POST = do_PUT = do_DELETE = do_GET

class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

srv = S(("127.0.0.1", int(sys.argv[1])), H)
if len(sys.argv) > 3:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain(sys.argv[2], sys.argv[3])
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
srv.serve_forever()
