# Randomised client traffic for the daphne workload: python3 client.py SEED COUNT HOST PORT [UNIXPATH]
import base64, http.client, warnings, os, random, socket, sys, time
from websockets.sync.client import connect, unix_connect

seed, count, host, port = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
upath = sys.argv[5] if len(sys.argv) > 5 else None
rnd = random.Random(seed)
warnings.simplefilter("ignore")


def sock():
    if upath:
        s = socket.socket(socket.AF_UNIX); s.connect(upath)
    else:
        s = socket.create_connection((host, port))
    s.settimeout(8)
    return s


def raw(data, wait=0.3, read=True):
    s = sock()
    try:
        s.sendall(data)
        time.sleep(wait)
        if read:
            try:
                s.recv(65536)
            except OSError:
                pass
    finally:
        s.close()


def hreq(method, path, body=None, headers=None, timeout=8):
    if upath:
        return raw(("%s %s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % (method, path, len(body or b""))).encode() + (body or b""))
    c = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse(); r.read()
    except Exception:
        pass
    finally:
        c.close()


def ws(path, messages, close=True, **kw):
    try:
        if upath:
            c = unix_connect(upath, uri="ws://x" + path, open_timeout=8, **kw)
        else:
            c = connect("ws://%s:%d%s" % (host, port, path), open_timeout=8, **kw)
    except Exception:
        return
    try:
        for m in messages:
            c.send(m)
            try:
                c.recv(timeout=3)
            except Exception:
                break
        if close:
            c.close()
        else:
            c.socket.close()
    except Exception:
        pass


def ws_handshake(path, key=True, version=b"13"):
    req = b"GET " + path.encode() + b" HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    if key:
        req += b"Sec-WebSocket-Key: " + base64.b64encode(os.urandom(16)) + b"\r\n"
    req += b"Sec-WebSocket-Version: " + version + b"\r\n\r\n"
    return req


actions = [
    (30, lambda: hreq("GET", "/")),
    (12, lambda: hreq("GET", "/json?n=%d" % rnd.randint(1, 999))),
    (8, lambda: hreq("GET", "/stream")),
    (6, lambda: hreq("GET", "/slow?%.2f" % rnd.uniform(0.05, 0.6))),
    (8, lambda: hreq("GET", rnd.choice(["/favicon.ico", "/admin", "/index.php", "/x/y"]))),
    (6, lambda: hreq("POST", "/echo", body=os.urandom(rnd.randint(0, 5000)))),
    (3, lambda: hreq("HEAD", "/")),
    (2, lambda: hreq("GET", "/", headers={"X-Forwarded-For": "198.51.100.%d" % rnd.randint(1, 250), "X-Forwarded-Port": "8443"})),
    (3, lambda: hreq("GET", "/boom")),
    (2, lambda: hreq("GET", "/silent")),
    (1, lambda: hreq("GET", "/badheader")),
    (1, lambda: hreq("GET", "/hang", timeout=6)),
    (1, lambda: hreq("GET", "/stubborn")),
    (3, lambda: raw(b"GET / HTTP/1.1\r\nHost: x\r\n", wait=0.2, read=False)),
    (2, lambda: raw(b"NONSENSE\r\n\r\n")),
    (1, lambda: raw(b"GET / HTTP/1.1\r\n" + b"X-Big: " + b"a" * 20000 + b"\r\n\r\n")),
    (2, lambda: raw(b"GET / HTTP/1.0\r\n\r\n")),
    (15, lambda: ws("/ws/echo", [rnd.choice(["hi", "hello there", "ping %d" % rnd.randint(1, 99)]) for _ in range(rnd.randint(1, 5))])),
    (5, lambda: ws("/ws/echo", [os.urandom(rnd.randint(1, 300)) for _ in range(rnd.randint(1, 3))])),
    (4, lambda: ws("/ws/echo", ["bye"], close=False)),
    (4, lambda: ws("/ws/reject", ["x"])),
    (3, lambda: ws("/ws/boom", ["x"])),
    (2, lambda: ws("/ws/close", ["x"])),
    (2, lambda: ws("/ws/echo", ["crash"])),
    (1, lambda: ws("/ws/late", ["x"])),
    (2, lambda: ws("/ws/echo", ["z" * 70000], max_size=None)),
    (2, lambda: raw(ws_handshake("/ws/echo", key=False))),
    (1, lambda: raw(ws_handshake("/ws/echo", version=b"7"))),
    (2, lambda: raw(ws_handshake("/ws/echo"), wait=rnd.uniform(4, 7))),
]
weights = [w for w, _ in actions]
for i in range(count):
    rnd.choices(actions, weights)[0][1]()
    time.sleep(rnd.choice([0, 0, 0.05, 0.2]))
