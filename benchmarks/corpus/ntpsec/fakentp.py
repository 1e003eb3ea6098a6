#!/usr/bin/env python3
"""Fake NTP servers on 10.123.0.2-10.123.0.9 port 123 (inside the namespace) (called by workload.sh).
Each address has a behaviour: good, offset, KoD RATE/DENY, unsynchronised, silent, garbage, flaky.
Behaviours are reshuffled now and then. usage: fakentp.py DURATION"""
import random, select, socket, struct, sys, time
R = random.Random()
END = time.time() + float(sys.argv[1])
EPOCH = 2208988800
ADDRS = ["10.123.0.%d" % i for i in range(2, 10)]
KINDS = ["good", "good", "good", "offset", "bigoffset", "kod_rate", "kod_deny", "unsync", "silent", "garbage", "flaky", "stratum2"]
socks = {}
for a in ADDRS:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((a, 123))
    socks[s] = a
beh = {a: R.choice(KINDS) for a in ADDRS}
offs = {a: R.uniform(-0.05, 0.05) for a in ADDRS}
def ts(t):
    t += EPOCH
    return struct.pack("!II", int(t), int((t % 1) * 2**32))
nextshuffle = time.time() + R.uniform(6, 20)
while time.time() < END:
    if time.time() > nextshuffle:
        for a in R.sample(ADDRS, R.randint(1, 3)):
            beh[a] = R.choice(KINDS); offs[a] = R.uniform(-0.05, 0.05)
        nextshuffle = time.time() + R.uniform(6, 20)
    r, _, _ = select.select(list(socks), [], [], 1)
    for s in r:
        data, peer = s.recvfrom(2048)
        a = socks[s]
        k = beh[a]
        if len(data) < 48:
            continue
        vn = (data[0] >> 3) & 7
        mode = data[0] & 7
        if mode != 3 or k == "silent" or (k == "flaky" and R.random() < 0.5):
            continue
        if k == "garbage":
            s.sendto(bytes(R.randint(0, 255) for _ in range(R.choice([12, 48, 60]))), peer); continue
        now = time.time()
        off = {"offset": offs[a] * 20, "bigoffset": R.choice([-1, 1]) * R.uniform(2000, 90000)}.get(k, offs[a])
        li, stratum, refid = 0, R.choice([1, 2]) if k != "stratum2" else 2, b"GPS\0"
        if k == "stratum2":
            refid = socket.inet_aton("10.123.0.%d" % R.randint(2, 9))
        if k in ("kod_rate", "kod_deny"):
            li, stratum, refid = 3, 0, b"RATE" if k == "kod_rate" else b"DENY"
        if k == "unsync":
            li, stratum = 3, 16
        hdr = struct.pack("!BBbb", (li << 6) | (vn << 3) | 4, stratum, data[2], -20)
        pkt = hdr + struct.pack("!II", R.randint(10, 900), R.randint(10, 900)) + refid
        pkt += ts(now + off - R.uniform(1, 60)) + data[40:48] + ts(now + off) + ts(time.time() + off)
        s.sendto(pkt, peer)
