#!/usr/bin/env python3
"""Minimal OpenTTD 13.0 admin-port and game-port clients used by workload.sh."""
import socket, struct, time

def pkt(t, body=b""):
    return struct.pack("<HB", len(body) + 3, t) + body

def s(x):
    return x.encode() + b"\0"

class Conn:
    def __init__(self, port, src="127.0.0.1"):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=3, source_address=(src, 0))
    def send(self, t, body=b""):
        self.s.sendall(pkt(t, body))
    def recv(self, timeout=1.0):
        self.s.settimeout(timeout)
        try:
            h = self._n(3)
            ln, t = struct.unpack("<HB", h)
            return t, self._n(ln - 3)
        except (socket.timeout, EOFError, OSError):
            return None
    def _n(self, n):
        b = b""
        while len(b) < n:
            c = self.s.recv(n - len(b))
            if not c: raise EOFError
            b += c
        return b
    def drain(self, t=0.5):
        out = []
        end = time.time() + t
        while time.time() < end:
            r = self.recv(max(0.05, end - time.time()))
            if r is None: break
            out.append(r)
        return out
    def close(self):
        try: self.s.close()
        except OSError: pass

class Admin(Conn):
    def join(self, password, name="r20admin", version="1.0"):
        self.send(0, s(password) + s(name) + s(version))
        return self.drain(0.8)
    def quit(self): self.send(1)
    def freq(self, typ, f): self.send(2, struct.pack("<HH", typ, f))
    def poll(self, typ, d=0xFFFFFFFF): self.send(3, struct.pack("<BI", typ, d))
    def chat(self, msg, action=3, desttype=0, dest=0): self.send(4, struct.pack("<BBI", action, desttype, dest) + s(msg))
    def rcon(self, cmd): self.send(5, s(cmd))
    def gamescript(self, js): self.send(6, s(js))
    def ping(self, v): self.send(7, struct.pack("<I", v))

class Game(Conn):
    def join(self, name, revision="13.0", playas=255, newgrf_ver=0x1D086D64):
        self.send(2, s(revision) + struct.pack("<I", newgrf_ver) + s(name) + struct.pack("<BB", playas, 0))
        return self.recv(2)
    def password(self, pw):
        self.send(11, s(pw))
        return self.recv(2)
    def game_info(self):
        self.send(7)
        return self.recv(2)

def player(port, name, pw, stay=3.0, ack=True, chat=None, rcon=None, src="127.0.0.1", quit=True, company=255):
    """Join, download the map, become active, optionally chat/rcon, then quit or drop."""
    import struct as st
    g = Game(port, src=src)
    r = g.join(name, playas=company)
    if r and r[0] == 10:
        r = g.password(pw)
    if not r or r[0] != 14:
        g.close(); return r
    g.drain(0.2)
    g.send(16)  # GETMAP
    end = time.time() + 15
    while time.time() < end:
        p = g.recv(3)
        if p is None: break
        if p[0] == 21: break
    g.send(22)  # MAP_OK
    frame, token = 0, 0
    end = time.time() + stay
    did = False
    while time.time() < end:
        p = g.recv(0.3)
        if p is None: continue
        if p[0] == 24 and len(p[1]) >= 8:  # SERVER_FRAME
            frame = st.unpack("<I", p[1][:4])[0]
            if len(p[1]) >= 9 + (4 if len(p[1]) >= 13 else 0):
                token = p[1][-1]
            if ack:
                g.send(25, st.pack("<IB", frame, token))
        if not did:
            did = True
            if chat: g.send(29, st.pack("<BBI", 3, 0, 0) + s(chat) + st.pack("<Q", 0))
            if rcon: g.send(32, s(rcon[0]) + s(rcon[1]))
    if quit: g.send(42)
    time.sleep(0.1)
    g.close()
    return True
