#!/usr/bin/env python3
"""Randomised DNS queries against rbldnsd: query.py COUNT PORT"""
import os, random, socket, struct, sys

count, port = int(sys.argv[1]), int(sys.argv[2])
ZONES = ["bl.r35a", "dbl.r35a", "trie.r35a", "set.r35a", "v6.r35a", "gen.r35a", "comb.r35a"]
TYPES = [1, 1, 1, 16, 16, 255, 2, 6, 15, 28, 12, 5, 99]


def name():
    z = random.choice(ZONES + ["other.example", "r35a"])
    r = random.random()
    if z in ("bl.r35a", "trie.r35a", "set.r35a", "comb.r35a") and r < 0.8:
        ip = random.choice(["127.0.0.2", "10.1.2.3", "192.168.1.%d" % random.randint(1, 30),
                            "172.16.%d.%d" % (random.randint(0, 3), random.randint(0, 255)),
                            "8.8.8.8", "203.0.113.%d" % random.randint(0, 255)])
        return ".".join(reversed(ip.split("."))) + "." + z
    if z == "v6.r35a" and r < 0.8:
        h = "20010db8" + "%08x" % random.choice([0, 1, 0xdead]) + os.urandom(8).hex()
        return ".".join(reversed(h)) + "." + z
    if z in ("dbl.r35a", "comb.r35a", "gen.r35a") and r < 0.8:
        return random.choice(["spam.example", "a.bad.example", "www.good.example", "mail", "txt", "x.y.bad.example", "@"]).replace("@", "").strip(".") + "." + z
    return z if r < 0.9 else "%s.%s" % (os.urandom(3).hex(), z)


def enc(n):
    return b"".join(bytes([len(p)]) + p.encode() for p in n.split(".") if p) + b"\0"


s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(0.3)
for _ in range(count):
    k = random.random()
    if k < 0.03:
        pkt = os.urandom(2) + struct.pack("!HHHHH", 0x0100, 1, 0, 0, 0) + enc(random.choice(["version.bind", "version.server"])) + struct.pack("!HH", 16, 3)
    elif k < 0.05:
        pkt = os.urandom(random.randint(1, 30))                      # garbage
    elif k < 0.07:
        pkt = os.urandom(2) + struct.pack("!HHHHH", 0x2800, 1, 0, 0, 0) + enc(name()) + struct.pack("!HH", 1, 1)  # UPDATE opcode
    elif k < 0.08:
        pkt = os.urandom(2) + struct.pack("!HHHHH", 0x0100, 1, 0, 0, 0) + enc(name()) + struct.pack("!HH", 1, 3)  # class CH
    else:
        pkt = os.urandom(2) + struct.pack("!HHHHH", 0x0100, 1, 0, 0, 0) + enc(name()) + struct.pack("!HH", random.choice(TYPES), 1)
    s.sendto(pkt, ("127.0.0.1", port))
    try:
        s.recv(4096)
    except OSError:
        pass
