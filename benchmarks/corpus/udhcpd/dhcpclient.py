#!/usr/bin/env python3
"""Scripted DHCP client for the workload: random MACs, full and broken exchanges.
usage: dhcpclient.py IFACE SERVER_IP STEPS SEED"""
import random
import socket
import struct
import sys
import time

iface, server, steps, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
MAGIC = 0x63825363
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
s.bind(("0.0.0.0", 68))
s.settimeout(0.4)
known = []  # (mac, ip) pairs we hold
ip2b = socket.inet_aton


def packet(mtype, mac, xid, ciaddr="0.0.0.0", opts=b"", op=1, hlen=6, magic=MAGIC, flags=0x8000, end=True):
    hdr = struct.pack("!BBBBIHH4s4s4s4s16s64s128sI", op, 1, hlen, 0, xid, 0, flags, ip2b(ciaddr),
                      ip2b("0.0.0.0"), ip2b("0.0.0.0"), ip2b("0.0.0.0"), mac + b"\0" * 10, b"", b"", magic)
    o = b""
    if mtype is not None:
        o += bytes([53, 1, mtype])
    o += opts
    if end:
        o += b"\xff"
    return hdr + o


def opt(code, data):
    return bytes([code, len(data)]) + data


def send(p):
    s.sendto(p, ("255.255.255.255", 67))


def recv(xid):
    end = time.time() + 0.5
    while time.time() < end:
        try:
            data, _ = s.recvfrom(2048)
        except socket.timeout:
            return None
        if len(data) >= 240 and struct.unpack("!I", data[4:8])[0] == xid:
            yiaddr = socket.inet_ntoa(data[16:20])
            i, mt = 240, None
            while i < len(data) and data[i] != 255:
                if data[i] == 0:
                    i += 1
                    continue
                if data[i] == 53:
                    mt = data[i + 2]
                i += 2 + data[i + 1]
            return mt, yiaddr
    return None


def rmac():
    if rng.random() < 0.05:
        return bytes.fromhex("02aabbccdd01")  # has a static lease
    return bytes([0x02] + [rng.randrange(256) for _ in range(5)])


def host():
    return opt(12, rng.choice(["laptop", "printer", "nas", "cam", "tv", "phone", "pi"]).encode() + str(rng.randrange(100)).encode())


for step in range(steps):
    r = rng.random()
    xid = rng.getrandbits(32)
    mac = rmac()
    if r < 0.40:
        extra = host() if rng.random() < 0.6 else b""
        if rng.random() < 0.2:
            extra += opt(50, ip2b("10.233.0.%d" % rng.randrange(2, 254)))
        if rng.random() < 0.3:
            extra += opt(51, struct.pack("!I", rng.choice([30, 600, 3600, 99999999])))
        send(packet(1, mac, xid, opts=extra))
        rep = recv(xid)
        if rep and rep[0] == 2 and rng.random() < 0.85:
            ip = rep[1]
            sid = server if rng.random() < 0.93 else "10.233.0.99"
            send(packet(3, mac, xid, opts=opt(54, ip2b(sid)) + opt(50, ip2b(ip)) + extra))
            rep2 = recv(xid)
            if rep2 and rep2[0] == 5:
                known.append((mac, ip))
    elif r < 0.50 and known:
        mac, ip = rng.choice(known)
        send(packet(3, mac, xid, ciaddr=ip, flags=0))  # renew
        recv(xid)
    elif r < 0.56:
        # init-reboot with an address we may not own
        if known and rng.random() < 0.5:
            mac, ip = rng.choice(known)
            if rng.random() < 0.5:
                ip = "10.233.0.%d" % rng.randrange(2, 254)
        else:
            ip = "10.233.%d.%d" % (rng.choice([0, 0, 7]), rng.randrange(2, 254))
        send(packet(3, mac, xid, opts=opt(50, ip2b(ip))))
        recv(xid)
    elif r < 0.60 and known:
        i = rng.randrange(len(known))
        mac, ip = known.pop(i)
        send(packet(7, mac, xid, ciaddr=ip, opts=opt(54, ip2b(server))))  # release
    elif r < 0.63 and known:
        i = rng.randrange(len(known))
        mac, ip = known.pop(i)
        send(packet(4, mac, xid, opts=opt(54, ip2b(server)) + opt(50, ip2b(ip))))  # decline
    elif r < 0.67:
        send(packet(8, mac, xid, ciaddr="10.233.0.250", flags=0))  # inform
        recv(xid)
    elif r < 0.70:
        send(packet(3, mac, xid))  # request with nothing
    elif r < 0.73:
        send(packet(1, mac, xid, magic=0x01020304))
    elif r < 0.76:
        send(packet(1, mac, xid, hlen=rng.choice([0, 8, 16])))
    elif r < 0.79:
        send(packet(1, mac, xid, op=2))
    elif r < 0.83:
        send(packet(rng.choice([None, 0, 9, 13, 200]), mac, xid, opts=host()))
    elif r < 0.86:
        # option whose length runs past the end of the packet
        send(packet(1, mac, xid, opts=bytes([12, 60]) + b"abc", end=False))
    elif r < 0.89:
        send(struct.pack("!BBBB", 1, 1, 6, 0) + b"short")
    elif r < 0.92:
        send(packet(rng.choice([2, 5, 6]), mac, xid))
    else:
        send(packet(3, mac, xid, opts=opt(54, ip2b("10.233.0.77")) + opt(50, ip2b("10.233.0.30"))))
    time.sleep(rng.uniform(0.005, 0.05))
