#!/usr/bin/env python3
"""Tiny origin web server for the pywb workload (no logging of its own)."""
import http.server, socketserver, sys, time

PAGE = """<html><head><title>{p}</title><link rel="stylesheet" href="/style.css">
<script src="/app.js"></script></head><body><h1>{p}</h1>
<a href="/page{n}.html">next</a> <a href="http://127.0.0.1:47702/x">elsewhere</a>
<img src="/img.png"><iframe src="/frame.html"></iframe></body></html>"""


class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, code, body, ctype="text/html", extra=()):
        body = body.encode() if isinstance(body, str) else body
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        p = self.path.split("?")[0]
        if p.startswith("/page"):
            n = int("".join(c for c in p if c.isdigit()) or 0)
            self.send(200, PAGE.format(p=p, n=(n + 1) % 30))
        elif p in ("/", "/index.html"):
            self.send(200, PAGE.format(p="home", n=0))
        elif p == "/style.css":
            self.send(200, "body { background: url('/bg.png'); }", "text/css")
        elif p == "/app.js":
            self.send(200, "var x = window.location.href; document.title = 'js';", "application/javascript")
        elif p == "/data.json":
            self.send(200, '{"a": [1, 2, 3]}', "application/json")
        elif p == "/img.png" or p == "/bg.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        elif p == "/frame.html":
            self.send(200, "<html><body>frame</body></html>")
        elif p == "/cookie":
            self.send(200, "cookie", "text/plain", [("Set-Cookie", "sid=abc; Path=/; Domain=127.0.0.1; HttpOnly"),
                                                  ("Set-Cookie", "bad cookie ;;; = =")])
        elif p == "/redirect":
            self.send(302, "", extra=[("Location", "/page3.html")])
        elif p == "/loop":
            self.send(301, "", extra=[("Location", "/loop")])
        elif p.startswith("/status/"):
            self.send(int(p.split("/")[2]), "status page")
        elif p == "/slow":
            time.sleep(8)
            self.send(200, "slow")
        elif p == "/drop":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\npartial")
            self.close_connection = True
        elif p == "/garbage":
            self.wfile.write(b"NOT HTTP AT ALL\r\n\r\n")
            self.close_connection = True
        elif p == "/big":
            self.send(200, "x" * 300000, "text/plain")
        else:
            self.send(404, "not found")

    do_HEAD = do_GET

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(n)
        self.send(200, b"posted " + data, "text/plain")


class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
