import random, socket, sys, time, http.client
port = int(sys.argv[1]); n = int(sys.argv[2])
rnd = random.Random()
ACTS = ["get"] * 30 + ["missing"] * 6 + ["post"] * 6 + ["boom"] * 3 + ["slow"] * 3 + ["nostart"] * 2 + ["head"] * 3 + \
    ["static"] * 3 + ["staticmiss"] * 2 + ["garbage"] * 2 + ["abort"] * 2 + ["ws"] * 2 + ["badws"] * 1 + ["keepalive"] * 3 + ["query"] * 4 + ["halfheader"] * 1
def req(method, path, body=None, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=3)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse(); r.read(); c.close()
def raw(data, wait=0.1, read=True):
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    s.sendall(data); time.sleep(wait)
    if read:
        try: s.recv(4096)
        except Exception: pass
    s.close()
for _ in range(n):
    a = rnd.choice(ACTS)
    try:
        if a == "get": req("GET", rnd.choice(["/", "/index", "/api/items/%d" % rnd.randint(1, 500), "/health"]))
        elif a == "missing": req("GET", "/missing/%d" % rnd.randint(1, 99))
        elif a == "post": req("POST", "/api/items", body=b"x" * rnd.randint(1, 5000))
        elif a == "boom": req(rnd.choice(["GET", "POST"]), "/boom")
        elif a == "slow": req("GET", "/slow")
        elif a == "nostart": req("GET", "/nostart")
        elif a == "head": req("HEAD", "/")
        elif a == "static": req("GET", "/static/hello.txt")
        elif a == "staticmiss": req("GET", "/static/nope%d.txt" % rnd.randint(1, 9))
        elif a == "query": req(rnd.choice(["GET", "DELETE", "PUT", "OPTIONS"]), "/search?q=%d&page=%d" % (rnd.randint(1, 999), rnd.randint(1, 9)))
        elif a == "garbage": raw(rnd.choice([b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", b"GET /\x01bad HTTP/1.1\r\nHost: x\r\n\r\n"]))
        elif a == "abort": raw(b"POST /api/items HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\npartial", wait=0.05, read=False)
        elif a == "halfheader": raw(b"GET / HTTP/1.1\r\nHost: x\r\n", wait=rnd.choice([0.1, 1.5]), read=False)
        elif a == "keepalive":
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=3)
            for i in range(rnd.randint(2, 6)):
                c.request("GET", "/ka/%d" % i); c.getresponse().read()
            c.close()
        elif a in ("ws", "badws"):
            key = "dGhlIHNhbXBsZSBub25jZQ==" if a == "ws" else "bad"
            hdr = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % key
            s = socket.create_connection(("127.0.0.1", port), timeout=3)
            s.sendall(hdr.encode())
            try: s.recv(4096)
            except Exception: pass
            if a == "ws":
                s.sendall(b"\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58")  # masked "Hello"
                try: s.recv(4096)
                except Exception: pass
                if rnd.random() < 0.5: s.sendall(b"\x88\x80\x00\x00\x00\x00")
            s.close()
    except Exception:
        pass
    time.sleep(rnd.random() * 0.03)
