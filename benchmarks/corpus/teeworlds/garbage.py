#!/usr/bin/env python3
"""Send random garbage UDP datagrams to the game port: garbage.py PORT SEED N"""
import os, random, socket, sys, time
port, seed, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(n):
    kind = rng.choice(["tiny", "random", "ctrl_badtoken", "connless", "compressed", "big", "close_unknown"])
    if kind == "tiny":
        d = os.urandom(rng.randint(1, 6))
    elif kind == "random":
        d = os.urandom(rng.randint(7, 400))
    elif kind == "ctrl_badtoken":
        d = bytes([0x04, 0, 0]) + os.urandom(4) + bytes([rng.choice([1, 2, 5])]) + os.urandom(4) + bytes(504)
    elif kind == "connless":
        d = bytes([0x20 | rng.randint(0, 3)]) + os.urandom(8) + b"\xff\xff\xff\xffgie3" + os.urandom(rng.randint(0, 8))
    elif kind == "compressed":
        d = bytes([0x10, 0, 1]) + os.urandom(4) + os.urandom(rng.randint(1, 60))
    elif kind == "big":
        d = bytes([0x00, 0, 1]) + os.urandom(4) + os.urandom(1400)
    else:
        d = bytes([0x04, 0, 0]) + b"\xff\xff\xff\xff" + bytes([4]) + b"garbage\x00"
    s.sendto(d, ("127.0.0.1", port))
    time.sleep(rng.uniform(0.01, 0.1))
