#!/usr/bin/env python3
"""Randomised traffic through an obfs4proxy client (SOCKS5) to an obfs4proxy server."""
import os, random, socket, struct, sys, threading, time

socks = {}     # transport -> socks port of the client
for item in sys.argv[1].split(","):
    name, port = item.split("=")
    socks[name] = int(port)
server = {}    # transport -> (port, args)
for item in sys.argv[2].split("|"):
    name, port, args = item.split("#")
    server[name] = (int(port), args)
count = int(sys.argv[3])
if "obfs4" in server:
    server["scramblesuit"] = (server["obfs4"][0], "password=" + "".join(random.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(32)))
closed_port = int(sys.argv[4])

def socks_connect(sport, target_port, args, garbage=False, target_host="127.0.0.1"):
    c = socket.create_connection(("127.0.0.1", sport), timeout=20)
    if garbage:
        c.sendall(random.choice([b"GET / HTTP/1.0\r\n\r\n", b"\x04\x01\x00\x50\x7f\x00\x00\x01\x00", b"\x05\x01\x00", os.urandom(7)]))
        try: c.recv(100)
        except OSError: pass
        c.close(); return None
    if args or random.random() < 0.03:
        c.sendall(b"\x05\x01\x02")
        r = c.recv(2)
        if r != b"\x05\x02":
            c.close(); return None
        u = args.encode() or b"\x00"
        p = b"\x00"
        if len(u) > 255:
            u, p = u[:255], u[255:]
        c.sendall(b"\x01" + bytes([len(u)]) + u + bytes([len(p)]) + p)
        r = c.recv(2)
        if len(r) < 2 or r[1] != 0:
            c.close(); return None
    else:
        c.sendall(b"\x05\x01\x00")
        if c.recv(2) != b"\x05\x00":
            c.close(); return None
    if target_host == "name":
        host = random.choice([b"nonexistent.invalid", b"localhost"])
        c.sendall(b"\x05\x01\x00\x03" + bytes([len(host)]) + host + struct.pack(">H", target_port))
    else:
        c.sendall(b"\x05\x01\x00\x01" + socket.inet_aton("127.0.0.1") + struct.pack(">H", target_port))
    r = c.recv(10)
    if len(r) < 2 or r[1] != 0:
        c.close(); return None
    return c

def session(kind):
    name = random.choice(list(socks))
    sport = socks[name]
    port, args = server.get(name, (closed_port, ""))
    try:
        if kind == "ok":
            c = socks_connect(sport, port, args)
            if c is None: return
            for _ in range(random.randint(1, 6)):
                c.sendall(os.urandom(random.randint(1, 3000)))
                try: c.recv(65536)
                except OSError: break
            if random.random() < 0.3:
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            c.close()
        elif kind == "badsocks":
            socks_connect(sport, port, args, garbage=True)
        elif kind == "badargs":
            bad = random.choice(["", "cert=AAAA;iat-mode=0", "iat-mode=7", "password=x", "cert=" + "A"*70 + ";iat-mode=1", "node-id=zz;public-key=zz", "shared-secret=short"])
            c = socks_connect(sport, port, bad)
            if c: c.close()
        elif kind == "closedport":
            c = socks_connect(sport, closed_port, args)
            if c: c.close()
        elif kind == "name":
            c = socks_connect(sport, port, args, target_host="name")
            if c: c.close()
        elif kind == "wrongserver":
            # valid-looking args of another transport's server: handshake fails
            other = random.choice([n for n in server if n != name] or [name])
            c = socks_connect(sport, server[other][0], args)
            if c: c.close()
        elif kind == "rawserver":
            p = random.choice([v[0] for v in server.values()])
            c = socket.create_connection(("127.0.0.1", p), timeout=5)
            c.sendall(os.urandom(random.choice([10, 100, 2000, 9000])))
            time.sleep(random.random())
            c.close()
        elif kind == "probe":
            p = random.choice([v[0] for v in server.values()])
            c = socket.create_connection(("127.0.0.1", p), timeout=5)
            c.close()
        elif kind == "abort":
            c = socks_connect(sport, port, args)
            if c:
                c.sendall(os.urandom(50))
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                c.close()
    except OSError:
        pass

kinds = ["ok"] * 30 + ["badsocks"] * 3 + ["badargs"] * 4 + ["closedport"] * 3 + ["name"] * 2 + ["wrongserver"] * 2 + ["rawserver"] * 3 + ["probe"] * 2 + ["abort"] * 4
threads = []
for _ in range(count):
    t = threading.Thread(target=session, args=(random.choice(kinds),), daemon=True)
    t.start(); threads.append(t)
    time.sleep(random.random() * 0.15)
    threads = [t for t in threads if t.is_alive()]
    while len(threads) > 40:
        time.sleep(0.1); threads = [t for t in threads if t.is_alive()]
deadline = time.time() + 45
for t in threads:
    t.join(max(0.1, deadline - time.time()))
