#!/usr/bin/env python3
"""Send IPv6 router advertisements carrying RDNSS and DNSSL options (RFC 8106).
Usage: ra_send.py IFACE COUNT [GAP_SECONDS]  (servers, domains and lifetimes drawn at random)"""
import random, socket, struct, sys, time

def rdnss(addrs, lifetime):
    body = struct.pack("!HI", 0, lifetime) + b"".join(socket.inet_pton(socket.AF_INET6, a) for a in addrs)
    return struct.pack("!BB", 25, 1 + 2 * len(addrs)) + body

def dnssl(domains, lifetime):
    names = b"".join(b"".join(bytes([len(l)]) + l.encode() for l in d.split(".")) + b"\0" for d in domains)
    body = struct.pack("!HI", 0, lifetime) + names
    body += b"\0" * ((-(len(body) + 2)) % 8)
    return struct.pack("!BB", 31, (len(body) + 2) // 8) + body

iface, count = sys.argv[1], int(sys.argv[2])
gap = float(sys.argv[3]) if len(sys.argv) > 3 else 0.01
s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, 255)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_LOOP, 0)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, socket.if_nametoindex(iface))
pool = ["2001:db8::53", "2001:db8:1::1", "2001:db8:2::35", "fe80::1", "fd00:42::10", "2001:db8:ffff::2"]
domains = ["example.com", "lab.example.org", "corp.example.net", "a.b.example", "test.invalid"]
for i in range(count):
    opts = b""
    kind = random.random()
    if kind < 0.75:
        opts += rdnss(random.sample(pool, random.choice([1, 1, 2, 3])), random.choice([0, 2, 5, 30, 600, 3600, 0xffffffff]))
    if kind > 0.5:
        opts += dnssl(random.sample(domains, random.choice([1, 2])), random.choice([0, 3, 60, 1800]))
    ra = struct.pack("!BBHBBHII", 134, 0, 0, 64, 0, 0, 0, 0) + opts
    s.sendto(ra, ("ff02::1", 0, 0, socket.if_nametoindex(iface)))
    time.sleep(gap * random.uniform(0.2, 2.0))
