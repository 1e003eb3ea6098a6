#!/usr/bin/env python3
"""Raw mDNS packets (good, odd, malformed): mdns.py IFACE_ADDR KIND."""
import random, socket, struct, sys
src, kind = sys.argv[1], sys.argv[2]
rnd = random.Random()
def name(n): return b"".join(bytes([len(p)]) + p.encode() for p in n.split(".")) + b"\0"
def rr(n, t, data, ttl=120, cls=0x8001): return name(n) + struct.pack("!HHIH", t, cls, ttl, len(data)) + data
host = rnd.choice(["r17host", "printer%d" % rnd.randint(1, 9), "nas-%d" % rnd.randint(10, 99), "cam%d" % rnd.randint(1, 20)])
sport, ttl = 5353, 255
if kind == "query":
    pkt = struct.pack("!6H", 0, 0, 1, 0, 0, 0) + name(rnd.choice(["_http._tcp.local", "_ipp._tcp.local", host + ".local"])) + struct.pack("!HH", 12, 1)
elif kind == "legacy":
    sport = rnd.randint(20000, 60000)
    pkt = struct.pack("!6H", rnd.randint(1, 65535), 0, 1, 0, 0, 0) + name(rnd.choice(["r17host.local", "r17b.local", host + ".local"])) + struct.pack("!HH", 1, 1)
elif kind == "response":
    pkt = struct.pack("!6H", 0, 0x8400, 0, 1, 0, 0) + rr(host + ".local", 1, socket.inet_aton("192.0.2.%d" % rnd.randint(100, 200)), ttl=rnd.choice([120, 4500, 0]))
elif kind == "conflict":
    pkt = struct.pack("!6H", 0, 0x8400, 0, 1, 0, 0) + rr("r17host.local", 1, socket.inet_aton("192.0.2.%d" % rnd.randint(100, 200)))
elif kind == "badport":
    sport = rnd.randint(1024, 4000)
    pkt = struct.pack("!6H", 0, 0x8400, 0, 1, 0, 0) + rr(host + ".local", 1, socket.inet_aton("192.0.2.77"))
elif kind == "badttl":
    ttl = rnd.choice([1, 2, 64, 128])
    pkt = struct.pack("!6H", 0, 0x8400, 0, 1, 0, 0) + rr(host + ".local", 1, socket.inet_aton("192.0.2.78"))
elif kind == "garbage":
    pkt = bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 11)))
elif kind == "truncated":
    pkt = struct.pack("!6H", 0, rnd.choice([0, 0x8400]), 1, rnd.randint(1, 3), 0, 0) + name(host + ".local")[:rnd.randint(1, 6)]
elif kind == "badflags":
    pkt = struct.pack("!6H", 0, 0x8400 | rnd.choice([0x0f, 0x7800]), 0, 1, 0, 0) + rr(host + ".local", 1, socket.inet_aton("192.0.2.79"))
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
except OSError: pass
s.bind((src, sport))
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, ttl)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(src))
s.sendto(pkt, ("224.0.0.251", 5353))
if kind == "legacy":
    s.settimeout(1)
    try: s.recv(2000)
    except OSError: pass
