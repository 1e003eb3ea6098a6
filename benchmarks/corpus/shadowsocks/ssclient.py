#!/usr/bin/env python3
"""Helpers for the shadowsocks workload (all on 127.0.0.1).

  ssclient.py dns PORT SECONDS             fake DNS server: *.ok.test -> 127.0.0.1, *.v6.test -> ::1,
                                           *.bad.test -> NXDOMAIN, *.slow.test -> no answer
  ssclient.py udpecho PORT SECONDS         UDP echo server
  ssclient.py sink PORT SECONDS            UDP sink (manager address for traffic stats)
  ssclient.py raw PORT PASSWORD MODE       hand-made AEAD (aes-256-gcm) client, good or broken
  ssclient.py udp PORT PASSWORD MODE       hand-made AEAD UDP packets to ss-server
"""
import hashlib
import os
import random
import socket
import struct
import sys
import time

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def evp_key(password, n=32):
    out, prev = b"", b""
    while len(out) < n:
        prev = hashlib.md5(prev + password.encode()).digest()
        out += prev
    return out[:n]


def subkey(key, salt):
    return HKDF(algorithm=hashes.SHA1(), length=32, salt=salt, info=b"ss-subkey").derive(key)


class Enc:
    def __init__(self, password, salt=None):
        self.salt = salt or os.urandom(32)
        self.aead = AESGCM(subkey(evp_key(password), self.salt))
        self.n = 0

    def _seal(self, data):
        nonce = self.n.to_bytes(12, "little")
        self.n += 1
        return self.aead.encrypt(nonce, data, None)

    def chunk(self, data):
        return self._seal(struct.pack(">H", len(data))) + self._seal(data)


def addr(kind, host, port):
    p = struct.pack(">H", port)
    if kind == "v4":
        return b"\x01" + socket.inet_aton(host) + p
    if kind == "v6":
        return b"\x04" + socket.inet_pton(socket.AF_INET6, host) + p
    h = host.encode()
    return b"\x03" + bytes([len(h)]) + h + p


def raw(port, password, mode):
    target = int(os.environ.get("TARGET", "25530"))
    src = (os.environ["SRCADDR"], 0) if os.environ.get("SRCADDR") else None
    s = socket.create_connection(("127.0.0.1", int(port)), timeout=4, source_address=src)
    e = Enc(password)
    http = b"GET / HTTP/1.0\r\nHost: x\r\n\r\n"
    try:
        if mode == "ok":
            s.sendall(e.salt + e.chunk(addr("v4", "127.0.0.1", target) + http))
        elif mode == "badtype":
            s.sendall(e.salt + e.chunk(bytes([random.choice([0, 2, 5, 7])]) + os.urandom(8)))
        elif mode == "badname":
            s.sendall(e.salt + e.chunk(b"\x03\x08bad\x00na!e" + struct.pack(">H", target)))
        elif mode == "namelen":
            s.sendall(e.salt + e.chunk(b"\x03\xf0abc"))
        elif mode == "shortv4":
            s.sendall(e.salt + e.chunk(b"\x01\x7f\x00"))
        elif mode == "shortv6":
            s.sendall(e.salt + e.chunk(b"\x04\x00\x00\x00\x00\x01"))
        elif mode == "closedport":
            s.sendall(e.salt + e.chunk(addr("v4", "127.0.0.1", random.randint(25900, 25949)) + http))
        elif mode == "v6":
            s.sendall(e.salt + e.chunk(addr("v6", "::1", target) + http))
        elif mode == "name":
            name = random.choice(["a.ok.test", "b.ok.test", "c.bad.test", "d.slow.test", "e.v6.test", "localhost"])
            s.sendall(e.salt + e.chunk(addr("name", name, target) + http))
        elif mode == "replay":
            first = e.salt + e.chunk(addr("v4", "127.0.0.1", target) + http)
            s.sendall(first)
            try:
                s.recv(4096)
            except OSError:
                pass
            s.close()
            s = socket.create_connection(("127.0.0.1", int(port)), timeout=4)
            s.sendall(first)
        elif mode == "wrongpass":
            w = Enc(password + "x")
            s.sendall(w.salt + w.chunk(addr("v4", "127.0.0.1", target) + http))
        elif mode == "garbage":
            s.sendall(os.urandom(random.randint(40, 300)))
        elif mode == "fragment":
            data = e.salt + e.chunk(addr("v4", "127.0.0.1", target) + http)
            for i in range(0, len(data), 7):
                s.sendall(data[i:i + 7])
                time.sleep(0.05)
        elif mode == "saltonly":
            s.sendall(e.salt[:random.randint(5, 31)])
            time.sleep(random.uniform(0.2, 1))
        elif mode == "idle":
            time.sleep(random.uniform(3, 8))
        elif mode == "halfopen":
            s.sendall(e.salt + e.chunk(addr("v4", "127.0.0.1", target)))
            time.sleep(random.uniform(0.5, 3))
        elif mode == "rst":
            s.sendall(e.salt + e.chunk(addr("v4", "127.0.0.1", target) + http))
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.settimeout(3)
        try:
            while s.recv(65536):
                pass
        except OSError:
            pass
    finally:
        s.close()


def udp(port, password, mode):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(2)
    echo = int(os.environ.get("ECHO", "25531"))
    for _ in range(random.randint(1, 4)):
        salt = os.urandom(32)
        a = AESGCM(subkey(evp_key(password if mode != "wrongpass" else password + "x"), salt))
        if mode == "badtype":
            payload = bytes([random.choice([0, 2, 6])]) + os.urandom(10)
        elif mode == "name":
            payload = addr("name", random.choice(["u.ok.test", "w.bad.test", "localhost"]), echo) + b"ping"
        elif mode == "garbage":
            s.sendto(os.urandom(random.randint(10, 80)), ("127.0.0.1", int(port)))
            continue
        else:
            payload = addr("v4", "127.0.0.1", echo) + os.urandom(random.randint(4, 64))
        s.sendto(salt + a.encrypt(b"\0" * 12, payload, None), ("127.0.0.1", int(port)))
        try:
            s.recvfrom(4096)
        except OSError:
            pass
    s.close()


def dns(port, seconds):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", int(port)))
    s.settimeout(1)
    end = time.time() + float(seconds)
    while time.time() < end:
        try:
            q, peer = s.recvfrom(512)
        except socket.timeout:
            continue
        qid, qd = q[:2], q[12:]
        i, labels = 0, []
        while qd[i]:
            labels.append(qd[i + 1:i + 1 + qd[i]].decode(errors="replace"))
            i += qd[i] + 1
        name = ".".join(labels).lower()
        qtype = struct.unpack(">H", qd[i + 1:i + 3])[0]
        question = qd[:i + 5]
        if name.endswith("slow.test"):
            continue
        rcode, answers = 0, b""
        if name.endswith("bad.test"):
            rcode = 3
        elif qtype == 1 and name.endswith("ok.test"):
            answers = b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 60, 4) + socket.inet_aton("127.0.0.1")
        elif qtype == 28 and name.endswith("v6.test"):
            answers = b"\xc0\x0c" + struct.pack(">HHIH", 28, 1, 60, 16) + socket.inet_pton(socket.AF_INET6, "::1")
        hdr = qid + struct.pack(">HHHHH", 0x8180 | rcode, 1, 1 if answers else 0, 0, 0)
        s.sendto(hdr + question + answers, peer)


def udpecho(port, seconds):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", int(port)))
    s.settimeout(1)
    end = time.time() + float(seconds)
    while time.time() < end:
        try:
            d, peer = s.recvfrom(65536)
            s.sendto(d, peer)
        except socket.timeout:
            pass


def sink(port, seconds):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", int(port)))
    s.settimeout(1)
    end = time.time() + float(seconds)
    while time.time() < end:
        try:
            s.recvfrom(65536)
        except socket.timeout:
            pass


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    try:
        {"dns": dns, "udpecho": udpecho, "sink": sink, "raw": raw, "udp": udp}[cmd](*args)
    except OSError as err:
        print(f"{cmd}: {err}", file=sys.stderr)
