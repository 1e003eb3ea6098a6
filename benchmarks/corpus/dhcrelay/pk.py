#!/usr/bin/env python3
"""Send one hand-made DHCP packet (used by workload.sh): pk.py KIND IFACE [args]."""
import random, socket, struct, sys

def mac():
    return bytes([0x02] + [random.randrange(256) for _ in range(5)])

def bootp(op=1, hlen=6, hops=0, giaddr="0.0.0.0", chaddr=None, opts=b"", cookie=True, yiaddr="0.0.0.0", htype=1):
    chaddr = chaddr or mac()
    p = struct.pack("!BBBBIHH4s4s4s4s16s64s128s", op, htype, hlen, hops, random.getrandbits(32), 0, 0x8000,
                    bytes(4), socket.inet_aton(yiaddr), bytes(4), socket.inet_aton(giaddr),
                    chaddr.ljust(16, b"\0"), bytes(64), bytes(128))
    if cookie:
        p += b"\x63\x82\x53\x63" + opts + b"\xff"
    return p.ljust(300, b"\0")

def csum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def raw(iface, payload, badip=False, badudp=False, longudp=False):
    src, dst = b"\0\0\0\0", b"\xff\xff\xff\xff"
    ulen = 8 + len(payload) + (200 if longudp else 0)
    udp = struct.pack("!HHHH", 68, 67, ulen, 0) + payload
    uc = csum(src + dst + struct.pack("!BBH", 0, 17, ulen) + udp) or 0xffff
    if badudp: uc ^= 0x5a5a
    udp = udp[:6] + struct.pack("!H", uc) + udp[8:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), random.getrandbits(16), 0, 64, 17, 0, src, dst)
    ic = csum(ip) ^ (0x1111 if badip else 0)
    ip = ip[:10] + struct.pack("!H", ic) + ip[12:]
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    s.send(b"\xff" * 6 + mac() + b"\x08\x00" + ip + udp)

def udp(iface, payload, dst="255.255.255.255", sport=68, dport=67):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", sport))
    s.sendto(payload, (dst, dport))

def udp6(iface, payload, dst, sport, dport):
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("::", sport))
    s.sendto(payload, (dst, dport, 0, socket.if_nametoindex(iface)))

DISCOVER = b"\x35\x01\x01"
kind, iface = sys.argv[1], sys.argv[2]
arg = sys.argv[3] if len(sys.argv) > 3 else None
if kind == "discover": udp(iface, bootp(opts=DISCOVER + b"\x3d\x07\x01" + mac()))
elif kind == "hops": udp(iface, bootp(hops=int(arg), opts=DISCOVER))
elif kind == "hlen": udp(iface, bootp(hlen=random.choice([17, 20, 64, 255]), opts=DISCOVER))
elif kind == "hlen0": udp(iface, bootp(hlen=0, opts=DISCOVER))
elif kind == "cid0": udp(iface, bootp(opts=DISCOVER + b"\x3d\x00"))
elif kind == "cid1": udp(iface, bootp(opts=DISCOVER + b"\x3d\x01\x07"))
elif kind == "bootp": udp(iface, bootp(cookie=False))
elif kind == "giaddr": udp(iface, bootp(giaddr=arg, opts=DISCOVER))
elif kind == "agent": udp(iface, bootp(opts=DISCOVER + b"\x52\x06\x01\x04" + b"ckt9" + b"\x3d\x07\x01" + mac()))
elif kind == "badagent": udp(iface, bootp(opts=DISCOVER + b"\x52\x05\x01\x09ab"))
elif kind == "bigopts": udp(iface, bootp(opts=DISCOVER + b"\x39\x02\x02\x40" + b"".join(bytes([224 + i, 250]) + bytes(250) for i in range(1))))
elif kind == "reply": udp(iface, bootp(op=2, giaddr=arg or "0.0.0.0", opts=b"\x35\x01\x02"), sport=67, dport=67)
elif kind == "srvreply":  # BOOTREPLY sent by a server to the relay: pk.py srvreply IF RELAYADDR GIADDR [agent]
    opts = b"\x35\x01\x02\x36\x04" + socket.inet_aton("10.37.2.2")
    if len(sys.argv) > 5: opts += {"ckt": b"\x52\x08\x01\x06r37br0", "bad": b"\x52\x06\x01\x04zzzz",
                                   "nockt": b"\x52\x04\x02\x02ab", "corrupt": b"\x52\x03\x01\x07a"}[sys.argv[5]]
    udp(iface, bootp(op=2, giaddr=sys.argv[4], yiaddr="10.37.1.200", opts=opts), dst=arg, sport=67, dport=67)
elif kind == "srvrequest": udp(iface, bootp(opts=DISCOVER), dst=arg, sport=68, dport=67)
elif kind == "rawbad": raw(iface, bootp(opts=DISCOVER), badip=(arg == "ip"), badudp=(arg == "udp"), longudp=(arg == "long"))
elif kind == "short": udp(iface, bootp(opts=DISCOVER)[:random.choice([20, 100, 200, 235])])
elif kind == "solicit6":  # DHCPv6 Solicit from a client
    msg = bytes([random.choice([1, 3, 5, 11, 7, 2])]) + random.randbytes(3) + b"\x00\x01\x00\x0a\x00\x03\x00\x01" + mac()
    udp6(iface, msg, "ff02::1:2", 546, 547)
elif kind == "short6": udp6(iface, b"\x01\x02", "ff02::1:2", 546, 547)
elif kind == "relayrepl6":  # Relay-reply from a server: pk.py relayrepl6 IF RELAYADDR PEER IFINDEX
    inner = b"\x02" + random.randbytes(3)
    ifid = struct.pack("!I", int(sys.argv[5])) if len(sys.argv) > 5 else b""
    opts = (struct.pack("!HH", 18, len(ifid)) + ifid if ifid else b"") + struct.pack("!HH", 9, len(inner)) + inner
    msg = b"\x0d\x00" + socket.inet_pton(socket.AF_INET6, "::") + socket.inet_pton(socket.AF_INET6, sys.argv[4]) + opts
    udp6(iface, msg, arg, 547, 547)
