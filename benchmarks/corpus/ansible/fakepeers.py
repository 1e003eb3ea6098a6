#!/usr/bin/env python3
"""Peers for the ansible workload: 127.0.0.3:48201 answers garbage instead of an SSH banner and
closes; 127.0.0.4:48202 accepts and never says anything.  Stops by itself after a time limit."""
import socket, sys, threading, time, random

LIMIT = float(sys.argv[1]) if len(sys.argv) > 1 else 600

def garbage():
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.3", 48201)); s.listen(16)
    while True:
        c, _ = s.accept()
        try:
            c.sendall(random.choice([b"HTTP/1.0 400 Bad Request\r\n\r\n", b"\x00\x01garbage\xff\r\n", b"220 mail ready\r\n"]))
            time.sleep(0.2)
        finally:
            c.close()

def silent():
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.4", 48202)); s.listen(16)
    held = []
    while True:
        c, _ = s.accept(); held.append(c)

for f in (garbage, silent):
    threading.Thread(target=f, daemon=True).start()
time.sleep(LIMIT)
