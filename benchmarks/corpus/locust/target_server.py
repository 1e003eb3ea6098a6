#!/usr/bin/env python3
"""Small HTTP backend for the locust workload (its own output is discarded)."""
import json, random, sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a):
        pass
    def send(self, code, body=b"ok", ctype="text/plain", extra=None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        p = self.path.split("?")[0]
        if p == "/ok":
            self.send(200, b"hello " * random.randint(1, 50))
        elif p == "/slow":
            time.sleep(random.uniform(0.2, 1.5)); self.send(200, b"slow")
        elif p == "/err":
            self.send(random.choice([500, 502, 503]), b"boom")
        elif p == "/redirect":
            self.send(302, b"", extra={"Location": "/ok"})
        elif p == "/auth":
            if self.headers.get("Authorization") == "Bearer good":
                self.send(200, b"welcome")
            else:
                self.send(401, b"no")
        elif p == "/close":
            self.close_connection = True
            self.wfile.flush()
            self.connection.shutdown(2)
        elif p == "/json":
            if random.random() < 0.3:
                self.send(200, b"{not json", "application/json")
            else:
                self.send(200, json.dumps({"n": random.randint(0, 9)}).encode(), "application/json")
        else:
            self.send(404, b"not found")
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0))
        data = self.rfile.read(n)
        if self.path == "/login":
            self.send(200 if b"secret" in data else 403, b"login")
        else:
            self.send(201, data[:20] or b"created")

if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
