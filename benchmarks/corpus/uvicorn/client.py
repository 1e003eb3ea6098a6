"""Random HTTP/WebSocket/garbage client for the uvicorn workload."""
import asyncio, random, socket, sys, http.client
import websockets

PORT = int(sys.argv[1]); N = int(sys.argv[2])
H = "127.0.0.1"


def req(method, path, body=None, headers=None):
    try:
        c = http.client.HTTPConnection(H, PORT, timeout=5)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse(); r.read(); c.close()
    except Exception:
        pass


def raw(data, read=True):
    try:
        s = socket.create_connection((H, PORT), timeout=3)
        s.sendall(data)
        if read:
            s.recv(4096)
        s.close()
    except Exception:
        pass


async def ws(path, msgs):
    try:
        async with websockets.connect("ws://%s:%d%s" % (H, PORT, path), open_timeout=3) as w:
            for m in msgs:
                await w.send(m)
                await asyncio.wait_for(w.recv(), 3)
    except Exception:
        pass


def one():
    c = random.choice(["get", "get", "json", "post", "404", "403", "slow", "error", "noresp", "partial", "returns",
                       "stream", "garbage", "badver", "h2c", "keepalive", "ws", "ws", "wsreject", "wsdeny", "wscrash",
                       "wsboom", "wsbad", "abort", "head", "bighdr"])
    if c == "get": req("GET", "/")
    elif c == "json": req("GET", "/json?x=%d" % random.randint(1, 999))
    elif c == "post": req("POST", "/echo", body=b"x" * random.randint(0, 300))
    elif c == "404": req("GET", random.choice(["/missing", "/admin/login.php", "/../etc/passwd"]))
    elif c == "403": req("DELETE", "/forbidden")
    elif c == "slow": req("GET", "/slow?s=%.1f" % (random.random()))
    elif c == "error": req("GET", "/error")
    elif c == "noresp": req("GET", "/noresponse")
    elif c == "partial": req("GET", "/partial")
    elif c == "returns": req("GET", "/returns")
    elif c == "stream": req("GET", "/stream")
    elif c == "head": req("HEAD", "/")
    elif c == "garbage": raw(bytes(random.getrandbits(8) for _ in range(40)) + b"\r\n\r\n")
    elif c == "badver": raw(b"GET / HTTP/9.9\r\nHost: x\r\n\r\n")
    elif c == "h2c": raw(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n")
    elif c == "bighdr": raw(b"GET / HTTP/1.1\r\nHost: x\r\nX-Bad Header: y\r\n\r\n")
    elif c == "keepalive":
        try:
            k = http.client.HTTPConnection(H, PORT, timeout=5)
            for _ in range(3):
                k.request("GET", "/json"); k.getresponse().read()
            k.close()
        except Exception:
            pass
    elif c == "abort": raw(b"GET /slow?s=0.5 HTTP/1.1\r\nHost: x\r\n\r\n", read=False)
    elif c == "ws": asyncio.run(ws("/ws", ["hi", "there", "bye"][: random.randint(1, 3)]))
    elif c == "wsreject": asyncio.run(ws("/ws/reject", ["x"]))
    elif c == "wsdeny": asyncio.run(ws("/ws/deny", ["x"]))
    elif c == "wscrash": asyncio.run(ws("/ws/crash", ["x"]))
    elif c == "wsboom": asyncio.run(ws("/ws", ["hi", "boom"]))
    elif c == "wsbad": raw(b"GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n")


for _ in range(N):
    one()
