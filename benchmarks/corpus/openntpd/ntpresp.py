#!/usr/bin/env python3
"""Scripted NTP servers for the openntpd workload (run inside a private network namespace).
Usage: ntpresp.py FIRST LAST  -- answers on 127.0.0.FIRST..127.0.0.LAST port 123.
Address groups: most are good servers (small random offset), others: offset (+0.2..2s),
kod, alarm (LI=3), stratum 16, negative delay, malformed (short) replies, wrong origin, mixed."""
import random, select, socket, struct, sys, time

JAN_1970 = 2208988800
first, last = int(sys.argv[1]), int(sys.argv[2])
socks = {}
for n in range(first, last + 1):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.%d" % n, 123))
    socks[s] = n
base_off = {n: random.uniform(-0.02, 0.02) for n in socks.values()}

def ts(t):
    t += JAN_1970
    return struct.pack("!II", int(t), int((t % 1) * 2**32))

def kind(n):
    if n % 10 == 1: return "offset"
    if n % 10 == 3: return random.choice(["kod", "good", "good"])
    if n % 10 == 5: return random.choice(["alarm", "stratum", "good", "good"])
    if n % 10 == 7: return random.choice(["negdelay", "malformed", "wrongorg", "good", "good", "good"])
    if n % 10 == 9: return random.choice(["silent", "good", "good"])
    return "good"

while True:
    r, _, _ = select.select(list(socks), [], [])
    for s in r:
        n = socks[s]
        data, peer = s.recvfrom(1024)
        if len(data) < 48:
            continue
        k = kind(n)
        org = data[40:48]
        now = time.time() + base_off[n]
        li, stratum, refid = 0, random.choice([1, 2, 3]), b"GPS\x00"
        rec, xmt = now, now + 0.0002
        if k == "silent":
            continue
        if k == "offset":
            rec += 0.2 + (n % 7) * 0.3; xmt = rec + 0.0002
        elif k == "kod":
            stratum, refid = 0, random.choice([b"RATE", b"DENY", b"RSTR"])
        elif k == "alarm":
            li = 3
        elif k == "stratum":
            stratum = 16
        elif k == "negdelay":
            xmt = rec + 0.5
        elif k == "malformed":
            s.sendto(bytes(random.randrange(256) for _ in range(random.randint(1, 40))), peer)
            continue
        elif k == "wrongorg":
            org = bytes(8)
        hdr = struct.pack("!BBbb", (li << 6) | (4 << 3) | 4, stratum, 6, -20)
        pkt = hdr + struct.pack("!II", 0x100, 0x200) + refid + ts(now - 16) + org + ts(rec) + ts(xmt)
        s.sendto(pkt, peer)
