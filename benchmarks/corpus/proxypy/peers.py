#!/usr/bin/env python3
"""Fake upstream peers for proxy.py: an origin HTTP server (29110), a server that never answers
(29111), a server that resets every connection (29112), and one that answers garbage and hangs up
(29115)."""
import http.server, socket, struct, sys, threading, time, os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")

class Origin(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k):
        super().__init__(*a, directory=ROOT, **k)
    def log_message(self, *a):
        pass
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0)); self.rfile.read(n)
        self.send_response(201); self.send_header("Content-Length", "2"); self.end_headers()
        self.wfile.write(b"ok")

def origin():
    http.server.ThreadingHTTPServer(("127.0.0.1", 29110), Origin).serve_forever()

def listener(port, handle):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(50)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c,), daemon=True).start()

def silent(c):
    try:
        c.settimeout(30); c.recv(65536); time.sleep(30)
    except OSError:
        pass
    c.close()

def reset(c):
    try:
        c.settimeout(5); c.recv(65536)
    except OSError:
        pass
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)); c.close()

def garbage(c):
    try:
        c.settimeout(5); c.recv(65536); c.sendall(b"NOT-HTTP garbage\r\n\r\n")
    except OSError:
        pass
    c.close()

threading.Thread(target=origin, daemon=True).start()
threading.Thread(target=listener, args=(29111, silent), daemon=True).start()
threading.Thread(target=listener, args=(29112, reset), daemon=True).start()
threading.Thread(target=listener, args=(29115, garbage), daemon=True).start()
while True:
    time.sleep(3600)
