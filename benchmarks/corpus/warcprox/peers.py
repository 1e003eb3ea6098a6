# Fake origin servers for the warcprox workload (no logging of their own).
import http.server, socketserver, ssl, sys, time, os, random

class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a):
        pass
    def body(self, code, data, ctype="text/html", extra=None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
    def do_GET(self):
        p = self.path.split("?")[0]
        if p.startswith("/page"):
            self.body(200, ("<html><body>%s %s</body></html>" % (p, "x" * random.randint(10, 3000))).encode())
        elif p.startswith("/static"):
            self.body(200, b"static content that never changes\n" * 40, "text/plain")
        elif p.startswith("/img"):
            self.body(200, bytes(range(256)) * random.randint(1, 30), "image/png")
        elif p.startswith("/big"):
            self.body(200, b"B" * 300000, "application/octet-stream")
        elif p.startswith("/slow"):
            time.sleep(6)
            self.body(200, b"late\n", "text/plain")
        elif p.startswith("/drop"):
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\npartial")
            self.wfile.flush()
            self.close_connection = True
        elif p.startswith("/reset"):
            self.close_connection = True
            self.connection.close()
        elif p.startswith("/redirect"):
            self.body(302, b"", extra={"Location": "/page/after-redirect"})
        elif p.startswith("/missing"):
            self.body(404, b"not found\n", "text/plain")
        elif p.startswith("/error"):
            self.body(500, b"server error\n", "text/plain")
        elif p.startswith("/chunked"):
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(3):
                c = b"chunk %d\n" % i
                self.wfile.write(b"%x\r\n%s\r\n" % (len(c), c))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.body(200, b"<html>index</html>")
    do_HEAD = do_GET
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0))
        self.rfile.read(n)
        self.body(201, b"created\n", "text/plain")

class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

if __name__ == "__main__":
    host, port = sys.argv[1], int(sys.argv[2])
    srv = S((host, port), H)
    if len(sys.argv) > 3:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(sys.argv[3], sys.argv[4])
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    srv.serve_forever()
