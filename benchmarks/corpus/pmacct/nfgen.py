#!/usr/bin/env python3
"""Random NetFlow v5 / v9 / IPFIX exporter (good and bad packets) for the nfacctd workload."""
import random, socket, struct, sys, time

port = int(sys.argv[1]); n = int(sys.argv[2]); src = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"
mode = sys.argv[4] if len(sys.argv) > 4 else "mix"
R = random.Random()
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((src, 0))
dst = ("127.0.0.1", port)
seq = R.randint(0, 100000)
boot = time.time() - R.randint(1000, 100000)

def ip():
    return socket.inet_aton("10.%d.%d.%d" % (R.randint(0, 3), R.randint(0, 255), R.randint(1, 254)))

def uptime():
    return int((time.time() - boot) * 1000) & 0xffffffff

def v5(count=None, bad=False):
    global seq
    recs = b""
    k = R.randint(1, 6)
    for _ in range(k):
        up = uptime()
        recs += ip() + ip() + socket.inet_aton("127.0.0.1") + struct.pack(
            "!HHIIIIHHBBBBHHBBH", R.randint(1, 8), R.randint(1, 8), R.randint(1, 50),
            R.randint(40, 90000), up - R.randint(100, 5000), up - R.randint(0, 99),
            R.randint(1024, 65535), R.choice([22, 53, 80, 443, 8080]), 0,
            R.randint(0, 63), R.choice([6, 17, 1]), 0, R.randint(0, 65000), R.randint(0, 65000), 24, 24, 0)
    hdr = struct.pack("!HHIIIIBBH", 5, count if count is not None else k, uptime(), int(time.time()), 0, seq,
                      0, R.randint(0, 3), R.choice([0, 0, 0x4064]))
    seq += k
    pkt = hdr + recs
    if bad:
        pkt = pkt[:R.randint(10, len(pkt) - 1)]
    return pkt

TPL_V4 = [(8, 4), (12, 4), (7, 2), (11, 2), (4, 1), (1, 4), (2, 4), (22, 4), (21, 4), (6, 1), (10, 2), (14, 2), (5, 1)]
TPL_V4_IPFIX = [(8, 4), (12, 4), (7, 2), (11, 2), (4, 1), (1, 8), (2, 8), (152, 8), (153, 8), (6, 1), (10, 4), (14, 4)]

def rec(fields, ipfix):
    out = b""
    now = int(time.time() * 1000)
    for t, l in fields:
        if t in (8, 12): out += ip()
        elif t == 7: out += struct.pack("!H", R.randint(1024, 65535))
        elif t == 11: out += struct.pack("!H", R.choice([22, 25, 53, 80, 443]))
        elif t == 4: out += struct.pack("!B", R.choice([6, 17]))
        elif t in (1, 2): out += R.randint(1, 99999).to_bytes(l, "big")
        elif t in (21, 22): out += struct.pack("!I", (uptime() - R.randint(0, 3000)) & 0xffffffff)
        elif t in (152, 153): out += struct.pack("!Q", now - R.randint(0, 5000))
        else: out += R.randint(0, 2 ** (8 * l) - 1).to_bytes(l, "big")
    return out

def pad(b):
    b = b + b"\0" * ((-len(b)) % 4)
    return b[:2] + struct.pack("!H", len(b)) + b[4:]

def v9(parts, count=None, source_id=None):
    global seq
    body = b"".join(parts)
    hdr = struct.pack("!HHIIII", 9, count if count is not None else len(parts), uptime(), int(time.time()), seq,
                      source_id if source_id is not None else R.randint(0, 2))
    seq += 1
    return hdr + body

def ipfix(parts, dom=None):
    global seq
    body = b"".join(parts)
    hdr = struct.pack("!HHIII", 10, 16 + len(body), int(time.time()), seq, dom if dom is not None else R.randint(0, 2))
    seq += 1
    return hdr + body

def v9_tpl(tid, fields):
    b = struct.pack("!HH", tid, len(fields)) + b"".join(struct.pack("!HH", t, l) for t, l in fields)
    return struct.pack("!HH", 0, 4 + len(b)) + b

def v9_opt_tpl(tid):
    scope = struct.pack("!HH", 1, 4)
    opts = struct.pack("!HHHH", 34, 4, 35, 1)
    b = struct.pack("!HHH", tid, len(scope), len(opts)) + scope + opts
    return pad(struct.pack("!HH", 1, 4 + len(b)) + b)

def v9_opt_data(tid):
    b = struct.pack("!IIB", 0, R.choice([1, 10, 100, 1000]), R.choice([1, 2]))
    return pad(struct.pack("!HH", tid, 4 + len(b)) + b)

def ipfix_tpl(tid, fields, set_id=2):
    b = struct.pack("!HH", tid, len(fields)) + b"".join(struct.pack("!HH", t, l) for t, l in fields)
    return struct.pack("!HH", set_id, 4 + len(b)) + b

def ipfix_opt_tpl(tid):
    fields = [(149, 4), (34, 4), (35, 1)]
    b = struct.pack("!HHH", tid, len(fields), 1) + b"".join(struct.pack("!HH", t, l) for t, l in fields)
    return pad(struct.pack("!HH", 3, 4 + len(b)) + b)

def ipfix_opt_data(tid):
    b = struct.pack("!IIB", R.randint(0, 2), R.choice([1, 10, 100]), R.choice([1, 2]))
    return pad(struct.pack("!HH", tid, 4 + len(b)) + b)

def data(tid, fields, ipfix_, k):
    b = b"".join(rec(fields, ipfix_) for _ in range(k))
    return pad(struct.pack("!HH", tid, 4 + len(b)) + b)

KINDS = None
def one():
    kind = R.choice(KINDS) if KINDS else R.choices(["v5", "v5bad", "v9tpl", "v9data", "v9opt", "v9unk", "v9badset", "v9trunc",
                      "ipfixtpl", "ipfixdata", "ipfixopt", "ipfixunk", "ipfixtrunc", "badver", "garbage",
                      "short", "zerolen", "v9tplbad"],
                     weights=[8, 2, 2, 8, 1, 2, 1, 1, 2, 8, 1, 2, 1, 1, 1, 1, 1, 1])[0]
    tid = R.choice([256, 257, 300])
    if kind == "v5": return v5()
    if kind == "v5bad": return v5(count=R.choice([0, 31, 99]), bad=R.random() < 0.5)
    if kind == "v9tpl": return v9([v9_tpl(tid, TPL_V4), v9_opt_tpl(400)])
    if kind == "v9data": return v9([data(tid, TPL_V4, False, R.randint(1, 4))] + ([v9_opt_data(400)] if R.random() < 0.3 else []))
    if kind == "v9opt": return v9([v9_opt_tpl(400), v9_opt_data(400)])
    if kind == "v9unk": return v9([data(R.randint(500, 900), TPL_V4, False, 1)])
    if kind == "v9badset": return v9([struct.pack("!HHI", R.randint(2, 200), 8, 0)])
    if kind == "v9trunc": return v9([data(tid, TPL_V4, False, 2)])[:R.randint(22, 50)]
    if kind == "v9tplbad":
        b = v9_tpl(tid, TPL_V4)
        return v9([b[:4] + struct.pack("!HH", tid, 200) + b[8:]])
    if kind == "ipfixtpl": return ipfix([ipfix_tpl(tid, TPL_V4_IPFIX), ipfix_opt_tpl(401)])
    if kind == "ipfixdata": return ipfix([data(tid, TPL_V4_IPFIX, True, R.randint(1, 4))] + ([ipfix_opt_data(401)] if R.random() < 0.3 else []))
    if kind == "ipfixopt": return ipfix([ipfix_opt_tpl(401), ipfix_opt_data(401)])
    if kind == "ipfixunk": return ipfix([data(R.randint(500, 900), TPL_V4_IPFIX, True, 1)])
    if kind == "ipfixtrunc": return ipfix([data(tid, TPL_V4_IPFIX, True, 2)])[:R.randint(18, 40)]
    if kind == "badver": return struct.pack("!HH", R.choice([1, 6, 7, 8, 11, 42, 0xffff]), 1) + bytes(R.randint(0, 60))
    if kind == "garbage": return bytes(R.randint(0, 255) for _ in range(R.randint(1, 200)))
    if kind == "short": return bytes(R.randint(0, 255) for _ in range(R.randint(1, 3)))
    if kind == "zerolen": return v9([struct.pack("!HH", 256, 0)])

if mode != "mix":
    KINDS = mode.split(",")
for _ in range(n):
    s.sendto(one(), dst)
    time.sleep(R.uniform(0.002, 0.03))
