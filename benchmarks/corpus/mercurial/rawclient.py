#!/usr/bin/env python3
"""Raw HTTP clients for hg serve: malformed requests and wire-protocol abuse."""
import random, socket, sys, time
host, port = sys.argv[1], int(sys.argv[2])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1
R = random.Random()
def hexjunk(k=40):
    return "".join(R.choice("0123456789abcdefxyz%") for _ in range(k))
def send(data, read=True):
    s = socket.create_connection((host, port), timeout=5)
    try:
        s.sendall(data)
        if read:
            try:
                while s.recv(65536):
                    pass
            except Exception:
                pass
    finally:
        s.close()
def req(method, path, headers=(), body=b"", version="HTTP/1.1"):
    h = "%s %s %s\r\nHost: %s:%d\r\nConnection: close\r\n" % (method, path, version, host, port)
    for k, v in headers:
        h += "%s: %s\r\n" % (k, v)
    if body:
        h += "Content-Length: %d\r\n" % len(body)
    return h.encode() + b"\r\n" + body
kinds = {
    "badversion": lambda: send(("GET / %s\r\n\r\n" % R.choice(["HTTP/1", "HTTX/1.1", "HTTP/1.1.1", "HTTP/a.b", "1.1"])).encode()),
    "newversion": lambda: send(("GET /%s HTTP/%s\r\n\r\n" % (R.choice(["", "log", "?cmd=capabilities"]), R.choice(["2.0", "3.0", "9.9"]))).encode()),
    "method": lambda: send(req(R.choice(["DELETE", "PATCH", "OPTIONS", "HEAD", "BREW", "PROPFIND", "TRACE"]), R.choice(["/", "/log", "/?cmd=heads"]))),
    "syntax": lambda: send(R.choice([b"GET\r\n\r\n", b"GET / HTTP/1.1 extra words\r\n\r\n", b"HELLO\r\n\r\n", b"GET  /a /b  /c HTTP/1.1\r\n\r\n"])),
    "http09": lambda: send(("%s /\r\n" % R.choice(["POST", "PUT", "HEAD", "DELETE"])).encode()),
    "longline": lambda: send(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 70000 + b"\r\n\r\n"),
    "manyheaders": lambda: send(b"GET / HTTP/1.1\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(120)) + b"\r\n"),
    "longuri": lambda: send(b"GET /" + b"x" * 70000 + b" HTTP/1.1\r\n\r\n"),
    "badlength": lambda: send(req("POST", "/?cmd=unbundle&heads=" + hexjunk(8), [("Content-Length", R.choice(["abc", "-5", "1e3", "ten"])), ("Content-Type", "application/mercurial-0.1")])),
    "badhex": lambda: send(req("GET", "/?cmd=%s" % R.choice(["getbundle&heads=", "known&nodes=", "branches&nodes=", "between&pairs=", "changegroupsubset&roots=", "getbundle&common="]) + hexjunk(R.choice([3, 40, 41])))),
    "badhexhdr": lambda: send(req("GET", "/?cmd=" + R.choice(["getbundle", "known"]), [("x-hgarg-1", R.choice(["heads=", "nodes=", "common="]) + hexjunk(R.choice([5, 40])))])),
    "badcmd": lambda: send(req("GET", "/?cmd=" + R.choice(["nosuch", "lookup&key=nosuchrev", "listkeys&namespace=bogus", "pushkey", "debugwireargs&one=1", "stream_out", "heads&extra=1"]))),
    "webpages": lambda: send(req("GET", R.choice(["/rev/zzzz", "/file/tip/nosuch", "/log?rev=bad((", "/graph", "/raw-rev/tip", "/archive/tip.zip", "/archive/tip.tar.gz", "/nosuchpage", "/static/../../etc/passwd", "/json-log", "/shortlog/tip?style=bogus", "/search/?rev=foo"]))),
    "garbage": lambda: send(bytes(R.randrange(1, 256) for _ in range(R.randint(5, 300))) + b"\r\n\r\n"),
    "cut": lambda: send(b"GET /?cmd=capabilities HTTP/1.1\r\nHost: x\r\n", read=False),
}
for _ in range(n):
    weighted = list(kinds) + ["badhex", "badhexhdr", "badlength", "badhex", "webpages"]
    k = sys.argv[4] if len(sys.argv) > 4 else R.choice(weighted)
    try:
        kinds[k]()
    except Exception as e:
        print("rawclient", k, e, file=sys.stderr)
