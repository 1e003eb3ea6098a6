"""Randomised NetFlow v5 / v9 / IPFIX exporter (fake peer) for the nfcapd workload.
usage: exporter.py PORT COUNT"""
import random, socket, struct, sys, time

PORT, COUNT = int(sys.argv[1]), int(sys.argv[2])
DST = ('127.0.0.1', PORT)
socks = {}
seq = {}


def sock(src):
    if src not in socks:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind((src, 0))
        socks[src] = s
    return socks[src]


def send(src, data):
    sock(src).sendto(data, DST)


def ip():
    return socket.inet_aton('10.%d.%d.%d' % (random.randint(0, 3), random.randint(0, 255), random.randint(1, 254)))


def now_ms():
    return int(time.time() * 1000) & 0xffffffff


def v5(src, engine, n=None, bad_count=False, skip_seq=False):
    n = random.randint(1, 30) if n is None else n
    key = ('v5', src, engine)
    sq = seq.get(key, 0) + (random.randint(5, 500) if skip_seq else 0)
    up = random.randint(100000, 10000000)
    now = time.time()
    hdr = struct.pack('!HHIIIIBBH', 5, n + (random.randint(1, 5) if bad_count else 0), up, int(now), 0, sq, 0, engine,
                      random.choice([0, 0, 0x4000 | random.randint(1, 100)]))
    recs = b''
    for _ in range(n):
        first = up - random.randint(1000, 60000)
        recs += ip() + ip() + bytes(4) + struct.pack('!HHIIIIHHBBBBHHBBH', 1, 2, random.randint(1, 100),
                                                     random.randint(40, 150000), first, up - 10,
                                                     random.randint(1024, 65535), random.choice([80, 443, 53, 22]),
                                                     0, 0x18, random.choice([6, 17, 1]), 0, 0, 0, 24, 24, 0)
    seq[key] = sq + n
    send(src, hdr + recs)


V9_FIELDS = [(8, 4), (12, 4), (7, 2), (11, 2), (4, 1), (6, 1), (2, 4), (1, 4), (22, 4), (21, 4), (10, 2), (14, 2)]


def v9_template(tid, fields):
    body = struct.pack('!HH', tid, len(fields)) + b''.join(struct.pack('!HH', t, l) for t, l in fields)
    return struct.pack('!HH', 0, 4 + len(body)) + body


def v9_option_template(tid, scope_len=4, opt_len=8):
    body = struct.pack('!HHH', tid, scope_len, opt_len) + struct.pack('!HH', 1, 4) + \
        struct.pack('!HHHH', 34, 4, 35, 1)[:opt_len]
    pad = (-len(body) - 4) % 4
    return struct.pack('!HH', 1, 4 + len(body) + pad) + body + bytes(pad)


def v9_record(fields):
    out = b''
    for t, l in fields:
        if t in (8, 12):
            out += ip()
        elif t in (22, 21):
            out += struct.pack('!I', (int(time.monotonic() * 1000) - random.randint(0, 5000)) & 0xffffffff)
        else:
            out += random.randint(0, 256 ** l - 1).to_bytes(l, 'big')
    return out


def v9_data(tid, fields, n):
    body = b''.join(v9_record(fields) for _ in range(n))
    pad = (-len(body) - 4) % 4
    return struct.pack('!HH', tid, 4 + len(body) + pad) + body + bytes(pad)


def v9(src, domain, sets, count=None, skip_seq=False):
    key = ('v9', src, domain)
    sq = seq.get(key, 0) + (random.randint(2, 50) if skip_seq else 0)
    seq[key] = sq + 1
    hdr = struct.pack('!HHIIII', 9, len(sets) if count is None else count,
                      int(time.monotonic() * 1000) & 0xffffffff, int(time.time()), sq, domain)
    send(src, hdr + b''.join(sets))


IPFIX_FIELDS = [(8, 4), (12, 4), (7, 2), (11, 2), (4, 1), (6, 1), (2, 8), (1, 8), (152, 8), (153, 8), (10, 4), (14, 4)]


def ipfix_template(tid, fields):
    body = struct.pack('!HH', tid, len(fields)) + b''.join(struct.pack('!HH', t, l) for t, l in fields)
    return struct.pack('!HH', 2, 4 + len(body)) + body


def ipfix_withdraw(tid):
    return struct.pack('!HHHH', 2, 8, tid, 0)


def ipfix_option_template(tid, scope_count=1):
    fields = [(149, 4), (34, 4), (35, 1)] if scope_count else [(34, 4)]
    body = struct.pack('!HHH', tid, len(fields), scope_count) + b''.join(struct.pack('!HH', t, l) for t, l in fields)
    return struct.pack('!HH', 3, 4 + len(body)) + body


def ipfix_record(fields):
    out = b''
    for t, l in fields:
        if t in (8, 12):
            out += ip()
        elif t in (152, 153):
            out += struct.pack('!Q', int(time.time() * 1000) - random.randint(0, 60000))
        else:
            out += random.randint(0, 256 ** min(l, 4) - 1).to_bytes(l, 'big')
    return out


def ipfix(src, domain, sets, skip_seq=False, nrec=0, bad_len=False):
    key = ('ipfix', src, domain)
    sq = seq.get(key, 0) + (random.randint(2, 50) if skip_seq else 0)
    seq[key] = sq + nrec
    body = b''.join(sets)
    ln = 16 + len(body) + (random.randint(8, 100) if bad_len else 0)
    send(src, struct.pack('!HHIII', 10, ln, int(time.time()), sq, domain) + body)


SRCS = ['127.0.0.%d' % i for i in (1, 2, 3, 4, 5, 6)]
known_v9, known_ipfix = set(), set()


def act_v5():
    v5(random.choice(SRCS[:3]), random.choice([0, 0, 1, 7]), skip_seq=random.random() < 0.1)


def act_v9():
    src, dom = random.choice(SRCS[1:4]), random.choice([0, 1, 42])
    tid = random.choice([256, 257, 300])
    fields = V9_FIELDS if tid != 300 else V9_FIELDS[:8]
    sets = []
    if (src, dom, tid) not in known_v9 or random.random() < 0.05:
        sets.append(v9_template(tid, fields))
        known_v9.add((src, dom, tid))
    if random.random() < 0.05:
        sets.append(v9_option_template(260))
    sets.append(v9_data(tid, fields, random.randint(1, 20)))
    v9(src, dom, sets, skip_seq=random.random() < 0.1)


def act_v9_unknown_template():
    v9(random.choice(SRCS), 77, [v9_data(999, V9_FIELDS, 3)])


def act_ipfix():
    src, dom = random.choice(SRCS[2:]), random.choice([0, 5, 1234])
    tid = random.choice([256, 258])
    sets = []
    if (src, dom, tid) not in known_ipfix or random.random() < 0.05:
        sets.append(ipfix_template(tid, IPFIX_FIELDS))
        known_ipfix.add((src, dom, tid))
    if random.random() < 0.05:
        sets.append(ipfix_option_template(400))
    n = random.randint(1, 15)
    sets.append(v9_data(tid, [(t, l) for t, l in IPFIX_FIELDS], 0)[:0] + ipfix_data(tid, n))
    ipfix(src, dom, sets, skip_seq=random.random() < 0.1, nrec=n)


def ipfix_data(tid, n):
    body = b''.join(ipfix_record(IPFIX_FIELDS) for _ in range(n))
    return struct.pack('!HH', tid, 4 + len(body)) + body


def act_ipfix_withdraw():
    src, dom = random.choice(SRCS[2:]), random.choice([0, 5, 1234])
    ipfix(src, dom, [ipfix_withdraw(random.choice([256, 258]))])
    known_ipfix.discard((src, dom, 256))
    known_ipfix.discard((src, dom, 258))


def act_bad():
    src = random.choice(SRCS)
    kind = random.randint(0, 11)
    if kind == 0:
        send(src, b'\x00')                                         # too short
    elif kind == 1:
        send(src, struct.pack('!H', random.choice([2, 3, 6, 8, 11, 0xffff])) + bytes(30))   # unknown version
    elif kind == 2:
        v5(src, 3, bad_count=True)                                  # record count mismatch
    elif kind == 3:
        v9(src, 9, [struct.pack('!HH', 256, 0)])                   # zero length flowset
    elif kind == 4:
        v9(src, 9, [struct.pack('!HH', 256, 400) + bytes(8)])      # flowset longer than packet
    elif kind == 5:
        ipfix(src, 9, [struct.pack('!HH', 2, 0)])                  # ipfix zero length flowset
    elif kind == 6:
        ipfix(src, 9, [struct.pack('!HH', 5, 8) + bytes(4)])       # invalid set id
    elif kind == 7:
        ipfix(src, 9, [ipfix_option_template(401, scope_count=0)])  # zero scope count
    elif kind == 8:
        send(src, struct.pack('!HH', 9, 1) + bytes(6))              # short v9 header
    elif kind == 9:
        send(src, struct.pack('!HH', 10, 12) + bytes(8))            # short ipfix
    elif kind == 10:
        v9(src, 9, [struct.pack('!HH', 3, 8) + bytes(4)])          # invalid v9 flowset id
    else:
        ipfix(src, 9, [struct.pack('!HHHH', 2, 12, 300, 20) + bytes(4)])  # template too short for its fields


ACTS = [(act_v5, 30), (act_v9, 25), (act_ipfix, 25), (act_v9_unknown_template, 2), (act_ipfix_withdraw, 2), (act_bad, 6)]
w = [x * random.uniform(0.3, 1.7) for _, x in ACTS]
for _ in range(COUNT):
    random.choices([a for a, _ in ACTS], w)[0]()
    time.sleep(random.uniform(0, 0.02))
