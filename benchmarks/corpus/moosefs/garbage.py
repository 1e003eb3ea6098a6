#!/usr/bin/env python3
"""Send malformed MooseFS packets to the master's ports on 127.0.0.1 (49101 ml, 49102 cs, 49103 cl)."""
import os
import random
import socket
import struct
import sys
import time

PORTS = [49101, 49102, 49103]


def pkt(ptype, data):
    return struct.pack(">II", ptype, len(data)) + data


def one(rnd):
    port = rnd.choice(PORTS)
    kind = rnd.randrange(7)
    if kind == 0:      # absurd length
        data = struct.pack(">II", rnd.randrange(1, 1000), rnd.choice([50000000, 0x7FFFFFFF, 300000000]))
    elif kind == 1:    # unknown packet type
        data = pkt(rnd.randrange(5000, 60000), os.urandom(rnd.randrange(0, 40)))
    elif kind == 2:    # random bytes
        data = os.urandom(rnd.randrange(1, 64))
    elif kind == 3:    # register packet with wrong size / version (cltoma 400 fuse register, cstoma 100 register, mltoma 150)
        t = {49103: 400, 49102: 100, 49101: 150}[port]
        data = pkt(t, os.urandom(rnd.randrange(0, 30)))
    elif kind == 4:    # nop packets then garbage
        data = pkt(0, b"") + pkt(0, b"") + os.urandom(8)
    elif kind == 5:    # HTTP request to a MooseFS port
        data = b"GET / HTTP/1.0\r\nHost: x\r\n\r\n"
    else:              # connect and close without sending anything
        data = b""
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2)
        if data:
            s.sendall(data)
        time.sleep(rnd.uniform(0.05, 0.4))
        s.close()
    except OSError:
        pass


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else random.randrange(1 << 30)
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    rnd = random.Random(seed)
    for _ in range(count):
        one(rnd)
        time.sleep(rnd.uniform(0.05, 0.3))


if __name__ == "__main__":
    main()
