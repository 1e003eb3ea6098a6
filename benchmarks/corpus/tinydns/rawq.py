#!/usr/bin/env python3
"""Send hand-made DNS packets (good and malformed) over UDP; no output."""
import random, socket, struct, sys

server, count = sys.argv[1], int(sys.argv[2])
names = ["www.r40h.test", "r40h.test", "ftp.r40h.test", "a.dyn.r40h.test", "nope.r40h.test",
         "example.com", "Mixed.Case.R40H.test", "we!rd na*me.r40h.test", "sub.r40h.test"]

def qname(n):
    out = b""
    for label in n.split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\0"

def packet(kind):
    ident = random.randrange(65536)
    name = random.choice(names)
    qtype = random.choice([1, 2, 5, 6, 12, 15, 16, 28, 33, 255, 252, 251, 99])
    qclass = 1
    flags = 0x0100
    qd = 1
    if kind == "axfr": qtype = 252
    if kind == "ixfr": qtype = 251
    if kind == "chaos": qclass = 3
    if kind == "hesiod": qclass = 4
    if kind == "any_class": qclass = 255
    if kind == "opcode": flags = random.choice([0x0800, 0x1000, 0x2000, 0x2800])
    if kind == "response": flags = 0x8180
    if kind == "qd0": qd = 0
    if kind == "qd2": qd = 2
    body = struct.pack(">HHHHHH", ident, flags, qd, 0, 0, 0) + qname(name) + struct.pack(">HH", qtype, qclass)
    if kind == "truncated": body = body[:random.randrange(1, len(body) - 1)]
    if kind == "short": body = body[:random.randrange(1, 12)]
    if kind == "junk": body = bytes(random.randrange(256) for _ in range(random.randrange(1, 80)))
    if kind == "big": body = body + b"\0" * 600
    if kind == "badlabel": body = struct.pack(">HHHHHH", ident, flags, 1, 0, 0, 0) + b"\xc0\x0c" + struct.pack(">HH", 1, 1)
    return body

kinds = ["ok"] * 6 + ["axfr", "ixfr", "chaos", "hesiod", "any_class", "opcode", "response", "qd0",
         "qd2", "truncated", "short", "junk", "big", "badlabel"]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(0.05)
for _ in range(count):
    s.sendto(packet(random.choice(kinds)), (server, 53))
    try:
        s.recv(2048)
    except OSError:
        pass
