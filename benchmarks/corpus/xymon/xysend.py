#!/usr/bin/env python3
"""Raw Xymon-protocol sender used by workload.sh for what the `xymon` tool cannot do:
pick a source address on 127.0.0.0/8, hold a connection open without finishing the
message (server-side timeout), send binary garbage or a flood of data.

usage: xysend.py [--src IP] [--hold SECS] [--garbage N] [--flood MB] PORT [MESSAGE]
MESSAGE may contain the two characters backslash-n for a newline.
"""
import os
import random
import string
import socket
import sys
import time


PRINTABLE = (string.ascii_letters + string.digits + "!#$%&()*+,-./:;<=>?@[]^_{|}~ ").encode()


def main() -> int:
    args = sys.argv[1:]
    src, hold, garbage, flood = None, 0.0, 0, 0
    while args and args[0].startswith("--"):
        opt = args.pop(0)
        if opt == "--src":
            src = args.pop(0)
        elif opt == "--hold":
            hold = float(args.pop(0))
        elif opt == "--garbage":
            garbage = int(args.pop(0))
        elif opt == "--flood":
            flood = int(args.pop(0))
    port = int(args.pop(0))
    msg = (args.pop(0) if args else "").replace("\\n", "\n")

    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(30)
    if src:
        s.bind((src, 0))
    try:
        s.connect(("127.0.0.1", port))
    except OSError as exc:
        print(f"connect failed: {exc}", file=sys.stderr)
        return 1
    try:
        if garbage:
            s.sendall(bytes(random.choice(PRINTABLE) for _ in range(garbage)))
        if flood:
            chunk = b"status flood.lab.test.cpu green " + b"x" * (1024 * 1024 - 40) + b"\n"
            for _ in range(flood):
                s.sendall(chunk)
        if msg:
            s.sendall(msg.encode("latin-1"))
        if hold:
            time.sleep(hold)
        s.shutdown(socket.SHUT_WR)
        data = b""
        while True:
            part = s.recv(65536)
            if not part:
                break
            data += part
        if data:
            sys.stdout.write(data.decode("latin-1"))
    except OSError as exc:
        print(f"send failed: {exc}", file=sys.stderr)
    finally:
        s.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
