#!/usr/bin/env python3
"""Send one raw (often malformed) request to the nscd socket: rawclient.py KIND"""
import socket, struct, sys, time
kind = sys.argv[1]
arg = sys.argv[2].encode() if len(sys.argv) > 2 else b"alice"
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect("/var/run/nscd/socket")
key = arg + b"\0"
if kind == "badversion":
    s.sendall(struct.pack("<III", 7, 0, len(key)) + key)
elif kind == "bogus":
    s.sendall(struct.pack("<III", 2, 0, 5000) + key)
elif kind == "partial":
    s.sendall(struct.pack("<III", 2, 0, len(key) + 10) + key)
    time.sleep(0.5)
elif kind == "overflow":
    s.sendall(struct.pack("<III", 2, 0, len(key)) + key + b"extra")
elif kind == "unterminated":
    s.sendall(struct.pack("<III", 2, 2, len(arg)) + arg)
elif kind == "getstat":
    s.sendall(struct.pack("<III", 2, 9, 0))
elif kind == "eof":
    pass
elif kind == "badinvalidate":
    s.sendall(struct.pack("<III", 2, 10, 0))
elif kind == "invalidate":
    s.sendall(struct.pack("<III", 2, 10, len(key)) + key)
elif kind == "shutdown":
    s.sendall(struct.pack("<III", 2, 8, 0))
elif kind == "hangup":
    s.sendall(struct.pack("<III", 2, 0, len(key)) + key)
    s.close()
    sys.exit(0)
try:
    s.settimeout(1)
    s.recv(4096)
except OSError:
    pass
s.close()
