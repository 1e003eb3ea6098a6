#!/usr/bin/env python3
"""Telnet-style client for gmond's tcp_accept_channel: connect, optionally send a line, read the XML."""
import socket, sys, time
host, port = sys.argv[1], int(sys.argv[2])
mode = sys.argv[3] if len(sys.argv) > 3 else "read"
src = sys.argv[4] if len(sys.argv) > 4 else None
s = socket.socket()
if src:
    s.bind((src, 0))
s.settimeout(5)
try:
    s.connect((host, port))
    if mode == "line":
        s.sendall(b"/round27/gmond-r27.test\n")
    elif mode == "garbage":
        s.sendall(bytes(range(256)) * 4)
    elif mode == "abort":
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        s.close(); sys.exit(0)
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
        if mode == "partial" and len(data) > 100:
            break
    print(len(data), data.count(b"<HOST "), data.count(b"<METRIC "))
except Exception as e:
    print("error", e)
finally:
    s.close()
