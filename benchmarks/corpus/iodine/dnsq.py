#!/usr/bin/env python3
"""Fake DNS client: sends assorted queries (random, malformed, foreign domains) to iodined."""
import random, socket, struct, sys, time

server, topdomain, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
port = int(sys.argv[4]) if len(sys.argv) > 4 else 53
TYPES = {"A": 1, "NS": 2, "CNAME": 5, "NULL": 10, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33, "PRIVATE": 65399}
B32 = "abcdefghijklmnopqrstuvwxyz012345"

def qname(name):
    out = b""
    for label in name.strip(".").split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\0"

def query(name, qtype):
    qid = random.randint(1, 65535)
    pkt = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0) + qname(name) + struct.pack(">HH", qtype, 1)
    return pkt

def rnd(n, alphabet=B32):
    return "".join(random.choice(alphabet) for _ in range(n))

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(0.3)
kinds = ["ns", "a_ns", "www", "foreign", "badversion", "goodversion", "badlogin", "ip", "codec", "frag",
         "garbage", "raw", "zcheck", "data", "ping", "short", "opt", "downcheck"]
weights = [8, 5, 4, 10, 4, 2, 3, 3, 3, 3, 2, 2, 2, 3, 3, 2, 2, 2]
for _ in range(count):
    kind = random.choices(kinds, weights)[0]
    td = topdomain
    t = TYPES[random.choice(["NULL", "TXT", "CNAME", "MX", "A", "SRV", "PRIVATE"])]
    if kind == "ns":
        pkt = query(rnd(random.randint(1, 8), "abcdefghijklmnop") + "." + td, TYPES["NS"])
    elif kind == "a_ns":
        pkt = query("ns." + td, TYPES["A"])
    elif kind == "www":
        pkt = query("www." + td, TYPES["A"])
    elif kind == "foreign":
        pkt = query(random.choice(["www", "mail", "ftp", rnd(5)]) + "." + random.choice(["example.org", "example.net", "test.invalid"]),
                    TYPES[random.choice(["A", "AAAA", "MX", "TXT"])])
    elif kind == "badversion":
        pkt = query("v" + rnd(random.randint(4, 9)) + "." + td, t)
    elif kind == "goodversion":
        # protocol version 0x00000502 in base32 of 00 00 05 02 + cmc
        import base64
        v = base64.b32encode(bytes([0, 0, 5, 2, random.randint(0, 255)])).decode().lower().rstrip("=")
        pkt = query("v" + v + rnd(2) + "." + td, t)
    elif kind == "badlogin":
        pkt = query("l" + rnd(random.randint(30, 40)) + "." + td, t)
    elif kind == "ip":
        pkt = query("i" + rnd(5) + "." + td, t)
    elif kind == "codec":
        pkt = query("s" + rnd(random.randint(1, 4)) + "." + td, t)
    elif kind == "frag":
        pkt = query(random.choice("rn") + rnd(random.randint(3, 20)) + "." + td, t)
    elif kind == "zcheck":
        pkt = query("z" + rnd(random.randint(5, 40)) + "." + td, t)
    elif kind == "data":
        pkt = query(random.choice("0123456789abcdef") + rnd(random.randint(5, 60)) + "." + td, t)
    elif kind == "ping":
        pkt = query("p" + rnd(random.randint(6, 12)) + "." + td, t)
    elif kind == "short":
        pkt = query(random.choice("xqwz") + "." + td, t)
    elif kind == "opt":
        pkt = query("o" + rnd(random.randint(2, 5)) + "." + td, t)
    elif kind == "downcheck":
        pkt = query("y" + rnd(random.randint(5, 9)) + "." + td, t)
    elif kind == "raw":
        # iodine raw-mode header: 0x10d19e + cmd/user, with random payload
        pkt = bytes([0x10, 0xd1, 0x9e, random.choice([0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0xf0]) | random.randint(0, 15)]) \
            + bytes(random.randint(0, 255) for _ in range(random.randint(0, 40)))
    else:  # garbage
        pkt = bytes(random.randint(0x20, 0x7e) for _ in range(random.randint(1, 60)))
    sock.sendto(pkt, (server, port))
    try:
        sock.recvfrom(4096)
    except OSError:
        pass
    time.sleep(random.uniform(0.01, 0.15))
