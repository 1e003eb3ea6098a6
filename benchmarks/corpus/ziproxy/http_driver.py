#!/usr/bin/env python3
"""Randomised HTTP clients against ziproxy (127.0.0.1:41800), upstream on 127.0.0.1:41801.

usage: http_driver.py <seed> <count> [parallel]
"""
import base64
import random
import socket
import sys
import threading
import time

PROXY = ("127.0.0.1", 41800)
UP = "127.0.0.1:41801"
R = random.Random(int(sys.argv[1]))
SLOW = len(sys.argv) > 4 and sys.argv[4] == "slow"
USERS = [("alice", "wonderland"), ("bob", "builder")]
PATHS = ["index.html", "photo.jpg", "small.jpg", "pic.png", "alpha.png", "pic.gif", "anim.gif", "gray.png",
         "bomb.png", "broken.jpg", "garbage.png", "style.css", "app.js", "data.txt", "blob.bin",
         "gzipped.html", "page.html.gz", "badgzip", "gzbomb", "chunked", "nolength", "redirect", "error500",
         "notmodified", "wrongtype", "hugeheader", "encoding-iso", "unknown-encoding", "truncated",
         "truncated.html", "reset", "empty", "badheader", "http09", "slow1", "slow3", "stall", "missing.html",
         "forbidden/page.html", "ads/banner.gif", "photo.jpg?noproc=1", "raw/photo.jpg", "index.html?q=1"]
WEIGHTS = [10, 8, 5, 6, 4, 5, 2, 2, 1, 2, 2, 3, 3, 3, 1, 3, 2, 2, 1, 3, 2, 2, 2, 1, 2, 1, 1, 1, 2, 1, 2, 2,
           2, 1, 2, 1, 1, 3, 2, 2, 1, 1, 2]


def auth_header(kind):
    if kind == "good":
        u, p = R.choice(USERS)
    elif kind == "bad":
        u, p = R.choice(USERS)[0], R.choice(["wrong", "guess", ""])
    elif kind == "unknown":
        u, p = R.choice(["mallory", "eve"]), "secret"
    elif kind == "garbage":
        return "Proxy-Authorization: Basic %%%notbase64%%%\r\n"
    elif kind == "scheme":
        return "Proxy-Authorization: Digest username=\"alice\"\r\n"
    else:
        return ""
    return "Proxy-Authorization: Basic %s\r\n" % base64.b64encode(("%s:%s" % (u, p)).encode()).decode()


def send(raw, src="127.0.0.1", read=True, timeout=15, half=False):
    s = socket.socket()
    s.settimeout(timeout)
    try:
        s.bind((src, 0))
        s.connect(PROXY)
        if isinstance(raw, str):
            raw = raw.encode("latin-1")
        s.sendall(raw)
        if half:
            s.shutdown(socket.SHUT_WR)
        if read:
            total = 0
            while True:
                d = s.recv(65536)
                if not d:
                    break
                total += len(d)
        return True
    except OSError:
        return False
    finally:
        s.close()


def pick_auth():
    return R.choices(["good", "bad", "none", "unknown", "garbage", "scheme"], [80, 6, 6, 3, 2, 2])[0]


def one_get():
    path = R.choices(PATHS, WEIGHTS)[0]
    if SLOW:
        path = R.choice(["slow3", "slow2", "stall", "slow3"])
    method = R.choices(["GET", "HEAD"], [9, 1])[0]
    proto = R.choice(["HTTP/1.1", "HTTP/1.0", "HTTP/1.1"])
    ae = R.choice(["Accept-Encoding: gzip, deflate\r\n", "", "Accept-Encoding: identity\r\n"])
    ua = R.choice(["Mozilla/5.0 (X11; Linux x86_64) Firefox/115.0", "curl/7.88.1", "Wget/1.21",
                   "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)"])
    extra = ""
    if R.random() < 0.5:
        extra += "User-Agent: %s\r\n" % ua
    if R.random() < 0.3:
        extra += "Accept: */*\r\n"
    if R.random() < 0.3:
        extra += "Proxy-Connection: keep-alive\r\n"
    if R.random() < 0.05:
        extra += "Range: bytes=0-99\r\n"
    if R.random() < 0.05:
        extra += "Via: 1.1 ziproxy-test (ziproxy)\r\n"
    req = ("%s http://%s/%s %s\r\nHost: %s\r\n%s%s%s\r\n"
           % (method, UP, path, proto, UP, extra, ae, auth_header(pick_auth())))
    send(req, timeout=12 if path != "stall" else 4)


def one_post():
    body = ("field=%d&text=%s" % (R.randint(1, 999), "x" * R.randint(10, 3000))).encode()
    req = ("POST http://%s/form HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n"
           "Content-Length: %d\r\n%s\r\n" % (UP, UP, len(body), auth_header(pick_auth()))).encode() + body
    send(req)


def one_connect():
    target = R.choice([UP, UP, "127.0.0.1:41802", "127.0.0.1:41803", "127.0.0.1:443", "127.0.0.1:41801"])
    req = "CONNECT %s HTTP/1.1\r\nHost: %s\r\n%s\r\n" % (target, target, auth_header(pick_auth()))
    s = socket.socket()
    s.settimeout(6)
    try:
        s.connect(PROXY)
        s.sendall(req.encode())
        d = s.recv(4096)
        if d.startswith(b"HTTP/1.") and b" 200 " in d.split(b"\r\n")[0]:
            s.sendall(b"GET /index.html HTTP/1.0\r\nHost: x\r\n\r\n")
            while s.recv(65536):
                pass
    except OSError:
        pass
    finally:
        s.close()


def one_transparent():
    path = R.choices(PATHS, WEIGHTS)[0]
    req = "GET /%s HTTP/1.1\r\nHost: %s\r\n%s\r\n" % (path, R.choice([UP, "127.0.0.1:41801", "127.0.0.1"]),
                                                      auth_header(pick_auth()))
    send(req)


def one_refused():
    kind = R.choice(["port", "deny", "deny2", "deadup", "dns", "scheme", "deny3"])
    url = {"port": "http://127.0.0.1:41899/x.html", "deny": "http://%s/forbidden/x" % UP,
           "deny2": "http://www.blocked.test/", "deadup": "http://127.0.0.1:41802/index.html",
           "dns": "http://no-such-host.invalid:41801/", "scheme": "ftp://127.0.0.1:41801/file",
           "deny3": "http://127.0.0.3:41801/"}[kind]
    req = "GET %s HTTP/1.1\r\nHost: x\r\n%s\r\n" % (url, auth_header("good"))
    send(req)


def one_bad():
    kind = R.randint(0, 11)
    good = auth_header("good")
    raw = [
        "GARBAGE\r\n\r\n",
        "GET\r\n\r\n",
        "GET /\r\n\r\n",
        "BREW http://%s/ HTCPCP/1.0\r\n%s\r\n" % (UP, good),
        "GET http://%s/%s HTTP/1.1\r\n%s\r\n" % (UP, "a" * 9000, good),
        "GET http://%s/index.html HTTP/1.1\r\nX-Long: %s\r\n%s\r\n" % (UP, "b" * 9000, good),
        "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + "".join(chr(R.randint(0, 255)) for _ in range(80)),
        "GET http:/// HTTP/1.1\r\n%s\r\n" % good,
        "POST http://%s/form HTTP/1.1\r\nContent-Length: 5000\r\n%s\r\nshort" % (UP, good),
        "GET http://%s/index.html HTTP/9.9\r\n%s\r\n" % (UP, good),
        "",
        "GET http://:41801/index.html HTTP/1.1\r\n%s\r\n" % good,
    ][kind]
    send(raw, timeout=10, half=(kind in (8, 10)))


def one_other_source():
    # sources outside OnlyFrom range are refused by the daemon
    src = R.choice(["127.0.0.9", "127.0.0.20", "127.0.0.2"])
    send("GET http://%s/index.html HTTP/1.0\r\n%s\r\n" % (UP, auth_header("good")), src=src)


def worker(n):
    for _ in range(n):
        f = R.choices([one_get, one_post, one_connect, one_transparent, one_refused, one_bad, one_other_source],
                      [45, 6, 6, 6, 12, 12, 4])[0]
        if SLOW:
            f = one_get
        try:
            f()
        except Exception as exc:  # noqa: BLE001
            print("driver:", f.__name__, repr(exc), file=sys.stderr)
        time.sleep(R.uniform(0, 0.05))


def main():
    count = int(sys.argv[2])
    par = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    ts = [threading.Thread(target=worker, args=(count // par,)) for _ in range(par)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


if __name__ == "__main__":
    main()
