#!/usr/bin/env python3
"""Tiny HTTP endpoint the webhook accessories call: answers 200, 500 or hangs up at random."""
import random, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

class H(BaseHTTPRequestHandler):
    def handle_any(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        r = random.random()
        if r < 0.15:
            self.close_connection = True
            return
        code = 500 if r < 0.35 else 200
        self.send_response(code); self.send_header("Content-Type", "text/plain"); self.end_headers()
        self.wfile.write(b"ok" if code == 200 else b"boom")
    do_GET = do_POST = do_PUT = handle_any
    def log_message(self, *a):
        pass

HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
