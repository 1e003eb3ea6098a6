import base64, http.client, os, random, socket, sys, time, json

PORT = int(sys.argv[1]); N = int(sys.argv[2])
R = random.Random()

def req(method, path, body=None, headers=None):
    try:
        c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=4)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse(); data = r.read(); c.close(); return r.status, r.headers, data
    except Exception:
        return None, {}, b""

def handshake():
    st, h, d = req("GET", "/socket.io/?EIO=4&transport=polling&t=%x" % R.getrandbits(30))
    try:
        return json.loads(d.decode()[1:])["sid"]
    except Exception:
        return None

def bad_query():
    q = R.choice(["EIO=4&transport=carrier-pigeon", "EIO=3&transport=polling", "EIO=4&transport=polling&sid=doesnotexist",
                  "EIO=4&transport=websocket", "transport=polling", "EIO=5&transport=polling"])
    req(R.choice(["GET", "GET", "POST"]), "/socket.io/?" + q)

def denied():
    req("GET", "/socket.io/?EIO=4&transport=polling", headers={"X-Deny": "1"})

def cors():
    req("OPTIONS", "/socket.io/?EIO=4&transport=polling", headers={"Origin": R.choice(["http://app.r42g.test", "http://evil.test"]),
        "Access-Control-Request-Method": "POST"})

def serve_client():
    f = R.choice(["socket.io.js", "socket.io.min.js", "socket.io.esm.min.js", "socket.io.js.map", "socket.io.msgpack.min.js"])
    st, h, d = req("GET", "/socket.io/" + f)
    if R.random() < 0.5 and h.get("ETag"):
        req("GET", "/socket.io/" + f, headers={"If-None-Match": h.get("ETag")})

def polling_session():
    sid = handshake()
    if not sid: return
    base = "/socket.io/?EIO=4&transport=polling&sid=" + sid
    k = R.randint(0, 6)
    if k == 0:   # bad packets
        req("POST", base, body=R.choice([b"4{bad", b"9", b"42[\"oops\"", b"40/nsp,{", b"hello"]), headers={"Content-Type": "text/plain"})
    elif k == 1:  # too large
        req("POST", base, body=b"4" + b"a" * R.randint(21000, 40000), headers={"Content-Type": "text/plain"})
    elif k == 2:  # connect then talk then abandon (ping timeout)
        req("POST", base, body=b"40", headers={"Content-Type": "text/plain"})
        req("GET", base)
        req("POST", base, body=b'42["echo","raw"]', headers={"Content-Type": "text/plain"})
    elif k == 3:  # overlapping GETs
        import threading
        ts = [threading.Thread(target=req, args=("GET", base)) for _ in range(2)]
        [t.start() for t in ts]; [t.join() for t in ts]
    elif k == 4:  # close packet
        req("POST", base, body=b"1", headers={"Content-Type": "text/plain"})
    elif k == 5:  # connect to a namespace, then leave
        req("POST", base, body=R.choice([b"40/chat,", b"40/nowhere,", b"40/admin,", b"40"]), headers={"Content-Type": "text/plain"})
        req("GET", base); req("POST", base, body=b"41", headers={"Content-Type": "text/plain"})
    else:        # upgrade probe that never completes
        ws_upgrade(sid, complete=False)

def ws_frame(data):
    data = data.encode() if isinstance(data, str) else data
    mask = os.urandom(4)
    n = len(data)
    hdr = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + n.to_bytes(2, "big"))
    return hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data))

def ws_upgrade(sid=None, complete=True):
    try:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=4)
        path = "/socket.io/?EIO=4&transport=websocket" + ("&sid=" + sid if sid else "")
        s.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (path, base64.b64encode(os.urandom(16)).decode())).encode())
        s.recv(4096)
        if sid:
            s.sendall(ws_frame("2probe")); s.recv(4096)
            if complete: s.sendall(ws_frame("5"))
            else: time.sleep(2.5)
        else:
            k = R.randint(0, 3)
            if k == 0: s.sendall(ws_frame("40")); time.sleep(0.1); s.sendall(ws_frame(R.choice(["42[\"echo\",1]", "4", "x", "42/chat,[\"a\"]"])))
            elif k == 1: s.sendall(b"\x82\x85abcd" + b"\x00" * 5)  # binary frame
            elif k == 2: s.sendall(b"\x88\x80abcd")  # close frame
            else: s.sendall(ws_frame("40")); time.sleep(R.uniform(0.2, 6))  # silent: never answers pings
        time.sleep(0.2); s.close()
    except OSError:
        pass

def bad_upgrade():
    try:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=3)
        q = R.choice(["EIO=4&transport=polling", "EIO=4&transport=websocket&sid=nope", "EIO=2&transport=websocket"])
        s.sendall(("GET /socket.io/?%s HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (q, base64.b64encode(os.urandom(16)).decode())).encode())
        s.recv(1024); s.close()
    except OSError:
        pass

ACTS = [(bad_query, 3), (denied, 1), (cors, 1), (serve_client, 2), (polling_session, 5), (ws_upgrade, 3), (bad_upgrade, 2)]
for _ in range(N):
    R.choices([a for a, w in ACTS], [w for a, w in ACTS])[0]()
    time.sleep(R.random() * 0.1)
