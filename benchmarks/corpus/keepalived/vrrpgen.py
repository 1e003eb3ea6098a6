#!/usr/bin/python3
"""Send odd VRRP packets onto the r11k segment (run inside the r11k_srv namespace).
usage: vrrpgen.py KIND [COUNT]"""
import os, random, socket, struct, sys

kind = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1
SRC = "10.211.0.21"

def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def v2(vrid, prio, ips, auth_type=1, pw=b"s3cret", adv=1, ver=2, typ=1, bad_sum=False):
    body = struct.pack("!BBBBBBH", (ver << 4) | typ, vrid, prio, len(ips), auth_type, adv, 0)
    body += b"".join(socket.inet_aton(i) for i in ips) + pw.ljust(8, b"\0")[:8]
    c = csum(body)
    if bad_sum:
        c ^= 0x5a5a
    return body[:6] + struct.pack("!H", c) + body[8:]

def v3(vrid, prio, ips, src, dst, adv_cs=100):
    body = struct.pack("!BBBBHH", 0x31, vrid, prio, len(ips), adv_cs & 0xfff, 0)
    body += b"".join(socket.inet_aton(i) for i in ips)
    pseudo = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, 112, len(body))
    c = csum(pseudo + body)
    return body[:6] + struct.pack("!H", c) + body[8:]

s = socket.socket(socket.AF_INET, socket.SOCK_RAW, 112)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(SRC))
ttl = 64 if kind == "ttl" else 255
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, ttl)
s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
dst = "224.0.0.18"
for _ in range(count):
    if kind == "unknown":
        pkt = v2(random.choice([7, 19, 60, 77, 88, 200]), random.randint(1, 254), ["10.211.0.%d" % random.randint(150, 199)], auth_type=0, pw=b"")
    elif kind == "badpass":
        pkt = v2(51, random.randint(1, 200), ["10.211.0.100"], pw=random.choice([b"letmein", b"S3CRET", b"secret%d" % random.randint(0, 99)]))
    elif kind == "noauth":
        pkt = v2(51, random.randint(1, 200), ["10.211.0.100"], auth_type=0, pw=b"")
    elif kind == "badsum":
        pkt = v2(51, random.randint(1, 200), ["10.211.0.100"], bad_sum=True)
    elif kind == "ttl":
        pkt = v2(51, random.randint(1, 200), ["10.211.0.100"])
    elif kind == "short":
        pkt = os.urandom(random.randint(2, 7))
    elif kind == "version":
        pkt = v2(51, 100, ["10.211.0.100"], ver=random.choice([1, 4, 5]))
    elif kind == "type":
        pkt = v2(51, 100, ["10.211.0.100"], typ=random.choice([2, 3, 7]))
    elif kind == "advint":
        pkt = v2(51, random.randint(1, 100), ["10.211.0.100"], adv=random.choice([2, 3, 5]))
    elif kind == "addrs":
        pkt = v2(51, random.randint(1, 100), random.choice([["10.211.0.100", "10.211.0.%d" % random.randint(101, 120)], ["10.211.0.%d" % random.randint(101, 120)]]))
    elif kind == "high":
        pkt = v2(51, 254, ["10.211.0.100"])
    elif kind == "v3uni":
        d = random.choice(["10.211.0.11", "10.211.0.12"])
        pkt = v3(52, random.randint(1, 254), ["10.211.0.101"], SRC, d)
        s.sendto(pkt, (d, 0))
        continue
    else:
        raise SystemExit("unknown kind")
    s.sendto(pkt, (dst, 0))
