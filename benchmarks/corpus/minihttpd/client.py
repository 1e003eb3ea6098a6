#!/usr/bin/env python3
"""Random HTTP client for mini_httpd: good requests, bad requests and garbage."""
import random, socket, sys, time, base64

HOST = "127.0.0.1"
PORT = int(sys.argv[1])
N = int(sys.argv[2])
SRC = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"
UAS = ["curl/7.88.1", "Mozilla/5.0 (X11; Linux x86_64) Firefox/115.0", "Wget/1.21.3",
       "python-requests/2.31.0", "", "Lynx/2.9.0dev.12 libwww-FM/2.14", "monitor-probe/0.3"]
REFS = ["", "http://127.0.0.1/", "http://example.test/page.html", "http://127.0.0.1:%d/sub/" % PORT]

def send(raw, read=True, src=SRC):
    try:
        s = socket.create_connection((HOST, PORT), timeout=5, source_address=(src, 0))
        s.sendall(raw)
        if read:
            while s.recv(65536):
                pass
        s.close()
    except Exception:
        pass

def req(method, path, headers=None, body=b"", proto="HTTP/1.0"):
    h = ["%s %s %s" % (method, path, proto)]
    ua = random.choice(UAS)
    if ua:
        h.append("User-Agent: " + ua)
    ref = random.choice(REFS)
    if ref:
        h.append("Referer: " + ref)
    h.append("Host: 127.0.0.1:%d" % PORT)
    for k, v in (headers or {}).items():
        h.append("%s: %s" % (k, v))
    if body:
        h.append("Content-Length: %d" % len(body))
        h.append("Content-Type: application/x-www-form-urlencoded")
    return ("\r\n".join(h) + "\r\n\r\n").encode() + body

def auth(user, pw):
    return {"Authorization": "Basic " + base64.b64encode(("%s:%s" % (user, pw)).encode()).decode()}

FILES = ["/", "/index.html", "/about.html", "/style.css", "/logo.png", "/data.json", "/notes.txt",
         "/sub/", "/sub/page.html", "/sub/deep/", "/sub/deep/file.bin", "/empty.txt", "/noidx/"]
MISSING = ["/missing.html", "/nope/", "/sub/gone.txt", "/favicon.ico", "/robots.txt", "/wp-login.php",
           "/admin/config.php", "/.env"]

def one():
    r = random.random()
    if r < 0.35:
        p = random.choice(FILES)
        if random.random() < 0.2:
            p += "?q=%d" % random.randint(1, 999)
        send(req(random.choice(["GET", "GET", "GET", "HEAD"]), p, proto=random.choice(["HTTP/1.0", "HTTP/1.1"])))
    elif r < 0.45:
        send(req("GET", random.choice(MISSING)))
    elif r < 0.52:
        send(req("GET", random.choice(["/sub", "/sub/deep", "/noidx", "/private"])))  # 302 redirect
    elif r < 0.62:
        c = random.choice(["/cgi-bin/hello.cgi", "/cgi-bin/env.cgi?x=%d" % random.randint(1, 99),
                           "/cgi-bin/fail.cgi", "/cgi-bin/slow.cgi", "/cgi-bin/nonexec.cgi",
                           "/cgi-bin/missing.cgi", "/cgi-bin/redirect.cgi", "/cgi-bin/status.cgi"])
        if random.random() < 0.3:
            send(req("POST", c.split("?")[0], body=("name=u%d&v=%d" % (random.randint(1, 9), random.randint(1, 999))).encode()))
        else:
            send(req("GET", c))
    elif r < 0.70:
        who = random.choice([("alice", "wonderland"), ("alice", "wrong"), ("bob", "x"), None])
        send(req("GET", random.choice(["/private/", "/private/secret.txt"]), headers=auth(*who) if who else None))
    elif r < 0.74:
        send(req("GET", random.choice(["/private/.htpasswd", "/.htpasswd"])))
    elif r < 0.78:
        send(req("GET", "/index.html", headers={"If-Modified-Since": random.choice(
            ["Sat, 01 Jan 2000 00:00:00 GMT", "Fri, 01 Jan 2038 00:00:00 GMT", "garbage-date"])}))
    elif r < 0.81:
        send(req("GET", "/sub/deep/file.bin", headers={"Range": "bytes=%d-%d" % (random.randint(0, 100), random.randint(200, 900))}))
    elif r < 0.85:
        send(req(random.choice(["PUT", "DELETE", "TRACE", "OPTIONS", "PATCH", "BREW", "CONNECT"]), random.choice(FILES)))
    elif r < 0.89:
        send(req("GET", random.choice(["/../../etc/passwd", "/sub/../../x", "/%2e%2e/etc/shadow", "/..", "//etc/hosts", "/sub/%00.html"])))
    elif r < 0.92:
        send(req("GET", "/unreadable.txt"))
    elif r < 0.96:
        g = random.choice([b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(random.getrandbits(8) for _ in range(40)),
                           b"GET\r\n\r\n", b"HELLO\r\n\r\n", b"GET /index.html\r\n\r\n",
                           b"GET / HTTP/1.0 extra\r\n\r\n", b"\r\n\r\n", b"SSH-2.0-OpenSSH_9.2\r\n",
                           b"GET  HTTP/1.0\r\n\r\n", b"GET nohost HTTP/1.0\r\n\r\n",
                           b"POST /cgi-bin/hello.cgi HTTP/1.0\r\nContent-Length: 5\r\n\r\nab"])
        send(g)
    else:
        send(req("GET", random.choice(FILES), headers={"Cookie": "sid=%x" % random.getrandbits(32), "X-Forwarded-For": "10.%d.%d.%d" % (random.randint(0,255), random.randint(0,255), random.randint(0,255))}))

for _ in range(N):
    one()
    time.sleep(random.random() * 0.02)
