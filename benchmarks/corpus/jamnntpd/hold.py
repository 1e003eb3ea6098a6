#!/usr/bin/env python3
"""Open COUNT idle connections to PORT, keep them SECONDS, then drop them: hold.py PORT COUNT SECONDS"""
import socket, sys, time
port, count, secs = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
socks = []
for _ in range(count):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        socks.append(s)
        time.sleep(0.1)
    except OSError:
        pass
time.sleep(secs)
for s in socks:
    s.close()
