#!/usr/bin/env python3
"""Fake upstream for the dev server's proxy: answers some requests, drops others."""
import http.server
import sys


class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if "drop" in self.path:
            self.connection.close()
            return
        body = b'{"ok": true}'
        self.send_response(200 if "missing" not in self.path else 404)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
