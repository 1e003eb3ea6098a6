#!/usr/bin/env python3
"""Raw TFTP client for the workload: option negotiation, aborted transfers and garbage.
usage: tftpclient.py HOST PORT KIND [filename]"""
import random, socket, struct, sys, time

host, port, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
fname = sys.argv[4] if len(sys.argv) > 4 else "hello.txt"

def sock():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for _ in range(50):  # client ports inside our range
        try:
            s.bind(("127.0.0.1", random.randint(44200, 44299)))
            break
        except OSError:
            continue
    s.settimeout(2)
    return s

def req(op, name, mode="octet", opts=()):
    p = struct.pack("!H", op) + name.encode() + b"\0" + mode.encode() + b"\0"
    for k, v in opts:
        p += k.encode() + b"\0" + str(v).encode() + b"\0"
    return p

def recv(s):
    try:
        return s.recvfrom(70000)
    except socket.timeout:
        return None, None

def read_file(opts=(), mode="octet", ack_oack=True, stop_after=None, err_oack=False, close_early=False):
    s = sock()
    s.sendto(req(1, fname, mode, opts), (host, port))
    block = 0
    while True:
        d, a = recv(s)
        if d is None:
            break
        op = struct.unpack("!H", d[:2])[0]
        if op == 6:  # OACK
            if err_oack:
                s.sendto(struct.pack("!HH", 5, 8) + b"options refused\0", a)
                break
            if close_early:
                s.close()
                return
            if ack_oack:
                s.sendto(struct.pack("!HH", 4, 0), a)
            continue
        if op == 5:
            break
        if op == 3:
            block = struct.unpack("!H", d[2:4])[0]
            if stop_after is not None and block >= stop_after:
                s.close()  # vanish: server gets ICMP port unreachable
                return
            s.sendto(struct.pack("!HH", 4, block), a)
            if len(d) - 4 < dict(opts).get("blksize", 512):
                break
    s.close()

def write_file(opts=(), data=b"x" * 1500, stop_after=None):
    s = sock()
    s.sendto(req(2, fname, "octet", opts), (host, port))
    bs = dict(opts).get("blksize", 512)
    blocks = [data[i:i + bs] for i in range(0, len(data) + 1, bs)]
    n = 0
    while True:
        d, a = recv(s)
        if d is None:
            break
        op = struct.unpack("!H", d[:2])[0]
        if op == 5:
            break
        if op in (4, 6):
            n = 0 if op == 6 else struct.unpack("!H", d[2:4])[0]
            if n >= len(blocks):
                break
            if stop_after is not None and n >= stop_after:
                s.close()
                return
            s.sendto(struct.pack("!HH", 3, n + 1) + blocks[n], a)
    s.close()

def raw(payload):
    s = sock()
    s.sendto(payload, (host, port))
    recv(s)
    s.close()

if kind == "opts":
    choices = [("blksize", random.choice([8, 512, 1024, 1428, 8192, 65464])),
               ("tsize", 0), ("timeout", random.choice([1, 2, 5])),
               ("utimeout", random.choice([20000, 500000])), ("rollover", 0),
               ("blksize2", random.choice([600, 1500, 4096])), ("x-unknown", 7),
               ("windowsize", 4)]
    read_file(opts=random.sample(choices, random.randint(1, 4)))
elif kind == "badopt":
    read_file(opts=[random.choice([("timeout", 0), ("timeout", 999), ("blksize", 3),
                                   ("utimeout", 5), ("rollover", 70000)])])
elif kind == "netascii_tsize":
    read_file(opts=[("tsize", 0)], mode="netascii")
elif kind == "reject_oack":
    read_file(opts=[("blksize", 1024), ("tsize", 0)], err_oack=True)
elif kind == "vanish_oack":
    read_file(opts=[("blksize", 1024)], close_early=True)
    time.sleep(0.3)
elif kind == "vanish_data":
    read_file(stop_after=random.randint(1, 3))
    time.sleep(0.3)
elif kind == "vanish_write":
    write_file(data=b"y" * 4000, stop_after=random.randint(1, 3))
    time.sleep(0.3)
elif kind == "write_opts":
    write_file(opts=[("blksize", 1024), ("tsize", 3000)], data=b"z" * 3000)
elif kind == "write":
    write_file(data=bytes(random.getrandbits(8) for _ in range(random.randint(10, 3000))))
elif kind == "badmode":
    read_file(mode=random.choice(["mail", "binary", "ASCII7"]))
elif kind == "nomode":
    raw(struct.pack("!H", 1) + fname.encode() + b"\0")
elif kind == "unterminated":
    raw(struct.pack("!H", random.choice([1, 2])) + fname.encode() + b"\0octet")
elif kind == "shortpkt":
    raw(random.choice([b"\x00", b"\x00\x01", b"\x00\x01\x00"]))
elif kind == "otherop":
    raw(struct.pack("!HH", random.choice([3, 4, 5, 6, 9]), 1) + b"junk")
elif kind == "random":
    raw(bytes(random.getrandbits(8) for _ in range(random.randint(1, 100))))
