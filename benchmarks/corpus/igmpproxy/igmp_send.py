#!/usr/bin/env python3
"""Fake IGMP hosts/routers: sends hand-built IGMP packets out of one interface.

usage: igmp_send.py IFACE SRC KIND GROUP [COUNT] [INTERVAL]
KIND: v1report, v2report, v3report, v3leave, v3block, v3unknown, v3multi, leave, query,
      unknown, short, v3short
"""
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


def igmp(t, code, group):
    body = struct.pack("!BBH4s", t, code, 0, socket.inet_aton(group))
    return body[:2] + struct.pack("!H", csum(body)) + body[4:]


def v3(records):
    recs = b""
    for rtype, group, srcs in records:
        recs += struct.pack("!BBH4s", rtype, 0, len(srcs), socket.inet_aton(group))
        recs += b"".join(socket.inet_aton(s) for s in srcs)
    body = struct.pack("!BBHHH", 0x22, 0, 0, 0, len(records)) + recs
    return body[:2] + struct.pack("!H", csum(body)) + body[4:]


def build(kind, group):
    """(destination, igmp payload)"""
    srcs = ["10.32.0.%d" % random.randint(2, 250) for _ in range(random.randint(1, 3))]
    if kind == "v1report":
        return group, igmp(0x12, 0, group)
    if kind == "v2report":
        return group, igmp(0x16, 0, group)
    if kind == "leave":
        return "224.0.0.2", igmp(0x17, 0, group)
    if kind == "query":
        return "224.0.0.1", igmp(0x11, 100, "0.0.0.0")
    if kind == "unknown":
        return "224.0.0.1", igmp(random.choice([0x13, 0x1e, 0x1f, 0x30, 0x40]), random.randint(0, 3), group)
    if kind == "short":
        return "224.0.0.22", igmp(0x16, 0, group)[: random.randint(1, 7)]
    if kind == "v3short":
        return "224.0.0.22", struct.pack("!BBHHH", 0x22, 0, 0, 0, 0)
    if kind == "v3report":
        return "224.0.0.22", v3([(random.choice([2, 4]), group, [])])
    if kind == "v3leave":
        return "224.0.0.22", v3([(3, group, [])])
    if kind == "v3block":
        return "224.0.0.22", v3([(6, group, srcs)])
    if kind == "v3unknown":
        return "224.0.0.22", v3([(random.choice([7, 9, 0x10, 0x21]), group, [])])
    if kind == "v3multi":
        g2 = "239.%d.%d.%d" % (random.randint(1, 3), random.randint(0, 9), random.randint(1, 250))
        return "224.0.0.22", v3([(1, group, srcs), (5, g2, srcs), (2, g2, [])])
    raise SystemExit("unknown kind " + kind)


def main():
    iface, src, kind, group = sys.argv[1:5]
    count = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    interval = float(sys.argv[6]) if len(sys.argv) > 6 else 0.3
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    for _ in range(count):
        dst, payload = build(kind, group)
        ra = bytes([0x94, 4, 0, 0])
        hdr = struct.pack("!BBHHHBBH4s4s", 0x46, 0xC0, 24 + len(payload), random.getrandbits(16), 0, 1, 2, 0,
                          socket.inet_aton(src), socket.inet_aton(dst)) + ra
        s.sendto(hdr + payload, (dst, 0))
        time.sleep(interval * random.uniform(0.5, 1.5))


if __name__ == "__main__":
    main()
