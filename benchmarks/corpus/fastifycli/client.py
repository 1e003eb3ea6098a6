#!/usr/bin/env python3
"""Random HTTP workload against the fastify app: client.py PORT COUNT SEED"""
import random, socket, sys, time, http.client, json

port, count, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)

def req(method, path, body=None, headers=None, timeout=5):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        c.request(method, path, body=body, headers=headers or {})
        c.getresponse().read()
        c.close()
    except Exception:
        pass

def raw(data, wait=0.2):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2)
        s.sendall(data)
        time.sleep(wait)
        try:
            s.recv(4096)
        except Exception:
            pass
        s.close()
    except Exception:
        pass

def abort(path, after):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2)
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        time.sleep(after)
        s.close()
    except Exception:
        pass

actions = [
    (30, lambda: req("GET", "/")),
    (25, lambda: req("GET", f"/items/{rnd.randint(1, 999)}")),
    (6, lambda: req("GET", "/items/" + rnd.choice(["abc", "x1", "none", "-"]))),
    (14, lambda: req("POST", "/items", json.dumps({"name": rnd.choice(["bolt", "nut", "gear"]), "qty": rnd.randint(0, 50)}), {"content-type": "application/json"})),
    (5, lambda: req("POST", "/items", json.dumps(rnd.choice([{}, {"name": "a"}, {"name": 5}, {"name": "ok", "qty": -1}])), {"content-type": "application/json"})),
    (4, lambda: req("POST", "/items", rnd.choice(["{bad", "{\"name\":", "[1,2"]), {"content-type": "application/json"})),
    (2, lambda: req("POST", "/items", "", {"content-type": "application/json"})),
    (3, lambda: req("POST", "/items", "name=bolt", {"content-type": "application/x-www-form-urlencoded"})),
    (2, lambda: req("POST", "/items", json.dumps({"name": "x" * 4000}), {"content-type": "application/json"})),
    (8, lambda: req(rnd.choice(["GET", "DELETE", "PUT"]), rnd.choice(["/missing", "/admin", "/items", "/favicon.ico", "/api/v2/items"]))),
    (5, lambda: req("GET", "/boom")),
    (3, lambda: req("GET", "/teapot")),
    (2, lambda: req("GET", "/twice")),
    (2, lambda: req("GET", "/forgot")),
    (1, lambda: req("GET", "/sent-throw")),
    (3, lambda: req("GET", "/file/" + rnd.choice(["a.txt", "a.txt", "nope.txt", "secret"]))),
    (2, lambda: req("GET", "/badstream")),
    (3, lambda: req("GET", "/stream")),
    (2, lambda: abort("/stream", rnd.uniform(0.2, 0.8))),
    (2, lambda: req("GET", "/slow")),
    (3, lambda: raw(rnd.choice([b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"]))),
    (1, lambda: raw(b"GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n")),
]
weights = [w for w, _ in actions]
for _ in range(count):
    rnd.choices(actions, weights)[0][1]()
    time.sleep(rnd.uniform(0, 0.03))
