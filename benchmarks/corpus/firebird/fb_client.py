#!/usr/bin/env python3
"""Raw-socket misbehaving clients for the Firebird workload.

usage: fb_client.py PORT KIND [SEED]
KIND: rst (half a connect packet, then TCP reset), garbage (random bytes),
      stall (connect packet, then silence and a normal close)
"""
import os
import random
import socket
import struct
import sys
import time

PORT, KIND = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else None)


def xdr_str(b):
    return struct.pack(">I", len(b)) + b + b"\0" * ((4 - len(b) % 4) % 4)


def connect_packet(path):
    # op_connect, op_attach, CONNECT_VERSION3, arch_generic, path, 1 protocol, user id
    uid = b"\x01\x04root\x04\x02vm\x06\x00"
    p = struct.pack(">IIII", 1, 19, 3, 1) + xdr_str(path) + struct.pack(">I", 1) + xdr_str(uid)
    p += struct.pack(">IIIII", 13 | 0x8000, 1, 0, 5, 1)
    return p


s = socket.create_connection(("127.0.0.1", PORT))
s.settimeout(3)
try:
    if KIND == "rst":
        pkt = connect_packet(b"/work/round28/firebird/db/t1.fdb")
        s.sendall(pkt[: rnd.randint(4, len(pkt) - 1)])
        time.sleep(rnd.uniform(0.1, 0.5))
    elif KIND == "garbage":
        s.sendall(os.urandom(rnd.randint(8, 300)))
        time.sleep(0.2)
        try:
            s.recv(100)
        except OSError:
            pass
    elif KIND == "stall":
        s.sendall(connect_packet(b"/work/round28/firebird/db/t%d.fdb" % rnd.randint(1, 3)))
        try:
            s.recv(1000)
        except OSError:
            pass
        time.sleep(rnd.uniform(0.2, 1.0))
    if KIND == "rst" or rnd.random() < 0.5:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
except OSError as e:
    print("fb_client %s: %s" % (KIND, e), file=sys.stderr)
s.close()
