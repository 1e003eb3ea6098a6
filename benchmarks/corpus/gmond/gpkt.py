#!/usr/bin/env python3
"""Raw Ganglia (XDR) and sFlow v5 datagram sender used by workload.sh.
usage: gpkt.py PORT KIND [args...]   (all traffic to 127.0.0.1, optional source address via SRC env)"""
import os, random, socket, struct, sys

def xs(s):
    b = s.encode() if isinstance(s, str) else s
    return struct.pack(">I", len(b)) + b + b"\0" * ((4 - len(b) % 4) % 4)

def u32(v):
    return struct.pack(">I", v & 0xffffffff)

def mid(host, name, spoof):
    return xs(host) + xs(name) + u32(1 if spoof else 0)

def metadata(host, name, spoof, typ="int32", units="req", tmax=60, dmax=0, extra=()):
    body = xs(typ) + xs(name) + xs(units) + u32(3) + u32(tmax) + u32(dmax)
    body += u32(len(extra)) + b"".join(xs(k) + xs(v) for k, v in extra)
    return u32(128) + mid(host, name, spoof) + body

def value(host, name, spoof, kind, v):
    if kind == "string":
        return u32(133) + mid(host, name, spoof) + xs("%s") + xs(v)
    if kind == "int32":
        return u32(131) + mid(host, name, spoof) + xs("%d") + struct.pack(">i", int(v))
    if kind == "uint32":
        return u32(132) + mid(host, name, spoof) + xs("%u") + u32(int(v))
    if kind == "float":
        return u32(134) + mid(host, name, spoof) + xs("%f") + struct.pack(">f", float(v))
    if kind == "double":
        return u32(135) + mid(host, name, spoof) + xs("%f") + struct.pack(">d", float(v))
    raise SystemExit("bad kind")

def request(host, name, spoof):
    return u32(136) + mid(host, name, spoof)

def sflow(agent_ip, seq, cs_seq, hostname, version=5, addrtype=1, truncate_sample=False):
    hid = xs(hostname) + os.urandom(16) + u32(3) + u32(2) + xs("6.1.0")
    mem = b"".join(struct.pack(">Q", random.randint(1 << 20, 1 << 33)) for _ in range(9)) + u32(10) + u32(20) + u32(30) + u32(40)
    elems = u32(2000) + u32(len(hid)) + hid + u32(2004) + u32(len(mem)) + mem
    sample = u32(cs_seq) + u32((2 << 24) | 1) + u32(2) + elems
    samples = u32(2) + u32(len(sample) + (400 if truncate_sample else 0)) + sample
    hdr = u32(version) + u32(addrtype) + socket.inet_aton(agent_ip) + u32(0) + u32(seq) + u32(123456) + u32(1)
    return hdr + samples

def main():
    port = int(sys.argv[1]); kind = sys.argv[2]; a = sys.argv[3:]
    pkts = []
    if kind == "meta":            # ip:host name type
        pkts.append(metadata(a[0], a[1], True, a[2], extra=[("GROUP", "round27"), ("TITLE", a[1])]))
    elif kind == "value":         # ip:host name type value
        pkts.append(value(a[0], a[1], True, a[2], a[3]))
    elif kind == "pair":          # metadata then value
        pkts.append(metadata(a[0], a[1], True, a[2], dmax=int(a[4]) if len(a) > 4 else 0))
        pkts.append(value(a[0], a[1], True, a[2], a[3]))
    elif kind == "request":       # metadata request for a metric of a host
        pkts.append(request(a[0], a[1], True))
    elif kind == "nospoof":       # value message with spoof flag but no colon in host
        pkts.append(value(a[0], a[1], True, "int32", 7))
    elif kind == "location":
        pkts.append(value(a[0], "location", True, "string", a[1]))
    elif kind == "heartbeat":
        pkts.append(value(a[0], "heartbeat", True, "uint32", a[1]))
    elif kind == "garbage":
        pkts.append(os.urandom(random.randint(4, 300)))
    elif kind == "unknownid":
        pkts.append(u32(random.choice([1, 7, 127, 200, 999])) + os.urandom(40))
    elif kind == "truncated":
        full = metadata(a[0], a[1], True, "double", extra=[("GROUP", "round27")])
        pkts.append(full[:random.randint(8, len(full) - 8)])
    elif kind == "empty":
        pkts.append(b"")
    elif kind == "sflow":         # agent_ip seq cs_seq hostname
        pkts.append(sflow(a[0], int(a[1]), int(a[2]), a[3]))
    elif kind == "sflow-short":
        pkts.append(os.urandom(random.randint(1, 20)))
    elif kind == "sflow-v4":
        pkts.append(sflow("127.0.0.60", 1, 1, "x", version=4))
    elif kind == "sflow-addr":
        pkts.append(sflow("127.0.0.61", 1, 1, "x", addrtype=9))
    elif kind == "sflow-trunc":
        pkts.append(sflow("127.0.0.62", 1, 1, "x", truncate_sample=True))
    else:
        raise SystemExit("unknown kind " + kind)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    if os.environ.get("SRC"):
        s.bind((os.environ["SRC"], 0))
    for p in pkts:
        s.sendto(p, ("127.0.0.1", port))
    s.close()

main()
