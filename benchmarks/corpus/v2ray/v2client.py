#!/usr/bin/env python3
"""One randomised v2ray client: runs N random actions against the local v2ray inbounds."""
import os, random, socket, struct, subprocess, sys, time

H = "127.0.0.1"
HOSTS = ["direct.test", "vmess.test", "ss.test", "trojan.test", "vless.test", "dead.test", "bad.test",
         "badtj.test", "badss.test", "ws.test", "chain-socks.test", "chain-http.test", "ads.test",
         "www.ads-server.test", "foo.example", "bar.invalid", "10.1.2.3", "127.0.0.1", "localhost"]
PORTS = [25620, 25620, 25620, 25623, 25621]
PATHS = ["/", "/config.json", "/helpers.py", "/missing.html", "/run/"]

def curl(*args, timeout=6):
    subprocess.run(["curl", "-s", "-o", "/dev/null", "-m", str(timeout), *args],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def url():
    host, port = random.choice(HOSTS), random.choice(PORTS)
    return f"http://{host}:{port}{random.choice(PATHS)}"

def rand_bytes(n):
    return bytes(random.randrange(256) for _ in range(n))

def raw(port, payload, wait=1.0):
    try:
        s = socket.create_connection((H, port), timeout=3)
        s.sendall(payload)
        s.settimeout(wait)
        try:
            s.recv(4096)
        except OSError:
            pass
        if random.random() < 0.5:
            s.shutdown(socket.SHUT_RDWR)
        s.close()
    except OSError:
        pass

def dnsq(name, qtype=1):
    q = struct.pack("!HHHHHH", random.randrange(65536), 0x0100, 1, 0, 0, 0)
    for part in name.split("."):
        q += bytes([len(part)]) + part.encode()
    return q + b"\x00" + struct.pack("!HH", qtype, 1)

def socks_udp():
    try:
        s = socket.create_connection((H, 25600), timeout=3)
        s.sendall(b"\x05\x01\x00"); s.recv(2)
        s.sendall(b"\x05\x03\x00\x01" + socket.inet_aton("0.0.0.0") + b"\x00\x00")
        rep = s.recv(10)
        port = struct.unpack("!H", rep[8:10])[0]
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.settimeout(2)
        for _ in range(random.randint(1, 3)):
            tgt = random.choice([25624, 25622, 25621])
            body = dnsq(random.choice(["a.example", "b.invalid"])) if tgt == 25622 else rand_bytes(20)
            if random.random() < 0.5:
                hdr = b"\x00\x00\x00\x01" + socket.inet_aton(H) + struct.pack("!H", tgt)
            else:
                d = random.choice(["direct.test", "udp.example"]).encode()
                hdr = b"\x00\x00\x00\x03" + bytes([len(d)]) + d + struct.pack("!H", tgt)
            if random.random() < 0.1:
                hdr = b"\x00\x00\x07"  # fragmented/garbage header
            u.sendto(hdr + body, (H, port))
            try:
                u.recvfrom(4096)
            except OSError:
                pass
        u.close(); s.close()
    except (OSError, IndexError, struct.error):
        pass

def udp(port, payload):
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.settimeout(2)
    u.sendto(payload, (H, port))
    try:
        u.recvfrom(4096)
    except OSError:
        pass
    u.close()

def dns_tcp(name):
    q = dnsq(name)
    raw(25612, struct.pack("!H", len(q)) + q, wait=2)

def action():
    a = random.choices(range(16), weights=[14, 10, 4, 4, 3, 3, 3, 3, 3, 2, 3, 3, 2, 2, 2, 2])[0]
    if a == 0:
        curl("--socks5-hostname", f"{H}:25600", url())
    elif a == 1:
        curl("-x", f"http://{H}:25602", url())
    elif a == 2:
        cred = random.choice(["alice:secret", "alice:secret", "alice:wrong", "eve:secret"])
        curl("--socks5-hostname", f"{cred}@{H}:25601", url())
    elif a == 3:
        cred = random.choice(["bob:hunter2", "bob:hunter2", "bob:nope", ""])
        curl("-x", f"http://{cred + '@' if cred else ''}{H}:25603", url())
    elif a == 4:
        curl("-p", "-x", f"http://{H}:25602", url())
    elif a == 5:
        curl("--socks4", f"{H}:25600", f"http://127.0.0.1:{random.choice(PORTS)}/")
    elif a == 6:
        curl(f"http://{H}:{random.choice([25608, 25609])}{random.choice(PATHS)}")
    elif a == 7:
        port = random.choice([25600, 25601, 25602, 25603, 25604, 25605, 25606, 25607, 25608, 25610, 25612])
        payload = random.choice([rand_bytes(random.randint(1, 200)), b"GET / HTTP/1.1\r\n\r\n",
                                 b"\x05\x01\x00", b"\x04\x01\x00\x50\x7f\x00\x00\x01user\x00",
                                 b"CONNECT nowhere HTTP/1.1\r\n\r\n", b"\x05\x02\x01\x02",
                                 b"HELLO\r\n", b"\x16\x03\x01\x00\x05hello", b""])
        raw(port, payload)
    elif a == 8:
        socks_udp()
    elif a == 9:
        udp(25612, dnsq(random.choice(["x.example", "y.invalid", "direct.test", "z.example"]), random.choice([1, 1, 28, 16])))
    elif a == 10:
        udp(25613, rand_bytes(random.randint(1, 64)))
    elif a == 11:
        dns_tcp(random.choice(["t.example", "u.invalid"]))
    elif a == 12:
        cmd = random.choice([["StatsService.QueryStats", "pattern: '' reset: false"],
                             ["StatsService.GetStats", "name: 'inbound>>>socks-in>>>traffic>>>uplink'"],
                             ["StatsService.GetStats", "name: 'no>>>such'"],
                             ["LoggerService.RestartLogger", ""],
                             ["HandlerService.RemoveInbound", "tag: 'nosuch'"],
                             ["HandlerService.RemoveOutbound", "tag: 'nosuch'"],
                             ["StatsService.GetSysStats", ""]])
        subprocess.run(["v2ctl", "api", "--server=127.0.0.1:25615", *cmd], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=10)
    elif a == 13:
        # slow / incomplete requests that hit the handshake timeout
        payload = random.choice([b"\x05", b"GET http://direct.test:25620/ HTTP/1.1\r\n", b"\x05\x01\x00\x05\x01"])
        raw(random.choice([25600, 25602, 25604, 25606]), payload, wait=random.choice([0.2, 2.5]))
    elif a == 14:
        curl("--socks5", f"{H}:25600", f"http://127.0.0.1:{random.choice(PORTS)}/", "--data", "x=" * random.randint(1, 4000))
    elif a == 15:
        curl("-x", f"http://{H}:25602", "--http1.0", f"http://{random.choice(HOSTS)}:25620/", "-X", random.choice(["HEAD", "POST", "BREW", "OPTIONS"]))

random.seed(os.urandom(8))
n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
for _ in range(n):
    action()
    time.sleep(random.random() * 0.2)
