#!/usr/bin/env python3
"""Scripted BGP speaker for the openbgpd workload: connects from a 127.x source
address to bgpd and plays one scenario (normal session, or a broken one)."""
import random
import socket
import struct
import sys
import time

MARK = b"\xff" * 16


def msg(mtype, body):
    return MARK + struct.pack("!HB", 19 + len(body), mtype) + body


def cap(code, val=b""):
    return struct.pack("!BB", code, len(val)) + val


def open_msg(asn, bgpid, hold=90, caps=None, version=4, short_as=None):
    if caps is None:
        caps = [cap(1, struct.pack("!HBB", 1, 0, 1)), cap(2), cap(65, struct.pack("!I", asn))]
        if random.random() < 0.5:
            caps.append(cap(64, struct.pack("!H", 120) + struct.pack("!HBB", 1, 1, 0x80)))
        if random.random() < 0.3:
            caps.append(cap(69, struct.pack("!HBB", 1, 1, 3)))
        if random.random() < 0.3:
            caps.append(cap(70))
    params = b"".join(struct.pack("!BB", 2, len(c)) + c for c in caps)
    sa = short_as if short_as is not None else (asn if asn < 65536 else 23456)
    body = struct.pack("!BHH4sB", version, sa, hold, socket.inet_aton(bgpid), len(params)) + params
    return msg(1, body)


def prefix_bytes(pfx):
    net, ln = pfx.split("/")
    ln = int(ln)
    nb = (ln + 7) // 8
    return bytes([ln]) + socket.inet_aton(net)[:nb]


def attr(flags, code, val):
    if len(val) > 255:
        return struct.pack("!BBH", flags | 0x10, code, len(val)) + val
    return struct.pack("!BBB", flags, code, len(val)) + val


def update(withdrawn=(), nlri=(), asn=65010, nh="127.0.0.9", aspath=None, extra=b"",
           origin=0, med=None, comms=None):
    wd = b"".join(prefix_bytes(p) for p in withdrawn)
    attrs = b""
    if nlri:
        path = aspath if aspath is not None else [asn]
        attrs += attr(0x40, 1, bytes([origin]))
        attrs += attr(0x40, 2, (struct.pack("!BB", 2, len(path)) + b"".join(struct.pack("!I", a) for a in path)) if path else b"")
        attrs += attr(0x40, 3, socket.inet_aton(nh))
        if med is not None:
            attrs += attr(0x80, 4, struct.pack("!I", med))
        if comms:
            attrs += attr(0xC0, 8, b"".join(struct.pack("!HH", a, b) for a, b in comms))
        attrs += extra
    nl = b"".join(prefix_bytes(p) for p in nlri)
    return msg(2, struct.pack("!H", len(wd)) + wd + struct.pack("!H", len(attrs)) + attrs + nl)


KEEPALIVE = msg(4, b"")


def notification(code, sub, data=b""):
    return msg(3, struct.pack("!BB", code, sub) + data)


def rand_prefixes(n, base):
    out = set()
    while len(out) < n:
        a, b = random.randint(0, 255), random.randint(0, 255)
        out.add(random.choice([f"{base}.{a}.{b}.0/24", f"{base}.{a}.0.0/16", f"{base}.{a}.{b & 0xf0}.0/20"]))
    return sorted(out)


def read_msgs(s, timeout=1.0):
    s.settimeout(timeout)
    data = b""
    try:
        while True:
            d = s.recv(65535)
            if not d:
                break
            data += d
            if len(data) > 200000:
                break
    except (socket.timeout, ConnectionResetError, OSError):
        pass
    return data


def connect(src, dport):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((src, 0))
    s.settimeout(5)
    s.connect(("127.0.0.1", dport))
    return s


def establish(s, asn, bgpid, hold=90, caps=None):
    s.sendall(open_msg(asn, bgpid, hold, caps))
    read_msgs(s, 0.8)
    s.sendall(KEEPALIVE)
    read_msgs(s, 0.8)


def main():
    src, dport, asn, scen = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    bgpid = src
    try:
        s = connect(src, dport)
    except OSError as e:
        print("connect failed", e)
        return
    try:
        run(s, src, asn, bgpid, scen)
    except OSError as e:
        print("io error", e)
    finally:
        s.close()


def run(s, src, asn, bgpid, scen):
    base = random.choice([10, 172, 100, 198, 44])
    if scen == "normal":
        establish(s, asn, bgpid)
        pfx = rand_prefixes(random.randint(3, 12), base)
        for i in range(0, len(pfx), 3):
            s.sendall(update(nlri=pfx[i:i + 3], asn=asn, nh=src, med=random.choice([None, 10, 50]),
                             comms=random.choice([None, [(asn, 100)], [(65535, 65281)]]),
                             aspath=[asn] + random.sample([64512, 64513, 3356, 174, 6939], random.randint(0, 2))))
            time.sleep(random.uniform(0.05, 0.3))
        s.sendall(KEEPALIVE)
        if random.random() < 0.5:
            s.sendall(msg(5, struct.pack("!HBB", 1, 0, 1)))  # route refresh
        read_msgs(s, random.uniform(0.5, 2))
        s.sendall(update(withdrawn=random.sample(pfx, max(1, len(pfx) // 2))))
        read_msgs(s, 0.5)
        end = random.choice(["cease", "close", "cease_admin", "keepgoing"])
        if end == "cease":
            s.sendall(notification(6, 2))
        elif end == "cease_admin":
            s.sendall(notification(6, 4, b"\x0bmaintenance"))
        elif end == "keepgoing":
            for _ in range(random.randint(1, 3)):
                time.sleep(1)
                s.sendall(KEEPALIVE)
            s.sendall(notification(6, random.choice([1, 3, 5, 6, 7, 8, 9])))
        read_msgs(s, 0.3)
    elif scen == "wrong_as":
        s.sendall(open_msg(asn + 7, bgpid))
        read_msgs(s, 1)
    elif scen == "bad_version":
        s.sendall(open_msg(asn, bgpid, version=random.choice([3, 5])))
        read_msgs(s, 1)
    elif scen == "zero_as":
        s.sendall(open_msg(asn, bgpid, short_as=0, caps=[]))
        read_msgs(s, 1)
    elif scen == "bad_hold":
        s.sendall(open_msg(asn, bgpid, hold=random.choice([1, 2])))
        read_msgs(s, 1)
    elif scen == "zero_id":
        s.sendall(open_msg(asn, "0.0.0.0"))
        read_msgs(s, 1)
    elif scen == "same_id":
        s.sendall(open_msg(asn, "127.0.0.1"))
        read_msgs(s, 1)
    elif scen == "garbage":
        s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(19, 80))))
        read_msgs(s, 1)
    elif scen == "bad_len":
        s.sendall(MARK + struct.pack("!HB", random.choice([5, 9000]), 1) + b"\x00" * 10)
        read_msgs(s, 1)
    elif scen == "short_open":
        s.sendall(MARK + struct.pack("!HB", 21, 1) + b"\x04\x00")
        read_msgs(s, 1)
    elif scen == "bad_type":
        establish(s, asn, bgpid)
        s.sendall(msg(random.choice([7, 9, 42]), b"\x00\x01"))
        read_msgs(s, 1)
    elif scen == "bad_keepalive":
        establish(s, asn, bgpid)
        s.sendall(msg(4, b"\x00\x00"))
        read_msgs(s, 1)
    elif scen == "open_twice":
        establish(s, asn, bgpid)
        s.sendall(open_msg(asn, bgpid))
        read_msgs(s, 1)
    elif scen == "update_early":
        s.sendall(open_msg(asn, bgpid))
        read_msgs(s, 0.5)
        s.sendall(update(nlri=["10.99.0.0/16"], asn=asn, nh=src))
        read_msgs(s, 1)
    elif scen == "bad_update":
        establish(s, asn, bgpid)
        kind = random.choice(["aspath_loop", "bad_nexthop", "missing_attr", "bad_origin",
                              "bad_prefix", "bad_attrlen", "first_as", "unknown_wellknown"])
        pfx = rand_prefixes(2, base)
        if kind == "aspath_loop":
            s.sendall(update(nlri=pfx, asn=asn, nh=src, aspath=[asn, 65001, 3356]))
        elif kind == "bad_nexthop":
            s.sendall(update(nlri=pfx, asn=asn, nh="0.0.0.0"))
        elif kind == "first_as":
            s.sendall(update(nlri=pfx, asn=asn, nh=src, aspath=[64999, 3356]))
        elif kind == "missing_attr":
            nl = b"".join(prefix_bytes(p) for p in pfx)
            attrs = attr(0x40, 1, b"\x00")
            s.sendall(msg(2, struct.pack("!H", 0) + struct.pack("!H", len(attrs)) + attrs + nl))
        elif kind == "bad_origin":
            s.sendall(update(nlri=pfx, asn=asn, nh=src, origin=7))
        elif kind == "bad_prefix":
            body = struct.pack("!H", 0) + struct.pack("!H", 0)
            s.sendall(msg(2, struct.pack("!H", 2) + b"\x21\x0a" + struct.pack("!H", 0)))
        elif kind == "bad_attrlen":
            s.sendall(msg(2, struct.pack("!H", 0) + struct.pack("!H", 200) + b"\x40\x01\x01\x00"))
        elif kind == "unknown_wellknown":
            s.sendall(update(nlri=pfx, asn=asn, nh=src, extra=attr(0x40, 99, b"\x01\x02")))
        read_msgs(s, 1.5)
    elif scen == "bad_refresh":
        establish(s, asn, bgpid)
        s.sendall(msg(5, struct.pack("!HBB", random.choice([1, 2, 7]), random.choice([0, 2, 5]), random.choice([1, 2, 128]))))
        read_msgs(s, 1)
        s.sendall(notification(6, 2))
        read_msgs(s, 0.3)
    elif scen == "bad_notification":
        establish(s, asn, bgpid)
        code, sub = random.choice([(1, 2), (2, 7), (3, 1), (3, 11), (4, 0), (5, 2), (6, 12), (6, 99), (9, 1), (7, 2), (0, 0)])
        s.sendall(notification(code, sub))
        read_msgs(s, 0.5)
    elif scen == "hold_expire":
        s.sendall(open_msg(asn, bgpid, hold=3))
        read_msgs(s, 0.5)
        s.sendall(KEEPALIVE)
        read_msgs(s, 5)
    elif scen == "open_then_die":
        s.sendall(open_msg(asn, bgpid))
        time.sleep(0.3)
    elif scen == "flood":
        establish(s, asn, bgpid)
        pfx = rand_prefixes(random.randint(20, 40), base)
        for i in range(0, len(pfx), 5):
            s.sendall(update(nlri=pfx[i:i + 5], asn=asn, nh=src))
        read_msgs(s, 1.5)
        s.sendall(notification(6, 2))
        read_msgs(s, 0.3)
    elif scen == "bad_caps":
        caps = [cap(1, struct.pack("!HBB", 1, 0, 1)), cap(65, b"\x00\x00")]
        s.sendall(open_msg(asn, bgpid, caps=caps))
        read_msgs(s, 1)
    elif scen == "unknown_cap":
        caps = [cap(1, struct.pack("!HBB", 1, 0, 1)), cap(65, struct.pack("!I", asn)), cap(200, b"abc"),
                cap(1, struct.pack("!HBB", 99, 0, 9))]
        establish(s, asn, bgpid, caps=caps)
        s.sendall(notification(6, 2))
        read_msgs(s, 0.3)
    elif scen == "idle":
        time.sleep(1)


if __name__ == "__main__":
    main()
