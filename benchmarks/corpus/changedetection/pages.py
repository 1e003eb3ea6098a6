import random
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def send(self, code, body, ctype="text/html"):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        p = self.path.split("?")[0]
        if p.startswith("/change"):
            self.send(200, "<html><body><h1>Price</h1><p>%d EUR</p><p>stock %d</p></body></html>" % (random.randint(1, 4), random.randint(0, 2)))
        elif p.startswith("/static"):
            self.send(200, "<html><body><p>Nothing changes here</p></body></html>")
        elif p.startswith("/json"):
            self.send(200, '{"a": %d, "b": "x"}' % random.randint(1, 3), "application/json")
        elif p.startswith("/text"):
            self.send(200, "line one\nline %d\n" % random.randint(1, 3), "text/plain")
        elif p.startswith("/missing"):
            self.send(404, "<html><body>not found</body></html>")
        elif p.startswith("/error"):
            self.send(random.choice([500, 503, 403]), "<html><body>oops</body></html>")
        elif p.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "/change")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif p.startswith("/slow"):
            time.sleep(random.choice([1, 70]))
            self.send(200, "<html><body>slow %d</body></html>" % random.randint(1, 2))
        elif p.startswith("/empty"):
            self.send(200, "")
        elif p.startswith("/drop"):
            self.connection.close()
        else:
            self.send(404, "no")


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
