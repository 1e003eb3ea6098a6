#!/usr/bin/env python3
"""A misbehaving DHCP server for the dhcpcd workload (runs inside the rogue namespace).

usage: rogue.py IFNAME MYIP MODE SECONDS
It answers client DISCOVER/REQUEST broadcasts with crafted replies chosen by MODE:
  nak nak_nosid noaddr invalid request_op wrongxid wronghw badtype ackdisc
  offer (a full server with odd lease times / sname) noserverid ipv6only rapid garbage
  arpclaim (MYIP is then the address to claim with ARP)
"""
import os
import random
import select
import socket
import struct
import sys
import time

MAGIC = b"\x63\x82\x53\x63"


def opts_of(pkt):
    out = {}
    i = 240
    while i < len(pkt):
        code = pkt[i]
        if code == 255:
            break
        if code == 0:
            i += 1
            continue
        ln = pkt[i + 1]
        out[code] = pkt[i + 2:i + 2 + ln]
        i += 2 + ln
    return out


def opt(code, data):
    return bytes([code, len(data)]) + data


def ip(s):
    return socket.inet_aton(s)


def reply(req, myip, mtype, yiaddr="0.0.0.0", extra=b"", op=2, xid=None, chaddr=None,
          sname=b"", sid=True):
    xid = struct.unpack(">I", req[4:8])[0] if xid is None else xid
    ch = req[28:44] if chaddr is None else chaddr
    hdr = struct.pack(">BBBBIHH4s4s4s4s16s64s128s", op, 1, 6, 0, xid, 0, 0x8000, b"\0" * 4,
                      ip(yiaddr), b"\0" * 4, b"\0" * 4, ch, sname.ljust(64, b"\0"), b"\0" * 128)
    o = b""
    if mtype:
        o += opt(53, bytes([mtype]))
    if sid:
        o += opt(54, ip(myip))
    return hdr + MAGIC + o + extra + b"\xff"


def lease_opts(myip):
    lt = random.choice([10, 30, 60, 3600, 0xFFFFFFFF])
    o = opt(51, struct.pack(">I", lt)) + opt(1, ip("255.255.0.0")) + opt(3, ip(myip))
    r = random.random()
    if r < 0.3 and lt != 0xFFFFFFFF:
        o += opt(58, struct.pack(">I", lt + 5)) + opt(59, struct.pack(">I", lt + 10))   # T1/T2 > lease
    elif r < 0.5 and lt != 0xFFFFFFFF:
        o += opt(58, struct.pack(">I", lt // 2)) + opt(59, struct.pack(">I", lt // 3))  # T1 > T2
    o += opt(6, ip(myip)) + opt(15, b"rogue.test")
    return o


def main():
    ifname, myip, mode, secs = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    if mode == "arpclaim":      # myip is the address to claim; send gratuitous ARP replies
        a = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
        a.bind((ifname, 0))
        with open("/sys/class/net/%s/address" % ifname) as f:
            mac = bytes.fromhex(f.read().strip().replace(":", ""))
        end = time.time() + secs
        while time.time() < end:
            op = random.choice([1, 2])
            frame = (b"\xff" * 6 + mac + b"\x08\x06" + struct.pack(">HHBBH", 1, 0x0800, 6, 4, op)
                     + mac + ip(myip) + b"\0" * 6 + ip(myip))
            a.send(frame)
            time.sleep(random.uniform(0.5, 4))
        return
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, ifname.encode())
    s.bind(("0.0.0.0", 67))
    end = time.time() + secs
    offered = "127.29.0.%d" % random.randint(200, 240)
    if mode == "garbage":
        while time.time() < end:
            s.sendto(os.urandom(random.randint(8, 200)), ("255.255.255.255", 68))
            time.sleep(random.uniform(0.3, 1.5))
        return
    while time.time() < end:
        r, _, _ = select.select([s], [], [], 0.5)
        if not r:
            continue
        req, _ = s.recvfrom(4096)
        if len(req) < 240 or req[0] != 1 or req[236:240] != MAGIC:
            continue
        o = opts_of(req)
        t = o.get(53, b"\0")[0]
        xid = struct.unpack(">I", req[4:8])[0]
        pkt = None
        if mode == "nak" and t in (1, 3):
            pkt = reply(req, myip, 6, extra=opt(56, random.choice([b"rogue says no", b"address not available", b"wrong network \x01"])))
        elif mode == "nak_nosid" and t in (1, 3):
            pkt = reply(req, myip, 6, sid=False)
        elif mode == "noaddr" and t == 1:
            pkt = reply(req, myip, 2, extra=opt(116, bytes([random.choice([0, 1, 7])])) + opt(56, b"no addresses left"))
        elif mode == "invalid" and t == 1:
            pkt = reply(req, myip, 2, yiaddr="255.255.255.255", extra=lease_opts(myip))
        elif mode == "request_op" and t in (1, 3):
            pkt = reply(req, myip, 2, yiaddr=offered, op=1)
        elif mode == "wrongxid" and t in (1, 3):
            pkt = reply(req, myip, 2, yiaddr=offered, xid=(xid + 1) & 0xFFFFFFFF)
        elif mode == "wronghw" and t in (1, 3):
            pkt = reply(req, myip, 2, yiaddr=offered, chaddr=bytes.fromhex("0229deadbeef") + b"\0" * 10)
        elif mode == "badtype" and t in (1, 3):
            pkt = reply(req, myip, random.choice([4, 7, 8]), yiaddr=offered, extra=lease_opts(myip))
        elif mode == "ackdisc" and t == 1:
            pkt = reply(req, myip, 5, yiaddr=offered, extra=lease_opts(myip))
        elif mode == "noserverid" and t in (1, 3):
            pkt = reply(req, myip, 2 if t == 1 else 5, yiaddr=offered, extra=lease_opts(myip), sid=False)
        elif mode == "ipv6only" and t in (1, 3):
            pkt = reply(req, myip, 2 if t == 1 else 5, yiaddr=offered,
                        extra=opt(108, struct.pack(">I", random.choice([10, 300]))) + lease_opts(myip))
        elif mode == "rapid" and t == 1:
            pkt = reply(req, myip, 5, yiaddr=offered, extra=opt(80, b"") + lease_opts(myip))
        elif mode == "offer" and t == 1:
            pkt = reply(req, myip, 2, yiaddr=offered, extra=lease_opts(myip),
                        sname=random.choice([b"", b"rogue-srv"]))
        elif mode == "offer" and t == 3:
            sid = o.get(54)
            if sid is None or sid == ip(myip):
                pkt = reply(req, myip, 5, yiaddr=offered, extra=lease_opts(myip))
        if pkt:
            time.sleep(random.uniform(0.0, 0.2))
            s.sendto(pkt, ("255.255.255.255", 68))


if __name__ == "__main__":
    main()
