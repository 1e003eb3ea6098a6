import random, socket, struct, sys, time, urllib.parse, http.client, os, base64

PORT = int(sys.argv[1]); N = int(sys.argv[2]); MODE = sys.argv[3] if len(sys.argv) > 3 else "all"
R = random.Random()
HASHES = [os.urandom(20) for _ in range(R.randint(2, 6))]
PEERS = [b"-qB4650-" + os.urandom(6).hex()[:12].encode() for _ in range(R.randint(3, 9))] + \
        [b"-TR3000-" + os.urandom(6).hex()[:12].encode() for _ in range(R.randint(1, 4))]

def q(b):
    return urllib.parse.quote_from_bytes(b, safe="")

def http_get(path, headers=None):
    try:
        c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=3)
        c.request("GET", path, headers=headers or {})
        c.getresponse().read(); c.close()
    except Exception:
        pass

def http_announce(bad=None):
    ih = R.choice(HASHES); pid = R.choice(PEERS); port = R.randint(6881, 6999)
    ev = R.choices(["started", "completed", "stopped", "", "paused", "update"], [5, 2, 3, 4, 1, 1])[0]
    params = {"info_hash": q(ih), "peer_id": q(pid), "port": str(port), "uploaded": "0",
              "downloaded": "0", "left": str(R.choice([0, 1024, 99999])), "compact": str(R.randint(0, 1)),
              "numwant": str(R.randint(1, 60))}
    if ev: params["event"] = ev
    if bad == "ih": params["info_hash"] = q(ih[:R.randint(1, 19)])
    if bad == "pid": params["peer_id"] = q(pid[:R.randint(1, 19)])
    if bad == "port": params["port"] = R.choice(["0", "70000", "abc"])
    if bad == "event": params["event"] = R.choice(["bogus", "start", "finish"])
    if bad == "noih": del params["info_hash"]
    qs = "&".join(k + "=" + v for k, v in params.items())
    hdr = {}
    if R.random() < 0.2: hdr["X-Forwarded-For"] = "10.%d.%d.%d" % (R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
    http_get("/announce?" + qs, hdr)

def http_scrape(bad=False):
    hs = R.sample(HASHES, R.randint(0, len(HASHES)))
    qs = "&".join("info_hash=" + q(h if not bad else h[:5]) for h in hs)
    http_get("/scrape" + ("?" + qs if qs else ""))

def http_misc():
    http_get(R.choice(["/", "/stats", "/stats.json", "/favicon.ico", "/announce.php", "/index.html?x=1"]))

CID = struct.pack(">II", 0x417, 0x27101980)

def udp_req(pkt, af=socket.AF_INET, host="127.0.0.1", wait=True):
    s = socket.socket(af, socket.SOCK_DGRAM); s.settimeout(0.5)
    try:
        s.sendto(pkt, (host, PORT))
        if wait: s.recvfrom(2048)
    except Exception:
        pass
    s.close()

def udp_announce(bad=None):
    af, host = R.choice([(socket.AF_INET, "127.0.0.1")] * 3 + [(socket.AF_INET6, "::1")])
    tid = R.getrandbits(32)
    udp_req(CID + struct.pack(">II", 0, tid), af, host)
    ev = R.choices([0, 1, 2, 3, 4], [2, 2, 5, 3, 1])[0]
    if bad == "event": ev = R.randint(5, 99)
    pkt = CID + struct.pack(">II", 1, tid) + R.choice(HASHES) + R.choice(PEERS) + \
        struct.pack(">QQQIIIiH", 0, R.choice([0, 5000]), 0, ev, 0, R.getrandbits(32), R.randint(1, 50), R.randint(6881, 6999))
    udp_req(pkt, af, host, wait=(bad is None))

def udp_scrape(bad=False):
    hs = b"".join(R.sample(HASHES, R.randint(1, len(HASHES))))
    if bad: hs = hs[:-R.randint(1, 19)]
    udp_req(CID + struct.pack(">II", 2, R.getrandbits(32)) + hs, wait=not bad)

def udp_bad():
    k = R.choice(["short", "cid", "action"])
    if k == "short": udp_req(os.urandom(R.randint(1, 15)), wait=False)
    elif k == "cid": udp_req(os.urandom(8) + struct.pack(">II", 0, 1), wait=False)
    else: udp_req(CID + struct.pack(">II", R.choice([3, 7, 255]), 5), wait=False)

def ws_badframe():
    try:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=2)
        key = base64.b64encode(os.urandom(16)).decode()
        s.sendall(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % key).encode())
        s.recv(1024)
        s.sendall(R.choice([b"\x85\x80abcd", b"\x81\x05hello", b"\x01\x80abcd\x81\x80abcd"]))
        time.sleep(0.2); s.close()
    except Exception:
        pass

ACTS = {"all": [(http_announce, 30), (lambda: http_announce(R.choice(["ih", "pid", "port", "event", "noih"])), 4),
                (http_scrape, 5), (lambda: http_scrape(True), 1), (http_misc, 3),
                (udp_announce, 20), (lambda: udp_announce("event"), 1), (udp_scrape, 4), (lambda: udp_scrape(True), 1),
                (udp_bad, 3), (ws_badframe, 1)],
        "http": [(http_announce, 10), (http_scrape, 2), (http_misc, 2)],
        "udp": [(udp_announce, 10), (udp_scrape, 2), (udp_bad, 1)]}
acts = ACTS[MODE]
for _ in range(N):
    f = R.choices([a for a, w in acts], [w for a, w in acts])[0]
    f()
    time.sleep(R.random() * 0.02)
