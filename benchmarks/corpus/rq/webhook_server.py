"""Tiny HTTP endpoint that accepts RQ webhooks (GET/POST) on 127.0.0.1:28480."""
from http.server import BaseHTTPRequestHandler, HTTPServer


class H(BaseHTTPRequestHandler):
    def _ok(self):
        n = int(self.headers.get('Content-Length') or 0)
        if n:
            self.rfile.read(n)
        self.send_response(200)
        self.end_headers()

    do_GET = do_POST = _ok

    def log_message(self, *a):
        pass


HTTPServer(('127.0.0.1', 28480), H).serve_forever()
