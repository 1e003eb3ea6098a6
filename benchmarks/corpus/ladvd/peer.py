#!/usr/bin/env python3
"""Fake link-layer neighbours: sends random valid and malformed LLDP/CDP/EDP/FDP/NDP
frames on the given interfaces (the veth peers of ladvd's interfaces)."""
import random, socket, struct, sys, time

ifaces, count = sys.argv[1].split(","), int(sys.argv[2])
R = random.Random()

def mac():
    return bytes([0x02] + [R.randrange(256) for _ in range(5)])

def tlv(t, v):
    return struct.pack("!H", (t << 9) | len(v)) + v

def lldp(src):
    name = f"sw{R.randrange(20)}".encode()
    port = f"ge-0/0/{R.randrange(48)}".encode()
    tl = [tlv(1, b"\x04" + src), tlv(2, b"\x05" + port), tlv(3, struct.pack("!H", R.choice([120, 30, 0, 5])))]
    extra = [tlv(5, name), tlv(4, b"uplink port"), tlv(7, struct.pack("!HH", 0x14, 0x04)),
             tlv(8, bytes([5, 1, 10, 35, 9, R.randrange(255)]) + b"\x02\0\0\0\x01\0"),
             tlv(127, b"\x00\x80\xc2\x01" + struct.pack("!H", R.randrange(4095))),
             tlv(6, b"Fake switch OS 1.0")]
    R.shuffle(extra)
    tl += extra[:R.randrange(len(extra) + 1)]
    kind = R.choice(["ok"] * 6 + ["nochassis", "badchassis", "noport", "badport", "nottl", "badttl",
                     "noend", "badlen", "dupname", "badcap", "unavailcap", "hostonly", "badmgmt",
                     "badfamily", "badprivate", "badpvid", "badend", "shortname", "badtype"])
    if kind == "nochassis": tl = tl[1:]
    elif kind == "badchassis": tl[0] = tlv(1, b"\x04")
    elif kind == "noport": del tl[1]
    elif kind == "badport": tl[1] = tlv(2, b"\x05")
    elif kind == "nottl": del tl[2]
    elif kind == "badttl": tl[2] = tlv(3, b"\x01")
    elif kind == "dupname": tl += [tlv(5, name), tlv(5, name)]
    elif kind == "shortname": tl.append(tlv(5, b""))
    elif kind == "badcap": tl.append(tlv(7, b"\x00\x04"))
    elif kind == "unavailcap": tl.append(tlv(7, struct.pack("!HH", 0x04, 0x14)))
    elif kind == "hostonly": tl.append(tlv(7, struct.pack("!HH", 0x84, 0x84)))
    elif kind == "badmgmt": tl.append(tlv(8, b"\x05\x01\x0a"))
    elif kind == "badfamily": tl.append(tlv(8, bytes([5, 77, 1, 2, 3, 4]) + b"\x02\0\0\0\x01\0"))
    elif kind == "badprivate": tl.append(tlv(127, b"\x00"))
    elif kind == "badpvid": tl.append(tlv(127, b"\x00\x80\xc2\x01\x01"))
    elif kind == "badtype": tl.append(tlv(R.choice([9, 50, 100]), b"xx"))
    body = b"".join(tl)
    if kind == "badlen": body += struct.pack("!H", (5 << 9) | 400) + b"ab"
    elif kind == "badend": body += struct.pack("!H", 2)
    elif kind != "noend": body += b"\0\0"
    return b"\x01\x80\xc2\x00\x00\x0e" + src + b"\x88\xcc" + body

def cisco_like(dstmac, oui, pid, src, proto):
    name = f"{proto}-router{R.randrange(10)}".encode()
    def t(ty, v): return struct.pack("!HH", ty, len(v) + 4) + v
    tl = [t(1, name), t(3, f"GigabitEthernet0/{R.randrange(24)}".encode()), t(4, struct.pack("!I", R.choice([1, 8, 0x28]))),
          t(2, struct.pack("!I", 1) + b"\x01\x01\xcc" + struct.pack("!H", 4) + bytes([10, 35, 8, R.randrange(255)])),
          t(5, b"IOS fake 15.2"), t(6, b"WS-FAKE"), t(0x0a, struct.pack("!H", R.randrange(1, 4095))),
          t(0x0b, b"\x01"), t(0x09, b"VTPDOM")]
    keep = tl[:2] + R.sample(tl[2:], R.randrange(len(tl) - 1))
    kind = R.choice(["ok"] * 5 + ["badtlv", "badlen", "badcap", "badaddr", "badvlan", "badduplex", "badid", "badver"])
    ver = 1 if proto == "fdp" and R.random() < 0.8 else 2
    if kind == "badtlv": keep.append(b"\x00\x07\x00")
    elif kind == "badlen": keep.append(struct.pack("!HH", 5, 900) + b"zz")
    elif kind == "badcap": keep.append(t(4, b"\x01"))
    elif kind == "badaddr": keep.append(t(2, b"\x00\x00\x00\x05\x01"))
    elif kind == "badvlan": keep.append(t(0x0a, b"\x01"))
    elif kind == "badduplex": keep.append(t(0x0b, b""))
    elif kind == "badid": keep[0] = t(1, b"")
    elif kind == "badver": ver = R.choice([0, 3, 9])
    body = struct.pack("!BBH", ver, R.choice([180, 60, 10]), 0) + b"".join(keep)
    payload = b"\xaa\xaa\x03" + oui + pid + body
    return dstmac + src + struct.pack("!H", len(payload)) + payload

def edp(src):
    def t(ty, v): return struct.pack("!BBH", 0x99, ty, len(v) + 4) + v
    tl = [t(1, f"edp-sw{R.randrange(9)}".encode() + b"\0"), t(2, struct.pack("!HH", 1, R.randrange(48)) + b"\0" * 32)]
    kind = R.choice(["ok"] * 4 + ["badmarker", "baddisplay", "badlen"])
    if kind == "badmarker": tl.append(b"\x42\x01\x00\x08abcd")
    elif kind == "baddisplay": tl[0] = t(1, b"")
    elif kind == "badlen": tl.append(struct.pack("!BBH", 0x99, 2, 999) + b"q")
    tl.append(t(0, b""))
    tlvs = b"".join(tl)
    hdr = struct.pack("!BBHHH", 1, 0, 16 + len(tlvs), 0, R.randrange(65535)) + b"\x00\x00" + src
    payload = b"\xaa\xaa\x03\x00\xe0\x2b\x00\xbb" + hdr + tlvs
    return b"\x00\xe0\x2b\x00\x00\x00" + src + struct.pack("!H", len(payload)) + payload

def ndp(src):
    body = bytes([10, 35, 7, R.randrange(255)]) + b"\x00\x00\x01" + bytes([R.randrange(1, 8), 0x0c, 3, 1])
    if R.random() < 0.2: body = body[:R.randrange(8)]
    payload = b"\xaa\xaa\x03\x00\x00\x81\x01\xa2" + body
    return b"\x01\x00\x81\x00\x01\x00" + src + struct.pack("!H", len(payload)) + payload

socks = {}
for i in ifaces:
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((i, 0))
    socks[i] = s
srcs = [mac() for _ in range(6)]
for n in range(count):
    src = R.choice(srcs)
    p = R.choices(["lldp", "cdp", "edp", "fdp", "ndp", "junk"], [8, 6, 3, 3, 2, 1])[0]
    if p == "lldp": f = lldp(src)
    elif p == "cdp": f = cisco_like(b"\x01\x00\x0c\xcc\xcc\xcc", b"\x00\x00\x0c", b"\x20\x00", src, "cdp")
    elif p == "fdp": f = cisco_like(b"\x01\xe0\x52\xcc\xcc\xcc", b"\x00\xe0\x52", b"\x20\x00", src, "fdp")
    elif p == "edp": f = edp(src)
    elif p == "ndp": f = ndp(src)
    else: f = R.choice([b"\x01\x80\xc2\x00\x00\x0e", b"\x01\x00\x0c\xcc\xcc\xcc"]) + src + b"\x88\xcc" + bytes(R.randrange(256) for _ in range(R.randrange(2, 30)))
    if len(f) < 60: f += b"\0" * (60 - len(f))
    socks[R.choice(ifaces)].send(f)
    time.sleep(R.random() * 0.3)
