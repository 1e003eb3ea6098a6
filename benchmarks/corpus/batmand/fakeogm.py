# sends hand-made B.A.T.M.A.N. OGMs (and junk) to a broadcast address; no output
import random, socket, struct, sys, time
bcast, count = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
s.bind(("0.0.0.0", random.randint(55000, 55099)))
ip = lambda a: struct.unpack("!I", socket.inet_aton(a))[0]
me = socket.inet_ntoa(struct.pack("!I", ip(bcast) - 254))  # x.y.z.1
seq = random.randint(1, 60000)
for _ in range(count):
    kind = random.choice(["badver", "tq0", "hna", "badhna", "foreign", "short", "ttl1", "gw"])
    seq = (seq + 1) & 0xFFFF
    ver, flags, ttl, gw, tq, orig, prev, hna = 5, 0, 50, 0, 255, me, me, b""
    if kind == "badver": ver = random.choice([3, 4, 6, 17])
    elif kind == "tq0": tq = 0; orig = "10.66.%d.%d" % (random.randint(0, 9), random.randint(1, 250))
    elif kind == "hna": hna = b"".join(socket.inet_aton("10.88.%d.0" % random.randint(0, 200)) + bytes([24]) for _ in range(random.randint(1, 3)))
    elif kind == "badhna": hna = socket.inet_aton("10.89.0.0") + bytes([random.choice([0, 33, 40])])
    elif kind == "foreign": orig = "10.66.%d.%d" % (random.randint(0, 9), random.randint(1, 250)); prev = orig
    elif kind == "ttl1": ttl = 1; flags = 0x40
    elif kind == "gw": gw = random.choice([1, 33, 65, 97])
    if kind == "short":
        pkt = bytes(random.randint(1, 15))
    else:
        pkt = struct.pack("!BBBBHHIIBB", ver, flags, ttl, gw, seq, 4306, ip(orig), ip(prev), tq, len(hna) // 5) + hna
    s.sendto(pkt, (bcast, 4305))
    time.sleep(random.uniform(0.05, 0.6))
