#!/usr/bin/env python3
"""Tiny helpers for the varnish workload: a fake backend, HTTP load, and raw CLI sessions."""
import hashlib, http.server, random, socket, socketserver, sys, threading, time

class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/slow"): time.sleep(random.random() * 3)
        if self.path.startswith("/close"): self.wfile.write(b"garbage\r\n"); return
        body = (b"x" * random.randint(1, 5000))
        self.send_response(random.choice([200] * 8 + [404, 500, 301]))
        self.send_header("Content-Length", str(len(body))); self.send_header("Cache-Control", "max-age=%d" % random.randint(0, 30))
        self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass

def cli(port, secret, authok):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    f = s.makefile("rb")
    hdr = f.readline().split(); body = f.read(int(hdr[1]) + 1)
    if hdr[0] == b"107":
        chal = body.split(b"\n")[0]
        key = open(secret, "rb").read() if authok else b"wrong secret\n"
        h = hashlib.sha256(chal + b"\n" + key + chal + b"\n").hexdigest()
        s.sendall(b"auth " + h.encode() + b"\n")
        hdr = f.readline().split(); f.read(int(hdr[1]) + 1)
    if authok:
        s.sendall(b"ping\n"); hdr = f.readline().split(); f.read(int(hdr[1]) + 1)
    s.close()

if __name__ == "__main__":
    if sys.argv[1] == "backend":
        class S(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
        S(("127.0.0.1", int(sys.argv[2])), H).serve_forever()
    elif sys.argv[1] == "load":
        port, n = int(sys.argv[2]), int(sys.argv[3])
        paths = ["/", "/a", "/b/c", "/dead/x", "/purge/a", "/synth/503", "/slow/1", "/close", "/pipe/z"]
        for _ in range(n):
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=5)
                s.sendall(b"GET %s HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n" % random.choice(paths).encode())
                while s.recv(65536): pass
                s.close()
            except OSError: pass
    elif sys.argv[1] == "cli":
        try: cli(int(sys.argv[2]), sys.argv[3], sys.argv[4] == "ok")
        except OSError: pass
