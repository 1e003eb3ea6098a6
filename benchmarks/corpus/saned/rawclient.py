#!/usr/bin/env python3
"""Hand-made SANE net protocol client for the saned workload: speaks just enough of the
protocol (big-endian words, length-prefixed strings) to send wrong, truncated or hostile
requests that scanimage never sends.  Usage: rawclient.py PORT SCENARIO [ARGS...]"""
import random
import socket
import struct
import sys
import time

HOST = "127.0.0.1"
VERSION = (1 << 24) | (0 << 16) | 3


def word(v):
    return struct.pack(">i", v)


def string(s):
    if s is None:
        return word(0)
    b = s.encode() + b"\0"
    return word(len(b)) + b


def connect(port, src="127.0.0.1"):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((src, 0))
    s.settimeout(5)
    s.connect((HOST, port))
    return s


def recv_exact(s, n):
    data = b""
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def rword(s):
    return struct.unpack(">i", recv_exact(s, 4))[0]


def rstring(s):
    n = rword(s)
    return recv_exact(s, n)[:-1].decode(errors="replace") if n > 0 else None


def drain(s, wait=0.5):
    s.settimeout(wait)
    try:
        while s.recv(65536):
            pass
    except (socket.timeout, OSError):
        pass
    s.settimeout(5)


def init(s, user="raw-user"):
    s.sendall(word(0) + word(VERSION) + string(user))
    return rword(s), rword(s)


def do_open(s, name, auth=None):
    """OPEN; auth = (user, password, mode) answers an authorization request."""
    s.sendall(word(2) + string(name))
    status, handle, resource = rword(s), rword(s), rstring(s)
    if resource and auth is not None:
        user, password, mode = auth
        if mode == "wrongproc":
            s.sendall(word(7) + word(0))
            time.sleep(0.3)
            return None
        if mode == "hangup":
            s.close()
            sys.exit(0)
        res = resource if mode != "otherres" else "nosuchres"
        s.sendall(word(9) + string(res) + string(user) + string(password))
        rword(s)
        status, handle, resource = rword(s), rword(s), rstring(s)
    return status, handle


def main():
    port = int(sys.argv[1])
    scen = sys.argv[2]
    args = sys.argv[3:]
    try:
        if scen == "http":
            s = connect(port)
            s.sendall(random.choice([b"GET / HTTP/1.0\r\n\r\n", b"HELO scanner\r\n",
                                     b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"]))
            drain(s)
        elif scen == "hangup":
            s = connect(port)
            time.sleep(0.2)
        elif scen == "truncinit":
            s = connect(port)
            s.sendall(word(0) + word(VERSION) + word(64) + b"abc")
            s.shutdown(socket.SHUT_WR)
            drain(s)
        elif scen == "badproc":
            s = connect(port)
            init(s)
            s.sendall(word(int(args[0]) if args else random.choice([9, 0, 11, 42, 99, 4711])))
            drain(s)
        elif scen == "badhandle":
            s = connect(port)
            init(s)
            op = args[0] if args else random.choice(["params", "options", "start", "close", "cancel"])
            h = random.choice([3, 7, 15, 255, -1])
            code = {"close": 3, "options": 4, "params": 6, "start": 7, "cancel": 8}[op]
            s.sendall(word(code) + word(h))
            drain(s)
            s.sendall(word(10))
        elif scen == "badcontrol":
            s = connect(port)
            init(s)
            s.sendall(word(5) + word(random.choice([5, 9, 31])) + word(1) + word(0) + word(1) + word(4) + word(4) + word(1))
            drain(s)
        elif scen == "truncopen":
            s = connect(port)
            init(s)
            s.sendall(word(2) + word(200) + b"test")
            s.shutdown(socket.SHUT_WR)
            drain(s)
        elif scen == "dropped":
            s = connect(port)
            init(s)
            s.sendall(word(1))
            time.sleep(0.1)
            s.sendall(b"\x00\x00")
            s.close()
        elif scen == "open":
            s = connect(port)
            init(s, args[1] if len(args) > 1 else "raw-user")
            print(do_open(s, args[0]))
            s.sendall(word(10))
            time.sleep(0.2)
        elif scen == "auth":
            # args: device user password mode
            s = connect(port)
            init(s, args[1])
            r = do_open(s, args[0], (args[1], args[2], args[3]))
            print(r)
            if r and r[0] == 0:
                s.sendall(word(3) + word(r[1]))
                rword(s)
            s.sendall(word(10))
            time.sleep(0.2)
        elif scen == "stealdata":
            # start a scan and connect to the data port from another loopback address
            s = connect(port)
            init(s)
            status, h = do_open(s, args[0] if args else "test:0")
            s.sendall(word(7) + word(h))
            status, dport, order, res = rword(s), rword(s), rword(s), rstring(s)
            print("start", status, dport)
            if status == 0:
                d = connect(dport, src="127.0.0.%d" % random.randint(2, 9))
                drain(d)
            drain(s)
        elif scen == "holdports":
            # occupy data ports so saned cannot bind any of them
            lo, hi, secs = int(args[0]), int(args[1]), float(args[2])
            socks = []
            for p in range(lo, hi + 1):
                t = socket.socket()
                t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                t.bind((HOST, p))
                t.listen(1)
                socks.append(t)
            time.sleep(secs)
        else:
            print("unknown scenario", scen)
            return 2
    except (OSError, EOFError) as e:
        print("raw client:", scen, type(e).__name__, e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
