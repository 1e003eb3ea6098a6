#!/usr/bin/env python3
"""Client helpers for the yggdrasil workload.

  yggclient.py conf OUT PORTS...        write a node config (JSON) from env-style options
  yggclient.py garbage HOST PORT MODE   misbehaving peer on a link listener
  yggclient.py burst HOST PORTS N       N garbage peers in parallel
  yggclient.py admin HOST PORT MODE     raw / broken admin socket requests
  yggclient.py socks PORT SECONDS       tiny SOCKS5 proxy (no auth, CONNECT only)
"""
import json
import os
import random
import select
import socket
import struct
import subprocess
import sys
import threading
import time


def conf(out):
    """Config from environment: LISTEN, PEERS, ADMIN, IFNAME, IFMTU, ALLOWED (space separated)."""
    c = json.loads(subprocess.check_output(["yggdrasil", "-genconf", "-json"]))
    if os.environ.get("KEYFROM") and os.path.exists(os.environ["KEYFROM"]):
        old = json.load(open(os.environ["KEYFROM"]))
        c["PrivateKey"], c["PublicKey"] = old["PrivateKey"], old["PublicKey"]
    c["Listen"] = os.environ.get("LISTEN", "").split()
    c["Peers"] = os.environ.get("PEERS", "").split()
    c["AdminListen"] = os.environ.get("ADMIN", "none")
    c["MulticastInterfaces"] = []
    c["IfName"] = os.environ.get("IFNAME", "none")
    c["IfMTU"] = int(os.environ.get("IFMTU", "65535"))
    c["AllowedPublicKeys"] = os.environ.get("ALLOWED", "").split()
    c["NodeInfo"] = {"name": os.path.basename(out)}
    json.dump(c, open(out, "w"), indent=1)


def meta(ver=0, minor=4, key=None):
    return b"meta" + bytes([ver, minor]) + (key if key is not None else os.urandom(32))


def garbage(host, port, mode):
    s = socket.create_connection((host, int(port)), timeout=10)
    try:
        if mode == "close":
            pass
        elif mode == "short":
            s.sendall(os.urandom(random.randint(1, 30)))
        elif mode == "random38":
            s.sendall(os.urandom(38))
            s.recv(100)
        elif mode == "http":
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            s.recv(100)
        elif mode == "oldver":
            s.sendall(meta(0, random.choice([1, 2, 3, 5]), None))
            s.recv(100)
        elif mode == "newver":
            s.sendall(meta(random.choice([1, 2]), 0, None))
            s.recv(100)
        elif mode == "junkafter":
            s.sendall(meta())
            time.sleep(0.3)
            s.sendall(os.urandom(random.randint(50, 400)))
            time.sleep(1)
        elif mode == "metaclose":
            s.sendall(meta())
            time.sleep(random.uniform(0.2, 1.5))
        elif mode == "idle":
            time.sleep(8)
        elif mode == "rst":
            s.sendall(os.urandom(5))
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        elif mode == "tlsgarbage":
            s.sendall(b"\x16\x03\x01\x00\x05hello")
            s.recv(100)
    except OSError:
        pass
    finally:
        s.close()


def admin(host, port, mode):
    if host.startswith("/"):
        s = socket.socket(socket.AF_UNIX)
        s.settimeout(5)
        s.connect(host)
    else:
        s = socket.create_connection((host, int(port)), timeout=5)
    reqs = {
        "junk": b"this is not json\n",
        "noname": b'{"arguments":{}}\n',
        "unknown": json.dumps({"request": random.choice(["getFoo", "reboot", "setTunTap"])}).encode(),
        "badfield": b'{"request":"getPeers","bogus":1}\n',
        "badargs": b'{"request":"addPeer","arguments":{"uri":42}}\n',
        "keepalive": b'{"request":"getSelf","keepalive":true}\n{"request":"getPeers","keepalive":true}\n{"request":"list"}\n',
        "rst": b'{"request":"getDHT"}\n',
    }
    try:
        s.sendall(reqs[mode])
        if mode == "rst":
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            s.settimeout(2)
            try:
                while s.recv(4096):
                    pass
            except OSError:
                pass
    finally:
        s.close()


def socks(port, seconds):
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", int(port)))
    srv.listen(16)
    srv.settimeout(1)
    end = time.time() + float(seconds)

    def pipe(a, b):
        try:
            while True:
                r, _, _ = select.select([a, b], [], [], 1)
                if time.time() > end:
                    break
                for x in r:
                    d = x.recv(65536)
                    if not d:
                        return
                    (b if x is a else a).sendall(d)
        except OSError:
            pass
        finally:
            a.close()
            b.close()

    def handle(c):
        try:
            c.recv(2 + 255)
            c.sendall(b"\x05\x00")
            hdr = c.recv(4)
            if hdr[3] == 1:
                host = socket.inet_ntoa(c.recv(4))
            elif hdr[3] == 3:
                host = c.recv(c.recv(1)[0]).decode()
            else:
                host = socket.inet_ntop(socket.AF_INET6, c.recv(16))
            p = struct.unpack(">H", c.recv(2))[0]
            try:
                u = socket.create_connection((host, p), timeout=5)
            except OSError:
                c.sendall(b"\x05\x05\x00\x01" + b"\0" * 6)
                c.close()
                return
            c.sendall(b"\x05\x00\x00\x01" + b"\0" * 6)
            pipe(c, u)
        except (OSError, IndexError):
            c.close()

    while time.time() < end:
        try:
            c, _ = srv.accept()
        except socket.timeout:
            continue
        threading.Thread(target=handle, args=(c,), daemon=True).start()
    srv.close()


def _safe(f, *a):
    try:
        f(*a)
    except OSError:
        pass


if __name__ == "__main__":
    cmd = sys.argv[1]
    try:
        if cmd == "conf":
            conf(sys.argv[2])
        elif cmd == "garbage":
            garbage(*sys.argv[2:5])
        elif cmd == "burst":
            # burst HOST "PORT PORT..." N : N misbehaving peers with random modes, in parallel
            modes = ["close", "short", "random38", "http", "oldver", "newver", "junkafter",
                     "metaclose", "rst", "tlsgarbage"]
            ports = sys.argv[3].split()
            ts = []
            for _ in range(int(sys.argv[4])):
                t = threading.Thread(target=lambda: _safe(garbage, sys.argv[2], random.choice(ports),
                                                          random.choice(modes)))
                t.start()
                ts.append(t)
                time.sleep(random.uniform(0, 0.2))
            for t in ts:
                t.join()
        elif cmd == "admin":
            admin(*sys.argv[2:5])
        elif cmd == "socks":
            socks(*sys.argv[2:4])
    except OSError as e:
        print(f"{cmd}: {e}", file=sys.stderr)
