"""Randomised fake PPTP client (control connection on TCP 1723 + GRE) for the pptpd workload.
usage: client.py SERVER_IP COUNT"""
import random, socket, struct, sys, time

SERVER, COUNT = sys.argv[1], int(sys.argv[2])
MAGIC = 0x1A2B3C4D


def ctrl(mtype, body):
    return struct.pack('!HHIHH', 12 + len(body), 1, MAGIC, mtype, 0) + body


def sccrq():
    return ctrl(1, struct.pack('!HHIIHH', 0x0100, 0, 1, 1, 0, 1) + b'r32fclient'.ljust(64, b'\0') + b'fake'.ljust(64, b'\0'))


def ocrq(cid):
    return ctrl(7, struct.pack('!HHIIIIHHHH', cid, random.randint(0, 65535), 300, 100000000, 3, 3,
                               random.choice([16, 64, 0]), 0, 0, 0) + bytes(128))


def echo_req(i): return ctrl(5, struct.pack('!I', i))
def echo_rep(i): return ctrl(6, struct.pack('!IBBH', i, 1, 0, 0))
def ccrq(cid): return ctrl(12, struct.pack('!HH', cid, 0))
def stopccrq(): return ctrl(3, struct.pack('!BBH', 1, 0, 0))
def sli(cid, accm): return ctrl(15, struct.pack('!HHII', cid, 0, accm, accm))
def unsupported(): return ctrl(random.choice([9, 10, 11, 14]), bytes(random.choice([4, 16, 40])))


def conn():
    s = socket.create_connection((SERVER, 1723), timeout=3)
    return s


def drain(s, t=0.3):
    s.settimeout(t)
    data = b''
    try:
        while True:
            d = s.recv(4096)
            if not d:
                break
            data += d
    except Exception:
        pass
    return data


def gre(peer_call_id, seq, payload, ack=None):
    flags = 0x3001 | (0x0080 if ack is not None else 0)
    h = struct.pack('!HHHHI', flags, 0x880B, len(payload), peer_call_id, seq)
    if ack is not None:
        h += struct.pack('!I', ack)
    return h + payload


def session():
    s = conn()
    s.sendall(sccrq())
    drain(s)
    cid = random.randint(1, 60000)
    if random.random() < 0.85:
        s.sendall(ocrq(cid))
        rep = drain(s, 0.5)
        server_cid = None
        if len(rep) >= 16 and struct.unpack('!H', rep[8:10])[0] == 8:
            server_cid = struct.unpack('!H', rep[12:14])[0]
        if random.random() < 0.5:
            s.sendall(sli(server_cid or 0, random.choice([0xffffffff, 0xffffffff, 0])))
        if server_cid is not None and random.random() < 0.7:
            try:
                g = socket.socket(socket.AF_INET, socket.SOCK_RAW, 47)
                seq = 0
                for _ in range(random.randint(1, 25)):
                    r = random.random()
                    if r < 0.08:
                        seq += random.randint(2, 5)          # gap
                    elif r < 0.14:
                        seq = max(0, seq - 1)                # duplicate
                    payload = b'\xff\x03\xc0\x21' + bytes(random.randint(4, 60))
                    g.sendto(gre(server_cid, seq, payload, ack=random.choice([None, 0])), (SERVER, 0))
                    if random.random() < 0.03:
                        g.sendto(b'\x00\x00' + bytes(6), (SERVER, 0))   # bad header
                    seq += 1
                    time.sleep(random.uniform(0, 0.05))
                g.close()
            except OSError:
                pass
        for i in range(random.randint(0, 3)):
            s.sendall(random.choice([echo_req(i), echo_rep(i)]))
        if random.random() < 0.1:
            s.sendall(ocrq(cid + 1))                         # second call while one is open
        if random.random() < 0.1:
            s.sendall(unsupported())
        drain(s)
        end = random.random()
        if end < 0.5:
            s.sendall(ccrq(cid)); drain(s)
            if random.random() < 0.2:
                s.sendall(ccrq(cid)); drain(s)
            s.sendall(stopccrq()); drain(s)
        elif end < 0.7:
            s.sendall(stopccrq()); drain(s)
        elif end < 0.8:
            s.sendall(struct.pack('!HHIHH', 16, 1, 0xdeadbeef, 5, 0) + bytes(4))   # bad magic later
            drain(s)
        elif end < 0.85:
            s.sendall(struct.pack('!H', 4000) + bytes(10))   # bad length
            drain(s)
        # else: just drop the connection
    else:
        if random.random() < 0.5:
            s.sendall(echo_req(1))
        drain(s)
    s.close()


def bad_initial():
    s = conn()
    k = random.randint(0, 6)
    if k == 0:
        s.sendall(b'\x00\x05ab')                           # small
    elif k == 1:
        s.sendall(struct.pack('!HHIHH', 5000, 1, MAGIC, 1, 0) + bytes(100))   # length out of range
    elif k == 2:
        s.sendall(struct.pack('!HHIHH', 156, 2, MAGIC, 1, 0) + bytes(144))    # bad type
    elif k == 3:
        s.sendall(struct.pack('!HHIHH', 156, 1, 0x12345678, 1, 0) + bytes(144))  # bad magic
    elif k == 4:
        s.sendall(echo_req(7))                             # bad ctrl type
    elif k == 5:
        time.sleep(random.uniform(3.5, 4.5))               # slow: nothing sent within stimeout
    else:
        pass                                               # connect and close
    drain(s, 0.3)
    s.close()


for _ in range(COUNT):
    try:
        if random.random() < 0.8:
            session()
        else:
            bad_initial()
    except OSError:
        pass
    time.sleep(random.uniform(0, 0.2))
