#!/usr/bin/env python3
"""Minimal PostgreSQL wire-protocol client for the H2 PG server: extended query protocol and odd messages.
usage: pgext.py PORT DATABASE MODE   (MODE: ext | badtype | unsupported | cancel)"""
import random, socket, struct, sys

port, db, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3]

def msg(t, body=b""):
    return t + struct.pack("!I", len(body) + 4) + body

def cstr(s):
    return s.encode() + b"\0"

def recv_until(s, want=b"Z"):
    buf = b""
    s.settimeout(3)
    try:
        while True:
            c = s.recv(65536)
            if not c:
                return buf
            buf += c
            i = 0
            while i + 5 <= len(buf):
                t, n = buf[i:i + 1], struct.unpack("!I", buf[i + 1:i + 5])[0]
                if t == want:
                    return buf
                if t == b"R" and buf[i + 5:i + 9] == b"\0\0\0\x03":
                    return buf
                i += 1 + n
    except OSError:
        return buf

s = socket.create_connection(("127.0.0.1", port))
if mode == "cancel":
    s.sendall(struct.pack("!IIII", 16, 80877102, random.randint(1, 9999), random.randint(1, 99999)))
    s.close()
    sys.exit()
body = struct.pack("!I", 196608) + cstr("user") + cstr("sa") + cstr("database") + cstr(db) + b"\0"
s.sendall(struct.pack("!I", len(body) + 4) + body)
recv_until(s)
s.sendall(msg(b"p", cstr("sa")))
recv_until(s)
if mode == "ext":
    for _ in range(random.randint(1, 3)):
        q = random.choice(["SELECT $1::int + 1", "SELECT CAST($1 AS VARCHAR)", "SELECT $1 FROM DUAL"])
        v = str(random.randint(1, 999)).encode()
        s.sendall(msg(b"P", cstr("") + cstr(q) + struct.pack("!H", 0))
                  + msg(b"B", cstr("") + cstr("") + struct.pack("!HHI", 0, 1, len(v)) + v + struct.pack("!H", 0))
                  + msg(b"D", b"P" + cstr("")) + msg(b"E", cstr("") + struct.pack("!I", 0))
                  + msg(b"C", b"S" + cstr("")) + msg(b"S"))
        recv_until(s)
elif mode == "badtype":
    s.sendall(msg(b"P", cstr("s1") + cstr("SELECT 1") + struct.pack("!H", 0)) + msg(b"D", b"X" + cstr("s1")) + msg(b"S"))
    recv_until(s)
elif mode == "unsupported":
    s.sendall(msg(b"F", struct.pack("!I", 1234)))
    recv_until(s)
s.sendall(msg(b"X"))
s.close()
