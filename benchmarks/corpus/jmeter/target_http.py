#!/usr/bin/env python3
"""HTTP target for the JMeter plans: random status codes, delays, redirects and dropped connections."""
import http.server, random, socketserver, sys, time

class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a):
        pass
    def answer(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        r = random.random()
        if r < 0.03:
            self.close_connection = True; return
        if r < 0.05:
            time.sleep(random.uniform(2.2, 3))
        if r < 0.09:
            self.send_response(302); self.send_header("Location", "/landing"); self.send_header("Content-Length", "0"); self.end_headers(); return
        code = random.choices([200, 404, 500, 503, 403], [80, 8, 5, 4, 3])[0]
        body = ("<html><body>page %s token=%d</body></html>" % (self.path, random.randint(1, 99999))).encode()
        self.send_response(code)
        self.send_header("Content-Type", random.choice(["text/html; charset=utf-8", "text/html", "application/json"]))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST = do_HEAD = answer

class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
