#!/usr/bin/env python3
# minimal raw TFTP peer for odd cases (no logging)
import socket, struct, sys, time, random
host, port, mode = "127.0.0.1", int(sys.argv[1]), sys.argv[2]
arg = sys.argv[3] if len(sys.argv) > 3 else "small.txt"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(3)
def rq(op, name, m=b"octet", opts=()):
    b = struct.pack("!H", op) + name.encode() + b"\0" + m + b"\0"
    for k, v in opts:
        b += k.encode() + b"\0" + v.encode() + b"\0"
    return b
def recv():
    try:
        return s.recvfrom(70000)
    except socket.timeout:
        return None, None
srv = (host, port)
if mode == "abandon_rrq":          # request then never ack: server times out
    s.sendto(rq(1, arg), srv); recv()
elif mode == "abandon_wrq":
    s.sendto(rq(2, arg), srv); recv()
elif mode == "netascii":
    s.sendto(rq(1, arg, b"netascii"), srv)
    while True:
        d, a = recv()
        if not d: break
        blk = struct.unpack("!H", d[2:4])[0]
        s.sendto(struct.pack("!HH", 4, blk), a)
        if len(d) < 516: break
elif mode == "opts":               # odd options
    opts = random.choice([[("blksize", "4")], [("blksize", "99999")], [("windowsize", "4")],
                          [("timeout", "2"), ("tsize", "0")], [("blksize", "1024"), ("foo", "bar")]])
    if opts[0] == ("blksize", "4"):
        arg = "tiny.txt"
    s.sendto(rq(1, arg, opts=opts), srv)
    d, a = recv()
    if d:
        s.sendto(struct.pack("!HH", 4, 0), a)
        while True:
            d, a = recv()
            if not d: break
            blk = struct.unpack("!H", d[2:4])[0]
            s.sendto(struct.pack("!HH", 4, blk), a)
            if struct.unpack("!H", d[:2])[0] != 3 or len(d) < 516: break
elif mode == "badop":              # unknown opcode / non-request first packet
    s.sendto(random.choice([struct.pack("!HH", 9, 1), struct.pack("!HH", 4, 1),
                            struct.pack("!HH", 3, 1) + b"xx", struct.pack("!HH", 5, 2) + b"oops\0"]), srv)
    recv()
elif mode == "garbage":            # truncated / malformed packets
    s.sendto(random.choice([b"\x00", b"\x00\x01abc", b"\x00\x01file\x00octet\x00blksize\x00", b"\x00\x02\x00\x00"]), srv)
    recv()
elif mode == "dupack":             # duplicate and future acks during a download
    s.sendto(rq(1, arg), srv)
    d, a = recv(); n = 0
    while d:
        blk = struct.unpack("!H", d[2:4])[0]
        s.sendto(struct.pack("!HH", 4, blk), a)
        if random.random() < 0.4 and blk > 1:
            s.sendto(struct.pack("!HH", 4, blk - 1), a)
        if random.random() < 0.1:
            s.sendto(struct.pack("!HH", 4, blk + 5), a)
        if random.random() < 0.1:
            s.sendto(struct.pack("!HH", 3, blk) + b"data", a)
        if len(d) < 516: break
        d, a = recv(); n += 1
elif mode == "errmid":             # send ERR in the middle of a download
    s.sendto(rq(1, arg), srv)
    d, a = recv()
    if d: s.sendto(struct.pack("!HH", 5, 0) + b"client gave up\0", a)
elif mode == "wrqbad":             # upload with wrong packets
    s.sendto(rq(2, arg), srv)
    d, a = recv()
    if d:
        s.sendto(random.choice([struct.pack("!HH", 3, 0) + b"zero", struct.pack("!HH", 3, 7) + b"future",
                                struct.pack("!HH", 4, 1), rq(2, arg), struct.pack("!HH", 5, 3) + b"disk full\0",
                                struct.pack("!HH", 3, 1) + b"x" * 512]), a)
        recv()
elif mode == "dupdat":             # upload with duplicated blocks
    s.sendto(rq(2, arg), srv)
    d, a = recv(); blk = 1
    data = bytes(random.randrange(256) for _ in range(random.randrange(600, 3000)))
    while d:
        chunk = data[(blk - 1) * 512: blk * 512]
        s.sendto(struct.pack("!HH", 3, blk) + chunk, a)
        if random.random() < 0.3:
            s.sendto(struct.pack("!HH", 3, blk) + chunk, a)
        d, a = recv()
        if len(chunk) < 512: break
        blk += 1
elif mode == "wrongtid":           # traffic from a different port to a session port
    s.sendto(rq(1, arg), srv)
    d, a = recv()
    if d:
        t = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); t.settimeout(2)
        t.sendto(struct.pack("!HH", 4, 1), a)
        try: t.recvfrom(1000)
        except socket.timeout: pass
        s.sendto(struct.pack("!HH", 5, 0) + b"bye\0", a)
elif mode == "mainagain":          # repeat the request from the same port
    s.sendto(rq(1, arg), srv); recv(); s.sendto(rq(1, arg), srv); recv()
    s.sendto(struct.pack("!HH", 5, 0) + b"bye\0", srv)
