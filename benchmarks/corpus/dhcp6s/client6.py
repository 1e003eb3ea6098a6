#!/usr/bin/env python3
"""Randomised DHCPv6 client: sends well-formed and malformed messages to a server."""
import os, random, socket, struct, sys, time

IFACE = sys.argv[1]
COUNT = int(sys.argv[2])
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else None
DEST = sys.argv[4] if len(sys.argv) > 4 else "ff02::1:2"
rnd = random.Random(SEED)

def opt(code, data):
    return struct.pack("!HH", code, len(data)) + data

def duid_llt(mac):
    return struct.pack("!HHI", 1, 1, 700000000 + rnd.randrange(1000)) + mac

def duid_ll(mac):
    return struct.pack("!HH", 3, 1) + mac

KNOWN = [bytes.fromhex("0001000100000001aabbcc000001"), bytes.fromhex("0003000100163e000002"),
         bytes.fromhex("0001000100000003aabbcc000003")]
MACS = [bytes([0x00, 0x16, 0x3e, 0, rnd.randrange(256), i]) for i in range(40)]

def client_duid():
    r = rnd.random()
    if r < 0.25:
        return rnd.choice(KNOWN)
    m = rnd.choice(MACS)
    return duid_ll(m) if r < 0.7 else duid_llt(m)

def ia_na(iaid, addrs=()):
    sub = b"".join(opt(5, socket.inet_pton(socket.AF_INET6, a) + struct.pack("!II", 300, 600)) for a in addrs)
    return opt(3, struct.pack("!III", iaid, 0, 0) + sub)

def ia_ta(iaid):
    return opt(4, struct.pack("!I", iaid))

def ia_pd(iaid, prefixes=()):
    sub = b"".join(opt(26, struct.pack("!IIB", 300, 600, 56) + socket.inet_pton(socket.AF_INET6, p)) for p in prefixes)
    return opt(25, struct.pack("!III", iaid, 0, 0) + sub)

def oro():
    codes = rnd.sample([21, 22, 23, 24, 27, 28, 29, 30, 31, 32, 33, 34, 39, 56, 64, 82, 99], rnd.randrange(1, 6))
    return opt(6, b"".join(struct.pack("!H", c) for c in codes))

server_ids = {}

sock = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(("::", 546))
sock.settimeout(0.3)
ifidx = socket.if_nametoindex(IFACE)
sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, ifidx)

def send(msgtype, opts, raw=None):
    xid = os.urandom(3)
    pkt = raw if raw is not None else bytes([msgtype]) + xid + b"".join(opts)
    sock.sendto(pkt, (DEST, 547, 0, ifidx))
    try:
        data, _ = sock.recvfrom(4096)
        return data
    except socket.timeout:
        return None

def parse(data):
    out = []
    i = 4
    while i + 4 <= len(data):
        c, l = struct.unpack("!HH", data[i:i + 4])
        out.append((c, data[i + 4:i + 4 + l]))
        i += 4 + l
    return out

def addrs_from(reply):
    na, pd = [], []
    for c, d in parse(reply):
        if c == 3:
            for c2, d2 in parse(b"\0" * 4 + d[12:] if False else b"xxxx" + d[12:]):
                if c2 == 5:
                    na.append(socket.inet_ntop(socket.AF_INET6, d2[:16]))
        if c == 25:
            for c2, d2 in parse(b"xxxx" + d[12:]):
                if c2 == 26:
                    pd.append(socket.inet_ntop(socket.AF_INET6, d2[9:25]))
    return na, pd

def sid(reply):
    for c, d in parse(reply or b""):
        if c == 2:
            return d
    return None

leases = []  # (duid, iaid, serverid, na, pd)

def flow():
    duid = client_duid()
    iaid = rnd.randrange(1, 2 ** 32)
    base = [opt(1, duid), opt(8, struct.pack("!H", rnd.randrange(0, 500)))]
    if rnd.random() < 0.6:
        base.append(oro())
    ias = []
    if rnd.random() < 0.8:
        ias.append(ia_na(iaid))
    if rnd.random() < 0.4:
        ias.append(ia_pd(iaid + 1))
    if rnd.random() < 0.1:
        ias.append(ia_ta(iaid + 2))
    extra = [opt(14, b"")] if rnd.random() < 0.15 else []
    adv = send(1, base + ias + extra)
    s = sid(adv)
    if s is None or (extra and adv and adv[0] == 7):
        if adv and adv[0] == 7:
            leases.append((duid, iaid, s, *addrs_from(adv)))
        return
    if rnd.random() < 0.1:
        return
    na, pd = addrs_from(adv)
    reqias = []
    if any(True for _ in ias):
        reqias.append(ia_na(iaid, na)) if na or rnd.random() < 0.5 else None
        if pd:
            reqias.append(ia_pd(iaid + 1, pd))
    rep = send(3, base + [opt(2, s)] + reqias)
    if rep:
        leases.append((duid, iaid, s, *addrs_from(rep)))

def later():
    if not leases:
        return flow()
    duid, iaid, s, na, pd = rnd.choice(leases)
    base = [opt(1, duid), opt(8, struct.pack("!H", rnd.randrange(0, 500)))]
    ias = [ia_na(iaid, na)] if na else [ia_na(iaid, ["2001:db8:1:2::%x" % rnd.randrange(0x1000, 0x3000)])]
    if pd:
        ias.append(ia_pd(iaid + 1, pd))
    k = rnd.choices(["renew", "rebind", "release", "decline", "confirm", "renew_bad", "confirm_bad"],
                    [30, 12, 10, 4, 8, 5, 4])[0]
    if k == "renew":
        send(5, base + [opt(2, s)] + ias)
    elif k == "renew_bad":
        send(5, base + [opt(2, s)] + [ia_na(rnd.randrange(1, 2 ** 32), ["2001:db8:9::%x" % rnd.randrange(1, 999)])])
    elif k == "rebind":
        send(6, base + ias)
    elif k == "release":
        send(8, base + [opt(2, s)] + ias)
        leases.remove((duid, iaid, s, na, pd))
    elif k == "decline":
        send(9, base + [opt(2, s)] + ias)
    elif k == "confirm":
        send(4, base + ias[:1])
    else:
        send(4, base + [ia_na(iaid, ["2001:db8:77::%x" % rnd.randrange(1, 999)])])

def inforeq():
    opts = [opt(8, b"\0\0")]
    if rnd.random() < 0.8:
        opts.insert(0, opt(1, client_duid()))
    opts.append(oro())
    send(11, opts)

def bad():
    k = rnd.choice(["short", "trunc_opt", "no_clientid", "wrong_sid", "server_msg", "unknown_type",
                    "relay", "relay_bad", "bad_ia", "unicast_req", "dup_clientid", "badlen_elapsed",
                    "auth", "reconf", "solicit_sid", "zero_duid"])
    duid = client_duid()
    cid = opt(1, duid)
    el = opt(8, b"\0\0")
    if k == "short":
        send(0, [], raw=bytes([1, 2]))
    elif k == "trunc_opt":
        send(0, [], raw=bytes([1]) + os.urandom(3) + struct.pack("!HH", 1, 200) + duid)
    elif k == "no_clientid":
        send(rnd.choice([1, 3, 5, 6, 8]), [el, ia_na(5)])
    elif k == "wrong_sid":
        send(rnd.choice([3, 5, 8, 9]), [cid, el, opt(2, bytes.fromhex("000300010011223344%02x" % rnd.randrange(256))), ia_na(7)])
    elif k == "server_msg":
        send(rnd.choice([2, 7, 10, 13]), [cid, el])
    elif k == "unknown_type":
        send(rnd.choice([0, 14, 20, 35, 200]), [cid, el])
    elif k == "relay":
        inner = bytes([1]) + os.urandom(3) + cid + el + ia_na(rnd.randrange(1, 99))
        link = socket.inet_pton(socket.AF_INET6, "2001:db8:1:2::99")
        peer = socket.inet_pton(socket.AF_INET6, "fe80::1:%x" % rnd.randrange(1, 999))
        body = bytes([12, 0]) + link + peer + opt(18, b"eth%d" % rnd.randrange(4)) + opt(9, inner)
        send(0, [], raw=body)
    elif k == "relay_bad":
        link = socket.inet_pton(socket.AF_INET6, "2001:db8:1:2::99")
        body = bytes([12, rnd.choice([0, 40])]) + link + link[:rnd.choice([16, 5])]
        if rnd.random() < 0.5:
            body += opt(18, b"x")
        send(0, [], raw=body)
    elif k == "bad_ia":
        send(1, [cid, el, struct.pack("!HH", 3, 6) + b"\0" * 6])
    elif k == "unicast_req":
        send(3, [cid, el, opt(2, sid(send(1, [cid, el, ia_na(9)])) or b"\0\3\0\1abcdef"), ia_na(9)])
    elif k == "dup_clientid":
        send(1, [cid, cid, el, ia_na(3)])
    elif k == "badlen_elapsed":
        send(1, [cid, opt(8, b"\0"), ia_na(3)])
    elif k == "auth":
        send(1, [cid, el, opt(11, bytes([2, 1, 0]) + os.urandom(8) + os.urandom(rnd.choice([0, 4, 20]))), ia_na(3)])
    elif k == "reconf":
        send(1, [cid, el, opt(20, b""), ia_na(3)])
    elif k == "solicit_sid":
        send(1, [cid, el, opt(2, b"\0\3\0\1abcdef"), ia_na(3)])
    elif k == "zero_duid":
        send(1, [opt(1, b""), el, ia_na(3)])

for _ in range(COUNT):
    k = rnd.choices(["flow", "later", "inforeq", "bad"], [35, 30, 12, 12])[0]
    {"flow": flow, "later": later, "inforeq": inforeq, "bad": bad}[k]()
    time.sleep(rnd.random() * 0.05)
