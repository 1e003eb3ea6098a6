#!/usr/bin/env python3
"""TCP service on 0.0.0.0:28110 in the softflowd namespace that the traffic peer talks to."""
import socket, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("0.0.0.0", 28110)); s.listen(20)
def drain(c):
    try:
        while c.recv(65535): pass
    finally: c.close()
while True:
    c, _ = s.accept(); threading.Thread(target=drain, args=(c,), daemon=True).start()
