#!/usr/bin/env python3
"""Raw TCP client for the cntlm workload: sends bytes as given (\\r \\n escapes understood),
optionally from a chosen 127.0.0.0/8 source address, optionally closing early, and prints
the first line of what comes back.

usage: rawclient.py [--src IP] [--cut N] [--wait S] PORT DATA
"""
import socket
import sys
import time


def main() -> int:
    args = sys.argv[1:]
    src, cut, wait = None, None, 5.0
    while args and args[0].startswith("--"):
        opt = args.pop(0)
        if opt == "--src":
            src = args.pop(0)
        elif opt == "--cut":
            cut = int(args.pop(0))
        elif opt == "--wait":
            wait = float(args.pop(0))
    port = int(args.pop(0))
    data = args.pop(0).replace("\\r", "\r").replace("\\n", "\n").encode("latin-1")
    s = socket.socket()
    s.settimeout(wait)
    if src:
        s.bind((src, 0))
    try:
        s.connect(("127.0.0.1", port))
        s.sendall(data[:cut] if cut is not None else data)
        if cut is not None:
            s.close()
            return 0
        got = b""
        try:
            while len(got) < 200000:
                part = s.recv(65536)
                if not part:
                    break
                got += part
        except socket.timeout:
            pass
        print(got.split(b"\r\n", 1)[0].decode("latin-1", "replace"))
    except OSError as exc:
        print(f"error: {exc}")
    finally:
        s.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
