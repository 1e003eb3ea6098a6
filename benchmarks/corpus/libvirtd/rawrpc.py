#!/usr/bin/env python3
"""Misbehaving libvirt RPC client: sends garbage / malformed / odd packets to libvirtd."""
import random, socket, struct, sys, time

REMOTE_PROG = 0x20008086
ADMIN_PROG = 0x06900690

def connect(kind, target):
    if kind == "unix":
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.connect(target)
    else:
        s = socket.socket(); s.connect(("127.0.0.1", int(target)))
    s.settimeout(2)
    return s

def pkt(prog, vers, proc, typ=0, serial=1, status=0, body=b""):
    hdr = struct.pack(">IIiiIi", prog, vers, proc, typ, serial, status)
    return struct.pack(">I", 4 + len(hdr) + len(body)) + hdr + body

def drain(s):
    try:
        while s.recv(65536):
            pass
    except Exception:
        pass

def main():
    kind, target, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    s = connect(kind, target)
    try:
        if mode == "garbage":
            s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(8, 300))))
        elif mode == "huge":
            s.sendall(struct.pack(">I", random.choice([0x7fffffff, 64 * 1024 * 1024, 33554433])) + b"x" * 28)
        elif mode == "tiny":
            s.sendall(struct.pack(">I", random.randint(0, 20)) + b"\0" * 24)
        elif mode == "badprog":
            s.sendall(pkt(random.randint(1, 0xffff), 1, random.randint(1, 50)))
        elif mode == "badvers":
            s.sendall(pkt(REMOTE_PROG, random.randint(2, 9), 1))
        elif mode == "badproc":
            s.sendall(pkt(REMOTE_PROG, 1, random.randint(5000, 9000)))
        elif mode == "badtype":
            s.sendall(pkt(REMOTE_PROG, 1, 66, typ=random.choice([1, 2, 7])))
        elif mode == "badstatus":
            s.sendall(pkt(REMOTE_PROG, 1, 66, status=random.choice([1, 2, 5])))
        elif mode == "noauth":
            # call connect-open without authenticating first
            s.sendall(pkt(REMOTE_PROG, 1, 1, body=b"\0" * 8))
        elif mode == "truncbody":
            # connect open with truncated XDR args
            s.sendall(pkt(REMOTE_PROG, 1, 1, body=b"\0\0\0\1"))
        elif mode == "halfpacket":
            s.sendall(struct.pack(">I", 200) + b"\0" * 10)
            time.sleep(0.3)
        elif mode == "idle":
            time.sleep(float(sys.argv[4]) if len(sys.argv) > 4 else 2)
        time.sleep(0.2)
        drain(s)
    finally:
        s.close()

if __name__ == "__main__":
    main()
