#!/usr/bin/python3
"""Minimal fake Prometheus exporter: fakeexp.py PORT MODE (good|garbage|slow|gzipbad)."""
import sys, time, random
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
PORT, MODE = int(sys.argv[1]), sys.argv[2]
class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def do_GET(self):
        if MODE == "slow":
            time.sleep(random.uniform(0.5, 2.5))
        if MODE == "garbage":
            body = b"this is { not the text format\n"
        elif MODE == "empty":
            body = b"# TYPE lonely gauge\n"
        else:
            body = ("# HELP fake_up Fake.\n# TYPE fake_up gauge\nfake_up 1\nfake_requests_total{path=\"%s\"} %d\n"
                    % (self.path.replace('"', ''), random.randint(1, 999))).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        if MODE == "gzipbad":
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass
ThreadingHTTPServer(("127.0.0.1", PORT), H).serve_forever()
