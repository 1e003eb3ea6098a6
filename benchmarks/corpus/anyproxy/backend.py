"""Minimal local origin servers for the AnyProxy workload (no logging of their own).
normal (HTTP), drop (closes the connection at once), slow (answers after a delay), tls (HTTPS)."""
import socket, ssl, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def _answer(self):
        n = int(self.headers.get('Content-Length') or 0)
        body = self.rfile.read(n) if n else b''
        code = 404 if '/missing' in self.path else 500 if '/fail' in self.path else 200
        if '/redirect' in self.path:
            code = 302
        if '/slow' in self.path or MODE == 'slow':
            time.sleep(4)
        out = b'ok ' + self.path.encode() + b' ' + str(len(body)).encode() + b'\n'
        if '/big' in self.path:
            out = out * 40000
        self.send_response(code)
        if code == 302:
            self.send_header('Location', '/')
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(out)))
        self.end_headers()
        self.wfile.write(out)
    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _answer
    def do_HEAD(self):
        self.send_response(200); self.end_headers()

MODE, PORT = sys.argv[1], int(sys.argv[2])
if MODE == 'drop':
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', PORT)); s.listen(50)
    while True:
        c, _ = s.accept()
        try:
            c.recv(100); c.close()
        except OSError:
            pass
srv = ThreadingHTTPServer(('127.0.0.1', PORT), H)
if MODE == 'tls':
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(sys.argv[3], sys.argv[4])
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
srv.serve_forever()
