#!/usr/bin/env python3
"""Minimal raw client for the PipeWire native socket sending malformed data; usage: badpw.py CASE [SEED]"""
import os, random, socket, struct, sys, time

CASE = sys.argv[1]
rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else None)
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(os.path.join(os.environ["XDG_RUNTIME_DIR"], "pipewire-0"))
if CASE == "garbage":
    s.sendall(os.urandom(rnd.randint(16, 200)))
elif CASE == "badobj":
    # header: id, opcode<<24 | size, seq, n_fds ; then a small POD
    body = struct.pack("<II", 0, 0)
    s.sendall(struct.pack("<IIII", rnd.randint(100, 999), (1 << 24) | len(body), 1, 0) + body)
elif CASE == "badopcode":
    body = struct.pack("<II", 0, 0)
    s.sendall(struct.pack("<IIII", 0, (rnd.randint(30, 200) << 24) | len(body), 1, 0) + body)
elif CASE == "badpod":
    body = os.urandom(16)
    s.sendall(struct.pack("<IIII", 0, (1 << 24) | len(body), 1, 0) + body)
elif CASE == "fds":
    body = struct.pack("<II", 0, 0)
    s.sendall(struct.pack("<IIII", 0, (1 << 24) | len(body), 1, 3) + body)
elif CASE == "short":
    s.sendall(struct.pack("<II", 0, 1 << 24))
time.sleep(0.3)
s.close()
