#!/usr/bin/env python3
"""Raw protocol clients for the Pioneers server workload.

  pclient.py MODE PORT [ARGS...]
  modes: extension N | overflow | reset | silent SECS | hangup | junk N | spectator | admin CMD...
"""
import os
import random
import socket
import struct
import sys
import time


def conn(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    return s


def readsome(s, t=0.3):
    s.settimeout(t)
    data = b""
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            data += d
    except (socket.timeout, OSError):
        pass
    return data


def handshake(s, name, spectator=False):
    readsome(s)
    s.sendall(b"version 15\n")
    readsome(s)
    s.sendall(b"status newviewer\n" if spectator else b"status newplayer\n")
    readsome(s)
    s.sendall(("name %s\n" % name).encode())
    readsome(s)


def main():
    mode, port = sys.argv[1], int(sys.argv[2])
    args = sys.argv[3:]
    name = "raw%d" % random.randint(100, 999)
    try:
        if mode == "extension":
            s = conn(port)
            handshake(s, name)
            for i in range(int(args[0])):
                word = random.choice(["trade-v2", "chat-color", "fog", "bank-loan", "xyzzy", "timer"])
                s.sendall(("extension %s %d\n" % (word, random.randint(0, 99))).encode())
                readsome(s, 0.05)
            s.close()
        elif mode == "overflow":
            s = conn(port)
            readsome(s)
            s.sendall(os.urandom(16).hex().encode() * 800)  # one endless line, no newline
            readsome(s, 1.0)
            s.close()
        elif mode == "reset":
            s = conn(port)
            handshake(s, name)
            s.sendall(b"chat hello there\n")
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            s.close()
        elif mode == "silent":
            s = conn(port)
            time.sleep(float(args[0]))
            s.close()
        elif mode == "hangup":
            s = conn(port)
            s.close()
        elif mode == "junk":
            s = conn(port)
            readsome(s)
            for i in range(int(args[0])):
                s.sendall(random.choice([b"GET / HTTP/1.0\n", b"version 99\n", b"\x00\x01\x02garbage\n",
                                         b"status fly\n", b"quit\n", b"name\n", b"roll\n", b"build road 0 0 0\n"]))
                readsome(s, 0.05)
            s.close()
        elif mode == "spectator":
            s = conn(port)
            handshake(s, name, spectator=True)
            time.sleep(float(args[0]) if args else 1)
            s.close()
        elif mode == "admin":
            s = conn(port)
            for cmd in args:
                s.sendall((cmd + "\n").encode())
                time.sleep(0.3)
                readsome(s, 0.2)
            s.close()
    except OSError as e:
        print("client %s: %s" % (mode, e), file=sys.stderr)


if __name__ == "__main__":
    main()
