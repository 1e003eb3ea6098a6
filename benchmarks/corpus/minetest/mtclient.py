#!/usr/bin/env python3
"""Minimal scripted Minetest 5.6 client (protocol 37..41) for the workload.

Usage: mtclient.py HOST PORT NAME PASSWORD [actions...]
actions: chat:TEXT  (chat message or /command), wait:SECONDS, pos (send a player position),
         quit (send DISCO), drop (just stop answering: server times us out),
         garbage (send a malformed packet), ready (finish joining, default if logged in)
Other modes chosen by the NAME/PASSWORD: PASSWORD '-' means an empty password.
"""
import hashlib
import os
import random
import socket
import struct
import sys
import time

import srp._pysrp as P

PROTO_ID = 0x4F457403
SEQ_INIT = 65500
N_HEX = P._ng_const[P.NG_2048][0]
G_HEX = P._ng_const[P.NG_2048][1]
N = int(N_HEX, 16)
G = int(G_HEX, 16)


def l2b(n):
    return n.to_bytes((n.bit_length() + 7) // 8, "big")


def H(*args):
    h = hashlib.sha256()
    for a in args:
        h.update(l2b(a) if isinstance(a, int) else a)
    return int.from_bytes(h.digest(), "big")


def mstr(s):
    if isinstance(s, str):
        s = s.encode()
    return struct.pack(">H", len(s)) + s


def wstr(s):
    b = s.encode("utf-16-be")
    return struct.pack(">H", len(b) // 2) + b


class Client:
    def __init__(self, host, port, name):
        self.addr = (host, port)
        self.name = name
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.settimeout(0.2)
        self.peer_id = 0
        self.seq = [SEQ_INIT, SEQ_INIT, SEQ_INIT]
        self.inbox = []
        self.denied = None

    def raw(self, channel, body):
        self.sock.sendto(struct.pack(">IHB", PROTO_ID, self.peer_id, channel) + body, self.addr)

    def send(self, cmd, payload=b"", channel=1, reliable=True):
        inner = b"\x01" + struct.pack(">H", cmd) + payload
        if reliable:
            s = self.seq[channel]
            self.seq[channel] = (s + 1) % 65536
            inner = b"\x03" + struct.pack(">H", s) + inner
        self.raw(channel, inner)

    def pump(self, duration):
        end = time.time() + duration
        while time.time() < end:
            try:
                data, _ = self.sock.recvfrom(65536)
            except socket.timeout:
                continue
            if len(data) < 8:
                continue
            pid, sender, chan = struct.unpack(">IHB", data[:7])
            self.handle(chan, data[7:])

    def handle(self, chan, body):
        t = body[0]
        if t == 3:  # reliable
            seq = struct.unpack(">H", body[1:3])[0]
            self.raw(chan, b"\x00\x00" + struct.pack(">H", seq))
            self.handle(chan, body[3:])
        elif t == 0:
            ct = body[1]
            if ct == 1:
                self.peer_id = struct.unpack(">H", body[2:4])[0]
            elif ct == 3:
                self.denied = self.denied or "disco"
        elif t == 1:
            cmd = struct.unpack(">H", body[1:3])[0]
            self.inbox.append((cmd, body[3:]))
            if cmd == 0x0A:
                self.denied = body[3:]
        # split packets (type 2) are acked and ignored

    def wait_for(self, cmds, timeout=5.0):
        end = time.time() + timeout
        while time.time() < end:
            for i, (c, p) in enumerate(self.inbox):
                if c in cmds:
                    del self.inbox[i]
                    return c, p
            if self.denied:
                return None, None
            self.pump(0.1)
        return None, None

    def connect(self):
        self.send(0, b"", channel=0, reliable=True) if False else None
        # dummy reliable packet with empty data creates the peer
        s = self.seq[0]
        self.seq[0] = (s + 1) % 65536
        self.raw(0, b"\x03" + struct.pack(">H", s) + b"\x01")
        end = time.time() + 5
        while self.peer_id == 0 and time.time() < end:
            self.pump(0.1)
        return self.peer_id != 0

    def init(self, proto_min=37, proto_max=41, ser=29, name=None):
        self.send(0x02, struct.pack(">BHHH", ser, 0, proto_min, proto_max) + mstr(name or self.name),
                  channel=1, reliable=False)
        c, p = self.wait_for({0x02})
        if c is None:
            return None
        ser, comp, proto, mechs = struct.unpack(">BHHI", p[:9])
        return mechs

    def first_srp(self, password):
        if password:
            salt = os.urandom(16)
            x = H(salt, H((self.name.lower() + ":" + password).encode()))
            v = pow(G, x, N)
            self.send(0x50, mstr(salt) + mstr(l2b(v)) + b"\x00")
        else:
            self.send(0x50, mstr(b"") + mstr(b"") + b"\x01")
        c, p = self.wait_for({0x03})
        return c == 0x03

    def srp(self, password):
        a = random.getrandbits(256)
        A = pow(G, a, N)
        self.send(0x51, mstr(l2b(A)) + b"\x01")
        c, p = self.wait_for({0x60})
        if c is None:
            return False
        ls = struct.unpack(">H", p[:2])[0]
        s = p[2:2 + ls]
        lb = struct.unpack(">H", p[2 + ls:4 + ls])[0]
        B = int.from_bytes(p[4 + ls:4 + ls + lb], "big")
        nl = (N.bit_length() + 7) // 8
        pad = lambda n: n.to_bytes(nl, "big")
        k = H(pad(N), pad(G))
        u = H(pad(A), pad(B))
        x = H(s, H((self.name.lower() + ":" + password).encode()))
        S = pow((B - k * pow(G, x, N)) % N, a + u * x, N)
        K = hashlib.sha256(l2b(S)).digest()
        hn = hashlib.sha256(l2b(N)).digest()
        hg = hashlib.sha256(l2b(G)).digest()
        hxor = bytes(i ^ j for i, j in zip(hn, hg))
        M = hashlib.sha256(hxor + hashlib.sha256(self.name.encode()).digest() + s + l2b(A) + l2b(B) + K).digest()
        self.send(0x52, mstr(M))
        c, p = self.wait_for({0x03})
        return c == 0x03

    def ready(self):
        self.send(0x11, mstr("en"))
        self.pump(1.5)
        self.send(0x43, struct.pack(">BBBB", 5, 6, 1, 0) + mstr("5.6.1-script") + struct.pack(">H", 4))
        self.pump(2.0)

    def chat(self, text):
        self.send(0x32, wstr(text), channel=0)

    def pos(self):
        x, y, z = (random.randint(-3000, 3000) for _ in range(3))
        self.send(0x23, struct.pack(">iiiiiiiiIBB", x, y + 1000, z, 0, 0, 0,
                                    random.randint(0, 9000), random.randint(0, 36000), 0, 80, 10),
                  channel=0, reliable=False)

    def quit(self):
        self.raw(0, b"\x00\x03")


def main():
    host, port, name, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    if password == "-":
        password = ""
    actions = sys.argv[5:]
    c = Client(host, port, name)
    if "garbage0" in actions:
        c.sock.sendto(os.urandom(random.randint(3, 40)), c.addr)
        return
    if not c.connect():
        print("no peer id")
        return
    if "garbage" in actions:
        c.send(random.choice([0x02, 0x51, 0x52, 0x32, 0x43]), os.urandom(random.randint(0, 6)), channel=1)
        c.pump(1.0)
        c.quit()
        return
    if "badproto" in actions:
        c.init(proto_min=20, proto_max=24)
        c.pump(0.5)
        return
    mechs = c.init()
    print("mechs", mechs, "denied", c.denied)
    if mechs is None:
        return
    if mechs & 4:
        ok = c.first_srp(password)
    elif mechs & 2:
        ok = c.srp(password)
    else:
        ok = False
    print("auth", ok, c.denied)
    if not ok:
        c.pump(0.5)
        return
    if "noready" in actions:
        c.pump(1)
        c.quit()
        return
    c.ready()
    for act in actions:
        if act.startswith("chat:"):
            c.chat(act[5:])
            c.pump(random.uniform(0.3, 1.2))
        elif act.startswith("wait:"):
            t = float(act[5:])
            if random.random() < 0.3:
                c.pos()
            c.pump(t)
        elif act == "pos":
            c.pos()
            c.pump(0.3)
        elif act == "drop":
            return
        elif act == "quit":
            c.quit()
            return
    c.pump(0.5)
    c.quit()


if __name__ == "__main__":
    main()
