#!/usr/bin/env python3
"""DNS client for the dnsproxy workload: random queries, some malformed, from several loopback sources."""
import random, socket, sys, time

port, count = int(sys.argv[1]), int(sys.argv[2])
names = ["www", "mail", "db", "ns1", "git", "cache", "api", "vpn", "intranet", "printer"]
zones = ["example.org", "corp.test", "lab.internal", "r37h.test"]
socks = {}
for i in range(count):
    src = random.choices(["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.9"], [6, 2, 1, 1])[0]
    if src not in socks:
        so = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); so.bind((src, 0)); so.setblocking(False)
        socks[src] = so
    so = socks[src]
    if random.random() < 0.07:
        pkt = bytes(random.getrandbits(8) for _ in range(random.randint(0, 11)))
    else:
        qname = b"".join(bytes([len(p)]) + p.encode() for p in (random.choice(names) + "." + random.choice(zones)).split(".")) + b"\x00"
        flags = 0x0100 if random.random() < 0.6 else 0x0000
        pkt = random.getrandbits(16).to_bytes(2, "big") + flags.to_bytes(2, "big") + b"\x00\x01\x00\x00\x00\x00\x00\x00" + qname + random.choice([b"\x00\x01", b"\x00\x1c", b"\x00\x0f"]) + b"\x00\x01"
    so.sendto(pkt, ("127.0.0.1", port))
    for o in socks.values():
        try:
            while True:
                o.recv(4096)
        except BlockingIOError:
            pass
    time.sleep(random.expovariate(1 / 0.05))
