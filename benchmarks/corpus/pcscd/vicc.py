#!/usr/bin/env python3
"""Minimal virtual smart card for vpcd: connects to vpcd, answers ATR/APDUs, then leaves.
usage: vicc.py PORT SECONDS [mode]   mode: ok | garbage (sends a malformed reply) | mute"""
import socket, struct, sys, time, random
port, secs = int(sys.argv[1]), float(sys.argv[2])
mode = sys.argv[3] if len(sys.argv) > 3 else "ok"
ATR = bytes.fromhex("3B8880010000000000000000" if random.random() < .5 else "3BFA1800008131FE454A434F5033315632333298")
def recvall(s, n):
    b = b""
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c:
            raise EOFError
        b += c
    return b
def send(s, data):
    s.sendall(struct.pack(">H", len(data)) + data)
s = socket.create_connection(("127.0.0.1", port))
s.settimeout(0.5)
end = time.time() + secs
try:
    while time.time() < end:
        try:
            n = struct.unpack(">H", recvall(s, 2))[0]
        except socket.timeout:
            continue
        msg = recvall(s, n)
        if n == 1 and msg[0] in (0, 1, 2):
            continue
        if n == 1 and msg[0] == 4:
            send(s, ATR)
            continue
        if mode == "garbage" and random.random() < .3:
            s.sendall(b"\xff")
            break
        if mode == "mute" and random.random() < .3:
            break
        ins = msg[1] if len(msg) > 1 else 0
        if ins == 0xA4:
            send(s, b"\x90\x00" if random.random() < .6 else b"\x6A\x82")
        elif ins == 0xB0:
            send(s, bytes(random.randrange(256) for _ in range(random.randrange(1, 17))) + b"\x90\x00")
        elif ins == 0xCA:
            send(s, b"\x01\x02\x03\x04\x90\x00")
        else:
            send(s, b"\x6D\x00")
except (EOFError, ConnectionError):
    pass
s.close()
