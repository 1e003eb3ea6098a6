#!/usr/bin/env python3
"""Fake hosts on a veth: sends random ARP requests/replies (allowed, denied, new,
changed, spoofed, flooding) and some non-ARP frames."""
import random, socket, struct, sys, time

iface, count = sys.argv[1], int(sys.argv[2])
R = random.Random()
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((iface, 0))
known = [("02:35:00:00:00:01", "10.36.0.11"), ("02:35:00:00:00:02", "10.36.0.12"),
         ("02:35:00:00:00:0d", "10.36.0.13"), ("02:35:00:00:00:0e", "10.36.0.14")]
hosts = known + [(f"02:35:00:00:01:{i:02x}", f"10.36.0.{20 + i}") for i in range(12)]
vendors = ["00:0c:29", "00:50:56", "3c:d9:2b", "f0:de:f1", "00:1b:21"]

def m(a): return bytes(int(x, 16) for x in a.split(":"))
def ip(a): return socket.inet_aton(a)

def arp(op, smac, sip, tmac, tip, ethsrc=None, ethdst=None):
    eth = m(ethdst or ("ff:ff:ff:ff:ff:ff" if op == 1 else tmac)) + m(ethsrc or smac) + b"\x08\x06"
    return eth + struct.pack("!HHBBH", 1, 0x0800, 6, 4, op) + m(smac) + ip(sip) + m(tmac) + ip(tip)

for n in range(count):
    mac, addr = R.choice(hosts)
    kind = R.choices(["req", "reply", "newmac", "ipchange", "macchange", "spoof", "flood", "vendor", "probe", "other", "gratuitous"],
                     [10, 4, 3, 2, 2, 2, 1, 2, 2, 1, 2])[0]
    tip = f"10.36.0.{R.randrange(1, 40)}"
    frames = []
    if kind == "req": frames = [arp(1, mac, addr, "00:00:00:00:00:00", tip)]
    elif kind == "reply": frames = [arp(2, mac, addr, "02:35:00:00:00:01", "10.36.0.11")]
    elif kind == "newmac": frames = [arp(1, "02:35:%02x:%02x:%02x:%02x" % tuple(R.randrange(256) for _ in range(4)), f"10.36.{R.randrange(1, 3)}.{R.randrange(2, 250)}", "00:00:00:00:00:00", tip)]
    elif kind == "ipchange": frames = [arp(1, mac, f"10.36.0.{R.randrange(100, 200)}", "00:00:00:00:00:00", tip)]
    elif kind == "macchange": frames = [arp(1, "02:35:00:00:02:%02x" % R.randrange(256), addr, "00:00:00:00:00:00", tip)]
    elif kind == "spoof": frames = [arp(1, mac, addr, "00:00:00:00:00:00", tip, ethsrc="02:35:00:00:09:%02x" % R.randrange(256))]
    elif kind == "flood": frames = [arp(1, mac, addr, "00:00:00:00:00:00", f"10.36.0.{R.randrange(1, 250)}") for _ in range(R.randrange(10, 40))]
    elif kind == "vendor": frames = [arp(1, R.choice(vendors) + ":%02x:%02x:%02x" % tuple(R.randrange(256) for _ in range(3)), f"10.36.0.{R.randrange(50, 99)}", "00:00:00:00:00:00", tip)]
    elif kind == "probe": frames = [arp(1, mac, "0.0.0.0", "00:00:00:00:00:00", tip)]
    elif kind == "gratuitous": frames = [arp(1, mac, addr, "00:00:00:00:00:00", addr)]
    else: frames = [m("ff:ff:ff:ff:ff:ff") + m(mac) + b"\x08\x00" + bytes(40)]
    for f in frames:
        s.send(f + bytes(max(0, 60 - len(f))))
    time.sleep(R.random() * 0.4)
