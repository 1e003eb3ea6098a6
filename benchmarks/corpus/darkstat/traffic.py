#!/usr/bin/env python3
"""Traffic for the darkstat workload: raw frames on the peer veth, HTTP requests
to darkstat's web server, and a small pcap file. No output of its own."""
import random, socket, struct, sys, time

def csum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff); s += s >> 16
    return (~s) & 0xffff

def ipv4(src, dst, proto, payload, ver=4):
    h = struct.pack("!BBHHHBBH4s4s", (ver << 4) | 5, 0, 20 + len(payload), random.randrange(65536), 0, 64, proto, 0,
                    socket.inet_aton(src), socket.inet_aton(dst))
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload

def ipv6(src, dst, nxt, payload, ver=6):
    return struct.pack("!IHBB16s16s", ver << 28, len(payload), nxt, 64,
                       socket.inet_pton(socket.AF_INET6, src), socket.inet_pton(socket.AF_INET6, dst)) + payload

def udp(sp, dp, data=b""):
    return struct.pack("!HHHH", sp, dp, 8 + len(data), 0) + data

def tcp(sp, dp, flags=0x02, data=b""):
    return struct.pack("!HHIIBBHHH", sp, dp, random.randrange(1 << 32), 0, 5 << 4, flags, 8192, 0, 0) + data

def rip(r):
    return "10.33.%d.%d" % (r.choice([71, 72, 80, 90]), r.randrange(2, 250))

def frames(ifname, count, nhosts, seed):
    r = random.Random(seed)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((ifname, 0))
    dst_mac = b"\xff" * 6
    hosts = [rip(r) for _ in range(nhosts)]
    kinds = ["udp"] * 30 + ["tcp"] * 30 + ["icmp"] * 6 + ["v6"] * 6 + ["shortip"] * 2 + ["badver"] * 2 + \
            ["shorttcp"] * 2 + ["shortudp"] * 2 + ["ethertype"] * 3 + ["short6"] * 1 + ["badver6"] * 1 + \
            ["pppoe"] * 1 + ["arp"] * 2 + ["gre"] * 2 + ["shorteth"] * 1
    for _ in range(count):
        k = r.choice(kinds)
        src = r.choice(hosts); dst = r.choice(hosts + ["10.33.71.1"] * 5)
        mac = bytes([2, 0x33, r.randrange(256), r.randrange(256), r.randrange(256), r.randrange(256)])
        et = 0x0800
        if k == "udp":
            p = ipv4(src, dst, 17, udp(r.randrange(1024, 65535), r.choice([53, 123, 161, 514, 5353, r.randrange(1, 65535)]), b"x" * r.randrange(40)))
        elif k == "tcp":
            p = ipv4(src, dst, 6, tcp(r.randrange(1024, 65535), r.choice([22, 25, 80, 443, 8080, r.randrange(1, 65535)]), r.choice([0x02, 0x12, 0x10, 0x18])))
        elif k == "icmp":
            p = ipv4(src, dst, 1, b"\x08\x00\x00\x00" + b"p" * 8)
        elif k == "gre":
            p = ipv4(src, dst, r.choice([47, 50, 132]), b"g" * 12)
        elif k == "v6":
            et = 0x86DD
            p = ipv6("fd33::%x" % r.randrange(2, 60), "fd33::1", r.choice([17, 6]), udp(r.randrange(1024, 65535), r.randrange(1, 65535)))
        elif k == "shortip":
            p = b"\x45" + b"\0" * r.randrange(0, 18)
        elif k == "badver":
            p = ipv4(src, dst, 17, udp(1, 2), ver=r.choice([0, 3, 5, 7, 9]))
        elif k == "shorttcp":
            p = ipv4(src, dst, 6, b"\0" * r.randrange(0, 18))
        elif k == "shortudp":
            p = ipv4(src, dst, 17, b"\0" * r.randrange(0, 7))
        elif k == "short6":
            et = 0x86DD
            p = b"\x60" + b"\0" * r.randrange(0, 38)
        elif k == "badver6":
            et = 0x86DD
            p = ipv6("fd33::5", "fd33::1", 17, udp(1, 2), ver=r.choice([4, 5, 7]))
        elif k == "ethertype":
            et = r.choice([0x88CC, 0x8100, 0x9000, 0x88B5, 0x1234])
            p = b"\0" * 46
        elif k == "pppoe":
            et = 0x8864
            p = b"\x11\x00\x00\x01\x00\x02\x00\x21" + b"\0" * 38
        elif k == "arp":
            et = 0x0806
            p = b"\0\x01\x08\x00\x06\x04\0\x01" + mac + socket.inet_aton(src) + b"\0" * 6 + socket.inet_aton(dst)
        elif k == "shorteth":
            try:
                s.send(dst_mac + mac[:r.randrange(0, 6)])
            except OSError:
                pass
            continue
        if len(p) < 46:
            p += b"\0" * (46 - len(p))
        try:
            s.send(dst_mac + mac + struct.pack("!H", et) + p)
        except OSError:
            pass
        time.sleep(r.random() * 0.02)

REQS = [
    (40, b"GET / HTTP/1.1\r\nHost: ds\r\n\r\n"),
    (20, b"GET /hosts/ HTTP/1.1\r\nAccept-Encoding: gzip\r\n\r\n"),
    (10, b"GET /hosts/?sort=in&start=0 HTTP/1.0\r\n\r\n"),
    (8, b"GET /hosts/?full=yes&sort=total HTTP/1.0\r\n\r\n"),
    (10, b"GET /hosts/10.33.71.2/ HTTP/1.1\r\n\r\n"),
    (4, b"GET /hosts/10.33.99.99/ HTTP/1.1\r\n\r\n"),
    (3, b"GET /hosts/garbage/ HTTP/1.1\r\n\r\n"),
    (15, b"GET /graphs.xml HTTP/1.1\r\nAccept-Encoding: gzip, deflate\r\n\r\n"),
    (6, b"GET /style.css HTTP/1.1\r\n\r\n"),
    (6, b"GET /graph.js HTTP/1.1\r\nAccept-Encoding: gzip\r\n\r\n"),
    (8, b"GET /nothing-here HTTP/1.1\r\n\r\n"),
    (4, b"GET /../../etc/passwd HTTP/1.1\r\n\r\n"),
    (3, b"GET noslash HTTP/1.1\r\n\r\n"),
    (5, b"HEAD / HTTP/1.1\r\n\r\n"),
    (4, b"POST /hosts/ HTTP/1.1\r\nContent-Length: 0\r\n\r\n"),
    (2, b"DELETE /x HTTP/1.1\r\n\r\n"),
    (2, b"OPTIONS * HTTP/1.1\r\n\r\n"),
    (2, b"GARBAGE\r\n\r\n"),
    (2, b"GET /%2e%2e/x?a=b HTTP/1.1\r\n\r\n"),
]

def http(addr, port, count, seed):
    r = random.Random(seed)
    fam = socket.AF_INET6 if ":" in addr else socket.AF_INET
    weights = [w for w, _ in REQS]
    for _ in range(count):
        x = r.random()
        try:
            c = socket.socket(fam, socket.SOCK_STREAM)
            c.settimeout(3)
            c.connect((addr, port))
            if x < 0.03:
                c.sendall(b"GET /" + b"A" * 4200 + b" HTTP/1.1\r\n")
            elif x < 0.06:
                c.close(); continue  # connect and close without a request
            elif x < 0.08:
                c.sendall(b"GET / HTTP/1.1\r\n\r\n")
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                c.close(); continue  # reset before the reply is read
            else:
                c.sendall(r.choices([q for _, q in REQS], weights)[0])
            while c.recv(65536):
                pass
            c.close()
        except OSError:
            pass
        time.sleep(r.random() * 0.1)

def idle(addr, port, secs):
    c = socket.create_connection((addr, port))
    c.sendall(b"GET / HT")
    time.sleep(secs)
    c.close()

def pcap(path, count, seed):
    r = random.Random(seed)
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        t = int(time.time()) - 3600
        for i in range(count):
            p = ipv4(rip(r), rip(r), 17, udp(r.randrange(1024, 65535), r.randrange(1, 1024), b"d" * 20))
            fr = b"\x02\x33\0\0\0\x01\x02\x33\0\0\0\x02\x08\x00" + p
            f.write(struct.pack("<IIII", t + i, 0, len(fr), len(fr)) + fr)

if __name__ == "__main__":
    m = sys.argv[1]
    if m == "frames": frames(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    elif m == "http": http(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    elif m == "idle": idle(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
    elif m == "pcap": pcap(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
