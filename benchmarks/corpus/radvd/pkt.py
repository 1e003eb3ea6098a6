#!/usr/bin/env python3
"""Craft RS/RA packets (good and bad) on a raw AF_PACKET socket: pkt.py IFACE KIND [seed]."""
import random, socket, struct, sys
ifc, kind = sys.argv[1], sys.argv[2]
rnd = random.Random()
mac = bytes.fromhex(open(f"/sys/class/net/{ifc}/address").read().strip().replace(":", ""))
def ll():
    m = bytearray(mac); m[0] ^= 2
    return bytes([0xfe, 0x80] + [0]*6) + bytes(m[:3]) + b"\xff\xfe" + bytes(m[3:])
def csum(src, dst, payload):
    ph = src + dst + struct.pack("!I3xB", len(payload), 58) + payload
    if len(ph) % 2: ph += b"\0"
    s = sum(struct.unpack(f"!{len(ph)//2}H", ph)); s = (s >> 16) + (s & 0xffff); s += s >> 16
    return (~s) & 0xffff
def send(icmp, src=None, dst=b"\xff\x02" + b"\0"*13 + b"\x02", hop=255):
    src = src if src is not None else ll()
    c = csum(src, dst, icmp); icmp = icmp[:2] + struct.pack("!H", c) + icmp[4:]
    ip = struct.pack("!IHBB", 6 << 28, len(icmp), 58, hop) + src + dst
    eth = b"\x33\x33" + dst[12:] + mac + b"\x86\xdd"
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW); s.bind((ifc, 0)); s.send(eth + ip + icmp)
ALLN = b"\xff\x02" + b"\0"*13 + b"\x01"
slla = bytes([1, 1]) + mac
if kind == "rs": send(struct.pack("!BBHI", 133, 0, 0, 0) + slla)
elif kind == "rs_hop": send(struct.pack("!BBHI", 133, 0, 0, 0) + slla, hop=rnd.choice([1, 64, 128, 254]))
elif kind == "rs_short": send(struct.pack("!BBH", 133, 0, 0) + b"\0"*rnd.randint(0, 3))
elif kind == "rs_code": send(struct.pack("!BBHI", 133, rnd.randint(1, 255), 0, 0) + slla)
elif kind == "rs_garbage": send(struct.pack("!BBHI", 133, 0, 0, 0) + slla + b"\x07" * rnd.randint(1, 7))
elif kind == "rs_zero": send(struct.pack("!BBHI", 133, 0, 0, 0) + bytes([1, 0]) + mac)
elif kind == "rs_long": send(struct.pack("!BBHI", 133, 0, 0, 0) + bytes([1, rnd.randint(2, 9)]) + mac)
elif kind == "rs_unspec": send(struct.pack("!BBHI", 133, 0, 0, 0) + slla, src=b"\0"*16)
elif kind.startswith("ra"):
    hop = rnd.choice([64, 64, rnd.randint(1, 255)]); flags = rnd.choice([0, 0x80, 0x40, 0xc0])
    body = struct.pack("!BBHBBHII", 134, 0, 0, hop, flags, rnd.choice([0, 1800, 600]),
                       rnd.choice([30000, 0, rnd.randint(1, 90000)]), rnd.choice([1000, 0, rnd.randint(1, 5000)]))
    opts = slla + struct.pack("!BBHI", 5, 1, 0, rnd.choice([1400, 1500, rnd.randint(1280, 9000)]))
    pfx = bytes.fromhex(sys.argv[3]) if len(sys.argv) > 3 else bytes.fromhex("20010db8000100000000000000000000")
    opts += struct.pack("!BBBBII4x", 3, 4, 64, 0xc0, rnd.choice([3600, rnd.randint(1, 99999)]), rnd.choice([1800, rnd.randint(1, 9999)])) + pfx
    dns = bytes.fromhex("20010db8000100000000000000000053") if rnd.random() < .5 else bytes.fromhex("20010db8%04x000000000000000000%02x" % (rnd.randint(0, 65535), rnd.randint(1, 255)))
    opts += struct.pack("!BBHI", 25, 3, 0, 60) + dns
    if kind == "ra_badrdnss": opts += struct.pack("!BBHI", 25, 2, 0, 60) + b"\0"*8
    if kind == "ra_dnssl": opts += struct.pack("!BBHI", 31, 2, 0, 60) + bytes([60]) + b"a"*7
    if kind == "ra_unknown": opts += bytes([rnd.choice([9, 11, 17, 42, 200]), 1]) + b"\0"*6
    if kind == "ra_zero": opts += bytes([rnd.choice([1, 8, 99]), 0]) + b"\0"*6
    if kind == "ra_long": opts += bytes([8, rnd.randint(3, 9)]) + b"\0"*6
    if kind == "ra_garbage": opts += b"\x05" * rnd.randint(1, 7)
    if kind == "ra_short": body = body[:rnd.randint(4, 15)]; opts = b""
    src = bytes.fromhex("20010db8000100000000000000%06x" % rnd.randint(1, 0xffffff)) if kind == "ra_global" else None
    send(body + opts, src=src, dst=ALLN)
