#!/usr/bin/env python3
"""send.py PORT [udp]: send stdin to 127.0.0.1:PORT once and read a little back."""
import socket, sys
data = sys.stdin.buffer.read()
port = int(sys.argv[1])
if len(sys.argv) > 2:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(1)
    s.sendto(data, ("127.0.0.1", port))
else:
    s = socket.create_connection(("127.0.0.1", port), timeout=1); s.sendall(data)
try:
    s.recv(4096)
except OSError:
    pass
s.close()
