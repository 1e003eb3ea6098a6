#!/usr/bin/env python3
"""Fake serial device behind a TCP port: prints a banner and periodic lines, echoes input."""
import socket, sys, threading, time, random
port = int(sys.argv[1])
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port)); s.listen(5)
def handle(c):
    try:
        c.sendall(b"\r\ndevice-%d login: " % port)
        c.settimeout(1.5)
        while True:
            try:
                d = c.recv(1024)
                if not d: break
                c.sendall(d.replace(b"\r", b"\r\n"))
            except socket.timeout:
                c.sendall(b"kernel: event %d on device-%d\r\n" % (random.randint(1, 9999), port))
    except Exception: pass
    finally:
        c.close()
while True:
    c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
