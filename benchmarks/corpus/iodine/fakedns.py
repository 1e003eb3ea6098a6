#!/usr/bin/env python3
"""Fake upstream DNS server on 127.0.0.1:PORT: answers forwarded queries (NXDOMAIN or a made-up A),
sometimes twice, sometimes with a stray id, sometimes not at all."""
import random, socket, struct, sys
port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", port))
while True:
    data, addr = s.recvfrom(4096)
    if len(data) < 12:
        continue
    r = random.random()
    if r < 0.15:
        continue  # drop
    qid = struct.unpack(">H", data[:2])[0]
    if r < 0.3:
        qid = random.randint(1, 65535)  # stray id
    flags = 0x8183 if random.random() < 0.5 else 0x8180
    resp = struct.pack(">HHHHHH", qid, flags, 1, 0, 0, 0) + data[12:]
    s.sendto(resp, addr)
    if random.random() < 0.1:
        s.sendto(resp, addr)
