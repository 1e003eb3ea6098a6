#!/usr/bin/env python3
"""Tiny TCP backend: echoes lines, answers HTTP-ish requests, sometimes closes early."""
import socket, sys, threading, random
port = int(sys.argv[1]); mode = sys.argv[2] if len(sys.argv) > 2 else "echo"
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port)); s.listen(50)
def handle(c):
    try:
        c.settimeout(5)
        if mode == "slowclose":
            c.recv(4096); c.close(); return
        while True:
            d = c.recv(4096)
            if not d: break
            if d.startswith(b"GET ") or d.startswith(b"POST "):
                body = b"backend %d\n" % port
                c.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
                break
            c.sendall(d)
            if random.random() < 0.2: break
    except Exception: pass
    finally:
        try: c.close()
        except Exception: pass
while True:
    c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
