#!/usr/bin/env python3
"""A misbehaving redis-like backend: partial replies, garbage, abrupt closes."""
import random, socket, sys, threading

def handle(c):
    try:
        while True:
            d = c.recv(65536)
            if not d:
                break
            r = random.random()
            if r < 0.35:
                c.sendall(b"$40\r\npartial-" + bytes(random.randint(1, 9)))
                break
            elif r < 0.55:
                c.sendall(b"?? not redis at all \x00\xff\r\n")
            elif r < 0.7:
                break
            else:
                c.sendall(b"+OK\r\n")
    except OSError:
        pass
    c.close()

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(64)
while True:
    c, _ = s.accept()
    threading.Thread(target=handle, args=(c,), daemon=True).start()
