#!/usr/bin/env python3
"""Scripted TFTP client for the atftpd workload: normal and broken sessions."""
import os
import random
import socket
import struct
import sys
import time

HOST = "127.0.0.1"
PORT = int(os.environ.get("TFTP_PORT", "43069"))
RRQ, WRQ, DATA, ACK, ERROR, OACK = 1, 2, 3, 4, 5, 6


def sock(timeout=3.0):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.%d" % random.randint(1, 20), 0))
    s.settimeout(timeout)
    return s


def req(op, name, mode="octet", opts=None):
    b = struct.pack("!H", op) + name.encode() + b"\0" + mode.encode() + b"\0"
    for k, v in (opts or {}).items():
        b += k.encode() + b"\0" + str(v).encode() + b"\0"
    return b


def recv(s):
    try:
        data, addr = s.recvfrom(70000)
        return data, addr
    except socket.timeout:
        return None, None


def get(name, opts=None, mode="octet", err_after=None, dup_ack=False, stall_after=None,
        wrong_port=False, hold=0.2):
    s = sock()
    s.sendto(req(RRQ, name, mode, opts), (HOST, PORT))
    blk = 512
    if opts and "blksize" in opts:
        blk = int(opts["blksize"])
    got = 0
    n = 0
    while True:
        data, addr = recv(s)
        if data is None:
            break
        op = struct.unpack("!H", data[:2])[0]
        if op == ERROR:
            break
        if op == OACK:
            s.sendto(struct.pack("!HH", ACK, 0), addr)
            continue
        if op == DATA:
            bn = struct.unpack("!H", data[2:4])[0]
            n += 1
            if stall_after is not None and n > stall_after:
                # stop answering: server will retry and give up
                time.sleep(hold)
                break
            if err_after is not None and n > err_after:
                s.sendto(struct.pack("!HH", ERROR, 0) + b"client aborted\0", addr)
                break
            if wrong_port and n == 1:
                s2 = sock()
                s2.sendto(struct.pack("!HH", ACK, bn), addr)
                s2.close()
            s.sendto(struct.pack("!HH", ACK, bn), addr)
            if dup_ack and n == 2:
                s.sendto(struct.pack("!HH", ACK, bn - 1), addr)
                s.sendto(struct.pack("!HH", ACK, bn), addr)
            got += len(data) - 4
            if len(data) - 4 < blk:
                break
    s.close()
    return got


def put(name, size, opts=None, mode="octet", wrong_block=False, stall_after=None, err_after=None,
        hold=0.2):
    s = sock()
    s.sendto(req(WRQ, name, mode, opts), (HOST, PORT))
    blk = 512
    if opts and "blksize" in opts:
        blk = int(opts["blksize"])
    payload = os.urandom(size)
    bn = 0
    while True:
        data, addr = recv(s)
        if data is None:
            break
        op = struct.unpack("!H", data[:2])[0]
        if op == ERROR:
            break
        if op in (ACK, OACK):
            if op == ACK:
                a = struct.unpack("!H", data[2:4])[0]
                if a != bn:
                    continue
            if bn * blk > size:
                break
            if stall_after is not None and bn >= stall_after:
                time.sleep(hold)
                break
            if err_after is not None and bn >= err_after:
                s.sendto(struct.pack("!HH", ERROR, 3) + b"disk full\0", addr)
                break
            bn += 1
            chunk = payload[(bn - 1) * blk: bn * blk]
            if wrong_block and bn == 2:
                s.sendto(struct.pack("!HH", DATA, bn + 5) + chunk, addr)
            s.sendto(struct.pack("!HH", DATA, bn) + chunk, addr)
    s.close()


def raw(payload):
    s = sock(1.0)
    s.sendto(payload, (HOST, PORT))
    recv(s)
    s.close()


def hold(name, secs):
    """Open a read and never answer: keeps a server thread busy."""
    s = sock()
    s.sendto(req(RRQ, name), (HOST, PORT))
    time.sleep(secs)
    s.close()


SMALL = ["small.txt", "boot.cfg", "hello.bin", "pxelinux.0", "motd.txt"]


def scenario(kind):
    r = random.random
    if kind == "get":
        opts = {}
        if r() < 0.6:
            opts["tsize"] = 0
        if r() < 0.5:
            opts["blksize"] = random.choice([512, 1024, 1428, 4096, 8192])
        if r() < 0.4:
            opts["timeout"] = random.randint(1, 5)
        if r() < 0.3:
            opts["windowsize"] = random.choice([1, 2, 4, 8])
        get(random.choice(SMALL + ["medium.bin"]), opts,
            mode=random.choice(["octet", "octet", "netascii"]))
    elif kind == "put":
        # no RFC2347 options on writes: the server logs them with the same text as for reads
        put("upload/up_%d.bin" % random.randint(1, 999), random.randint(10, 2500),
            mode=random.choice(["octet", "octet", "netascii"]))
    elif kind == "notfound":
        get(random.choice(["missing.img", "vmlinuz-%d" % random.randint(1, 99), "nope/x.cfg"]))
    elif kind == "dotdot":
        get(random.choice(["../etc/passwd", "a/../../secret", "/../shadow"]))
    elif kind == "dotdot_put":
        put("x/../../evil.bin", 100)
    elif kind == "badopt":
        if random.random() < 0.5:
            get("small.txt", {"timeout": random.choice([0, 300, 999])})
        else:
            get("small.txt", {"blksize": random.choice([8, 9, 10]), "tsize": 0, "timeout": 2})
    elif kind == "err_get":
        get("medium.bin", err_after=random.randint(1, 3))
    elif kind == "err_put":
        put("upload/err_%d.bin" % random.randint(1, 99), 3000, err_after=random.randint(1, 3))
    elif kind == "dup":
        get("medium.bin", dup_ack=True, wrong_port=random.random() < 0.5)
    elif kind == "wrongblock":
        put("upload/wb_%d.bin" % random.randint(1, 99), 1800, wrong_block=True)
    elif kind == "stall_get":
        get(random.choice(["medium.bin", "small.txt"]), {"timeout": 1}, stall_after=1,
            hold=random.choice([0.2, 8]))
    elif kind == "stall_put":
        put("upload/stall_%d.bin" % random.randint(1, 99), 2000, stall_after=1,
            hold=random.choice([0.2, 8]))
    elif kind == "nodir":
        put("nosuchdir/sub/file_%d.bin" % random.randint(1, 99), 100)
    elif kind == "badop":
        raw(struct.pack("!H", random.choice([3, 4, 5, 7, 9, 42])) + os.urandom(random.randint(2, 20)))
    elif kind == "garbage":
        raw(os.urandom(random.choice([1, 3, 7, 50, 200])))
    elif kind == "short":
        raw(struct.pack("!H", RRQ) + b"noterminator")
    elif kind == "emptyname":
        raw(struct.pack("!H", RRQ) + b"\0octet\0")
    elif kind == "badmode":
        get("small.txt", mode=random.choice(["mail", "binary", "xyz"]))
    elif kind == "pcre":
        get(random.choice(["host%d.conf" % random.randint(1, 50), "ppxelinux.0",
                           "pxelinux.cfg/0A0B0C", "kernel-%d" % random.randint(1, 9)]))
    elif kind == "mtftp":
        s = sock(1.0)
        mport = int(os.environ.get("MTFTP_PORT", "43070"))
        c = random.randint(0, 3)
        if c == 0:
            s.sendto(req(WRQ, "linux"), (HOST, mport))
        elif c == 1:
            s.sendto(req(RRQ, "linux", "netascii"), (HOST, mport))
        elif c == 2:
            s.sendto(req(RRQ, "unknown_%d" % random.randint(1, 9)), (HOST, mport))
        else:
            s.sendto(req(RRQ, "../etc/passwd"), (HOST, mport))
        recv(s)
        s.close()


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "hold":
        hold(sys.argv[2], float(sys.argv[3]))
    else:
        scenario(kind)
