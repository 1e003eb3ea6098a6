#!/usr/bin/python3
"""Raw DHCP/BOOTP client for the r12 dhcpd workload (scapy, Debian python3-scapy).

Runs inside network namespace r12d-c0 (interface r12dc0, 10.212.0.2 plus the relay
addresses 10.213.0.1, 10.215.0.1, 10.216.0.1, 10.99.0.1). The server listens on UDP port
20467 and answers clients on 20468 (dhcpd -p 20467).

Used as a library by workload driver (dhcpdrive.py); every function sends one exchange and
returns what the server answered.
"""
import random
import socket
import struct
import time

from scapy.all import conf, Ether, IP, UDP, BOOTP, DHCP, Raw, bind_layers, get_if_hwaddr
from scapy.arch.linux import L2ListenSocket

SPORT, CPORT = 20467, 20468
IFACE = "r12dc0"
SERVER = "10.212.0.1"
bind_layers(UDP, BOOTP, dport=SPORT)
bind_layers(UDP, BOOTP, sport=SPORT)
bind_layers(UDP, BOOTP, dport=CPORT)
conf.checkIPaddr = False
conf.verb = 0

_sock = None


def sock():
    global _sock
    if _sock is None:
        _sock = conf.L2socket(iface=IFACE, filter=f"udp and (port {SPORT} or port {CPORT})")
    return _sock


def rmac(prefix="02:"):
    return prefix + ":".join("%02x" % random.randint(0, 255) for _ in range(6 - len(prefix) // 3))


def mac2bytes(mac):
    return bytes(int(x, 16) for x in mac.split(":"))


def build(mtype, mac, xid=None, ciaddr="0.0.0.0", giaddr="0.0.0.0", src="0.0.0.0",
          dst="255.255.255.255", options=(), secs=0, flags=0x8000, hops=0, chaddr=None,
          hlen=6, sport=CPORT, op=1, raw_options=None):
    """One DHCP (mtype set) or BOOTP (mtype None) request frame."""
    xid = xid if xid is not None else random.getrandbits(32)
    if giaddr != "0.0.0.0":
        sport = SPORT           # a relay sends from the server port
        src = giaddr
        dst = SERVER
        hops = hops or 1
    ch = chaddr if chaddr is not None else mac2bytes(mac)
    bootp = BOOTP(op=op, htype=1, hlen=hlen, hops=hops, xid=xid, secs=secs, flags=flags,
                  ciaddr=ciaddr, giaddr=giaddr, chaddr=ch + b"\0" * (16 - len(ch)))
    opts = []
    if mtype is not None:
        opts.append(("message-type", mtype))
    opts.extend(options)
    if raw_options is not None:
        payload = bytes(bootp) + b"\x63\x82\x53\x63" + raw_options
        pkt = Ether(src=mac, dst="ff:ff:ff:ff:ff:ff") / IP(src=src, dst=dst) / UDP(sport=sport, dport=SPORT) / Raw(payload)
    elif opts:
        pkt = Ether(src=mac, dst="ff:ff:ff:ff:ff:ff") / IP(src=src, dst=dst) / UDP(sport=sport, dport=SPORT) / bootp / DHCP(options=opts + ["end"])
    else:
        pkt = Ether(src=mac, dst="ff:ff:ff:ff:ff:ff") / IP(src=src, dst=dst) / UDP(sport=sport, dport=SPORT) / bootp / Raw(b"\0" * 64)
    return pkt, xid


def exchange(pkt, xid, timeout=2.5, want=1):
    """Send a frame, collect server replies (op 2) with that xid."""
    s = sock()
    # drain
    while s.select([s], 0):
        s.recv()
    s.send(pkt)
    got = []
    end = time.time() + timeout
    while time.time() < end and len(got) < want:
        r = s.select([s], max(0.0, end - time.time()))
        if not r:
            break
        p = s.recv()
        if p is None or BOOTP not in p:
            continue
        b = p[BOOTP]
        if b.op == 2 and b.xid == xid:
            got.append(p)
    return got


def send_only(pkt):
    sock().send(pkt)


def mtype_of(p):
    if p is None or DHCP not in p:
        return None
    for o in p[DHCP].options:
        if isinstance(o, tuple) and o[0] == "message-type":
            return o[1]
    return None


def server_id(p):
    for o in p[DHCP].options:
        if isinstance(o, tuple) and o[0] == "server_id":
            return o[1]
    return SERVER


def discover(mac, hostname=None, cid=None, giaddr="0.0.0.0", req=None, secs=0, timeout=2.5):
    opts = []
    if cid:
        opts.append(("client_id", cid))
    if req:
        opts.append(("requested_addr", req))
    if hostname:
        opts.append(("hostname", hostname))
    opts.append(("param_req_list", [1, 3, 6, 15, 51, 54]))
    pkt, xid = build(1, mac, giaddr=giaddr, options=opts, secs=secs)
    r = exchange(pkt, xid, timeout=timeout)
    return (r[0] if r else None), xid


def request(mac, addr, sid=SERVER, hostname=None, cid=None, giaddr="0.0.0.0", xid=None,
            ciaddr="0.0.0.0", renew=False, timeout=2.5):
    opts = []
    if cid:
        opts.append(("client_id", cid))
    if not renew:
        opts.append(("requested_addr", addr))
    if sid:
        opts.append(("server_id", sid))
    if hostname:
        opts.append(("hostname", hostname))
    opts.append(("param_req_list", [1, 3, 6, 15, 51, 54]))
    if renew:
        pkt, xid = build(3, mac, xid=xid, ciaddr=addr, src=addr, dst=SERVER, options=opts, flags=0)
    else:
        pkt, xid = build(3, mac, xid=xid, ciaddr=ciaddr, giaddr=giaddr, options=opts)
    r = exchange(pkt, xid, timeout=timeout)
    return r[0] if r else None


def dora(mac, hostname=None, cid=None, giaddr="0.0.0.0", secs=0):
    """DISCOVER/OFFER/REQUEST/ACK; returns the leased address or None."""
    offer, xid = discover(mac, hostname, cid, giaddr, secs=secs)
    if offer is None or mtype_of(offer) != 2:
        return None
    addr = offer[BOOTP].yiaddr
    ack = request(mac, addr, server_id(offer), hostname, cid, giaddr, xid)
    if ack is not None and mtype_of(ack) == 5:
        return addr
    return None


def release(mac, addr, cid=None, with_req=False):
    opts = [("server_id", SERVER)]
    if cid:
        opts.append(("client_id", cid))
    if with_req:
        opts.append(("requested_addr", addr))
    pkt, _ = build(7, mac, ciaddr=addr, src=addr, dst=SERVER, options=opts, flags=0)
    send_only(pkt)


def decline(mac, addr, cid=None, giaddr="0.0.0.0"):
    opts = [("requested_addr", addr), ("server_id", SERVER)]
    if cid:
        opts.append(("client_id", cid))
    pkt, _ = build(4, mac, giaddr=giaddr, options=opts)
    send_only(pkt)


def inform(mac, ciaddr, src=None, giaddr="0.0.0.0", extra=(), timeout=2.0):
    opts = [("param_req_list", [1, 3, 6, 15])] + list(extra)
    src = src if src is not None else ciaddr
    if giaddr != "0.0.0.0":
        pkt, xid = build(8, mac, ciaddr=ciaddr, giaddr=giaddr, options=opts, flags=0)
    else:
        pkt, xid = build(8, mac, ciaddr=ciaddr, src=src, dst=SERVER, options=opts, flags=0)
    r = exchange(pkt, xid, timeout=timeout)
    return r[0] if r else None


def bootp(mac, giaddr="0.0.0.0", timeout=2.0):
    pkt, xid = build(None, mac, giaddr=giaddr)
    r = exchange(pkt, xid, timeout=timeout)
    return r[0] if r else None


def garbage(kind, mac=None):
    """Malformed frames of several kinds."""
    mac = mac or rmac()
    if kind == "hlen":
        pkt, _ = build(1, mac, hlen=40)
    elif kind == "optlen":
        # message type then an option whose length runs past the buffer
        raw = bytes([53, 1, 1, 12, 200]) + b"abc"
        pkt, _ = build(1, mac, raw_options=raw)
    elif kind == "zerocid":
        raw = bytes([53, 1, 1, 61, 0, 255])
        pkt, _ = build(1, mac, raw_options=raw)
    elif kind == "onecid":
        raw = bytes([53, 1, 1, 61, 1, 7, 255])
        pkt, _ = build(1, mac, raw_options=raw)
    elif kind == "emptyhost":
        raw = bytes([53, 1, 1, 12, 0, 255])
        pkt, _ = build(1, mac, raw_options=raw)
    elif kind == "nohlen":
        pkt, _ = build(1, mac, hlen=0, chaddr=b"")
    elif kind == "badtype":
        raw = bytes([53, 1, random.choice([9, 14, 17, 42]), 255])
        pkt, _ = build(None, mac, raw_options=raw)
    elif kind == "ipcsum":
        pkt, _ = build(1, mac)
        pkt = Ether(bytes(pkt))
        pkt[IP].chksum = (pkt[IP].chksum + 0x1234) & 0xffff
    elif kind == "udpcsum":
        pkt, _ = build(1, mac)
        pkt = Ether(bytes(pkt))
        pkt[UDP].chksum = (pkt[UDP].chksum + 0x77) & 0xffff or 1
    elif kind == "short":
        pkt = Ether(src=mac, dst="ff:ff:ff:ff:ff:ff") / IP(src="0.0.0.0", dst="255.255.255.255") / UDP(sport=CPORT, dport=SPORT) / Raw(bytes(random.getrandbits(8) for _ in range(random.randint(5, 200))))
    else:
        raise ValueError(kind)
    send_only(pkt)
