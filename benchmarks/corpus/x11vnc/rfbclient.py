#!/usr/bin/env python3
"""Small randomised RFB (VNC) client used to drive x11vnc: normal viewers, wrong passwords,
protocol garbage and abrupt disconnects."""
import random, socket, struct, sys, time
from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, modes

HOST = "127.0.0.1"

def vnc_response(password, challenge):
    key = (password.encode() + b"\0" * 8)[:8]
    key = bytes(int(f"{b:08b}"[::-1], 2) for b in key)
    enc = Cipher(TripleDES(key * 3), modes.ECB()).encryptor()
    return enc.update(challenge) + enc.finalize()

def recvn(s, n):
    buf = b""
    while len(buf) < n:
        d = s.recv(n - len(buf))
        if not d:
            raise EOFError("closed")
        buf += d
    return buf

def drain(s, t=0.05):
    s.settimeout(t)
    try:
        while True:
            d = s.recv(1 << 20)
            if not d:
                return False
    except socket.timeout:
        return True
    except OSError:
        return False
    finally:
        s.settimeout(10)

ENCODINGS = [0, 1, 2, 4, 5, 6, 7, 8, 9, 15, 16, 17, -239, -240, -224, -223, -232, -307, -308, -309,
             -256, -250, -247, -32, -28, -23, 0xFFFE0000 - (1 << 32), -65536 + 1, 0x574D5664 - (1 << 32)]

def handshake(s, version, password, sectype=None, shared=1):
    srv = recvn(s, 12)
    s.sendall(version)
    if version.startswith(b"RFB 003.003"):
        (st,) = struct.unpack(">I", recvn(s, 4))
        if st == 0:
            raise EOFError("refused")
    else:
        (n,) = struct.unpack("B", recvn(s, 1))
        if n == 0:
            raise EOFError("refused")
        types = recvn(s, n)
        st = sectype if sectype is not None else (2 if 2 in types else types[0])
        s.sendall(bytes([st]))
    if st == 2:
        ch = recvn(s, 16)
        s.sendall(vnc_response(password, ch))
        (res,) = struct.unpack(">I", recvn(s, 4))
        if res != 0:
            raise EOFError("auth failed")
    elif version.startswith(b"RFB 003.008"):
        (res,) = struct.unpack(">I", recvn(s, 4))
        if res != 0:
            raise EOFError("sec failed")
    s.sendall(bytes([shared]))
    w, h = struct.unpack(">HH", recvn(s, 4))
    recvn(s, 16)
    (nl,) = struct.unpack(">I", recvn(s, 4))
    recvn(s, nl)
    return w, h

def pixfmt(bpp):
    if bpp == 32:
        return struct.pack(">BBBBHHHBBB3x", 32, 24, 0, 1, 255, 255, 255, 16, 8, 0)
    if bpp == 16:
        return struct.pack(">BBBBHHHBBB3x", 16, 16, 0, 1, 31, 63, 31, 11, 5, 0)
    return struct.pack(">BBBBHHHBBB3x", 8, 8, 0, 1, 7, 7, 3, 0, 3, 6)

def session(s, w, h, actions):
    bpp = random.choice([32, 32, 16, 8])
    s.sendall(struct.pack(">B3x", 0) + pixfmt(bpp))
    encs = random.sample(ENCODINGS, random.randint(2, 10))
    s.sendall(struct.pack(">BxH", 2, len(encs)) + b"".join(struct.pack(">i", e) for e in encs))
    s.sendall(struct.pack(">BBHHHH", 3, 0, 0, 0, w, h))
    drain(s, 0.3)
    for _ in range(actions):
        a = random.random()
        if a < 0.3:
            s.sendall(struct.pack(">BBHHHH", 3, 1, 0, 0, w, h))
        elif a < 0.55:
            key = random.choice([0x61, 0x62, 0x41, 0xff0d, 0xffe1, 0xffe9, 0xff1b, 0x20, 0xffbe])
            s.sendall(struct.pack(">BBxxI", 4, 1, key) + struct.pack(">BBxxI", 4, 0, key))
        elif a < 0.8:
            s.sendall(struct.pack(">BBHH", 5, random.choice([0, 0, 1, 2, 4, 8, 16]), random.randrange(w), random.randrange(h)))
        elif a < 0.9:
            txt = ("clip-%d " % random.randint(0, 99999)).encode() * random.randint(1, 5)
            s.sendall(struct.pack(">BxxxI", 6, len(txt)) + txt)
        else:
            s.sendall(struct.pack(">B3x", 0) + pixfmt(random.choice([32, 16, 8])))
        if not drain(s, random.uniform(0.02, 0.2)):
            return

def main():
    port, mode = int(sys.argv[1]), sys.argv[2]
    pw = sys.argv[3] if len(sys.argv) > 3 else ""
    if mode == "listen":  # reverse connection: wait for x11vnc to connect to us
        ls = socket.socket()
        ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind((HOST, port)); ls.listen(1); ls.settimeout(15)
        try:
            s, _ = ls.accept()
        except OSError:
            return
        ls.close()
        s.settimeout(10)
        try:
            w, h = handshake(s, b"RFB 003.008\n", pw)
            session(s, w, h, random.randint(3, 15))
        except (EOFError, OSError):
            pass
        s.close()
        return
    s = socket.create_connection((HOST, port), timeout=10)
    try:
        if mode == "viewer":
            ver = random.choice([b"RFB 003.008\n", b"RFB 003.008\n", b"RFB 003.007\n", b"RFB 003.003\n"])
            w, h = handshake(s, ver, pw, shared=random.choice([1, 1, 0]))
            session(s, w, h, random.randint(5, 40))
            if random.random() < 0.3:
                s.shutdown(socket.SHUT_RDWR)
        elif mode == "badpass":
            handshake(s, b"RFB 003.008\n", pw or random.choice(["guess", "123456", "admin"]))
        elif mode == "badversion":
            recvn(s, 12)
            s.sendall(random.choice([b"RFB 004.001\n", b"RFB 003.009\n", b"XYZ 003.008\n", b"GET / HTTP/1.0\r\n\r\n", b"RFB 003.005\n"]))
            drain(s, 0.5)
        elif mode == "garbage":
            recvn(s, 12)
            s.sendall(bytes(random.choice(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .:-_/") for _ in range(random.randint(12, 64))))
            drain(s, 0.5)
        elif mode == "badsectype":
            handshake(s, b"RFB 003.008\n", pw, sectype=random.choice([1, 5, 16, 19, 99]))
        elif mode == "badmsg":
            w, h = handshake(s, b"RFB 003.008\n", pw)
            s.sendall(struct.pack(">BBHHHH", 3, 0, 0, 0, w, h))
            drain(s, 0.2)
            s.sendall(bytes([random.choice([7, 9, 42, 127, 200, 250, 255])]) + b"\0" * 20)
            drain(s, 0.5)
        elif mode == "hugecut":
            w, h = handshake(s, b"RFB 003.008\n", pw)
            s.sendall(struct.pack(">BxxxI", 6, random.choice([0x7fffffff, 1 << 30, 20 << 20])) + b"x" * 100)
            drain(s, 0.5)
        elif mode == "midclose":
            recvn(s, 12)
            if random.random() < 0.5:
                s.sendall(b"RFB 003.008\n")
                drain(s, 0.2)
        elif mode == "idle":
            recvn(s, 12)
            time.sleep(float(pw or 2))
        elif mode == "silent":
            time.sleep(float(pw or 2))
    except (EOFError, OSError):
        pass
    finally:
        s.close()

if __name__ == "__main__":
    main()
