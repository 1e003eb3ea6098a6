#!/usr/bin/env python3
"""Minimal DHCPv4/DHCPv6 test client: dhcpclient.py v4|v6 COUNT IFACE [SERVER_LL6]"""
import os, random, socket, struct, sys

IFACE = sys.argv[3]
SO_BINDTODEVICE = 25

def mac(i):
    return bytes([0x02, 0x34, 0x00, 0x00, (i >> 8) & 0xff, i & 0xff])

def opt4(code, data):
    return bytes([code, len(data)]) + data

def v4_packet(mtype, m, xid, ciaddr=b"\0" * 4, extra=b"", op=1, flags=0x8000):
    hdr = struct.pack("!BBBBIHH4s4s4s4s16s64s128s", op, 1, 6, 0, xid, 0, flags,
                      ciaddr, b"\0" * 4, b"\0" * 4, b"\0" * 4, m + b"\0" * 10, b"", b"")
    opts = b"\x63\x82\x53\x63"
    if mtype is not None:
        opts += opt4(53, bytes([mtype]))
    opts += opt4(55, bytes([1, 3, 6, 15, 26, 119, 121])) + extra + b"\xff"
    return hdr + opts

def v4_recv(s):
    try:
        data, _ = s.recvfrom(2048)
    except socket.timeout:
        return None
    if len(data) < 240:
        return None
    return socket.inet_ntoa(data[16:20])

def run_v4(count):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    s.setsockopt(socket.SOL_SOCKET, SO_BINDTODEVICE, IFACE.encode())
    s.bind(("0.0.0.0", 68))
    s.settimeout(0.4)
    dst = ("255.255.255.255", 67)
    sid = opt4(54, socket.inet_aton("10.34.0.1"))
    for _ in range(count):
        i = random.choice([1, 2, 3] + list(range(10, 10 + random.choice([8, 15, 30]))))
        m, xid = mac(i), random.getrandbits(32)
        act = random.choices(["dora", "discover", "renew", "release", "decline", "inform",
                              "garbage", "reply", "notype", "request_other"],
                             [30, 8, 10, 6, 3, 4, 2, 2, 2, 3])[0]
        if act in ("dora", "discover", "renew", "release", "decline"):
            s.sendto(v4_packet(1, m, xid), dst)
            ip = v4_recv(s)
            if act == "discover" or not ip or ip == "0.0.0.0":
                continue
            req = opt4(50, socket.inet_aton(ip)) + sid
            if random.random() < 0.3:
                req += opt4(12, ("host-%d" % i).encode())
            s.sendto(v4_packet(3, m, xid, extra=req), dst)
            v4_recv(s)
            if act == "renew":
                s.sendto(v4_packet(3, m, random.getrandbits(32), ciaddr=socket.inet_aton(ip)), dst)
                v4_recv(s)
            elif act == "release":
                s.sendto(v4_packet(7, m, random.getrandbits(32), ciaddr=socket.inet_aton(ip), extra=sid), dst)
            elif act == "decline":
                s.sendto(v4_packet(4, m, random.getrandbits(32), extra=opt4(50, socket.inet_aton(ip)) + sid), dst)
        elif act == "inform":
            s.sendto(v4_packet(8, m, xid, ciaddr=socket.inet_aton("10.34.0.%d" % random.randint(2, 90))), dst)
            v4_recv(s)
        elif act == "garbage":
            s.sendto(os.urandom(random.randint(3, 200)), dst)
        elif act == "reply":
            s.sendto(v4_packet(2, m, xid, op=2), dst)
        elif act == "notype":
            s.sendto(v4_packet(None, m, xid), dst)
            v4_recv(s)
        elif act == "request_other":
            s.sendto(v4_packet(3, m, xid, extra=opt4(50, socket.inet_aton("10.34.0.%d" % random.randint(120, 250))) + sid), dst)
            v4_recv(s)

def opt6(code, data):
    return struct.pack("!HH", code, len(data)) + data

def run_v6(count, server):
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, SO_BINDTODEVICE, IFACE.encode())
    s.bind(("::", 546))
    s.settimeout(0.4)
    ifindex = socket.if_nametoindex(IFACE)
    dst = (server, 547, 0, ifindex)
    for _ in range(count):
        i = random.choice([1, 3] + list(range(40, 40 + random.choice([5, 12]))))
        m = mac(i)
        duid = opt6(1, struct.pack("!HH", 3, 1) + m)
        act = random.choices(["solicit", "request", "pd", "info", "release", "garbage", "rebind", "noclientid", "relay"],
                             [20, 15, 10, 8, 4, 2, 3, 2, 2])[0]
        xid = os.urandom(3)
        oro = opt6(6, struct.pack("!HHH", 23, 24, 59))
        ia = opt6(3, struct.pack("!III", i, 0, 0))
        pd = opt6(25, struct.pack("!III", i, 0, 0))
        el = opt6(8, b"\0\0")
        srvid = opt6(2, struct.pack("!HH", 3, 1) + bytes.fromhex("0234deadbeef"))
        if act == "solicit":
            body = bytes([1]) + xid + duid + el + oro + ia
        elif act == "request":
            body = bytes([3]) + xid + duid + srvid + el + oro + ia
        elif act == "pd":
            body = bytes([random.choice([1, 3])]) + xid + duid + el + pd + (srvid if random.random() < 0.5 else b"")
        elif act == "info":
            body = bytes([11]) + xid + duid + el + oro
        elif act == "release":
            body = bytes([8]) + xid + duid + srvid + el + ia
        elif act == "rebind":
            body = bytes([6]) + xid + duid + el + ia
        elif act == "noclientid":
            body = bytes([1]) + xid + el + oro
        elif act == "relay":
            inner = bytes([1]) + xid + duid + el + oro + ia
            body = bytes([12, 0]) + socket.inet_pton(socket.AF_INET6, "2001:db8:34::1") + \
                socket.inet_pton(socket.AF_INET6, "fe80::34:%x" % i) + opt6(9, inner)
        else:
            body = os.urandom(random.randint(1, 60))
        s.sendto(body, dst)
        try:
            s.recvfrom(2048)
        except socket.timeout:
            pass

if __name__ == "__main__":
    if sys.argv[1] == "v4":
        run_v4(int(sys.argv[2]))
    else:
        run_v6(int(sys.argv[2]), sys.argv[4])
