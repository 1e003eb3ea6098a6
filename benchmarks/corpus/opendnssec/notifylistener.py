#!/usr/bin/env python3
"""Secondary stand-in on 127.0.0.1:PORT: answers NOTIFY sometimes, ignores it otherwise."""
import random, socket, struct, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", int(sys.argv[1])))
while True:
    q, a = s.recvfrom(4096)
    r = random.random()
    if r < 0.4 or len(q) < 12:
        continue
    resp = bytearray(q); resp[2] |= 0x80
    if r < 0.55:
        resp[3] = (resp[3] & 0xf0) | 5
    s.sendto(bytes(resp), a)
