#!/usr/bin/env python3
"""Send a request whose body ends before its Content-Length (plain HTTP only)."""
import socket, sys, random
base, hook = sys.argv[1], sys.argv[2]
if not base.startswith("http://"):
    sys.exit(0)
hostport, _, prefix = base[len("http://"):].partition("/")
host, port = hostport.split(":")
s = socket.create_connection((host, int(port)), timeout=3)
body = b'{"ref":"refs/heads/main","repo'
s.sendall(b"POST /%s/%s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nX-Token: s3cr3t\r\nContent-Length: %d\r\n\r\n"
          % (prefix.encode(), hook.encode(), hostport.encode(), len(body) + random.randint(10, 200)) + body)
s.shutdown(socket.SHUT_WR)
try:
    s.recv(4096)
except OSError:
    pass
s.close()
