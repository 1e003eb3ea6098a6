#!/usr/bin/env python3
"""Upstreams for the caddy workload: good (two ports), slow, garbage. 127.0.0.1 only."""
import socket, sys, threading, time, random, http.server, socketserver
class Good(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("ok %s %d\n" % (self.path, random.randint(1, 99999))).encode() * random.randint(1, 20)
        code = random.choice([200, 200, 200, 201, 404, 500, 503])
        self.send_response(code); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    do_POST = do_GET
    def log_message(self, *a): pass
class Slow(Good):
    def do_GET(self):
        time.sleep(random.choice([0.2, 1, 4, 6])); super().do_GET()
class T(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True; allow_reuse_address = True
def garbage(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", port)); s.listen(50)
    while True:
        c, _ = s.accept()
        try:
            c.recv(4096); mode = random.randint(0, 3)
            if mode == 0: c.sendall(b"GARBAGE \x00\xff not http at all\r\n\r\n")
            elif mode == 1: c.sendall(b"HTTP/1.1 99999 Weird\r\nContent-Length: abc\r\n\r\nxx")
            elif mode == 2: pass  # close at once
            else: c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort")
        except Exception: pass
        c.close()
for port, h in ((19101, Good), (19102, Good), (19103, Slow)):
    threading.Thread(target=T(("127.0.0.1", port), h).serve_forever, daemon=True).start()
threading.Thread(target=garbage, args=(19104,), daemon=True).start()
while True: time.sleep(60)
