#!/usr/bin/env python3
"""Send hand-made (good, odd and broken) LLDP/CDP frames out of an interface (AF_PACKET).
Used by workload.sh from the namespace that runs no lldpd.  Usage: rawlldp.py IFACE [COUNT]"""
import random, socket, struct, sys

ifname = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((ifname, 0))


def tlv(t, v):
    return struct.pack("!H", (t << 9) | len(v)) + v


def mac():
    return bytes([0x02] + [random.randrange(256) for _ in range(5)])


def lldp(src, tlvs):
    return b"\x01\x80\xc2\x00\x00\x0e" + src + b"\x88\xcc" + b"".join(tlvs)


def good(src, ttl=None):
    name = random.choice(["sw", "ap", "phone", "rtr", "cam"]) + str(random.randint(1, 999))
    t = [tlv(1, b"\x04" + src), tlv(2, b"\x05" + b"port%d" % random.randint(1, 48)),
         tlv(3, struct.pack("!H", random.choice([20, 60, 120]) if ttl is None else ttl)),
         tlv(5, name.encode()), tlv(4, b"Gi0/%d" % random.randint(1, 24)),
         tlv(6, b"fake device %d" % random.randint(1, 9999)),
         tlv(7, struct.pack("!HH", 0x14, 0x04))]
    if random.random() < 0.5:
        t.append(tlv(127, b"\x00\x80\xc2\x01" + struct.pack("!H", random.randint(1, 4094))))
    if random.random() < 0.3:
        t.append(tlv(127, b"\x00\x12\x0f\x01\x03\x6c\x00\x10"))
    if random.random() < 0.3:
        t.append(tlv(127, b"\x00\x12\xbb\x01" + struct.pack("!HB", 0x21, 0x01)))  # MED capabilities
    t.append(tlv(0, b""))
    return lldp(src, t)


def broken(src):
    kind = random.choice(["nottl", "trunc", "shortchassis", "unknowntlv", "badorder", "zeroport",
                          "oui", "empty", "ttl0", "cdp", "huge", "dupchassis"])
    if kind == "nottl":
        return lldp(src, [tlv(1, b"\x04" + src), tlv(2, b"\x05x"), tlv(0, b"")])
    if kind == "trunc":
        return lldp(src, [tlv(1, b"\x04" + src), tlv(2, b"\x05x"), b"\x06\x20\x00"])
    if kind == "shortchassis":
        return lldp(src, [tlv(1, b""), tlv(2, b"\x05x"), tlv(3, b"\x00\x78"), tlv(0, b"")])
    if kind == "unknowntlv":
        return lldp(src, [tlv(1, b"\x04" + src), tlv(2, b"\x05eth9"), tlv(3, b"\x00\x78"),
                          tlv(random.randint(9, 126), b"junk"), tlv(0, b"")])
    if kind == "badorder":
        return lldp(src, [tlv(2, b"\x05eth9"), tlv(1, b"\x04" + src), tlv(3, b"\x00\x78"), tlv(0, b"")])
    if kind == "zeroport":
        return lldp(src, [tlv(1, b"\x04" + src), tlv(2, b""), tlv(3, b"\x00\x78"), tlv(0, b"")])
    if kind == "oui":
        return lldp(src, [tlv(1, b"\x04" + src), tlv(2, b"\x05p1"), tlv(3, b"\x00\x78"),
                          tlv(127, bytes([random.randrange(256) for _ in range(3)]) + b"\x09abc"), tlv(0, b"")])
    if kind == "empty":
        return lldp(src, [])
    if kind == "ttl0":
        return good(src, ttl=0)
    if kind == "cdp":
        payload = b"\xaa\xaa\x03\x00\x00\x0c\x20\x00" + bytes([2, 180, 0, 0]) + bytes(random.randrange(256) for _ in range(20))
        return b"\x01\x00\x0c\xcc\xcc\xcc" + src + struct.pack("!H", len(payload)) + payload
    if kind == "huge":
        return lldp(src, [tlv(1, b"\x04" + src), tlv(2, b"\x05p1"), tlv(3, b"\x00\x78"),
                          tlv(5, b"x" * 300), tlv(0, b"")])
    return lldp(src, [tlv(1, b"\x04" + src), tlv(1, b"\x04" + src), tlv(2, b"\x05p1"), tlv(3, b"\x00\x78"), tlv(0, b"")])


for _ in range(count):
    src = mac()
    frame = good(src) if random.random() < 0.5 else broken(src)
    s.send(frame.ljust(60, b"\x00"))
