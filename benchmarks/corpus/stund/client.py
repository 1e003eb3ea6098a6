#!/usr/bin/env python3
"""Randomised STUN client: sends well-formed and malformed STUN datagrams to a stund.
client.py COUNT PORT1 PORT2 [RELAYPORT]   (server addresses 127.0.0.1 and 127.0.0.2)"""
import os, random, socket, struct, sys

count, p1, p2 = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
relay = int(sys.argv[4]) if len(sys.argv) > 4 else 0
targets = [("127.0.0.1", p1), ("127.0.0.1", p2), ("127.0.0.2", p1), ("127.0.0.2", p2)]


def attr(t, v):
    return struct.pack("!HH", t, len(v)) + v


def addr(t, ip="127.0.0.1", port=46190, fam=1, ln=None):
    v = struct.pack("!BBH", 0, fam, port) + socket.inet_aton(ip)
    if ln is not None:
        v = (v + b"\0" * 8)[:ln]
    return attr(t, v)


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


def msg(t, attrs, length=None):
    body = b"".join(attrs)
    return struct.pack("!HH", t, len(body) if length is None else length) + os.urandom(16) + body


def good():
    a = []
    if random.random() < 0.6:
        a.append(attr(3, struct.pack("!I", random.choice([0, 0, 2, 4, 6]))))
    if random.random() < 0.15:
        a.append(addr(2, "127.0.0.1", random.choice([46190, 46191])))
    if random.random() < 0.1:
        a.append(addr(1, "127.0.0.1", 46192))
    if random.random() < 0.1:
        a.append(addr(4)); a.append(addr(5))
    if random.random() < 0.15:
        a.append(attr(6, pad4(random.choice([b"alice", b"bob1", b"carol-r35", b"x" * 80]))))
    if random.random() < 0.05:
        a.append(attr(7, pad4(b"secret")))
    if random.random() < 0.05:
        a.append(attr(0x0021, b""))
    if random.random() < 0.05:
        a.append(attr(0x8022, pad4(b"peer-server")))
    if random.random() < 0.04:
        a.append(addr(0x8050))
    if random.random() < 0.04:
        a.append(addr(0x8020))
    if random.random() < 0.04:
        a.append(attr(9, struct.pack("!HBB", 0, 4, 20) + pad4(b"oops")))
    if random.random() < 0.04:
        a.append(attr(0x8abc, b"\1\2\3\4"))
    random.shuffle(a)
    return msg(1, a)


def bad():
    k = random.randrange(19)
    if k == 0: return os.urandom(random.randint(1, 19))               # shorter than a header
    if k == 1: return msg(1, [attr(3, b"\0\0\0\0")], length=40)         # header length mismatch
    if k == 2: return msg(1, [struct.pack("!HH", 3, 64) + b"\0\0\0\0"])  # attribute larger than message
    if k == 3: return msg(1, [addr(random.choice([1, 2, 4, 5, 11, 0x8020, 0x8050]), ln=6)])
    if k == 4: return msg(1, [addr(random.choice([1, 2, 4, 5, 11]), fam=2)])
    if k == 5: return msg(1, [addr(random.choice([1, 2, 4, 5, 11]), fam=random.choice([0x33, 0x46, 0x7a]))])
    if k == 6: return msg(1, [attr(3, b"\0\0\0\0\0\0\0\0")])
    if k == 7: return msg(1, [attr(random.choice([6, 7, 0x8022]), b"y" * 512)])
    if k == 8: return msg(1, [attr(random.choice([6, 7, 0x8022]), b"abcdef")])
    if k == 9: return msg(1, [attr(8, b"z" * 12)])
    if k == 10: return msg(1, [attr(9, b"e" * 300)])
    if k == 11: return msg(1, [attr(random.choice([0x0033, 0x0100, 0x7000]), b"\0\0\0\0")])
    if k == 12: return msg(random.choice([0x0111, 0x0101, 0x0200]), [])
    if k == 13 and random.random() < 0.15: return msg(2, [])           # shared secret request (stund asserts)
    if k == 13: return msg(1, [attr(3, struct.pack("!I", 6))])
    if k == 14: return msg(1, [attr(8, b"h" * 20)])                    # integrity without username
    if k == 15: return msg(1, [attr(6, b"test"), attr(8, b"h" * 20)])  # integrity with user test
    if k == 16: return msg(1, [attr(6, pad4(b"mallory")), attr(8, b"h" * 20)])
    if k == 17: return b""                                             # empty datagram
    return os.urandom(3000)                                            # too large


socks = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(3)]
for s in socks:
    s.bind(("127.0.0.1", 0)); s.settimeout(0.05)
for i in range(count):
    s = random.choice(socks)
    data = good() if random.random() < 0.55 else bad()
    s.sendto(data, random.choice(targets) if random.random() < 0.5 else targets[0])
    if relay and random.random() < 0.2:
        s.sendto(b"rtp" + os.urandom(random.randint(8, 160)), ("127.0.0.1", relay + random.randrange(2)))
    try:
        while True:
            s.recv(4096)
    except OSError:
        pass
