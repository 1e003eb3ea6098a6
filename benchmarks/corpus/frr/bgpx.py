#!/usr/bin/python3
"""A stray BGP speaker for the FRR workload (run in r11f_r3's namespace).
usage: bgpx.py KIND PORT   KIND: unknown wrongas garbage badversion shortopen holdtime valid"""
import os, random, socket, struct, sys, time

kind, port = sys.argv[1], int(sys.argv[2])
R1 = "10.212.13.1"
MARKER = b"\xff" * 16

def msg(typ, body):
    return MARKER + struct.pack("!HB", 19 + len(body), typ) + body

def open_msg(asn, hold=9, version=4, rid="10.212.13.9"):
    caps = bytes([2, 6, 1, 4, 0, 1, 0, 1])  # multiprotocol ipv4 unicast
    return msg(1, struct.pack("!BHH4sB", version, asn, hold, socket.inet_aton(rid), len(caps)) + caps)

def update(prefixes, asn):
    attrs = bytes([0x40, 1, 1, 0])                                   # ORIGIN IGP
    attrs += bytes([0x40, 2, 4, 2, 1]) + struct.pack("!H", asn)       # AS_PATH
    attrs += bytes([0x40, 3, 4]) + socket.inet_aton("10.212.13.9")   # NEXT_HOP
    nlri = b""
    for p, l in prefixes:
        nlri += bytes([l]) + socket.inet_aton(p)[: (l + 7) // 8]
    return msg(2, struct.pack("!H", 0) + struct.pack("!H", len(attrs)) + attrs + nlri)

src = "10.212.103.1" if kind == "unknown" else "10.212.13.9"
s = socket.socket()
s.settimeout(5)
try:
    s.bind((src, 0))
    s.connect((R1, port))
    if kind == "unknown":
        s.sendall(open_msg(65077))
    elif kind == "wrongas":
        s.sendall(open_msg(random.choice([65010, 65011, 64999])))
    elif kind == "garbage":
        s.sendall(os.urandom(random.randint(19, 60)))
    elif kind == "badversion":
        s.sendall(open_msg(65009, version=random.choice([2, 3, 5])))
    elif kind == "shortopen":
        s.sendall(MARKER + struct.pack("!HB", 23, 1) + b"\x04\xfe\x09\x00")
    elif kind == "holdtime":
        s.sendall(open_msg(65009, hold=random.choice([1, 2])))
    elif kind == "valid":
        s.sendall(open_msg(65009))
        time.sleep(0.5)
        s.sendall(msg(4, b""))
        time.sleep(0.5)
        s.sendall(update([("10.216.%d.0" % random.randint(0, 99), 24) for _ in range(random.randint(1, 4))], 65009))
        time.sleep(random.uniform(1, 4))
    try:
        s.recv(4096)
        time.sleep(0.5)
        s.recv(4096)
    except OSError:
        pass
except OSError:
    pass
finally:
    s.close()
