#!/usr/bin/env python3
"""Client for ulogd's UNIXSOCK input: sends IPv4/IPv6 packets with options, and some bad input.
usage: usock.py SOCKET_PATH COUNT"""
import random
import socket
import struct
import sys
import time

R = random.Random()
MARK = 0x41c90fd4
path, count = sys.argv[1], int(sys.argv[2])


def a8(n):
    return (n + 7) & ~7


def ip4():
    proto = R.choice([6, 6, 17, 1])
    src = bytes([10, 31, R.randint(0, 255), R.randint(1, 254)])
    dst = bytes([192, 0, 2, R.randint(1, 254)])
    if proto == 6:
        l4 = struct.pack("!HHIIBBHHH", R.randint(1024, 65535), R.randint(20000, 20999), R.getrandbits(32), 0, 5 << 4,
                         R.choice([0x02, 0x12, 0x10, 0x04, 0x11, 0x18]), 65535, 0, 0)
    elif proto == 17:
        l4 = struct.pack("!HHHH", R.randint(1024, 65535), R.randint(20000, 20999), 12, 0) + b"ping"
    else:
        l4 = struct.pack("!BBHHH", R.choice([8, 0, 3, 11]), 0, 0, R.randint(0, 65535), R.randint(0, 99))
    tot = 20 + len(l4)
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tot, R.randint(0, 65535), 0x4000, R.randint(30, 64), proto, 0, src, dst)
    return hdr + l4


def ip6():
    l4 = struct.pack("!HHHH", R.randint(1024, 65535), R.randint(20000, 20999), 8, 0)
    return struct.pack("!IHBB16s16s", 0x60000000, len(l4), 17, 64,
                       bytes.fromhex("20010db8" + "%024x" % R.getrandbits(96)),
                       bytes.fromhex("20010db8000000000000000000000001")) + l4


def opt(i, val):
    return struct.pack("!II", i, len(val)) + val + b"\0" * (a8(len(val)) - len(val))


def packet():
    pay = ip4() if R.random() < 0.8 else ip6()
    opts = b""
    if True:   # at least one option: ulogd reads options past a bare payload
        opts += opt(1, R.choice([b"r31a-drop ", b"r31a-accept ", b"usock "]) + b"\0")
    if R.random() < 0.6:
        opts += opt(2, R.choice([b"eth0", b"eth1", b"wlan0"]) + b"\0")
    if R.random() < 0.3:
        opts += opt(3, b"eth9\0")
    if R.random() < 0.3:
        opts += opt(200, R.choice([b"alice", b"bob", b"carol"]) + b"\0")
    if R.random() < 0.2:
        opts += opt(205, R.choice([b"firefox", b"curl", b"ssh"]) + b"\0")
    if R.random() < 0.2:
        opts += opt(202, b"Linux\0") + opt(203, R.choice([b"6.1.0", b"5.10.0"]) + b"\0") + opt(204, b"#1 SMP\0")
    if R.random() < 0.1:
        opts += opt(R.choice([77, 150, 999]), b"x\0")
    body = struct.pack("!I", 4 if pay[0] >> 4 == 4 else 6)[::-1] + struct.pack("!H", len(pay)) + pay
    body += b"\0" * (a8(len(pay)) - len(pay)) + opts
    return struct.pack("!IH", MARK, len(body) + 2) + body


def conn():
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    return s


try:
    s = conn()
    for _ in range(count):
        r = R.random()
        if r < 0.04:
            s.sendall(struct.pack("!I", R.getrandbits(32)) + b"garbage!" * 4)
            time.sleep(0.2)
            s.close()
            s = conn()
        elif r < 0.10:
            p = packet()
            cut = R.randint(8, len(p) - 1)
            s.sendall(p[:cut])
            time.sleep(0.05)
            s.sendall(p[cut:])
        elif r < 0.13:
            try:
                s2 = conn()
                time.sleep(0.1)
                s2.close()
            except OSError:
                pass
        elif r < 0.18:
            s.sendall(b"".join(packet() for _ in range(R.randint(2, 6))))
        else:
            s.sendall(packet())
        time.sleep(R.expovariate(8))
    s.close()
except OSError as e:
    print("usock:", e, file=sys.stderr)
