#!/usr/bin/env python3
"""Sends malformed SNMP datagrams to the trap receiver."""
import os, random, socket, sys
rnd = random.Random(int(sys.argv[2]))
port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(rnd.randrange(1, 4)):
    k = rnd.randrange(4)
    if k == 0:
        pkt = os.urandom(rnd.randrange(1, 60))
    elif k == 1:   # SEQUENCE with wrong length
        pkt = bytes([0x30, 0x7f, 0x02, 0x01, 0x01]) + b"public"
    elif k == 2:   # unknown version number
        pkt = bytes([0x30, 0x0c, 0x02, 0x01, 0x09, 0x04, 0x06]) + b"public" + bytes([0xa7, 0x00])
    else:          # v2c with truncated PDU
        pkt = bytes([0x30, 0x10, 0x02, 0x01, 0x01, 0x04, 0x06]) + b"public" + bytes([0xa7, 0x20, 0x02, 0x04, 1])
    s.sendto(pkt, ("127.0.0.1", port))
