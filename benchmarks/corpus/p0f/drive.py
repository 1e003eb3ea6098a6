#!/usr/bin/env python3
"""Traffic for p0f, run inside the private netns (all on lo, ports 20000-20999).

usage: drive.py SECONDS API_SOCKET
Mixes real kernel TCP/HTTP exchanges, crafted SYN / SYN+ACK packets imitating
other systems (scapy, raw socket on lo), and p0f API queries (good and bad).
"""
import os
import random
import socket
import struct
import sys
import threading
import time

from scapy.all import IP, IPv6, TCP, Raw, conf  # noqa: E402
from scapy.supersocket import L3RawSocket

conf.verb = 0
L3 = L3RawSocket(iface="lo")

DURATION = float(sys.argv[1])
API = sys.argv[2]
R = random.Random()

SERVERS = [
    b"HTTP/1.1 200 OK\r\nDate: Sun, 06 Dec 2026 17:00:00 GMT\r\nServer: Apache/2.4.57 (Debian)\r\nLast-Modified: Sat, 05 Dec 2026 10:00:00 GMT\r\nETag: \"2-5a\"\r\nAccept-Ranges: bytes\r\nContent-Length: 2\r\nKeep-Alive: timeout=5, max=100\r\nConnection: Keep-Alive\r\nContent-Type: text/html\r\n\r\nhi",
    b"HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Sun, 06 Dec 2026 17:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 2\r\nLast-Modified: Sat, 05 Dec 2026 10:00:00 GMT\r\nConnection: keep-alive\r\nETag: \"5a-2\"\r\nAccept-Ranges: bytes\r\n\r\nhi",
    b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nServer: Microsoft-IIS/7.5\r\nX-Powered-By: ASP.NET\r\nDate: Sun, 06 Dec 2026 17:00:00 GMT\r\nContent-Length: 2\r\n\r\nno",
    b"HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11\r\nDate: Sun, 06 Dec 2026 17:00:00 GMT\r\nContent-type: text/plain\r\nContent-Length: 2\r\n\r\nok",
    b"HTTP/1.1 302 Found\r\nDate: Sun, 06 Dec 2026 17:00:00 GMT\r\nServer: lighttpd/1.4.69\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n",
]

CLIENTS = [
    b"GET /%s HTTP/1.1\r\nHost: www.example.org\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0\r\nAccept: text/html,application/xhtml+xml\r\nAccept-Language: en-US,en;q=0.5\r\nAccept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n\r\n",
    b"GET /%s HTTP/1.1\r\nHost: www.example.org\r\nUser-Agent: Mozilla/5.0 (Windows; U; Windows NT 6.1; de; rv:1.9.2.3) Gecko/20100401 Firefox/3.6.3\r\nAccept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\nAccept-Language: de-de,de;q=0.8,en-us;q=0.5,en;q=0.3\r\nAccept-Encoding: gzip,deflate\r\nAccept-Charset: ISO-8859-1,utf-8;q=0.7,*;q=0.7\r\nKeep-Alive: 115\r\nConnection: keep-alive\r\n\r\n",
    b"GET /%s HTTP/1.1\r\nAccept: */*\r\nAccept-Language: fr\r\nUser-Agent: Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)\r\nAccept-Encoding: gzip, deflate\r\nHost: www.example.org\r\nConnection: Keep-Alive\r\n\r\n",
    b"GET /%s HTTP/1.1\r\nUser-Agent: curl/7.88.1\r\nHost: www.example.org\r\nAccept: */*\r\n\r\n",
    b"GET /%s HTTP/1.1\r\nUser-Agent: Wget/1.21.3\r\nAccept: */*\r\nAccept-Encoding: identity\r\nHost: www.example.org\r\nConnection: Keep-Alive\r\n\r\n",
    b"GET /%s HTTP/1.1\r\nHost: www.example.org\r\nConnection: keep-alive\r\nUser-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36\r\nAccept: text/html\r\nAccept-Encoding: gzip,deflate,sdch\r\nAccept-Language: ja-JP,ja;q=0.8\r\nAccept-Charset: ISO-8859-1,utf-8;q=0.7,*;q=0.3\r\n\r\n",
    b"GET /%s HTTP/1.0\r\nHost: www.example.org\r\nVia: 1.1 squid\r\nUser-Agent: Mozilla/5.0 (compatible; Googlebot/2.1)\r\n\r\n",
    b"BOGUS /%s\r\n\r\n",
]

# name -> (ttl, window, wscale, options-order, df)
SYNS = {
    "win7": (128, 8192, 2, "mss,nop,ws,nop,nop,sok", True),
    "winxp": (128, 65535, None, "mss,nop,nop,sok", True),
    "linux311": (64, None, 7, "mss,sok,ts,nop,ws", True),
    "linux26": (64, "mss*4", 6, "mss,sok,ts,nop,ws", True),
    "freebsd": (64, 65535, 6, "mss,nop,ws,sok,ts", True),
    "macos": (64, 65535, 3, "mss,nop,ws,nop,nop,ts,sok,eol", True),
    "openbsd": (64, 16384, 3, "mss,nop,nop,sok,nop,ws,nop,nop,ts", True),
    "solaris": (64, "mss*34", 0, "mss,nop,ws,nop,nop,sok", True),
    "nmap": (48, 1024, None, "mss", False),
    "odd": (255, 4321, 9, "mss,nop,ws,sok", False),
}
MSSES = [1460, 1460, 1460, 1452, 1440, 1380, 1360, 1412, 1400, 536, 1420, 1456]


def tcp_opts(order, mss, ws):
    out = []
    for o in order.split(","):
        if o == "mss":
            out.append(("MSS", mss))
        elif o == "nop":
            out.append(("NOP", None))
        elif o == "ws":
            out.append(("WScale", ws or 0))
        elif o == "sok":
            out.append(("SAckOK", b""))
        elif o == "ts":
            out.append(("Timestamp", (R.randint(1, 2**31), 0)))
        elif o == "eol":
            out.append(("EOL", None))
    return out


def craft(src, dst, sport, dport, kind, flags="S", ttl_drop=0, mss=None, ts=None):
    ttl, win, ws, order, df = SYNS[kind]
    mss = mss or R.choice(MSSES)
    if win is None:
        win = mss * 20
    elif isinstance(win, str):
        win = mss * int(win.split("*")[1])
    opts = tcp_opts(order, mss, ws)
    if ts is not None:
        opts = [("Timestamp", (ts, 0)) if o[0] == "Timestamp" else o for o in opts]
    ip = IP(src=src, dst=dst, ttl=max(1, ttl - ttl_drop), id=R.randint(1, 65535),
            flags="DF" if df else 0)
    return ip / TCP(sport=sport, dport=dport, flags=flags, window=min(win, 65535),
                    seq=R.randint(0, 2**32 - 1), ack=R.randint(1, 2**32 - 1) if "A" in flags else 0,
                    options=opts)


def rnd_ip():
    return "127.%d.%d.%d" % (R.randint(1, 30), R.randint(0, 255), R.randint(2, 250))


def serve(port, stop):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.2", port))
    s.listen(64)
    s.settimeout(0.5)
    while not stop.is_set():
        try:
            c, _ = s.accept()
        except OSError:
            continue
        try:
            c.settimeout(2)
            c.recv(4096)
            time.sleep(R.uniform(0.0, 0.15))
            c.send(R.choice(SERVERS))
        except OSError:
            pass
        c.close()
    s.close()


def http_client(port):
    try:
        c = socket.create_connection(("127.0.0.2", port), timeout=3,
                                     source_address=(R.choice(["127.0.0.3", "127.0.0.4", rnd_ip()]), 0))
        time.sleep(R.uniform(0.03, 0.3))
        c.send(R.choice(CLIENTS) % str(R.randint(1, 999)).encode())
        c.recv(4096)
        time.sleep(R.uniform(0.0, 0.1))
        c.close()
    except OSError:
        pass


def refused():
    try:
        socket.create_connection(("127.0.0.5", R.randint(20900, 20999)), timeout=1)
    except OSError:
        pass


def crafted_syn(ports):
    kind = R.choice(list(SYNS))
    src = rnd_ip()
    dport = R.choice(ports + [20999])
    L3.send(craft(src, "127.0.0.2", R.randint(20000, 20999), dport, kind, ttl_drop=R.choice([0, 0, 1, 3, 7, 12])))


def crafted_synack():
    kind = R.choice(list(SYNS))
    L3.send(craft(rnd_ip(), "127.0.0.9", R.randint(20000, 20999), R.randint(20000, 20999), kind,
                  flags="SA", ttl_drop=R.choice([0, 2, 5])))


def changing_host():
    """One address that looks like several systems in turn (host change / ip sharing)."""
    src = rnd_ip()
    kinds = R.sample(list(SYNS), R.randint(2, 6))
    for i in range(R.randint(3, 14)):
        kind = kinds[i % len(kinds)]
        L3.send(craft(src, "127.0.0.2", R.randint(20000, 20999), 20999, kind,
                      ttl_drop=R.choice([0, 0, 4, 9]), mss=R.choice(MSSES)))
        time.sleep(R.uniform(0.01, 0.1))


def uptime_host():
    """Crafted SYNs of one address with a steadily ticking timestamp."""
    src = rnd_ip()
    kind = R.choice(["linux311", "freebsd", "macos", "openbsd", "linux26"])
    hz = R.choice([100, 250, 1000, 1000, 10])
    base = R.randint(10**5, 2**31)
    t0 = time.time()
    for _ in range(R.randint(2, 4)):
        time.sleep(R.uniform(0.05, 0.6))
        ts = base + int((time.time() - t0) * hz)
        L3.send(craft(src, "127.0.0.2", R.randint(20000, 20999), 20999, kind, ts=ts, mss=1460))


def api_query(kind):
    try:
        s = socket.socket(socket.AF_UNIX)
        s.settimeout(2)
        s.connect(API)
        if kind == "ok4":
            ip = R.choice(["127.0.0.2", "127.0.0.3", "127.0.0.4", rnd_ip()])
            q = struct.pack("<IB", 0x50304601, 4) + socket.inet_aton(ip) + b"\0" * 12
        elif kind == "ok6":
            q = struct.pack("<IB", 0x50304601, 6) + socket.inet_pton(socket.AF_INET6, "::1")
        elif kind == "magic":
            q = struct.pack("<IB", R.randint(0, 2**32 - 1), 4) + b"\x7f\0\0\x01" + b"\0" * 12
        else:
            q = struct.pack("<IB", 0x50304601, R.choice([0, 5, 9, 77])) + b"\0" * 16
        s.send(q)
        s.recv(300)
        s.close()
    except OSError:
        pass


def api_flood():
    socks = []
    for _ in range(R.randint(8, 30)):
        try:
            s = socket.socket(socket.AF_UNIX)
            s.connect(API)
            socks.append(s)
        except OSError:
            break
    time.sleep(0.3)
    for s in socks:
        s.close()


def ipv6_conn():
    try:
        s = socket.socket(socket.AF_INET6)
        s.bind(("::1", 0))
        l6 = socket.socket(socket.AF_INET6)
        l6.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        l6.bind(("::1", 20443))
        l6.listen(1)
        s.settimeout(1)
        s.connect(("::1", 20443))
        c, _ = l6.accept()
        time.sleep(0.05)
        s.send(b"GET / HTTP/1.1\r\nHost: six\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n")
        c.recv(100)
        c.send(SERVERS[1])
        c.close(); s.close(); l6.close()
    except OSError:
        pass


def main():
    ports = [R.randint(20000, 20899) for _ in range(R.randint(1, 3))]
    stop = threading.Event()
    ths = [threading.Thread(target=serve, args=(p, stop), daemon=True) for p in set(ports)]
    for t in ths:
        t.start()
    time.sleep(0.3)
    actions = [
        (lambda: http_client(R.choice(ports)), R.randint(20, 50)),
        (lambda: crafted_syn(ports), R.randint(10, 40)),
        (crafted_synack, R.randint(3, 12)),
        (changing_host, R.randint(2, 8)),
        (uptime_host, R.randint(3, 10)),
        (refused, R.randint(1, 6)),
        (lambda: api_query("ok4"), R.randint(5, 15)),
        (lambda: api_query("ok6"), R.randint(1, 3)),
        (lambda: api_query("magic"), R.randint(1, 4)),
        (lambda: api_query("type"), R.randint(1, 3)),
        (api_flood, R.randint(0, 2)),
        (ipv6_conn, R.randint(1, 4)),
    ]
    funcs = [a for a, _ in actions]
    weights = [w for _, w in actions]
    end = time.time() + DURATION
    while time.time() < end:
        R.choices(funcs, weights)[0]()
        time.sleep(R.expovariate(1.2))
    stop.set()
    for t in ths:
        t.join(2)


if __name__ == "__main__":
    main()
