#!/usr/bin/env python3
"""Misbehaving binkp partners. fakepeer.py MODE PORT
listen-silent: accept on PORT and never answer (the main binkd calls it).
silent|junk|bighdr|hangup|partial: connect to PORT as a client and misbehave."""
import os, random, socket, struct, sys, time
mode, port = sys.argv[1], int(sys.argv[2])
if mode == "listen-silent":
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port)); srv.listen(5)
    conns = []
    end = time.time() + float(sys.argv[3])
    srv.settimeout(1)
    while time.time() < end:
        try:
            conns.append(srv.accept()[0])
        except OSError:
            pass
    sys.exit(0)
s = socket.create_connection(("127.0.0.1", port), timeout=15)
try:
    if mode == "silent":
        time.sleep(12)
    elif mode == "junk":
        s.sendall(b"GET / HTTP/1.0\r\nHost: example\r\n\r\n")
        time.sleep(2)
    elif mode == "bighdr":
        s.recv(4096)
        s.sendall(struct.pack(">H", 0x8000 | 5) + b"\x07junk" + os.urandom(random.randint(0, 20)))
        time.sleep(2)
    elif mode == "partial":
        s.recv(4096)
        s.sendall(struct.pack(">H", 0x8000 | 40) + b"\x00SYS half a")
        time.sleep(1)
    elif mode == "hangup":
        pass
except OSError:
    pass
s.close()
