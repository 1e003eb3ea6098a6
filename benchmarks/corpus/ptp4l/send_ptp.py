#!/usr/bin/env python3
"""Send crafted / malformed PTP frames (IEEE 802.3 transport) from inside a peer namespace.

usage: send_ptp.py IFNAME KIND [COUNT] [SPOOF_MAC]
KIND: short badver badtype truncated announce pdelay_req delay_req fup sync_only
"""
import os
import random
import socket
import struct
import sys
import time

PTP_MCAST = bytes.fromhex("011b19000000")
PTP_PEER = bytes.fromhex("0180c200000e")
ETH_P_1588 = 0x88F7


def mac_of(ifname):
    with open(f"/sys/class/net/{ifname}/address") as f:
        return bytes.fromhex(f.read().strip().replace(":", ""))


def clock_id(mac):
    return mac[:3] + b"\xff\xfe" + mac[3:]


def header(mtype, length, seq, cid, port=1, domain=0, flags=0, version=2, control=0, interval=0):
    return struct.pack(">BBHBBH8s4s8sHHBb", mtype & 0x0F, version, length, domain, 0, flags,
                       b"\0" * 8, b"\0" * 4, cid, port, seq, control, interval)


def ts_bytes():
    now = time.time()
    sec = int(now)
    return struct.pack(">HIL", 0, sec, int((now - sec) * 1e9))


def announce(seq, cid, prio1, cls=248, utc=37, steps=0, flags=0):
    body = ts_bytes() + struct.pack(">hBBBBHB8sHB", utc, 0, prio1, cls, 0xFE, 0xFFFF, 128, cid, steps, 0xA0)
    return header(0xB, 34 + len(body), seq, cid, flags=flags, control=5, interval=1) + body


def main():
    ifname, kind = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    spoof = bytes.fromhex(sys.argv[4].replace(":", "")) if len(sys.argv) > 4 else None
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((ifname, 0))
    src = mac_of(ifname)
    cid = clock_id(spoof) if spoof else bytes(random.randrange(256) for _ in range(8))
    prio1 = random.choice([1, 10, 50, 90, 200, 250])
    seq = random.randrange(1000)
    for i in range(count):
        dst = PTP_MCAST
        if kind == "short":
            payload = os.urandom(random.randint(4, 30))
        elif kind == "badver":
            payload = header(0x0, 44, seq + i, cid, version=1) + ts_bytes()
        elif kind == "badtype":
            payload = header(random.choice([0x4, 0x5, 0x6, 0x7, 0xE, 0xF]), 44, seq + i, cid) + os.urandom(10)
        elif kind == "truncated":
            payload = header(random.choice([0xB, 0x9, 0x3, 0xA]), 64, seq + i, cid) + os.urandom(4)
        elif kind == "announce":
            payload = announce(seq + i, cid, prio1, utc=random.choice([37, 37, 38]),
                               steps=random.choice([0, 0, 1, 300]),
                               flags=random.choice([0x0008, 0x0000, 0x0108]))
        elif kind == "pdelay_req":
            dst = PTP_PEER
            payload = header(0x2, 54, seq + i, cid, control=5, interval=0x7F) + ts_bytes() + b"\0" * 10
        elif kind == "pdelay_resp":
            dst = PTP_PEER
            payload = header(0x3, 54, seq + i, cid, flags=0x0200, control=5, interval=0x7F) + ts_bytes() + cid + struct.pack(">H", 1)
        elif kind == "delay_req":
            payload = header(0x1, 44, seq + i, cid, control=1, interval=0x7F) + ts_bytes()
        elif kind == "fup":
            payload = header(0x8, 44, random.randrange(65536), cid, control=2, interval=0) + ts_bytes()
        elif kind == "sync_only":
            payload = header(0x0, 44, random.randrange(65536), cid, flags=0x0200, control=0, interval=0) + ts_bytes()
        else:
            raise SystemExit("unknown kind " + kind)
        frame = dst + src + struct.pack(">H", ETH_P_1588) + payload
        s.send(frame)
        time.sleep(random.uniform(0.2, 1.1) if kind == "announce" else 0.05)


if __name__ == "__main__":
    main()
