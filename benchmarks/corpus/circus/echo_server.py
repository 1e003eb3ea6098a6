#!/usr/bin/env python3
"""Echo server on a socket inherited from circus (--fd N)."""
import socket, sys
fd = int(sys.argv[sys.argv.index("--fd") + 1])
srv = socket.socket(fileno=fd)
srv.setblocking(True)
while True:
    c, _ = srv.accept()
    with c:
        data = c.recv(1024)
        if data:
            c.sendall(data.upper())
