#!/usr/bin/env python3
"""Minimal SOCKS5 client and fake peers for the microsocks workload (no logging of its own)."""
import random, socket, struct, sys, threading, time

def echo_server(port, stop):
    s = socket.socket(socket.AF_INET6 if port % 2 else socket.AF_INET)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("::1" if port % 2 else "127.0.0.1", port)); s.listen(64); s.settimeout(0.5)
    while not stop.is_set():
        try: c, _ = s.accept()
        except socket.timeout: continue
        def h(c=c):
            try:
                c.settimeout(2)
                d = c.recv(4096)
                if d: c.sendall(d)
            except OSError: pass
            c.close()
        threading.Thread(target=h, daemon=True).start()
    s.close()

def one(proxy, user, pw, target, mode):
    s = socket.create_connection(("127.0.0.1", proxy), timeout=3)
    try:
        if mode == "garbage":
            s.sendall(bytes(random.randrange(256) for _ in range(random.randint(1, 20)))); s.recv(64); return
        if mode == "drop":
            return
        methods = [0, 2] if user else [0]
        if mode == "badmethod": methods = [1]
        s.sendall(bytes([5, len(methods)] + methods))
        r = s.recv(2)
        if len(r) < 2 or r[1] == 0xff: return
        if r[1] == 2:
            u, p = user.encode(), pw.encode()
            if mode == "badpass": p = b"wrong" + p
            s.sendall(bytes([1, len(u)]) + u + bytes([len(p)]) + p)
            a = s.recv(2)
            if len(a) < 2 or a[1] != 0: return
        host, port = target
        cmd = 1
        if mode == "badcmd": cmd = random.choice([2, 9])
        if ":" in host:
            addr = b"\x04" + socket.inet_pton(socket.AF_INET6, host)
        elif host.replace(".", "").isdigit():
            addr = b"\x01" + socket.inet_aton(host)
        else:
            addr = b"\x03" + bytes([len(host)]) + host.encode()
        if mode == "badatyp": addr = b"\x07" + addr[1:]
        s.sendall(bytes([5, cmd, 0]) + addr + struct.pack(">H", port))
        r = s.recv(10)
        if len(r) >= 2 and r[1] == 0:
            s.sendall(b"hello %d\n" % random.randrange(10**6)); s.recv(64)
    except OSError:
        pass
    finally:
        s.close()

if __name__ == "__main__":
    if sys.argv[1] == "peers":
        stop = threading.Event()
        for p in map(int, sys.argv[2:]):
            threading.Thread(target=echo_server, args=(p, stop), daemon=True).start()
        try:
            while True: time.sleep(1)
        except KeyboardInterrupt: pass
    elif sys.argv[1] == "emfile":
        proxy, hold, n = map(int, sys.argv[2:5])
        held = [socket.create_connection(("127.0.0.1", proxy)) for _ in range(hold)]
        time.sleep(0.2)
        for _ in range(n):
            one(proxy, "", "", random.choice([("127.0.0.1", 35610), ("::1", 35611)]), "ok")
            time.sleep(0.05)
        for h in held: h.close()
    else:
        proxy, n = int(sys.argv[2]), int(sys.argv[3])
        user = sys.argv[4] if len(sys.argv) > 4 else ""
        pw = sys.argv[5] if len(sys.argv) > 5 else ""
        good = [("127.0.0.1", 35610), ("127.0.0.1", 35612), ("::1", 35611), ("::1", 35613),
                ("localhost", 35610), ("127.0.0.2", 35612), ("127.0.0.3", 35610)]
        bad = [("127.0.0.1", 35620), ("no-such-host.invalid", 80), ("255.255.255.255", 35610), ("::1", 35621)]
        modes = ["ok"] * 20 + ["badpass", "badmethod", "garbage", "drop", "badcmd", "badatyp", "bad", "bad"]
        w = [random.random() ** 2 for _ in good]
        for _ in range(n):
            m = random.choice(modes)
            t = random.choice(bad) if m == "bad" else random.choices(good, w)[0]
            one(proxy, user, pw, t, "ok" if m == "bad" else m)
            time.sleep(random.random() * 0.01)
