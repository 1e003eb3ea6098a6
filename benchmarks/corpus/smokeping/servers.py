#!/usr/bin/env python3
"""Local fake backends for the SmokePing workload (127.0.0.1, ports 29080, 29022-29025)."""
import random, socket, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def do_GET(self):
        if self.path.startswith('/slow'):
            time.sleep(random.uniform(2, 8))
        elif self.path.startswith('/flaky') and random.random() < 0.5:
            self.send_response(500); self.end_headers(); self.wfile.write(b'oops'); return
        time.sleep(random.uniform(0, 0.05))
        body = b'hello smokeping ' + str(random.random()).encode()
        self.send_response(200); self.send_header('Content-Length', str(len(body))); self.end_headers()
        self.wfile.write(body)

def tcp(port, mode):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', port)); s.listen(50)
    def handle(c):
        try:
            if mode == 'ssh':
                time.sleep(random.uniform(0, 0.02))
                c.sendall(b'SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n')
                c.recv(100)
                c.sendall(b'Protocol mismatch.\r\n')
            elif mode == 'garbage':
                c.sendall(random.choice([b'220 smtp ready\r\n', b'\x00\xff\xfe garbage\r\n', b'HTTP/1.0 400 Bad\r\n']))
                c.recv(100)
            elif mode == 'silent':
                time.sleep(6)
            elif mode == 'close':
                pass
        except OSError:
            pass
        finally:
            c.close()
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c,), daemon=True).start()

if __name__ == '__main__':
    for port, mode in ((29022, 'ssh'), (29023, 'garbage'), (29024, 'silent'), (29025, 'close')):
        threading.Thread(target=tcp, args=(port, mode), daemon=True).start()
    ThreadingHTTPServer(('127.0.0.1', 29080), H).serve_forever()
