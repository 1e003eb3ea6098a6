# Minimal fake DNS server for the private network namespace: random answers, NXDOMAIN, SERVFAIL, drops.
import hashlib, random, socket, struct, sys
rnd = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
RBL = ("spamhaus.org", "spamcop.net", "manitu.net", "surbl.org")
def name(q, o):
    labels = []
    while q[o]:
        l = q[o]; labels.append(q[o + 1:o + 1 + l].decode("ascii", "replace")); o += 1 + l
    return ".".join(labels), o + 1
def enc(n): return b"".join(bytes([len(p)]) + p.encode() for p in n.split(".") if p) + b"\0"
def h(s): return int(hashlib.md5(s.encode()).hexdigest(), 16)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 53))
while True:
    q, addr = s.recvfrom(4096)
    try:
        qid, flags, qd = struct.unpack(">HHH", q[:6])
        qn, o = name(q, 12); qt, qc = struct.unpack(">HH", q[o:o + 4]); question = q[12:o + 4]
    except Exception:
        continue
    r = rnd.random(); low = qn.lower(); rc = 0; ans = []
    if r < 0.04: continue                      # dropped: resolver times out
    if r < 0.07: rc = 2                        # SERVFAIL
    elif low.endswith(RBL):
        if h(low) % 5 == 0 and qt in (1, 16):
            ans = [(qt, socket.inet_aton("127.0.0.%d" % (2 + h(low) % 9)) if qt == 1 else b"\x0bListed here")]
        else: rc = 3
    elif qt == 12:
        k = h(low) % 4
        if k == 0: rc = 3
        else:
            ip = ".".join(reversed(low.split(".")[:4]))
            ans = [(12, enc(["mail.example.com", "dsl-%s.dyn.isp.test" % ip.replace(".", "-"), "host%d.hosting.test" % (h(low) % 99)][k - 1]))]
    elif qt == 1:
        k = h(low) % 6
        if k == 0 or "invalid" in low: rc = 3
        elif k == 1: pass                      # NOERROR, no data
        else: ans = [(1, socket.inet_aton("203.0.113.%d" % (1 + h(low) % 20)))]
    elif qt == 15:
        k = h(low) % 4
        if k == 0: rc = 3
        elif k == 1: pass
        else: ans = [(15, struct.pack(">H", 10) + enc("mx%d.%s" % (k, low)))]
    else: rc = 3
    hdr = struct.pack(">HHHHHH", qid, 0x8180 | rc, 1, len(ans), 0, 0)
    body = b"".join(b"\xc0\x0c" + struct.pack(">HHIH", t, 1, 60, len(d)) + d for t, d in ans)
    s.sendto(hdr + question + body, addr)
