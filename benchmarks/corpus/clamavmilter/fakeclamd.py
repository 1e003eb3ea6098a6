#!/usr/bin/env python3
"""A misbehaving clamd stand-in (backend fault injection) for workload.sh.

Usage: fakeclamd.py PORT SEED
Answers nPING with PONG; for each nINSTREAM picks a random behaviour: a good reply,
an unknown reply, an overlong reply, silence (reader timeout), closing early, or a
FOUND reply.
"""
import random
import socket
import struct
import sys
import threading
import time


def read_stream(c):
    total = 0
    while True:
        hdr = b""
        while len(hdr) < 4:
            d = c.recv(4 - len(hdr))
            if not d:
                return total
            hdr += d
        (n,) = struct.unpack(">I", hdr)
        if n == 0:
            return total
        got = 0
        while got < n:
            d = c.recv(min(65536, n - got))
            if not d:
                return total
            got += len(d)
        total += n


def handle(c, r):
    try:
        c.settimeout(30)
        cmd = b""
        while not cmd.endswith(b"\n") and len(cmd) < 64:
            d = c.recv(1)
            if not d:
                return
            cmd += d
        if cmd.startswith(b"nPING"):
            c.sendall(b"PONG\n")
            return
        mode = r.choices(["ok", "found", "unknown", "overlong", "silent", "close", "closeearly"],
                         [20, 10, 15, 10, 10, 15, 20])[0]
        if mode == "closeearly":
            c.shutdown(socket.SHUT_RDWR)
            return
        read_stream(c)
        if mode == "ok":
            c.sendall(b"stream: OK\n")
        elif mode == "found":
            c.sendall(b"stream: Fake.Backend.Detection FOUND\n")
        elif mode == "unknown":
            c.sendall(r.choice([b"stream: ERROR size limit exceeded\n", b"INSTREAM size limit exceeded. ERROR\n",
                                b"UNKNOWN COMMAND\n", b"stream: Can't allocate memory ERROR\n"]))
        elif mode == "overlong":
            c.sendall(b"stream: " + b"X" * 300)
            time.sleep(1)
        elif mode == "silent":
            time.sleep(8)
        elif mode == "close":
            pass
    except OSError:
        pass
    finally:
        c.close()


def main():
    port, seed = int(sys.argv[1]), int(sys.argv[2])
    r = random.Random(seed)
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(50)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c, random.Random(r.random())), daemon=True).start()


if __name__ == "__main__":
    main()
