#!/usr/bin/env python3
"""Randomised BitTorrent tracker clients for opentracker: HTTP announce/scrape/full scrape/stats
and UDP (BEP 15) connect/announce/scrape, good and bad. Usage: otclient.py PORT HASHFILE ROUNDS SEED"""
import random, socket, struct, sys, time, urllib.parse

PORT, HASHFILE, ROUNDS, SEED = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
R = random.Random(SEED)
HOST = "127.0.0.1"
GOOD = [bytes.fromhex(l.strip()[:40]) for l in open(HASHFILE) if len(l.strip()) >= 40]
PEERS = [b"-qB4650-" + bytes(R.getrandbits(8) for _ in range(12)) for _ in range(40)]


def infohash():
    if R.random() < 0.85:
        return R.choice(GOOD)
    return bytes(R.getrandbits(8) for _ in range(20))


def http(path, raw=None):
    try:
        s = socket.create_connection((HOST, PORT), timeout=3)
        s.sendall(raw if raw is not None else ("GET %s HTTP/1.0\r\nHost: tracker\r\n\r\n" % path).encode())
        while s.recv(65536):
            pass
        s.close()
    except OSError:
        pass


def announce_http():
    q = {"info_hash": infohash(), "peer_id": R.choice(PEERS), "port": R.randint(1024, 65000),
         "uploaded": R.randint(0, 10**9), "downloaded": R.randint(0, 10**9), "left": R.randint(0, 10**8)}
    ev = R.choices(["", "started", "completed", "stopped", "paused"], weights=[4, 3, 5, 2, 1])[0]
    if ev:
        q["event"] = ev
    if (ev == "completed" and R.random() < 0.9) or R.random() < 0.1:
        q["left"] = 0
    if R.random() < 0.7:
        q["compact"] = 1
    if R.random() < 0.2:
        q["numwant"] = R.randint(0, 200)
    if R.random() < 0.05:
        del q["info_hash"]
    if R.random() < 0.03:
        q["port"] = "notaport"
    http("/announce?" + urllib.parse.urlencode(q, quote_via=urllib.parse.quote))


def scrape_http():
    hs = "".join("info_hash=" + urllib.parse.quote(infohash()) + "&" for _ in range(R.randint(1, 4)))
    http("/scrape?" + hs.rstrip("&"))


def full_scrape():
    http(R.choice(["/scrape", "/scrape", "/scrape?", "/scrape.php"]),
         raw=None if R.random() < 0.8 else b"GET /scrape HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")


def stats():
    mode = R.choice(["", "peer", "conn", "scrp", "udp4", "tcp4", "busy", "torr", "fscr", "s24s", "completed",
                     "syncs", "herr", "top10", "renew", "everything", "statedump", "version", "nonsense"])
    http("/stats" + ("?mode=" + mode if mode else ""))


def junk_http():
    http(None, raw=R.choice([b"\r\n\r\n", b"POST /announce HTTP/1.0\r\n\r\n", b"GET / HTTP/1.0\r\n\r\n",
                             b"GET /favicon.ico HTTP/1.0\r\n\r\n", b"GET /announce HTTP/1.0\r\n\r\n",
                             bytes(R.getrandbits(8) for _ in range(30)) + b"\r\n\r\n"]))


def udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(0.5)
    try:
        tid = R.getrandbits(32)
        s.sendto(struct.pack("!QII", 0x41727101980, 0, tid), (HOST, PORT))
        conn = struct.unpack("!IIQ", s.recv(64)[:16])[2]
        if R.random() < 0.05:
            conn ^= 0xdeadbeef
        if R.random() < 0.25:
            hs = b"".join(infohash() for _ in range(R.randint(1, 3)))
            s.sendto(struct.pack("!QII", conn, 2, tid) + hs, (HOST, PORT))
        else:
            ev = R.choices([0, 1, 2, 3], weights=[3, 5, 3, 2])[0]
            left = 0 if (ev == 1 and R.random() < 0.9) else R.randint(0, 10**8)
            pkt = struct.pack("!QII20s20sQQQIIIiH", conn, 1, tid, infohash(), R.choice(PEERS),
                              R.randint(0, 10**9), left, R.randint(0, 10**9), ev, 0,
                              R.getrandbits(32), -1, R.randint(1024, 65000))
            s.sendto(pkt, (HOST, PORT))
        s.recv(2048)
    except (OSError, struct.error):
        pass
    s.close()


def junk_udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.sendto(bytes(R.getrandbits(8) for _ in range(R.randint(1, 40))), (HOST, PORT))
    s.close()


ACTIONS = [(announce_http, 30), (udp, 25), (scrape_http, 6), (full_scrape, 7), (stats, 4), (junk_http, 3),
           (junk_udp, 2)]
for _ in range(ROUNDS):
    R.choices([a for a, _ in ACTIONS], weights=[w for _, w in ACTIONS])[0]()
    if R.random() < 0.02:
        time.sleep(0.2)
