#!/usr/bin/env python3
"""Fake CARP peer: writes CARP advertisements (good or deliberately broken) on an interface.

usage: carp_inject.py IFACE KIND COUNT [key=value ...]
KIND: good, badttl, badversion, othervhid, othermcast, badcksum, baddigest, short, otherproto
keys: src, vhid, pass, vaddr, advbase, advskew, interval
"""
import hashlib
import os
import random
import socket
import struct
import sys
import time


def csum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s > 0xFFFF:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def carp_md(password: str, vhid: int, vaddr: str, counter: bytes) -> bytes:
    key = password.encode()[:19] + b"\0"
    pad = bytearray(64)
    pad[: len(key)] = key
    ipad = bytes(b ^ 0x36 for b in pad)
    opad = bytes(b ^ 0x5C for b in pad)
    inner = hashlib.sha1(ipad + bytes([2, 1, vhid]) + socket.inet_aton(vaddr) + counter).digest()
    return hashlib.sha1(opad + inner).digest()


def packet(kind, src, vhid, password, vaddr, advbase, advskew):
    mcast = "224.0.0.18"
    ttl = 255
    version = 2
    hvhid = vhid
    if kind == "badttl":
        ttl = random.choice([1, 64, 128, 254])
    if kind == "badversion":
        version = random.choice([1, 3, 4])
    if kind == "othervhid":
        hvhid = random.choice([v for v in range(1, 40) if v != vhid])
    if kind == "othermcast":
        mcast = "224.0.0.%d" % random.choice([19, 20, 22, 100])
    if kind == "baddigest":
        password = password + "x" + str(random.randint(0, 99))
    counter = struct.pack("!II", random.getrandbits(32), random.getrandbits(32))
    md = carp_md(password, vhid, vaddr, counter)
    ch = struct.pack("!BBBBBBH", (version << 4) | 1, hvhid, advskew, 7, 0, advbase, 0) + counter + md
    c = csum(ch)
    ch = ch[:6] + struct.pack("!H", c) + ch[8:]
    if kind == "badcksum":
        ch = ch[:6] + struct.pack("!H", c ^ 0x1234) + ch[8:]
    proto = 112
    if kind == "otherproto":
        proto = 17
    total = 20 + len(ch)
    iph = struct.pack("!BBHHHBBH4s4s", 0x45, 0x10, total, random.getrandbits(16), 0x4000, ttl, proto, 0,
                      socket.inet_aton(src), socket.inet_aton(mcast))
    iph = iph[:10] + struct.pack("!H", csum(iph)) + iph[12:]
    m = socket.inet_aton(mcast)
    dmac = bytes([1, 0, 0x5E, m[1] & 0x7F, m[2], m[3]])
    smac = bytes([0, 0, 0x5E, 0, 1, vhid])
    pkt = dmac + smac + b"\x08\x00" + iph + ch
    if kind == "short":
        pkt = pkt[: 14 + 20 + random.randint(1, 30)]
    return pkt


def main():
    iface, kind, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    opts = dict(a.split("=", 1) for a in sys.argv[4:])
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    for _ in range(count):
        s.send(packet(kind, opts.get("src", "10.31.0.%d" % random.randint(3, 250)), int(opts.get("vhid", 7)),
                      opts.get("pass", "secret"), opts.get("vaddr", "10.31.0.100"),
                      int(opts.get("advbase", 1)), int(opts.get("advskew", 0))))
        time.sleep(float(opts.get("interval", 0.2)) * random.uniform(0.5, 1.5))


if __name__ == "__main__":
    main()
