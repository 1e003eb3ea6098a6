#!/usr/bin/env python3
"""Send hand-made LLDP frames (used by workload.sh): lf.py IFACE KIND [count]."""
import random, socket, struct, sys

def tlv(t, v):
    return struct.pack("!H", (t << 9) | len(v)) + v

def mac():
    return bytes([0x02, 0x37] + [random.randrange(256) for _ in range(4)])

def org(oui, sub, data):
    return tlv(127, bytes.fromhex(oui) + bytes([sub]) + data)

def frame(iface, kind):
    src = mac()
    ch = tlv(1, b"\x04" + src)
    port = tlv(2, random.choice([b"\x03" + src, b"\x05" + b"eth%d" % random.randrange(9), b"\x07" + b"p%d" % random.randrange(99)]))
    ttl = tlv(3, struct.pack("!H", random.choice([120, 30, 10, 65535])))
    end = tlv(0, b"")
    opt = b""
    if kind in ("full", "dcbx", "med", "evb"):
        opt += tlv(4, b"peer port %d" % random.randrange(48)) + tlv(5, b"peer%d.r37b.test" % random.randrange(9))
        opt += tlv(6, b"fake LLDP peer") + tlv(7, struct.pack("!HH", 0x14, 0x04))
        opt += tlv(8, b"\x05\x01" + bytes([10, 37, 0, random.randrange(255)]) + b"\x02" + struct.pack("!I", 3) + b"\x00")
        opt += org("0080c2", 1, struct.pack("!H", random.randrange(1, 4095)))
        opt += org("00120f", 1, b"\x03\x6c\x00\x00\x10") + org("00120f", 4, struct.pack("!H", 1500))
        opt += org("00120f", 3, b"\x03\x00\x00\x00\x00")
    if kind == "dcbx":
        opt += org("0080c2", 9, b"\x80" + bytes(4) + bytes([12, 12, 12, 12, 13, 13, 13, 13]) + bytes(8))
        opt += org("0080c2", 0xB, b"\x80\x08" + bytes([0x18]))
        opt += org("0080c2", 0xC, b"\x00" + b"\x61\x89\x06")
        opt += org("001b21", 2, b"\x00\x00" + bytes(8) + b"\x00\x02\x00\x00\x00\x00\x00")
    if kind == "med":
        opt += org("0012bb", 1, b"\x00\x33\x03") + org("0012bb", 2, b"\x01\x00\x01\x00\x00")
    if kind == "evb":
        opt += org("0080c2", 0xD, bytes([0x07, 0x03, 0x1b, 0x00, 0x20, 0x00, 0x20, 0x33, 0x10]))
        opt += org("001b3f", 0, bytes([0, 0, 0, 0, 0, 0, 0]))
        opt += org("0080c2", 0xE, bytes(5))
    if kind == "unknown":
        opt += org("aabbcc", 7, b"vendor data") + tlv(9, b"reserved type") + tlv(126, b"x")
    if kind == "shutdown":
        ttl = tlv(3, b"\x00\x00")
    body = {"nochassis": port + ttl + end, "noport": ch + ttl + end, "nottl": ch + port + end,
            "order": port + ch + ttl + end, "dup": ch + port + ttl + tlv(3, b"\x00\x10") + tlv(5, b"a") + tlv(5, b"b") + end,
            "trunc": ch + port + ttl + struct.pack("!H", (5 << 9) | 400) + b"abc",
            "zerolen": tlv(1, b"") + port + ttl + end, "badttl": ch + port + tlv(3, b"\x01") + end,
            "noend": ch + port + ttl, "short": b"\x02",
            "badorg": ch + port + ttl + tlv(127, b"\x00\x80") + end,
            "badsys": ch + port + ttl + tlv(7, b"\x01") + tlv(8, b"\x01") + tlv(5, b"") + end,
            "bad8023": ch + port + ttl + org("00120f", 1, b"\x01") + org("00120f", 4, b"") + org("0080c2", 1, b"") + end,
            }.get(kind, ch + port + ttl + opt + end)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    s.send(bytes.fromhex("0180c200000e") + src + b"\x88\xcc" + body)

for _ in range(int(sys.argv[3]) if len(sys.argv) > 3 else 1):
    frame(sys.argv[1], sys.argv[2])
