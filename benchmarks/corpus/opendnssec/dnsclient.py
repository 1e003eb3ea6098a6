#!/usr/bin/env python3
"""Raw DNS traffic to the ODS signer listener: NOTIFY, garbage, queries. dnsclient.py PORT MODE ZONE"""
import os, random, socket, struct, sys
port, mode, zone = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def qname(z):
    return b"".join(bytes([len(l)]) + l.encode() for l in z.strip(".").split(".")) + b"\x00"
def msg(opcode, qtype, z, flags=0):
    return struct.pack("!HHHHHH", random.randint(0, 65535), (opcode << 11) | flags, 1, 0, 0, 0) + qname(z) + struct.pack("!HH", qtype, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(1)
src = sys.argv[4] if len(sys.argv) > 4 else "127.0.0.1"
s.bind((src, 0))
if mode == "notify":
    p = msg(4, 6, zone, 0x0400)
elif mode == "garbage":
    p = os.urandom(random.randint(1, 60))
elif mode == "short":
    p = os.urandom(random.randint(1, 11))
elif mode == "query":
    p = msg(0, random.choice([1, 6, 15, 16, 48]), zone, 0x0100)
elif mode == "update":
    p = msg(5, 6, zone)
elif mode == "badclass":
    p = msg(0, 6, zone)[:-2] + struct.pack("!H", 3)
else:
    p = msg(random.randint(1, 3), 6, zone)
s.sendto(p, ("127.0.0.1", port))
try:
    s.recv(4096)
except Exception:
    pass
