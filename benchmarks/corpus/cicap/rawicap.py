#!/usr/bin/env python3
"""Raw ICAP clients for c-icap: malformed requests, garbage, slow and vanishing clients, pipelining."""
import base64, random, socket, sys, time
HOSTS = [("127.0.0.1", 25250), ("127.0.0.2", 25251)]

def send(data, wait=0.3, host=None, read=True, chunks=None):
    h = host or random.choice(HOSTS)
    s = socket.socket(); s.settimeout(3)
    try:
        s.connect(h)
        if chunks:
            for c in chunks:
                s.sendall(c); time.sleep(0.2)
        elif data:
            s.sendall(data)
        time.sleep(wait)
        if read:
            try:
                while s.recv(65536):
                    pass
            except OSError:
                pass
    except OSError:
        pass
    finally:
        s.close()

def icap(method, svc, hdrs=b"", enc=b"null-body=0", body=b"", host="127.0.0.1:25250"):
    return (method.encode() + b" icap://" + host.encode() + b"/" + svc.encode() + b" ICAP/1.0\r\nHost: " +
            host.encode() + b"\r\n" + hdrs + b"Encapsulated: " + enc + b"\r\n\r\n" + body)

def reqmod(svc, extra=b"", preview=None, body=b"hello world" * 5, close=False):
    http = b"POST http://www.example.test/upload/form/handler/submit-data-2024-archive-v1?id=1 HTTP/1.1\r\nHost: www.example.test\r\nContent-Length: %d\r\n\r\n" % len(body)
    chunk = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    h = extra + (b"Preview: %d\r\n" % preview if preview is not None else b"") + (b"Connection: close\r\n" if close else b"")
    return icap("REQMOD", svc, h, b"req-hdr=0, req-body=%d" % len(http), http + chunk)

def kind(k):
    if k == "garbage":
        send(bytes(random.randrange(256) for _ in range(random.randint(5, 300))))
    elif k == "http":
        send(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    elif k == "badmethod":
        send(icap(random.choice(["FOO", "DELETE", "PUT"]), "echo"))
    elif k == "badver":
        send(b"OPTIONS icap://127.0.0.1/echo ICAP/9.9\r\nHost: x\r\n\r\n")
    elif k == "nosvc":
        send(icap("OPTIONS", random.choice(["nosuch", "virus_scan", "echo/../x", ""])))
    elif k == "noenc":
        send(b"REQMOD icap://127.0.0.1/echo ICAP/1.0\r\nHost: x\r\n\r\n")
    elif k == "badenc":
        send(icap("RESPMOD", "echo", enc=random.choice([b"res-hdr=abc", b"bogus=12", b"req-hdr=0, res-body=999999"])))
    elif k == "truncated":
        send(reqmod("echo")[:random.randint(20, 120)], wait=0.2, read=False)
    elif k == "slow":
        d = reqmod("echo")
        send(None, chunks=[d[:30], d[30:60]], wait=random.choice([0.5, 9.5]), read=False)
    elif k == "idle":
        send(b"", wait=random.choice([0.3, 9]), read=False)
    elif k == "longhdr":
        send(icap("OPTIONS", "echo", b"X-Long: " + b"A" * random.choice([9000, 70000]) + b"\r\n"))
    elif k == "pipeline":
        send(icap("OPTIONS", random.choice(["echo", "ex206", "echo2"])), wait=0.5)
    elif k == "authgood":
        u = random.choice([b"alice:wonderland", b"bob:builder"])
        send(reqmod("ex206", b"Proxy-Authorization: " + random.choice([b"basic ", b"Basic "]) + base64.b64encode(u) + b"\r\n", close=True))
    elif k == "authbad":
        u = random.choice([b"alice:wrong", b"mallory:x", b"nocolon", b""])
        send(reqmod("ex206", b"Proxy-Authorization: " + random.choice([b"basic ", b"basic ", b"Digest ", b"basic"]) + base64.b64encode(u) + b"\r\n", close=True))
    elif k == "noauth":
        send(reqmod("ex206", close=True))
    elif k == "remoteuser":
        send(reqmod("echo2", b"X-Authenticated-User: " + base64.b64encode(random.choice([b"carol", b"dave"])) + b"\r\n", close=True))
    elif k == "noremoteuser":
        send(reqmod("echo2", close=True))
    elif k == "blocked":
        send(reqmod("echo", b"X-Block: yes\r\n", close=True))
    elif k == "preview0":
        send(reqmod("echo", preview=0, close=True))
    elif k == "badchunk":
        http = b"POST http://www.example.test/upload/form/handler/submit-data-2024-archive-v1?id=2 HTTP/1.1\r\nHost: www.example.test\r\n\r\n"
        send(icap("REQMOD", "echo", b"", b"req-hdr=0, req-body=%d" % len(http), http + b"zzzz"), wait=0.5, read=False)

kinds = ["garbage", "http", "badmethod", "badver", "nosvc", "noenc", "badenc", "truncated", "slow", "idle",
         "longhdr", "pipeline", "authgood", "authbad", "noauth", "remoteuser", "noremoteuser", "blocked", "preview0", "badchunk"]
for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
    kind(random.choice(kinds))
