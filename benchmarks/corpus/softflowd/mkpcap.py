#!/usr/bin/env python3
"""Write a random Ethernet pcap file: IPv4/IPv6 TCP (SYN/FIN/RST), UDP, ICMP, VLAN-tagged frames,
fragments, ARP (non-IP) and truncated frames, timestamps spread over a few minutes."""
import random, struct, sys

out, n = sys.argv[1], int(sys.argv[2])
t0 = 1765000000 + random.randint(0, 10_000_000)

def csum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def mac(): return bytes([0x02] + [random.randint(0, 255) for _ in range(5)])
hosts4 = ["10.60.%d.%d" % (random.randint(0, 3), random.randint(1, 254)) for _ in range(14)]
hosts6 = ["fd60::%x" % random.randint(1, 0xffff) for _ in range(6)]
macs = [mac() for _ in range(6)]

def ip4(src, dst, proto, payload, frag=0):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), random.randint(0, 65535), frag, 64, proto, 0,
                    bytes(map(int, src.split("."))), bytes(map(int, dst.split("."))))
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload

def ip6(src, dst, nxt, payload, flow=0):
    import ipaddress
    return struct.pack("!IHBB", (6 << 28) | flow, len(payload), nxt, 64) + ipaddress.ip_address(src).packed \
        + ipaddress.ip_address(dst).packed + payload

def tcp(sp, dp, flags, data=b""):
    return struct.pack("!HHIIBBHHH", sp, dp, random.getrandbits(32), random.getrandbits(32), 0x50, flags, 65535, 0, 0) + data
def udp(sp, dp, data=b""):
    return struct.pack("!HHHH", sp, dp, 8 + len(data), 0) + data
def icmp(t, c, data=b""):
    return struct.pack("!BBHHH", t, c, 0, random.randint(0, 65535), random.randint(0, 100)) + data

def eth(payload, etype, vlan=None):
    h = random.choice(macs) + random.choice(macs)
    if vlan is not None:
        h += struct.pack("!HH", 0x8100, vlan)
    return h + struct.pack("!H", etype) + payload

conns = []
for _ in range(random.randint(10, 30)):
    a, b = random.sample(hosts4, 2)
    conns.append((a, b, random.choice(["tcp", "tcp", "udp", "udp", "icmp"]), random.randint(1024, 65000),
                  random.choice([22, 53, 80, 123, 443, 8080, 5353, 28999])))
pkts = []
t = float(t0)
for i in range(n):
    t += random.expovariate(4.0)
    r = random.random()
    vlan = random.choice([None, None, None, 10, 20]) if r < 0.9 else None
    if r < 0.6:
        a, b, kind, sp, dp = random.choice(conns)
        if random.random() < 0.5: a, b, sp, dp = b, a, dp, sp
        data = bytes(random.randint(0, 200))
        if kind == "tcp":
            flags = random.choices([0x02, 0x12, 0x10, 0x18, 0x11, 0x04, 0x14], [2, 2, 10, 10, 2, 1, 1])[0]
            frame = eth(ip4(a, b, 6, tcp(sp, dp, flags, data)), 0x0800, vlan)
        elif kind == "udp":
            frame = eth(ip4(a, b, 17, udp(sp, dp, data)), 0x0800, vlan)
        else:
            frame = eth(ip4(a, b, 1, icmp(random.choice([0, 8, 3, 11]), random.choice([0, 1, 3]), data)), 0x0800, vlan)
    elif r < 0.72:
        a, b = random.sample(hosts4, 2)
        frame = eth(ip4(a, b, 17, udp(random.randint(1024, 65000), random.randint(1, 65000), bytes(30))), 0x0800, vlan)
    elif r < 0.82:
        a, b = random.sample(hosts6, 2)
        if random.random() < 0.5:
            frame = eth(ip6(a, b, 58, icmp(random.choice([128, 129, 135, 136]), 0, bytes(16)), random.getrandbits(20)), 0x86dd, vlan)
        else:
            frame = eth(ip6(a, b, 17, udp(random.randint(1024, 65000), random.choice([53, 443, 546])), random.getrandbits(20)), 0x86dd, vlan)
    elif r < 0.87:
        a, b = random.sample(hosts4, 2)
        frame = eth(ip4(a, b, 17, udp(4000, 5000, bytes(64)), frag=random.choice([0x2000, 0x2000 | 185, 185])), 0x0800, vlan)
    elif r < 0.92:
        frame = eth(bytes(28), 0x0806)  # ARP
    elif r < 0.96:
        frame = eth(bytes([0x45, 0, 0]), 0x0800)  # truncated IPv4
    else:
        a, b = random.sample(hosts4, 2)
        frame = eth(ip4(a, b, random.choice([47, 50, 89, 132]), bytes(40)), 0x0800, vlan)
    pkts.append((t, frame))

with open(out, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for ts, fr in pkts:
        f.write(struct.pack("<IIII", int(ts), int((ts % 1) * 1e6), len(fr), len(fr)) + fr)
