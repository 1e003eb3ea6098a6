#!/usr/bin/env python3
"""Send lines to babeld's local read-write interface (::1, given port) and drain the replies."""
import socket, sys, time
port, lines = int(sys.argv[1]), sys.argv[2:]
try:
    s = socket.create_connection(("::1", port), timeout=2)
except OSError:
    sys.exit(0)
s.settimeout(0.5)
def drain():
    try:
        while s.recv(65536):
            pass
    except OSError:
        pass
drain()
for line in lines:
    s.sendall(line.encode("latin-1") + b"\n")
    time.sleep(0.3)
    drain()
s.close()
