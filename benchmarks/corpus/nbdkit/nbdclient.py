#!/usr/bin/python3
"""Scripted NBD clients for the nbdkit workload (libnbd python bindings + raw sockets)."""
import os
import random
import socket
import struct
import sys
import time

import nbd

NBDMAGIC = 0x4e42444d41474943
IHAVEOPT = 0x49484156454f5054


def ops(uri, n=None, tls_psk=None, tls_user=None, export=None):
    """Random block operations over libnbd; errors from the server are expected."""
    h = nbd.NBD()
    if tls_psk:
        h.set_tls(nbd.TLS_REQUIRE)
        h.set_tls_psk_file(tls_psk)
        if tls_user:
            h.set_tls_username(tls_user)
    if export is not None:
        h.set_export_name(export)
    if random.random() < 0.3:
        h.add_meta_context("base:allocation")
    try:
        h.connect_uri(uri)
    except nbd.Error as e:
        print("connect:", e, file=sys.stderr)
        return
    size = h.get_size()
    for _ in range(n or random.randint(2, 6)):
        op = random.choice(["pread", "pread", "pwrite", "pwrite", "trim", "zero", "flush",
                            "cache", "extents", "oob"])
        off = random.randrange(0, max(size - 8192, 1), 512) if size > 8192 else 0
        cnt = min(random.choice([512, 1024, 4096, 8192]), size - off) if size else 0
        try:
            if op == "pread" and cnt:
                h.pread(cnt, off)
            elif op == "pwrite" and cnt and h.is_read_only() == 0:
                h.pwrite(os.urandom(cnt), off,
                         nbd.CMD_FLAG_FUA if random.random() < 0.3 and h.can_fua() else 0)
            elif op == "trim" and cnt and h.can_trim():
                h.trim(cnt, off)
            elif op == "zero" and cnt and h.can_zero():
                h.zero(cnt, off)
            elif op == "flush" and h.can_flush():
                h.flush()
            elif op == "cache" and cnt and h.can_cache():
                h.cache(cnt, off)
            elif op == "extents" and cnt and h.can_meta_context("base:allocation"):
                h.block_status(cnt, off, lambda *a: 0)
            elif op == "oob":
                h.pread(512, size + 4096, flags=nbd.CMD_FLAG_FUA if random.random() < 0.3 else 0)
        except nbd.Error as e:
            print(op, e, file=sys.stderr)
    if random.random() < 0.8:
        try:
            h.shutdown()
        except nbd.Error:
            pass
    # else: just drop the connection


def raw(host, port, kind, src="127.0.0.1"):
    """Hand-written handshakes: garbage, bad magic, unknown options, abrupt close."""
    s = socket.socket()
    s.settimeout(3)
    s.bind((src, 0))
    try:
        s.connect((host, port))
        greet = s.recv(18)
        if kind == "hangup":
            return
        if kind == "garbage":
            s.sendall(os.urandom(random.randint(1, 64)))
            s.recv(4096)
            return
        s.sendall(struct.pack(">I", 1))  # NBD_FLAG_C_FIXED_NEWSTYLE
        if kind == "badmagic":
            s.sendall(struct.pack(">QII", 0x1122334455667788, 1, 0))
        elif kind == "unknownopt":
            s.sendall(struct.pack(">QII", IHAVEOPT, random.randint(20, 200), 0))
        elif kind == "badlen":
            s.sendall(struct.pack(">QII", IHAVEOPT, 7, 100000000))
        elif kind == "longname":
            name = b"x" * 5000
            s.sendall(struct.pack(">QII", IHAVEOPT, 1, len(name)) + name)
        elif kind == "list":
            s.sendall(struct.pack(">QII", IHAVEOPT, 3, 0))
        elif kind == "abort":
            s.sendall(struct.pack(">QII", IHAVEOPT, 2, 0))
        elif kind == "starttls":
            s.sendall(struct.pack(">QII", IHAVEOPT, 5, 0))
        elif kind == "info_short":
            s.sendall(struct.pack(">QII", IHAVEOPT, 6, 3) + b"abc")
        elif kind == "midclose":
            s.sendall(struct.pack(">QI", IHAVEOPT, 1))
            return
        time.sleep(0.2)
        try:
            s.recv(4096)
        except OSError:
            pass
        if kind in ("list", "unknownopt"):
            s.sendall(struct.pack(">QII", IHAVEOPT, 2, 0))
            time.sleep(0.1)
    except OSError as e:
        print("raw", kind, e, file=sys.stderr)
    finally:
        s.close()


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "ops":
        ops(sys.argv[2], tls_psk=os.environ.get("PSK"), tls_user=os.environ.get("PSKUSER"),
            export=os.environ.get("EXPORT"))
    elif what == "raw":
        raw("127.0.0.1", int(sys.argv[2]), sys.argv[3],
            sys.argv[4] if len(sys.argv) > 4 else "127.0.0.1")
