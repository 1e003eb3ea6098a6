#!/usr/bin/env python3
"""Scripted raw-protocol Freeciv 3.0 clients for the workload (127.0.0.1 only).
usage: fcclient.py PORT MODE [NAME] [SECONDS]
modes: good (join with the server's capabilities and stay connected), oldcaps (join with
capabilities of another protocol), badname, garbage, shortpkt, badzip, silent, halfjoin."""
import random
import socket
import struct
import sys
import time
import zlib

CAPS = "+Freeciv-3.0-network year32 plrculture32 pingfix researchclr cityculture32"


def join_req(name, caps, label="-dev", ver=(3, 0, 6)):
    body = bytes([4]) + name.encode() + b"\0" + caps.encode() + b"\0" + label.encode() + b"\0"
    body += struct.pack(">III", *ver)
    return struct.pack(">H", len(body) + 2) + body


def drain(s, seconds):
    end = time.time() + seconds
    s.settimeout(0.5)
    while time.time() < end:
        try:
            if not s.recv(65536):
                return
        except socket.timeout:
            pass
        except OSError:
            return


def main():
    port, mode = int(sys.argv[1]), sys.argv[2]
    name = sys.argv[3] if len(sys.argv) > 3 else "user%d" % random.randint(1, 999)
    secs = float(sys.argv[4]) if len(sys.argv) > 4 else random.uniform(1, 4)
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=3)
    except OSError as e:
        print("connect failed:", e, file=sys.stderr)
        return
    try:
        if mode == "good":
            s.sendall(join_req(name, CAPS))
            drain(s, secs)
        elif mode == "oldcaps":
            s.sendall(join_req(name, "+Freeciv-2.6-network nationset_change", "", (2, 6, 4)))
            drain(s, 1)
        elif mode == "badname":
            s.sendall(join_req(random.choice(["1abc", "9lives", "\u00e9t\u00e9", "42"]), CAPS))
            drain(s, 1)
        elif mode == "garbage":
            s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(1, 200))))
            drain(s, 1)
        elif mode == "shortpkt":  # compressed length smaller than its own header
            s.sendall(struct.pack(">H", 16 * 1024 + 1 + 1) + b"\0")
            drain(s, 1)
        elif mode == "badzip":  # compressed packet that does not inflate
            junk = b"notzlib" * 5
            s.sendall(struct.pack(">H", 16 * 1024 + 1 + 2 + len(junk)) + junk)
            drain(s, 1)
        elif mode == "halfjoin":
            pkt = join_req(name, CAPS)
            s.sendall(pkt[:random.randint(1, len(pkt) - 1)])
            drain(s, 1)
        elif mode == "silent":
            drain(s, secs)
    except OSError:
        pass
    s.close()


if __name__ == "__main__":
    main()
