#!/usr/bin/env python3
"""Random raw DNS clients: garbage UDP/TCP, PROXY headers, idle and half-sent TCP."""
import random, socket, struct, sys, time
HOST = "127.0.0.1"

def q(name, qtype=1, qid=None):
    qid = qid if qid is not None else random.randrange(65536)
    h = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0)
    b = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".") if p) + b"\0"
    return h + b + struct.pack(">HH", qtype, 1)

def udp(data, addr=HOST, port=25200):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.5)
    s.sendto(data, (addr, port))
    try: s.recv(4096)
    except OSError: pass
    s.close()

def tcp(data, port=25200, addr=HOST, wait=0.3, close_now=True):
    s = socket.socket(); s.settimeout(1)
    try:
        s.connect((addr, port))
        if data: s.sendall(data)
        time.sleep(wait)
        try: s.recv(4096)
        except OSError: pass
    except OSError:
        pass
    finally:
        s.close()

def framed(m): return struct.pack(">H", len(m)) + m

acts = sys.argv[1:] or ["mix"]
n = 0
for act in acts:
    for _ in range(random.randint(2, 6)):
        a = act if act != "mix" else random.choice(
            ["gudp", "shortudp", "gtcp", "halftcp", "proxyok", "proxybad", "proxyv2", "pipeline", "idle", "badlen", "multiq"])
        if a == "gudp":
            udp(bytes(random.randrange(256) for _ in range(random.randint(12, 80))))
        elif a == "shortudp":
            udp(bytes(random.randrange(256) for _ in range(random.randint(1, 11))))
        elif a == "gtcp":
            tcp(framed(bytes(random.randrange(256) for _ in range(random.randint(1, 60)))))
        elif a == "halftcp":
            tcp(framed(q("www.example.test"))[:random.randint(1, 10)], wait=0.2)
        elif a == "badlen":
            tcp(b"\x00\x05abc", wait=0.2)
        elif a == "proxyok":
            tcp(b"PROXY TCP4 127.0.0.99 127.0.0.1 5555 25201\r\n" + framed(q("refl.example.test")), port=25201)
        elif a == "proxybad":
            tcp(random.choice([b"PROXY UNKNOWN garbage\r\n", b"GET / HTTP/1.0\r\n\r\n", b"PROXY TCP4 1.2.3\r\n", framed(q("www.example.test"))]), port=25201)
        elif a == "proxyv2":
            sig = b"\r\n\r\n\x00\r\nQUIT\n"
            body = socket.inet_aton("127.0.0.77") + socket.inet_aton("127.0.0.1") + struct.pack(">HH", 4444, 25201)
            tcp(sig + bytes([0x21, 0x11]) + struct.pack(">H", len(body)) + body + framed(q("www.example.test")), port=25201)
        elif a == "pipeline":
            tcp(b"".join(framed(q(random.choice(["www", "mail", "nx", "sfo", "wt"]) + ".example.test")) for _ in range(4)), wait=0.3)
        elif a == "idle":
            tcp(b"", wait=random.choice([0.2, 6.5]))
        elif a == "multiq":
            m = bytearray(q("www.example.test")); m[5] = 2
            udp(bytes(m))
        n += 1
