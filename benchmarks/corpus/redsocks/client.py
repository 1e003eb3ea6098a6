#!/usr/bin/env python3
"""Random clients for the redsocks workload (run inside the private netns).

usage: client.py N   -- run N random client sessions, several at a time
TCP sessions go to 127.0.0.<mode>:<5120x>, which iptables redirects to a redsocks
instance; UDP goes to the redudp / dnstc ports directly.
"""
import os, random, socket, struct, sys, threading, time

TCP_PORTS = list(range(51200, 51210)) + [51205, 51205, 51202, 51203, 51207]
MODES = [10] * 8 + [11, 11, 12, 13, 14, 15, 17, 18, 20, 20, 21, 22, 23, 24, 25, 26]
REDUDP = [51020, 51021, 51022]
DNSTC = 51030


def tcp_session():
    port = random.choice(TCP_PORTS)
    mode = random.choice(MODES)
    ip = "127.0.0.%d" % mode
    how = random.choice(["echo", "echo", "echo", "half", "half", "rst", "idle", "nothing", "big", "http", "badhttp"])
    if port == 51205:
        if mode == 15:   # a 407 without Proxy-Authenticate makes http-relay crash (double free)
            mode = 14
            ip = "127.0.0.14"
        how = random.choice(["http", "http", "http", "badhttp", "garbage", "nothing", "rst", "host"])
    s = socket.socket()
    s.settimeout(4)
    try:
        s.connect((ip, port))
        if how == "nothing":
            s.close(); return
        if how == "idle":
            time.sleep(random.uniform(0.5, 3)); s.close(); return
        if how == "rst":
            s.send(os.urandom(random.randint(1, 200)))
            time.sleep(random.uniform(0, 0.4))
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            s.close(); return
        if how in ("http", "host"):
            path = "/" + random.choice(["", "index.html", "a/b?c=d", "favicon.ico"])
            req = "GET %s HTTP/1.1\r\n" % path
            if how == "host":
                req += "Host: %s:%d\r\n" % (ip, port)
            req += "User-Agent: wl/%d\r\nAccept: */*\r\n\r\n" % random.randint(1, 9)
            s.sendall(req.encode())
        elif how == "badhttp":
            s.sendall(random.choice([b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"\x00\x01\x02\r\n\r\n", b"GET /x HTTP/1.0\r\n\r\n"]))
        elif how == "garbage":
            s.sendall(os.urandom(random.randint(10, 300)))
        elif how == "big":
            payload = os.urandom(random.randint(20000, 300000))
            sender = threading.Thread(target=lambda: _sendall(s, payload))
            sender.start()
            got = 0
            while got < len(payload):
                d = s.recv(4096)
                if not d:
                    break
                got += len(d)
            sender.join()
            s.close(); return
        else:
            for _ in range(random.randint(1, 4)):
                s.sendall(os.urandom(random.randint(1, 3000)))
                time.sleep(random.uniform(0, 0.2))
        if how == "half":
            s.shutdown(socket.SHUT_WR)
        while True:
            d = s.recv(65536)
            if not d:
                break
            if how == "echo" and random.random() < 0.5:
                break
    except OSError:
        pass
    finally:
        s.close()


def _sendall(s, data):
    try:
        s.sendall(data)
    except OSError:
        pass


def udp_session():
    port = random.choice(REDUDP)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(1)
    s.bind(("127.0.0.%d" % random.randint(2, 9), 0))
    try:
        for _ in range(random.randint(1, 8)):
            s.sendto(os.urandom(random.randint(1, 1200)), ("127.0.0.1", port))
            time.sleep(random.uniform(0, 0.05))
        for _ in range(3):
            try:
                s.recvfrom(65536)
            except OSError:
                break
    finally:
        s.close()


def dns_session():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(0.5)
    name = random.choice(["example.org", "debian.org", "a.b.c.test", "localhost"])
    q = struct.pack("!HHHHHH", random.randint(0, 65535), 0x0100, 1, 0, 0, 0)
    q += b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0" + struct.pack("!HH", 1, 1)
    kind = random.choice(["ok", "ok", "short", "response", "garbage"])
    if kind == "short":
        q = q[:random.randint(1, 11)]
    elif kind == "response":
        q = q[:2] + b"\x81\x80" + q[4:]
    elif kind == "garbage":
        q = os.urandom(random.randint(12, 60))
    try:
        s.sendto(q, ("127.0.0.1", DNSTC))
        s.recvfrom(4096)
    except OSError:
        pass
    finally:
        s.close()


def main():
    n = int(sys.argv[1])
    kinds = [tcp_session] * 8 + [udp_session, dns_session]
    threads = []
    for _ in range(n):
        t = threading.Thread(target=random.choice(kinds))
        t.start()
        threads.append(t)
        time.sleep(random.uniform(0, 0.08))
        threads = [t for t in threads if t.is_alive()]
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
