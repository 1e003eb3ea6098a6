#!/usr/bin/env python3
"""Misbehaving BitTorrent peer: connects to HOST:PORT and does one random bad thing.
usage: peerfuzz.py HOST PORT INFOHASH_HEX [SRC_IP]"""
import os, random, socket, struct, sys, time

host, port, ih = sys.argv[1], int(sys.argv[2]), bytes.fromhex(sys.argv[3])
src = sys.argv[4] if len(sys.argv) > 4 else "127.0.0.1"
PSTR = b"\x13BitTorrent protocol"

def hs(infohash, reserved=b"\x00" * 8):
    return PSTR + reserved + infohash + b"-FZ0001-" + os.urandom(12)

def msg(mid, payload=b""):
    return struct.pack(">IB", 1 + len(payload), mid) + payload

kind = random.choice(["garbage", "wronghash", "shortclose", "badmsg", "bigmsg", "badrequest",
                      "badhave", "badbitfield", "goodidle", "plainhttp"])
print("fuzz:", kind)
s = socket.socket()
s.bind((src, 0))
s.settimeout(5)
try:
    s.connect((host, port))
    if kind == "garbage":
        s.sendall(os.urandom(random.randrange(20, 200)))
    elif kind == "plainhttp":
        s.sendall(b"GET / HTTP/1.0\r\n\r\n")
    elif kind == "wronghash":
        s.sendall(hs(os.urandom(20)))
    elif kind == "shortclose":
        s.sendall(PSTR + b"\x00\x00")
    else:
        s.sendall(hs(ih, b"\x00" * 5 + b"\x10\x00\x00"))
        try:
            s.recv(68)
        except socket.timeout:
            pass
        time.sleep(0.3)
        if kind == "badmsg":
            s.sendall(msg(random.randrange(21, 200), os.urandom(4)))
        elif kind == "bigmsg":
            s.sendall(struct.pack(">I", 0x00ffffff) + b"\x07" + os.urandom(50))
        elif kind == "badrequest":
            s.sendall(msg(2) + msg(6, struct.pack(">III", 99999, 0, 16384)))
        elif kind == "badhave":
            s.sendall(msg(4, struct.pack(">I", 999999)))
        elif kind == "badbitfield":
            s.sendall(msg(5, os.urandom(random.choice([1, 3, 500]))))
        elif kind == "goodidle":
            s.sendall(msg(2))
            time.sleep(random.uniform(1, 4))
    time.sleep(random.uniform(0.5, 2))
    try:
        s.recv(4096)
    except OSError:
        pass
except OSError as e:
    print("fuzz error:", e)
finally:
    s.close()
