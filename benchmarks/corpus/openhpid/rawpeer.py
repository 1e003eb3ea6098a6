#!/usr/bin/python3
# Misbehaving peer: connect to argv[1] (host:port) and send argv[2] kind of data, then close.
import socket, sys, os, time
h, p = sys.argv[1].rsplit(":", 1)
try:
    s = socket.create_connection((h, int(p)), timeout=3)
except OSError:
    sys.exit(0)
kind = sys.argv[2]
try:
    if kind == "garbage":
        s.sendall(os.urandom(int(sys.argv[3]) if len(sys.argv) > 3 else 64))
    elif kind == "http":
        s.sendall(b"GET / HTTP/1.0\r\n\r\n")
    elif kind == "short":
        s.sendall(b"\x01\x00")
    elif kind == "idle":
        time.sleep(float(sys.argv[3]) if len(sys.argv) > 3 else 1)
    time.sleep(0.3)
    s.recv(4096)
except OSError:
    pass
s.close()
