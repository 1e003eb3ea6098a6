#!/usr/bin/env python3
"""Minimal raw Wayland client sending valid and malformed requests; usage: badwl.py CASE [SEED]"""
import os, random, socket, struct, sys, time

CASE = sys.argv[1]
rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else None)
path = os.path.join(os.environ["XDG_RUNTIME_DIR"], os.environ.get("WAYLAND_DISPLAY", "wayland-0"))


def msg(obj, opcode, payload=b"", size=None):
    size = 8 + len(payload) if size is None else size
    return struct.pack("<II", obj, (size << 16) | opcode) + payload


def wstr(s, term=True):
    b = s.encode() + (b"\0" if term else b"")
    n = len(b)
    pad = (4 - n % 4) % 4
    return struct.pack("<I", n) + b + b"\0" * pad


s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(path)
reg = msg(1, 1, struct.pack("<I", 2)) + msg(1, 0, struct.pack("<I", 3))
if CASE == "registry":
    s.sendall(reg)
elif CASE == "badobj":
    s.sendall(msg(rnd.randint(50, 900), 0, struct.pack("<I", 4)))
elif CASE == "badmethod":
    s.sendall(msg(1, rnd.randint(2, 9)))
elif CASE == "short":
    s.sendall(msg(1, 1, b""))
elif CASE == "badnewid":
    s.sendall(msg(1, 1, struct.pack("<I", rnd.randint(7, 99))))
elif CASE == "badbind":
    s.sendall(reg + msg(2, 0, struct.pack("<I", rnd.randint(200, 999)) + wstr("wl_compositor") + struct.pack("<II", 1, 4)))
elif CASE == "noterm":
    s.sendall(reg + msg(2, 0, struct.pack("<I", 1) + wstr("wl_compositorX", False) + struct.pack("<II", 1, 4)))
elif CASE == "nullstr":
    s.sendall(reg + msg(2, 0, struct.pack("<I", 1) + struct.pack("<I", 0) + struct.pack("<II", 1, 4)))
elif CASE == "garbage":
    s.sendall(os.urandom(rnd.randint(8, 64)))
elif CASE == "hangup":
    s.sendall(reg[:10])
time.sleep(0.3)
s.close()
