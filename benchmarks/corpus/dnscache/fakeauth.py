#!/usr/bin/env python3
"""Minimal fake authoritative DNS servers for the dnscache workload (no logging)."""
import random, selectors, socket, struct, sys

ROOT, TEST, LAME, SLOW = "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.6"

def enc(name):
    out = b""
    for p in name.rstrip(".").split("."):
        if p:
            out += bytes([len(p)]) + p.encode()
    return out + b"\0"

def rr(name, typ, ttl, rdata):
    return enc(name) + struct.pack(">HHIH", typ, 1, ttl, len(rdata)) + rdata

def parse(pkt):
    qid, flags, qd = struct.unpack(">HHH", pkt[:6])
    pos, labels = 12, []
    while pkt[pos]:
        n = pkt[pos]; labels.append(pkt[pos + 1:pos + 1 + n].decode("ascii", "replace")); pos += n + 1
    qtype, = struct.unpack(">H", pkt[pos + 1:pos + 3])
    return qid, ".".join(labels).lower(), qtype, pkt[12:pos + 5]

def soa(zone, ttl):
    return rr(zone, 6, ttl, enc("ns1." + zone) + enc("hostmaster." + zone)
              + struct.pack(">IIIII", random.randint(1, 99999), 3600, 600, 86400, random.choice([30, 60, 300])))

def reply(qid, q, rcode=0, an=(), ns=(), ar=(), aa=True):
    flags = 0x8000 | (0x400 if aa else 0) | rcode
    return struct.pack(">HHHHHH", qid, flags, 1, len(an), len(ns), len(ar)) + q + b"".join(an) + b"".join(ns) + b"".join(ar)

def ttl():
    return random.choice([0, 1, 5, 30, 60, 300, 3600])

def answer(addr, pkt):
    qid, name, qtype, q = parse(pkt)
    tld = name.rsplit(".", 1)[-1] if name else ""
    if addr == SLOW:
        return None
    if addr == LAME:
        return reply(qid, q, ns=[rr("", 2, 300, enc("a.root-servers.net"))], aa=False)
    if addr == ROOT:
        if tld in ("test", "arpa"):
            zone = "test" if tld == "test" else "in-addr.arpa"
            return reply(qid, q, ns=[rr(zone, 2, 600, enc("ns1.test"))], ar=[rr("ns1.test", 1, 600, socket.inet_aton(TEST))], aa=False)
        if tld == "glue":
            return reply(qid, q, ns=[rr("glue", 2, 600, enc("ns.other.test"))], aa=False)
        if tld == "lame":
            return reply(qid, q, ns=[rr("lame", 2, 600, enc("ns.lame"))], ar=[rr("ns.lame", 1, 600, socket.inet_aton(LAME))], aa=False)
        if tld == "slow":
            return reply(qid, q, ns=[rr("slow", 2, 600, enc("ns.slow"))], ar=[rr("ns.slow", 1, 600, socket.inet_aton(SLOW))], aa=False)
        if tld == "dead":
            return reply(qid, q, ns=[rr("dead", 2, 600, enc("ns.dead"))], ar=[rr("ns.dead", 1, 600, socket.inet_aton("127.0.0.5"))], aa=False)
        if name == "" and qtype == 2:
            return reply(qid, q, an=[rr("", 2, 3600, enc("a.root-servers.net"))])
        return reply(qid, q, rcode=3, ns=[soa("", ttl())])
    # TEST: authoritative for test., glue. and in-addr.arpa.
    zone = "test" if tld == "test" else ("glue" if tld == "glue" else "in-addr.arpa")
    first = name.split(".")[0]
    if first.startswith("nx"):
        return reply(qid, q, rcode=3, ns=[soa(zone, ttl())])
    if first.startswith("refused"):
        return reply(qid, q, rcode=5)
    if first.startswith("servfail"):
        return reply(qid, q, rcode=2)
    if first.startswith("bad"):
        return pkt[:random.randint(2, 11)]
    if first.startswith("cname"):
        target = "host%d.%s" % (random.randint(1, 9), zone)
        an = [rr(name, 5, ttl(), enc(target))]
        if random.random() < 0.5:
            an.append(rr(target, 1, ttl(), socket.inet_aton("10.9.0.%d" % random.randint(1, 250))))
        return reply(qid, q, an=an)
    if qtype == 1 and name in ("ns.other.test", "ns1.test"):
        return reply(qid, q, an=[rr(name, 1, 600, socket.inet_aton(TEST))])
    if qtype == 1 and (name.count(".") >= 1):
        an = [rr(name, 1, ttl(), socket.inet_aton("10.9.%d.%d" % (random.randint(0, 9), random.randint(1, 250)))) for _ in range(random.randint(1, 3))]
        return reply(qid, q, an=an)
    if qtype == 2:
        return reply(qid, q, an=[rr(name, 2, ttl(), enc("ns1." + zone)), rr(name, 2, ttl(), enc("ns2." + zone))])
    if qtype == 15:
        return reply(qid, q, an=[rr(name, 15, ttl(), struct.pack(">H", random.choice([5, 10, 20])) + enc("mail." + zone))])
    if qtype == 12:
        return reply(qid, q, an=[rr(name, 12, ttl(), enc("host%d.test" % random.randint(1, 50)))])
    if qtype == 6:
        return reply(qid, q, an=[soa(zone, ttl())])
    if qtype == 16:
        txt = b"v=test " + str(random.randint(1, 10**9)).encode() * random.randint(1, 6)
        return reply(qid, q, an=[rr(name, 16, ttl(), bytes([len(txt)]) + txt)])
    return reply(qid, q, ns=[soa(zone, ttl())])  # nodata

def main():
    sel = selectors.DefaultSelector()
    for a in (ROOT, TEST, LAME, SLOW):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind((a, 53))
        sel.register(s, selectors.EVENT_READ, a)
    while True:
        for key, _ in sel.select():
            pkt, peer = key.fileobj.recvfrom(4096)
            try:
                out = answer(key.data, pkt)
            except Exception:
                out = None
            if out is not None:
                key.fileobj.sendto(out, peer)

main()
