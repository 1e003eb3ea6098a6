#!/usr/bin/env python3
"""Upstream HTTP server for the apt-cacher workload: /debian/ serves the repository,
/broken/ fails in several ways, /slow/ answers late."""
import http.server, os, random, sys, time

ROOT = sys.argv[2]

class H(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k):
        super().__init__(*a, directory=ROOT, **k)

    def log_message(self, *a):
        pass

    def route(self):
        p = self.path
        if p.startswith("/slow/"):
            time.sleep(random.choice([1, 6, 12]))
            self.path = "/debian/" + p[len("/slow/"):]
        elif p.startswith("/broken/"):
            r = random.random()
            if r < 0.3:
                self.send_error(random.choice([500, 502, 503, 403]))
                return False
            if r < 0.5:
                self.send_response(200)
                self.send_header("Content-Length", "99999")
                self.end_headers()
                self.wfile.write(b"partial")
                self.close_connection = True
                return False
            if r < 0.6:
                self.close_connection = True
                self.connection.close()
                return False
            self.path = "/debian/" + p[len("/broken/"):]
        return True

    def do_GET(self):
        if self.route():
            super().do_GET()

    def do_HEAD(self):
        if self.route():
            super().do_HEAD()

http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
