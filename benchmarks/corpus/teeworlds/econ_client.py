#!/usr/bin/env python3
"""Econ (TCP external console) session: econ_client.py PORT PASSWORD [cmd ...]"""
import socket, sys, time
port, pw, cmds = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
s = socket.create_connection(("127.0.0.1", port), timeout=3)
s.settimeout(0.5)
def drain():
    try:
        while s.recv(65536):
            pass
    except Exception:
        pass
time.sleep(0.2); drain()
for p in pw.split(","):
    try:
        s.sendall((p + "\n").encode()); time.sleep(0.3); drain()
    except Exception:
        sys.exit(0)
for c in cmds:
    try:
        s.sendall((c + "\n").encode())
    except Exception:
        break
    time.sleep(0.25); drain()
if cmds and cmds[-1] == "--idle":
    time.sleep(35)
s.close()
