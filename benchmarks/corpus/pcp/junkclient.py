#!/usr/bin/python3
"""Misbehaving PMCD clients: junk bytes, truncated PDUs, idle connections. No output of its own."""
import random, socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
for _ in range(n):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2)
        k = random.choice(["junk", "short", "http", "idle", "bigpdu"])
        if k == "junk":
            s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(1, 64))))
        elif k == "short":
            s.sendall(b"\x00\x00\x00\x20\x00\x00\x70\x00")
        elif k == "http":
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        elif k == "bigpdu":
            s.sendall((1 << 24).to_bytes(4, "big") + b"\x00\x00\x70\x05" + b"\x00" * 16)
        s.settimeout(1.5)
        try:
            while s.recv(4096):
                pass
        except OSError:
            pass
        s.close()
    except OSError:
        pass
    time.sleep(random.uniform(0, 0.5))
