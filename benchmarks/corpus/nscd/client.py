#!/usr/bin/env python3
"""Raw nscd protocol client: sends well-formed, malformed and privileged requests
to the nscd socket (inside the private mount namespace of workload.sh)."""
import os
import random
import socket
import struct
import sys
import time

SOCK = "/var/run/nscd/socket"
T = dict(GETPWBYNAME=0, GETPWBYUID=1, GETGRBYNAME=2, GETGRBYGID=3, GETHOSTBYNAME=4,
         GETHOSTBYNAMEv6=5, GETHOSTBYADDR=6, GETHOSTBYADDRv6=7, SHUTDOWN=8, GETSTAT=9,
         INVALIDATE=10, GETFDPW=11, GETFDGR=12, GETFDHST=13, GETAI=14, INITGROUPS=15,
         GETSERVBYNAME=16, GETSERVBYPORT=17, GETFDSERV=18, GETNETGRENT=19, INNETGR=20,
         GETFDNETGR=21)


def conn():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(3)
    s.connect(SOCK)
    return s


def req(rtype, key, version=2, key_len=None, send_key=True, read=True):
    kb = key.encode() + b"\0" if isinstance(key, str) else key
    if key_len is None:
        key_len = len(kb)
    try:
        s = conn()
        s.sendall(struct.pack("iii", version, rtype, key_len) + (kb if send_key else b""))
        if read:
            try:
                s.recv(4096)
            except OSError:
                pass
        s.close()
    except OSError as e:
        print("client error:", e, file=sys.stderr)


def garbage(kind):
    try:
        s = conn()
        if kind == "short":
            s.sendall(os.urandom(random.randint(1, 11)))
        elif kind == "shortkey":
            s.sendall(struct.pack("iii", 2, random.choice([0, 2, 16]), random.randint(40, 900)) + b"abc")
        elif kind == "longkey":
            s.sendall(struct.pack("iii", 2, random.choice([0, 4, 16]), random.choice([1025, 4096, 70000, -5])))
        elif kind == "badtype":
            s.sendall(struct.pack("iii", 2, random.choice([22, 99, -3, 1000]), 4) + b"xyz\0")
        elif kind == "oldversion":
            s.sendall(struct.pack("iii", random.choice([1, 0, 3, 7]), 0, 5) + b"root\0")
        elif kind == "empty":
            pass
        elif kind == "random":
            s.sendall(os.urandom(random.randint(12, 64)))
        time.sleep(0.05)
        s.close()
    except OSError as e:
        print("client error:", e, file=sys.stderr)


def main():
    mode = sys.argv[1]
    args = sys.argv[2:]
    if mode == "garbage":
        for k in args:
            garbage(k)
    elif mode == "badnum":
        for k in args:
            req(random.choice([T["GETPWBYUID"], T["GETGRBYGID"]]), k)
    elif mode == "invalidate":
        for k in args:
            req(T["INVALIDATE"], k)
    elif mode == "stat":
        req(T["GETSTAT"], "")
    elif mode == "asuser":
        # privileged requests from an unprivileged uid: must be refused silently
        os.setgid(65534)
        os.setuid(65534)
        req(T["GETSTAT"], "")
        req(T["INVALIDATE"], random.choice(["passwd", "hosts"]))
        req(T["SHUTDOWN"], "")
    elif mode == "addr":
        for a in args:
            if ":" in a:
                req(T["GETHOSTBYADDRv6"], socket.inet_pton(socket.AF_INET6, a))
            else:
                req(T["GETHOSTBYADDR"], socket.inet_pton(socket.AF_INET, a))
    elif mode == "name":
        for k in args:
            t, key = k.split("=", 1)
            req(T[t], key)
    elif mode == "shutdown":
        req(T["SHUTDOWN"], "")


if __name__ == "__main__":
    main()
