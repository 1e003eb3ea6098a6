#!/usr/bin/env python3
"""Flaky TCP receiver standing in for a remote syslog server (port 22599): accepts, reads a bit, hangs up."""
import random, socket, sys, time
rnd = random.Random(int(sys.argv[1])); end = time.time() + float(sys.argv[2])
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 22599)); s.listen(5); s.settimeout(1)
while time.time() < end:
    try: c, _ = s.accept()
    except socket.timeout: continue
    c.settimeout(1)
    try:
        for _ in range(rnd.randint(0, 3)):
            if not c.recv(4096): break
    except OSError: pass
    c.close()
