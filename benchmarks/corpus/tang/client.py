#!/usr/bin/env python3
# Randomised tang client: raw HTTP requests over TCP from varied loopback source addresses.
import json, os, random, socket, sys, time
port, db, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
keys = json.load(open(sys.argv[4]))  # {"p521": pubjwk, "p256": pubjwk, "thp_extra": [...]}
rnd = random.Random()

def thps():
    names = [f[:-4] for f in os.listdir(db) if f.endswith(".jwk")]
    return [x.lstrip(".") for x in names] + keys.get("thp_extra", [])

def send(data, src=None, half=False):
    s = socket.socket()
    s.settimeout(5)
    if src:
        s.bind((src, 0))
    try:
        s.connect(("127.0.0.1", port))
        s.sendall(data)
        if half:
            s.shutdown(socket.SHUT_WR)
        try:
            while s.recv(65536):
                if not half:
                    break
        except socket.timeout:
            pass
    except OSError:
        pass
    finally:
        s.close()

def req(method, path, body=None, ctype="application/jwk+json"):
    h = f"{method} {path} HTTP/1.1\r\nHost: localhost\r\n"
    if body is not None:
        b = body.encode() if isinstance(body, str) else body
        h += f"Content-Type: {ctype}\r\nContent-Length: {len(b)}\r\n\r\n"
        return h.encode() + b
    return (h + "\r\n").encode()

def pick_thp():
    t = thps()
    return rnd.choice(t) if t else "x"

def rand_thp():
    a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    return "".join(rnd.choice(a) for _ in range(rnd.choice([27, 43, 43, 64])))

actions = [
    (30, lambda: req("GET", "/adv")),
    (8, lambda: req("GET", rnd.choice(["/adv/", "//adv", "/adv//"]))),
    (14, lambda: req("GET", "/adv/" + pick_thp())),
    (5, lambda: req("GET", "/adv/" + rand_thp())),
    (25, lambda: req("POST", "/rec/" + pick_thp(), json.dumps(keys["p521"]))),
    (4, lambda: req("POST", "/rec/" + rand_thp(), json.dumps(keys["p521"]))),
    (3, lambda: req("POST", "/rec/" + pick_thp(), json.dumps(keys["p256"]))),
    (3, lambda: req("POST", "/rec/" + pick_thp(), "{not json")),
    (2, lambda: req("POST", "/rec/" + pick_thp(), json.dumps(dict(keys["p521"], key_ops=["sign"])))),
    (2, lambda: req("POST", "/rec/" + pick_thp(), json.dumps({"kty": "oct", "k": "AAAA"}))),
    (2, lambda: req("POST", "/rec/" + pick_thp(), json.dumps(dict(keys["p521"], alg="ES256")))),
    (2, lambda: req("POST", "/rec/" + pick_thp(), json.dumps({"crv": "P-521"}))),
    (4, lambda: req(rnd.choice(["GET", "PUT", "DELETE"]), "/rec/" + pick_thp())),
    (3, lambda: req(rnd.choice(["POST", "HEAD", "PUT", "OPTIONS"]), "/adv")),
    (6, lambda: req("GET", rnd.choice(["/", "/favicon.ico", "/index.html", "/api/v1/keys", "/rec", "/adv.json", "/.env", "/robots.txt"]))),
    (1, lambda: req("GET", "/adv/" + "A" * rnd.randint(4100, 6000))),
    (1, lambda: req("POST", "/rec/" + pick_thp(), "{" + " " * rnd.randint(66000, 90000) + "}")),
    (2, lambda: rnd.choice([b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", b"HELLO\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET /adv HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", b"SSH-2.0-OpenSSH_9.2\r\n", b"GET /adv HTTP/1.1\r\nHost\x01: x\r\n\r\n"])),
]
weights = [w for w, _ in actions]
for _ in range(n):
    f = rnd.choices(actions, weights)[0][1]
    src = rnd.choice(["127.0.0.1"] * 6 + ["127.0.0.%d" % rnd.randint(2, 250), "127.%d.%d.%d" % (rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(1, 254))])
    send(f(), src, half=rnd.random() < 0.1)
    time.sleep(rnd.uniform(0, 0.05))
