#!/usr/bin/env python3
"""Watch a motion stream port for a while: stream.py PORT SECONDS [path]"""
import socket, sys, time
port, secs = int(sys.argv[1]), float(sys.argv[2])
path = sys.argv[3] if len(sys.argv) > 3 else "/"
try:
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    s.sendall(b"GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" % path.encode())
    end = time.time() + secs
    while time.time() < end:
        if not s.recv(65536):
            break
    s.close()
except OSError:
    pass
