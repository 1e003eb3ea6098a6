#!/usr/bin/env python3
"""One client session through a redir listener: client.py PORT KIND"""
import random, socket, sys, time

port, kind = int(sys.argv[1]), sys.argv[2]
try:
    s = socket.create_connection(("127.0.0.1", port), timeout=6)
    if kind == "echo":
        for _ in range(random.randint(0, 5)):
            s.sendall(b"x" * random.randint(1, 3000))
            s.recv(65536)
    elif kind == "idle":
        time.sleep(random.uniform(0, 4))
    elif kind in ("pasv", "port"):
        s.recv(1024)
        for _ in range(random.randint(1, 3)):
            if kind == "pasv":
                s.sendall(b"PASV\r\n")
                r = s.recv(1024).decode(errors="replace")
                if "(" in r:
                    a = r[r.index("(") + 1:r.index(")")].split(",")
                    d = socket.create_connection((".".join(a[:4]), int(a[4]) * 256 + int(a[5])), timeout=3)
                    while d.recv(4096):
                        pass
                    d.close()
            else:
                l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(1); l.settimeout(4)
                p = l.getsockname()[1]
                s.sendall(b"PORT 127,0,0,1,%d,%d\r\n" % (p >> 8, p & 255))
                try:
                    c, _ = l.accept()
                    while c.recv(4096):
                        pass
                    c.close()
                except OSError:
                    pass
                l.close()
                s.recv(1024)
        s.sendall(b"QUIT\r\n"); s.recv(1024)
    s.close()
except OSError:
    pass
