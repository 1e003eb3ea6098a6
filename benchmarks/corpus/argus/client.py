#!/usr/bin/env python3
"""Misbehaving argus clients: connect and send junk, a bare START, or nothing; no output."""
import random, socket, sys, time
host, port, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
try:
    s = socket.create_connection((host, port), timeout=3)
    if kind == "junk":
        s.sendall(bytes(random.randrange(32, 127) for _ in range(random.randrange(1, 60))) + b"\n")
    elif kind == "start":
        s.sendall(b"START: \n")
    elif kind == "filter":
        s.sendall(b"FILTER: " + random.choice([b"tcp", b"udp and port 53", b"icmp or or", b"host"]) + b"\n")
    elif kind == "done":
        s.sendall(b"DONE: \n")
    s.settimeout(float(sys.argv[4]) if len(sys.argv) > 4 else 1)
    end = time.time() + (float(sys.argv[4]) if len(sys.argv) > 4 else 1)
    while time.time() < end:
        try:
            if not s.recv(65536):
                break
        except OSError:
            break
    s.close()
except OSError:
    pass
