#!/usr/bin/env python3
"""Send junk / half protocol to cf-serverd from a chosen 127.0.0.x source address."""
import os, random, socket, sys, time
port = int(sys.argv[1]); src = sys.argv[2]; mode = sys.argv[3]
s = socket.socket()
s.settimeout(5)
s.bind((src, 0))
try:
    s.connect(("127.0.0.1", port))
    if mode == "junk":
        s.sendall(os.urandom(random.randint(1, 400)))
    elif mode == "short":
        s.sendall(random.choice([b"HI\n", b"CAUTH", b"\x01\x02\x03"]))
    elif mode == "text":
        s.sendall(random.choice([b"GET / HTTP/1.0\r\n\r\n", b"HELLO\n", b"\x00" * 64, b"QUIT\r\n"]))
    elif mode == "classic":
        # legacy protocol transaction header: status char, length, then payload
        payload = random.choice([b"CAUTH 127.0.0.5 localhost root 0", b"CAUTH 127.0.0.5 vm root 0 extra"])
        s.sendall(b"t %6d" % len(payload) + payload)
    elif mode == "tlsbad":
        # looks like a TLS ClientHello start, then garbage
        s.sendall(b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + os.urandom(40))
    elif mode == "idle":
        time.sleep(random.uniform(0.5, 2))
    elif mode == "version":
        s.sendall(b"CFE_v2 cf-net 3.21.0\n")
    try:
        s.recv(4096)
    except Exception:
        pass
except Exception as e:
    print("garbage:", e, file=sys.stderr)
finally:
    s.close()
