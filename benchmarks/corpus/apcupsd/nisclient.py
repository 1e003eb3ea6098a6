#!/usr/bin/python3
"""Random NIS clients against apcupsd's own network server (status/events, bad commands,
truncated frames, dropped connections). No output of its own."""
import random, socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
for _ in range(n):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2)
        k = random.choices(["status", "events", "bogus", "long", "short", "drop", "rawtext"], [30, 10, 6, 3, 3, 4, 3])[0]
        if k in ("status", "events"):
            s.sendall(len(k).to_bytes(2, "big") + k.encode())
        elif k == "bogus":
            c = random.choice(["hello", "shutdown", "STATUS", "rawstatus", "eventsx"]).encode()
            s.sendall(len(c).to_bytes(2, "big") + c)
        elif k == "long":
            s.sendall((5000).to_bytes(2, "big") + b"x" * 100)
        elif k == "short":
            s.sendall(b"\x00")
        elif k == "rawtext":
            s.sendall(b"GET / HTTP/1.0\r\n\r\n")
        if k != "drop":
            s.settimeout(1)
            try:
                while s.recv(4096):
                    pass
            except OSError:
                pass
        s.close()
    except OSError:
        pass
    time.sleep(random.uniform(0, 0.8))
