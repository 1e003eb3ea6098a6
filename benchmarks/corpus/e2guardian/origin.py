#!/usr/bin/env python3
"""Origin web servers behind e2guardian: python3 origin.py serve HOST PORT | hang HOST PORT | junk HOST PORT"""
import random, socket, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = "lorem ipsum dolor sit amet garden weather football recipe travel news music".split()
BAD = ["porn", "hardcore sex", "nude", "xxx", "gambling", "casino", "poker", "warez", "proxy bypass"]


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def body(self, code, data, ctype="text/html", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self):
        p = self.path.split("?")[0]
        if p.endswith("/bad"):
            txt = " ".join(random.choice(WORDS + BAD * 3) for _ in range(300))
            return self.body(200, ("<html><body>%s</body></html>" % txt).encode())
        if p.endswith(".exe") or p.endswith(".msi"):
            return self.body(200, b"MZ" + bytes(2000), "application/octet-stream")
        if p.endswith(".gif"):
            return self.body(200, b"GIF89a" + bytes(100), "image/gif")
        if p.endswith("/big"):
            return self.body(200, (" ".join(random.choice(WORDS) for _ in range(200000))).encode(), "text/plain")
        if p.endswith("/slow"):
            time.sleep(random.uniform(6, 9))
            return self.body(200, b"<html>late</html>")
        if p.endswith("/reset"):
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\npartial")
            self.wfile.flush()
            self.connection.close()
            return
        if p.endswith("/junk"):
            self.wfile.write(bytes(random.randrange(256) for _ in range(300)))
            self.connection.close()
            return
        if p.endswith("/redirect"):
            return self.body(302, b"", extra=[("Location", "/page")])
        if p.endswith("/missing"):
            return self.body(404, b"<html>not found</html>")
        if p.endswith("/error"):
            return self.body(500, b"<html>oops</html>")
        if p.endswith("/video"):
            return self.body(200, bytes(5000), "video/x-msvideo")
        txt = " ".join(random.choice(WORDS) for _ in range(random.randint(20, 400)))
        return self.body(200, ("<html><head><title>t</title></head><body>%s</body></html>" % txt).encode())

    do_HEAD = do_GET

    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0) or 0)
        self.rfile.read(n)
        return self.body(200, b"<html>posted</html>")


def hang(host, port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port)); s.listen(50)
    held = []
    while True:
        c, _ = s.accept(); held.append(c)


def junk(host, port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port)); s.listen(50)
    while True:
        c, _ = s.accept()
        try:
            c.recv(4096)
            c.sendall(random.choice([b"NOT HTTP AT ALL\r\n\r\n", b"HTTP/1.1 abc\r\n\r\n", bytes(random.randrange(256) for _ in range(200)), b""]))
        except OSError:
            pass
        c.close()


if __name__ == "__main__":
    mode, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "serve":
        ThreadingHTTPServer.allow_reuse_address = True
        ThreadingHTTPServer((host, port), H).serve_forever()
    elif mode == "hang":
        hang(host, port)
    else:
        junk(host, port)
