#!/usr/bin/env python3
"""Scripted RFB client for the tigervnc workload: one scenario per run, chosen by name."""
import os
import random
import socket
import struct
import sys
import time
import warnings

warnings.filterwarnings("ignore")
from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES  # noqa: E402
from cryptography.hazmat.primitives.ciphers import Cipher, modes  # noqa: E402

HOST = "127.0.0.1"


def des_response(password, challenge):
    key = bytearray(password.encode()[:8].ljust(8, b"\0"))
    key = bytes(int(f"{b:08b}"[::-1], 2) for b in key)
    enc = Cipher(TripleDES(key * 3), modes.ECB()).encryptor()
    return enc.update(challenge) + enc.finalize()


def recvn(s, n):
    data = b""
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            raise EOFError("closed")
        data += chunk
    return data


def connect(port):
    s = socket.create_connection((HOST, port), timeout=5)
    return s


def handshake(s, password, version=b"RFB 003.008\n", sectype=None, shared=1):
    srv = recvn(s, 12)
    s.sendall(version)
    if version.startswith(b"RFB 003.003"):
        st = struct.unpack(">I", recvn(s, 4))[0]
        if st == 0:
            return None
        types = [st]
    else:
        n = recvn(s, 1)[0]
        if n == 0:
            ln = struct.unpack(">I", recvn(s, 4))[0]
            return ("refused", recvn(s, ln))
        types = list(recvn(s, n))
        chosen = sectype if sectype is not None else (2 if 2 in types else types[0])
        if os.environ.get("SECTYPE"):
            chosen = int(os.environ["SECTYPE"])
        s.sendall(bytes([chosen]))
        st = chosen
    if st == 2:
        chal = recvn(s, 16)
        s.sendall(des_response(password, chal))
    elif st == 19:
        n = recvn(s, 4)
        s.sendall(bytes([0, 2]))
        if recvn(s, 1)[0] != 0:
            return ("vencrypt-refused",)
        n = recvn(s, 1)[0]
        subs = struct.unpack(">%dI" % n, recvn(s, 4 * n))
        s.sendall(struct.pack(">I", 256 if 256 in subs else subs[0]))
        if recvn(s, 1)[0] != 1:
            return ("subtype-refused", subs)
        user, pw = os.environ.get("PLAIN_USER", "root").encode(), password.encode()
        s.sendall(struct.pack(">II", len(user), len(pw)) + user + pw)
        st = 1
    if st in (1, 2) or version.startswith(b"RFB 003.008"):
        res = struct.unpack(">I", recvn(s, 4))[0]
        if res != 0:
            reason = b""
            try:
                ln = struct.unpack(">I", recvn(s, 4))[0]
                reason = recvn(s, ln)
            except Exception:
                pass
            return ("authfail", reason)
    s.sendall(bytes([shared]))
    hdr = recvn(s, 24)
    w, h = struct.unpack(">HH", hdr[:4])
    nl = struct.unpack(">I", hdr[20:24])[0]
    name = recvn(s, nl)
    return ("ok", w, h, name)


def fbreq(s, inc, x, y, w, h):
    s.sendall(struct.pack(">BBHHHH", 3, inc, x, y, w, h))


def drain(s, t=0.5):
    s.settimeout(t)
    total = 0
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            total += len(d)
    except Exception:
        pass
    s.settimeout(5)
    return total


def session(port, password, shared=1):
    s = connect(port)
    r = handshake(s, password, shared=shared)
    if not r or r[0] != "ok":
        s.close()
        return None, r
    return s, r


def sc_normal(port, pw):
    s, r = session(port, pw, shared=random.choice([0, 1]))
    if not s:
        return
    w, h = r[1], r[2]
    resize = random.random() < 0.3
    encs = random.sample([0, 1, 2, 5, 7, 16, -223, -239, -224, -258, -307, -308, -309, -312, -313, 0xC0A1E5CE - 2**32,
                          -32, -26], k=random.randint(3, 10))
    if resize:
        encs = [e for e in encs if e not in (-308, -223)] + [-308, -223]
    s.sendall(struct.pack(">BBH", 2, 0, len(encs)) + b"".join(struct.pack(">i", e) for e in encs))
    if random.random() < 0.5:
        # 16bpp pixel format
        s.sendall(struct.pack(">BxxxBBBBHHHBBBxxx", 0, 16, 16, 0, 1, 31, 63, 31, 11, 5, 0))
    if random.random() < 0.3:
        s.sendall(struct.pack(">BxxxBBBBHHHBBBxxx", 0, 8, 8, 0, 1, 7, 7, 3, 0, 3, 6))
    for _ in range(random.randint(1, 4)):
        fbreq(s, random.choice([0, 1]), 0, 0, w, h)
        drain(s, 0.3)
        for _ in range(random.randint(0, 5)):
            s.sendall(struct.pack(">BBHH", 5, random.choice([0, 1, 4]), random.randint(0, w - 1), random.randint(0, h - 1)))
        for _ in range(random.randint(0, 3)):
            key = random.choice([0x61, 0x62, 0xff0d, 0xffe1, 0x20, 0xff1b, 0x1008ff11, 0xfe03])
            s.sendall(struct.pack(">BBxxI", 4, 1, key) + struct.pack(">BBxxI", 4, 0, key))
        if random.random() < 0.4:
            txt = ("clip %d " % random.randint(0, 99999)).encode() * random.randint(1, 50)
            s.sendall(struct.pack(">BxxxI", 6, len(txt)) + txt)
    if resize:
        # SetDesktopSize (ExtendedDesktopSize)
        nw, nh = random.choice([(1024, 768), (800, 600), (640, 480), (20000, 20000), (0, 0)])
        s.sendall(struct.pack(">BxHHBx", 251, nw, nh, 1) + struct.pack(">IHHHHI", 0, 0, 0, nw, nh, 0))
        drain(s, 0.5)
    if random.random() < 0.3:
        # enable continuous updates / fence
        s.sendall(struct.pack(">BBHHHH", 150, 1, 0, 0, w, h))
        s.sendall(struct.pack(">BxxxIB", 248, (1 << 31) | 1, 4) + b"ping")
        drain(s, 0.3)
    if random.random() < 0.2:
        # QEMU extended key event
        s.sendall(struct.pack(">BBHII", 255, 0, 1, 0x61, 30))
    time.sleep(random.uniform(0.1, 1.0))
    if random.random() < 0.3:
        # unknown message type -> protocol error
        s.sendall(bytes([random.choice([7, 9, 77, 200, 133])]) + os.urandom(16))
        drain(s, 0.5)
    s.close()


def sc_wrongpw(port, pw):
    s = connect(port)
    try:
        print(handshake(s, "wrong%d" % random.randint(0, 999)))
    except Exception as e:
        print("wrongpw", e)
    s.close()


def sc_badversion(port, pw):
    s = connect(port)
    recvn(s, 12)
    s.sendall(random.choice([b"RFB 009.001\n", b"HELLO WORLD\n", b"RFB 003.005\n", b"RFB 003.007\n", b"GET / HTTP/1.0\r\n\r\n"]))
    try:
        print(drain(s, 1.0))
    except Exception:
        pass
    s.close()


def sc_garbage(port, pw):
    s = connect(port)
    s.sendall(os.urandom(random.randint(1, 300)))
    drain(s, 0.5)
    s.close()


def sc_badsectype(port, pw):
    s = connect(port)
    recvn(s, 12)
    s.sendall(b"RFB 003.008\n")
    n = recvn(s, 1)[0]
    recvn(s, n)
    s.sendall(bytes([random.choice([0, 5, 16, 19, 99, 129, 255])]))
    drain(s, 1.0)
    s.close()


def sc_v33(port, pw):
    s = connect(port)
    try:
        print(handshake(s, pw, version=b"RFB 003.003\n"))
    except Exception as e:
        print("v33", e)
    drain(s, 0.3)
    s.close()


def sc_abort(port, pw):
    s = connect(port)
    if random.random() < 0.5:
        recvn(s, 12)
        s.sendall(b"RFB 003.008\n")
        if random.random() < 0.5:
            recvn(s, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def sc_badmsg(port, pw):
    s, r = session(port, pw)
    if not s:
        return
    kind = random.choice(["hugecut", "badpf", "badenc", "badfbreq", "short"])
    if kind == "hugecut":
        s.sendall(struct.pack(">BxxxI", 6, 200 * 1024 * 1024))
    elif kind == "badpf":
        s.sendall(struct.pack(">BxxxBBBBHHHBBBxxx", 0, 12, 12, 0, 1, 15, 15, 15, 8, 4, 0))
    elif kind == "badenc":
        s.sendall(struct.pack(">BBH", 2, 0, 3) + struct.pack(">iii", 1234, 99, -9999))
        fbreq(s, 0, 0, 0, 100, 100)
    elif kind == "badfbreq":
        fbreq(s, 0, 60000, 60000, 500, 500)
    else:
        s.sendall(bytes([4, 1]))
    drain(s, 1.0)
    s.close()


def sc_idle(port, pw):
    s, r = session(port, pw)
    if not s:
        return
    fbreq(s, 0, 0, 0, 50, 50)
    drain(s, float(os.environ.get("IDLE_WAIT", "3")))
    s.close()


SCENARIOS = {k[3:]: v for k, v in globals().items() if k.startswith("sc_")}

if __name__ == "__main__":
    port = int(sys.argv[1])
    pw = sys.argv[2]
    names = sys.argv[3:] or [random.choice(list(SCENARIOS))]
    for n in names:
        try:
            SCENARIOS[n](port, pw)
        except Exception as e:
            print(n, "error", e, file=sys.stderr)
