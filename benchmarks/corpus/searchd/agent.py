#!/usr/bin/env python3
"""A misbehaving remote agent on 127.0.0.1:59012: accepts, then sends garbage or hangs up."""
import random, socket, threading, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 59012)); s.listen(8)
def serve(c):
    try:
        m = random.choice(["close", "junk", "ver", "slow"])
        if m == "junk": c.sendall(b"\x00\x00\x00\x07garbage")
        elif m == "ver": c.sendall(b"\x00\x00\x00\x01"); c.recv(4096); c.sendall(b"\x00\x00\x01\x00\x00\x00\x00\x04oops")
        elif m == "slow": time.sleep(2)
    except OSError: pass
    c.close()
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
