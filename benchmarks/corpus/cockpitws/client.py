"""Randomised HTTP / WebSocket traffic against cockpit-ws (no logging of its own)."""
import base64, os, random, socket, sys, time

HOST, PORT, N = "127.0.0.1", int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else None)
cookie = None

def conn():
    s = socket.create_connection((HOST, PORT), timeout=1.5)
    return s

def recv_all(s, limit=200000):
    data = b""
    try:
        while len(data) < limit:
            b = s.recv(65536)
            if not b:
                break
            data += b
    except OSError:
        pass
    return data

def http(method, path, headers=None, body=b"", raw=None, read=True):
    global cookie
    try:
        s = conn()
        if raw is None:
            h = {"Host": "%s:%d" % (HOST, PORT), "Connection": "close"}
            h.update(headers or {})
            if body:
                h["Content-Length"] = str(len(body))
            raw = ("%s %s HTTP/1.1\r\n" % (method, path) + "".join("%s: %s\r\n" % kv for kv in h.items()) + "\r\n").encode() + body
        s.sendall(raw)
        data = recv_all(s) if read else b""
        s.close()
        for line in data.split(b"\r\n"):
            if line.lower().startswith(b"set-cookie: cockpit="):
                value = line.split(b":", 1)[1].strip().split(b";")[0].decode()
                if value != "cockpit=deleted":
                    cookie = value
        return data
    except OSError:
        return b""

def basic(u, p):
    return "Basic " + base64.b64encode(("%s:%s" % (u, p)).encode()).decode()

def websocket(origin=None, use_cookie=True, frames=1, proto="cockpit1"):
    try:
        s = conn()
        key = base64.b64encode(os.urandom(16)).decode()
        h = ["GET /cockpit/socket HTTP/1.1", "Host: %s:%d" % (HOST, PORT), "Upgrade: websocket",
             "Connection: Upgrade", "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13",
             "Origin: " + (origin or "http://%s:%d" % (HOST, PORT))]
        if proto:
            h.append("Sec-WebSocket-Protocol: " + proto)
        if use_cookie and cookie:
            h.append("Cookie: " + cookie)
        s.sendall(("\r\n".join(h) + "\r\n\r\n").encode())
        s.settimeout(1.5)
        try:
            s.recv(4096)
        except OSError:
            pass
        for _ in range(frames):
            payload = rnd.choice([b'\n{"command":"ping"}', b'\n{"command":"open","channel":"c1","payload":"echo"}',
                                  b'1\nhello', b'garbage', b'\n{"command":"close","channel":"c1"}',
                                  b'\n{"command":"init","version":1}'])
            mask = os.urandom(4)
            frame = bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            s.sendall(frame)
            time.sleep(0.05)
        try:
            s.recv(65536)
        except OSError:
            pass
        if rnd.random() < 0.6:
            mask = os.urandom(4)
            s.sendall(bytes([0x88, 0x82]) + mask + bytes(b ^ mask[i] for i, b in enumerate(b"\x03\xe8")))
            time.sleep(0.05)
        s.close()
    except OSError:
        pass

def fake_cookie():
    text = rnd.choice(["v=2;k=%032x" % rnd.getrandbits(128), "v=1;k=abc", "hello-world", "user=alice"])
    return "cockpit=" + base64.b64encode(text.encode()).decode()

for i in range(N):
    if cookie is None and rnd.random() < 0.5:
        cookie = fake_cookie()
    elif rnd.random() < 0.2:
        cookie = fake_cookie() if rnd.random() < 0.7 else None
    op = rnd.choices(["root", "login_ok", "login_bad", "login_nouser", "static", "notfound", "ping", "ws", "ws_badorigin",
                      "ws_nocookie", "bad_request", "head", "post", "negotiate", "bearer", "logout", "app", "favicon",
                      "manifest", "drop", "bigheader", "http10", "badhost"],
                     [8, 6, 6, 3, 8, 5, 4, 5, 2, 2, 2, 2, 2, 1, 1, 1, 3, 2, 2, 2, 1, 1, 1])[0]
    if op == "root": http("GET", rnd.choice(["/", "/system", "/cockpit/", "/=127.0.0.1"]), {"Cookie": cookie} if cookie and rnd.random() < .5 else None)
    elif op == "login_ok": http("GET", "/cockpit/login", {"Authorization": basic("alice", "secret1"), "X-Authorize": ""})
    elif op == "login_bad": http("GET", "/cockpit/login", {"Authorization": basic("alice", "wrong%d" % rnd.randint(1, 99))})
    elif op == "login_nouser": http("GET", "/cockpit/login", {"Authorization": basic(rnd.choice(["bob", "root", "nobody"]), "x")})
    elif op == "static": http("GET", "/cockpit/static/" + rnd.choice(["login.js", "login.css", "login.html", "branding.css", "missing.js", "../../etc/passwd", "fonts/OpenSans-Regular-webfont.woff"]),
                              {"Accept-Encoding": "gzip"} if rnd.random() < .5 else None)
    elif op == "notfound": http("GET", rnd.choice(["/nothere", "/cockpit/nothere", "/cockpit+app/x", "/cockpit/@localhost/system/index.html", "/cockpit/$abc/manifests.json"]))
    elif op == "ping": http("GET", "/ping")
    elif op == "ws": websocket(frames=rnd.randint(1, 4))
    elif op == "ws_badorigin": websocket(origin=rnd.choice(["http://evil.example", "null"]))
    elif op == "ws_nocookie": websocket(use_cookie=False, proto=rnd.choice(["cockpit1", None, "chat"]))
    elif op == "bad_request": http(None, None, raw=rnd.choice([b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", b"GET / HTTP/1.1\nBad Header\n\n"]))
    elif op == "head": http("HEAD", rnd.choice(["/", "/cockpit/static/login.js"]))
    elif op == "post": http("POST", rnd.choice(["/cockpit/login", "/", "/ping"]), {"Content-Type": "application/json"}, b'{"a":1}')
    elif op == "negotiate": http("GET", "/cockpit/login", {"Authorization": "Negotiate YIIBBgYGKwYBBQUCoIH7MIH4"})
    elif op == "bearer": http("GET", "/cockpit/login", {"Authorization": rnd.choice(["Bearer abc", "Basic !!!notbase64", "Basic"])})
    elif op == "logout": http("GET", "/cockpit/logout" if rnd.random() < .5 else "/cockpit/login", {"Cookie": cookie} if cookie else None)
    elif op == "app": http("GET", rnd.choice(["/cockpit/@localhost/manifests.json", "/cockpit/@localhost/shell/index.html", "/cockpit/@localhost/checksum"]), {"Cookie": cookie} if cookie else None)
    elif op == "favicon": http("GET", rnd.choice(["/favicon.ico", "/apple-touch-icon.png"]))
    elif op == "manifest": http("GET", rnd.choice(["/manifest.json", "/cockpit/static/manifest.json"]))
    elif op == "drop":
        try:
            s = conn(); s.sendall(b"GET / HTTP/1.1\r\nHost: x"); s.close()
        except OSError:
            pass
    elif op == "bigheader": http("GET", "/", {"X-Big": "a" * rnd.choice([1000, 9000, 70000])})
    elif op == "http10": http(None, None, raw=b"GET / HTTP/1.0\r\n\r\n")
    elif op == "badhost": http("GET", "/", {"Host": "evil.example"})
    time.sleep(rnd.random() * 0.1)
