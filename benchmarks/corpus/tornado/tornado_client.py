import http.client, random, socket, sys, time
from websockets.sync.client import connect

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2])
P = 46101
COOKIE = []

def req(method, path, body=None, headers=None, timeout=5):
    c = http.client.HTTPConnection("127.0.0.1", P, timeout=timeout)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    sc = r.getheader("Set-Cookie")
    if sc:
        COOKIE.append(sc.split(";")[0])
    r.read()
    c.close()

def raw(data, wait=0.5, linger=0):
    s = socket.create_connection(("127.0.0.1", P), timeout=5)
    s.sendall(data)
    if linger:
        time.sleep(linger)
    try:
        s.settimeout(wait)
        s.recv(4096)
    except OSError:
        pass
    s.close()

def ws(msgs, origin=None):
    with connect(f"ws://127.0.0.1:{P}/ws", origin=origin, open_timeout=3) as c:
        for m in msgs:
            c.send(m)
            c.recv(timeout=2)

W = ["alpha", "beta", "gamma", "delta", "bob", "carol", "dave"]
acts = ["root", "post", "args", "argsbad", "argsmissing", "fail", "slow", "timeout", "cookie", "badcookie", "static", "static404", "404", "405", "ws", "wsboom", "wsbye", "wsplain", "wsorigin", "malformed", "partial", "bigbody", "abort", "idle"]
wts = [30, 10, 8, 3, 4, 3, 6, 2, 4, 2, 8, 3, 6, 4, 8, 2, 3, 2, 2, 3, 2, 2, 3, 1]
for _ in range(N):
    a = R.choices(acts, wts)[0]
    try:
        if a == "root":
            req("GET", R.choice(["/", "/?name=" + R.choice(W), "/?name=" + R.choice(W) + "&x=" + str(R.randint(1, 99))]))
        elif a == "post":
            req("POST", "/", body=" ".join(R.choice(W) for _ in range(R.randint(1, 30))))
        elif a == "args":
            req("GET", "/args?n=%d" % R.randint(0, 1000))
        elif a == "argsbad":
            req("GET", "/args?n=" + R.choice(W))
        elif a == "argsmissing":
            req("GET", "/args")
        elif a == "fail":
            req(R.choice(["GET", "GET", "HEAD"]), "/fail")
        elif a == "slow":
            req("GET", "/slow?t=%.2f" % (R.random() * 1.5))
        elif a == "timeout":
            req("GET", "/timeout")
        elif a == "cookie":
            req("GET", "/cookie", headers={"Cookie": COOKIE[-1]} if COOKIE and R.random() < 0.7 else {})
        elif a == "badcookie":
            req("GET", "/cookie", headers={"Cookie": R.choice(["user=Z3Vlc3Q=|1700000000|deadbeef", "user=garbage", "user=2|1:0|10:1700000000|4:user|8:Z3Vlc3Q=|00ff"])})
        elif a == "static":
            req(R.choice(["GET", "GET", "HEAD"]), R.choice(["/static/site.css", "/static/index.txt", "/static/site.css?v=1"]))
        elif a == "static404":
            req("GET", "/static/" + R.choice(W) + ".js")
        elif a == "404":
            req("GET", "/" + R.choice(W) + "/" + str(R.randint(1, 50)))
        elif a == "405":
            req(R.choice(["DELETE", "PUT", "PATCH"]), R.choice(["/", "/args", "/fail"]), body="x")
        elif a == "ws":
            ws([" ".join(R.choice(W) for _ in range(R.randint(1, 5))) for _ in range(R.randint(1, 6))])
        elif a == "wsboom":
            ws(["hi", "boom"])
        elif a == "wsbye":
            ws(["hi", "bye"])
        elif a == "wsplain":
            req("GET", "/ws", headers=R.choice([{}, {"Upgrade": "websocket"}, {"Upgrade": "websocket", "Connection": "Upgrade"}]))
        elif a == "wsorigin":
            ws(["hi"], origin="http://evil.example")
        elif a == "malformed":
            raw(R.choice([b"GARBAGE\r\n\r\n", b"GET / HTTP/1.1\r\nBadHeaderLine\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n", b"GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n"]))
        elif a == "partial":
            raw(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nonly-part", wait=3)
        elif a == "bigbody":
            raw(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n" + b"x" * 100)
        elif a == "abort":
            raw(b"GET /slow?t=0.3 HTTP/1.1\r\nHost: a\r\n\r\n", wait=0.01)
        elif a == "idle":
            raw(b"", wait=4)
    except Exception:
        pass
    time.sleep(R.random() * 0.05)
