#!/usr/bin/env python3
"""A raw (port 9100 style) network printer on 127.0.0.1:14516 that sometimes drops the connection."""
import random, socket, sys, time
port = int(sys.argv[1]) if len(sys.argv) > 1 else 14516
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port)); s.listen(5)
deadline = time.time() + 600
s.settimeout(5)
while time.time() < deadline:
    try:
        c, _ = s.accept()
    except socket.timeout:
        continue
    c.settimeout(5)
    try:
        if random.random() < 0.3:
            c.close(); continue          # printer resets the connection
        while True:
            d = c.recv(4096)
            if not d:
                break
    except OSError:
        pass
    c.close()
