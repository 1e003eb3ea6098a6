#!/usr/bin/env python3
"""Scripted RADIUS backend (UDP) for the radsecproxy workload.
Usage: backend.py PORT SECRET [ADDR]
Behaviour by User-Name prefix: bob/alice -> Accept, bad -> Reject, chal -> Challenge,
slow -> no answer, badauth -> reply with wrong authenticator, junk -> garbage reply.
Accounting-Request -> Accounting-Response, Status-Server -> Access-Accept."""
import hashlib, hmac, random, socket, struct, sys

port, secret = int(sys.argv[1]), sys.argv[2].encode()
addr = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((addr, port))

def attrs_of(body):
    out, i = {}, 0
    while i + 2 <= len(body):
        t, l = body[i], body[i + 1]
        if l < 2:
            break
        out.setdefault(t, body[i + 2:i + l])
        i += l
    return out

def reply(code, ident, reqauth, attrs, add_ma=True, corrupt=False):
    body = b"".join(struct.pack("BB", t, len(v) + 2) + v for t, v in attrs)
    if add_ma:
        body += b"\x50\x12" + b"\x00" * 16
    length = 20 + len(body)
    hdr = struct.pack("!BBH", code, ident, length)
    if add_ma:
        ma = hmac.new(secret, hdr + reqauth + body, hashlib.md5).digest()
        body = body[:-16] + ma
    auth = hashlib.md5(hdr + reqauth + body + secret).digest()
    if corrupt:
        auth = bytes(16)
    return hdr + auth + body

while True:
    data, peer = s.recvfrom(4096)
    if len(data) < 20:
        continue
    code, ident, length = struct.unpack("!BBH", data[:4])
    reqauth = data[4:20]
    a = attrs_of(data[20:length])
    user = a.get(1, b"").decode("latin1")
    if code == 12:
        pkt = reply(2, ident, reqauth, [(18, b"backend alive")])
    elif code == 4:
        pkt = reply(5, ident, reqauth, [], add_ma=False)
        if user.startswith("slow"):
            continue
    elif code == 1:
        if user.startswith("slow"):
            continue
        if user.startswith("junk"):
            s.sendto(bytes([2, ident]) + bytes(random.randrange(256) for _ in range(random.randint(3, 30))), peer)
            continue
        if user.startswith("bad"):
            pkt = reply(3, ident, reqauth, [(18, b"Wrong password")], corrupt=user.startswith("badauth"))
        elif user.startswith("chal"):
            pkt = reply(11, ident, reqauth, [(18, b"Enter token"), (24, b"state-%d" % random.randint(1, 999))])
        else:
            pkt = reply(2, ident, reqauth, [(18, b"Welcome " + user.encode()), (25, b"class-%d" % random.randint(1, 9))])
    else:
        continue
    s.sendto(pkt, peer)
