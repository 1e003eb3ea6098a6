#!/usr/bin/env python3
"""ARP traffic for arpwatch, sent on veth r31a1 inside netns r31a-arp (peer r31a0 is watched).

usage: drive.py SECONDS STATE_FILE
STATE_FILE keeps the stations (ip -> list of macs) across sessions so that later
sessions see old stations again, changed addresses, flip flops and reused addresses.
"""
import json
import os
import random
import sys
import time

from scapy.all import ARP, Ether, Raw, conf, sendp
from scapy.arch.linux import L2Socket

conf.verb = 0
R = random.Random()
DURATION = float(sys.argv[1])
STATE = sys.argv[2]
S = L2Socket(iface="r31a1")
BCAST = "ff:ff:ff:ff:ff:ff"

try:
    st = json.load(open(STATE))
except (OSError, ValueError):
    st = {}


def mac():
    first = R.choice([0x02, 0x00, 0x08, 0x52, 0x3c, 0xaa])
    if first == 0xaa:  # DECnet logical address aa:00:04:00:xx:xx
        return "aa:00:04:00:%02x:%02x" % (R.randint(0, 255), R.randint(0, 255))
    return "%02x:%02x:%02x:%02x:%02x:%02x" % (first, *(R.randint(0, 255) for _ in range(5)))


def arp(ip, hw, op=1, esrc=None, edst=BCAST, **kw):
    S.send(Ether(src=esrc or hw, dst=edst) / ARP(op=op, hwsrc=hw, psrc=ip, pdst="192.168.77.1", **kw))


def new_station():
    ip = "192.168.77.%d" % R.randint(2, 254)
    if ip in st:
        return seen()
    st[ip] = [mac()]
    arp(ip, st[ip][0], op=R.choice([1, 2]))


def seen():
    if not st:
        return new_station()
    ip = R.choice(list(st))
    arp(ip, st[ip][0], op=R.choice([1, 1, 2]))


def changed():
    if not st:
        return new_station()
    ip = R.choice(list(st))
    m = mac()
    st[ip].insert(0, m)
    arp(ip, m)


def flipflop():
    cands = [ip for ip, ms in st.items() if len(ms) >= 2]
    if not cands:
        return changed()
    ip = R.choice(cands)
    ms = st[ip]
    ms[0], ms[1] = ms[1], ms[0]
    arp(ip, ms[0])


def reused():
    cands = [ip for ip, ms in st.items() if len(ms) >= 3]
    if not cands:
        return changed()
    ip = R.choice(cands)
    ms = st[ip]
    i = R.randint(2, len(ms) - 1)
    ms.insert(0, ms.pop(i))
    arp(ip, ms[0])


def bogon():
    ip = R.choice(["10.%d.%d.%d" % (R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)),
                   "172.16.%d.%d" % (R.randint(0, 255), R.randint(1, 254)),
                   "192.168.78.%d" % R.randint(1, 254), "0.0.0.0", "169.254.1.%d" % R.randint(1, 254)])
    arp(ip, mac())


def broadcast():
    ip = "192.168.77.%d" % R.randint(2, 254)
    kind = R.randint(1, 3)
    if kind == 1:
        arp(ip, "00:00:00:00:00:00", esrc=mac())
    elif kind == 2:
        m = mac()
        arp(ip, "ff:ff:ff:ff:ff:ff", esrc=m)
    else:
        arp(ip, "00:00:00:00:00:00", esrc="00:00:00:00:00:00")


def mismatch():
    ip = R.choice(list(st) or ["192.168.77.200"])
    arp(ip, mac(), esrc=mac())


def malformed():
    hw = mac()
    k = R.randint(1, 7)
    if k == 1:
        arp("192.168.77.%d" % R.randint(2, 254), hw, hwtype=R.choice([6, 6, 7, 32, 0x1234]))
        if R.random() < 0.5:
            S.send(Ether(src=hw, dst=BCAST) / ARP(hwtype=R.choice([7, 15, 32]), hwsrc=hw, psrc="192.168.77.9", pdst="192.168.77.1"))
    elif k == 2:
        S.send(Ether(src=hw, dst=BCAST) / ARP(ptype=R.choice([0x86dd, 0x0806, 0x1234]), hwsrc=hw, psrc="192.168.77.9", pdst="192.168.77.1"))
    elif k == 3:
        S.send(Ether(src=hw, dst=BCAST) / ARP(hwlen=R.choice([8, 4]), plen=R.choice([4, 16]), hwsrc=hw, psrc="192.168.77.9", pdst="192.168.77.1"))
    elif k == 4:
        S.send(Ether(src=hw, dst=BCAST) / ARP(op=R.choice([3, 4, 8, 9, 25]), hwsrc=hw, psrc="192.168.77.9", pdst="192.168.77.1"))
    elif k == 5:
        S.send(Ether(src=hw, dst=BCAST, type=0x8035) / ARP(op=R.choice([3, 4, 4, 1]), hwsrc=hw, psrc="192.168.77.%d" % R.randint(2, 254), pdst="192.168.77.1"))
    elif k == 6:
        raw = bytes(Ether(src=hw, dst=BCAST) / ARP(hwsrc=hw, psrc="192.168.77.9", pdst="192.168.77.1"))
        S.send(Raw(raw[:R.randint(16, 40)]))
    else:
        # VLAN tagged ARP: the filter matches but the frame type is not ARP
        raw = bytes(Ether(src=hw, dst=BCAST, type=0x8100)) + b"\x00\x05\x08\x06" + bytes(ARP(hwsrc=hw, psrc="192.168.77.9", pdst="192.168.77.1"))
        S.send(Raw(raw))


ACTIONS = [(new_station, R.randint(8, 20)), (seen, R.randint(10, 40)), (changed, R.randint(3, 10)),
           (flipflop, R.randint(2, 8)), (reused, R.randint(1, 5)), (bogon, R.randint(2, 9)),
           (broadcast, R.randint(1, 5)), (mismatch, R.randint(1, 6)), (malformed, R.randint(2, 8))]
end = time.time() + DURATION
while time.time() < end:
    R.choices([a for a, _ in ACTIONS], [w for _, w in ACTIONS])[0]()
    time.sleep(R.expovariate(10.0))
json.dump(st, open(STATE, "w"))
