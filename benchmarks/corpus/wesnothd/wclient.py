#!/usr/bin/env python3
"""Minimal Wesnoth 1.16 multiplayer protocol client used by workload.sh (gzip'd WML over TCP)."""
import gzip, socket, struct, sys, time, random

class W:
    def __init__(self, port, handshake=b"\0\0\0\0", src="127.0.0.1"):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=3, source_address=(src, 0))
        self.s.sendall(handshake)
        self.num = self._recvn(4)
    def _recvn(self, n):
        b = b""
        while len(b) < n:
            c = self.s.recv(n - len(b))
            if not c: raise EOFError
            b += c
        return b
    def send(self, wml):
        data = gzip.compress(wml.encode())
        self.s.sendall(struct.pack(">I", len(data)) + data)
    def recv(self, timeout=2):
        self.s.settimeout(timeout)
        try:
            n = struct.unpack(">I", self._recvn(4))[0]
            return gzip.decompress(self._recvn(n)).decode(errors="replace")
        except (socket.timeout, EOFError, OSError):
            return None
    def drain(self, t=0.3):
        out = []
        end = time.time() + t
        while time.time() < end:
            m = self.recv(max(0.05, end - time.time()))
            if m is None: break
            out.append(m)
        return out
    def close(self):
        try: self.s.close()
        except OSError: pass

def q(s): return s.replace('"', '""')

def tag(name, attrs=None, children="", sort=True):
    """One WML tag; simple_wml wants attributes in alphabetical order."""
    items = list((attrs or {}).items())
    if sort: items.sort()
    body = "".join('%s="%s"\n' % (k, q(str(v))) for k, v in items)
    return "[%s]\n%s%s[/%s]\n" % (name, body, children, name)

def login(port, name, version="1.16.9", password=None, src="127.0.0.1"):
    w = W(port, src=src)
    w.recv()  # [version]
    w.send('[version]\nversion="%s"\n[/version]\n' % version)
    r = w.recv()
    if r is None or "mustlogin" not in r:
        return w, r
    extra = '\npassword="%s"' % q(password) if password is not None else ""
    w.send('[login]\nusername="%s"%s\n[/login]\n' % (q(name), extra))
    r = w.recv()
    return w, r

def msg(w, text):
    w.send(tag("message", {"message": text}))

def whisper(w, to, text, sort=True):
    w.send(tag("whisper", {"receiver": to, "message": text}, sort=sort))

def query(w, t):
    w.send(tag("query", {"type": t}))

def create_game(w, name, password="", sides=2, era="era_default", with_mp=True, ignored="", scenario_only=False):
    a = {"name": name, "password": password}
    if ignored: a["ignored"] = ignored
    if not scenario_only: w.send(tag("create_game", a))
    sd = "".join(tag("side", {"side": i, "controller": "human", "team_name": "t%d" % i, "save_id": "s%d" % i, "player_id": ""}) for i in range(1, sides + 1))
    scen = tag("scenario", {"id": "r20_map_%d" % random.randint(1, 99), "name": "Map %d" % random.randint(1, 99), "map_data": ""}, sd)
    mp = tag("multiplayer", {"scenario": "r20_map", "mp_era": era, "mp_use_map_settings": "yes", "observer": "yes"}) if with_mp else ""
    w.send(scen + mp)

def join(w, gid, password="", observe=False):
    w.send(tag("join", {"id": gid, "password": password, "observe": "yes" if observe else "no"}))

def leave(w):
    w.send(tag("leave_game"))

def start(w):
    w.send(tag("start_game"))
