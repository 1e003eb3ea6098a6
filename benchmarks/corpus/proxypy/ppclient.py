#!/usr/bin/env python3
"""Random clients for proxy.py: plain and tunnelled requests, bad targets, bad requests,
authentication failures, aborted connections, web-server and blocked requests.
usage: ppclient.py COUNT AUTH(user:pass|-) WEB(0|1) HOSTFILTER(0|1)"""
import base64, random, socket, struct, sys, time

PROXY = ("127.0.0.1", 29100)
N, AUTH, WEB, HOSTFILTER = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "1", sys.argv[4] == "1"
rnd = random.Random()

def auth_header():
    if AUTH == "-":
        return b""
    r = rnd.random()
    if r < 0.15:
        return b""                     # missing credentials
    if r < 0.3:
        return b"Proxy-Authorization: Basic " + base64.b64encode(b"user:wrong") + b"\r\n"
    return b"Proxy-Authorization: Basic " + base64.b64encode(AUTH.encode()) + b"\r\n"

def talk(data, wait=3.0, rst=False, parts=None):
    try:
        s = socket.create_connection(PROXY, timeout=wait)
    except OSError:
        return b""
    out = b""
    try:
        for chunk in (parts or [data]):
            s.sendall(chunk)
            if parts:
                time.sleep(0.2)
        if rst:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return b""
        while True:
            b = s.recv(65536)
            if not b:
                break
            out += b
            if b"\r\n\r\n" in out and (b"Content-Length" in out or b"Connection established" in out):
                break
    except OSError:
        pass
    finally:
        s.close()
    return out

UA = [b"curl/7.88.1", b"Mozilla/5.0 (X11; Linux x86_64)", b"python-requests/2.31", b"Wget/1.21.3"]

def get(host, path, method=b"GET", body=b""):
    hdr = (method + b" http://" + host + path + b" HTTP/1.1\r\nHost: " + host + b"\r\nUser-Agent: "
           + rnd.choice(UA) + b"\r\n" + auth_header())
    if body:
        hdr += b"Content-Type: text/plain\r\nContent-Length: " + str(len(body)).encode() + b"\r\n"
    talk(hdr + b"Connection: close\r\n\r\n" + body)

def tunnel(host):
    req = b"CONNECT " + host + b" HTTP/1.1\r\nHost: " + host + b"\r\n" + auth_header() + b"\r\n"
    try:
        s = socket.create_connection(PROXY, timeout=4)
        s.sendall(req)
        resp = s.recv(4096)
        if b"200" in resp.split(b"\r\n")[0]:
            s.sendall(b"GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            while s.recv(65536):
                pass
        s.close()
    except OSError:
        pass

ORIGIN = b"127.0.0.1:29110"
ACTIONS = {
    "get_ok": (12, lambda: get(ORIGIN, rnd.choice([b"/index.html", b"/site.css", b"/"]))),
    "get_404": (8, lambda: get(ORIGIN, b"/missing/" + str(rnd.randint(1, 99)).encode())),
    "post": (6, lambda: get(ORIGIN, b"/submit", b"POST", b"x" * rnd.randint(1, 400))),
    "head": (3, lambda: get(ORIGIN, b"/index.html", b"HEAD")),
    "tunnel": (8, lambda: tunnel(ORIGIN)),
    "refused": (6, lambda: get(b"127.0.0.1:29113", b"/")),
    "refused_tunnel": (3, lambda: tunnel(b"127.0.0.1:29113")),
    "silent": (4, lambda: get(b"127.0.0.1:29111", b"/wait")),
    "reset": (4, lambda: get(b"127.0.0.1:29112", b"/reset")),
    "garbage_up": (3, lambda: get(b"127.0.0.1:29115", b"/junk")),
    "blocked_url": (5, lambda: get(ORIGIN, rnd.choice([b"/ads/banner.js", b"/img/tracker.gif", b"/secret/x"]))),
    "bad_request": (4, lambda: talk(rnd.choice([b"HELLO WORLD\r\n\r\n", b"GET\r\n\r\n",
                                                b"\x16\x03\x01\x00\x05hello\r\n\r\n",
                                                b"GET http://127.0.0.1:29110/ HTTP/1.1\r\nContent-Length: x\r\n\r\n"]))),
    "abort": (4, lambda: talk(b"GET http://127.0.0.1:29110/index.html HTTP/1.1\r\nHost: 127", rst=True)),
    "slow_client": (2, lambda: talk(b"", parts=[b"GET http://127.0.0.1:29110/site.css HTTP/1.1\r\n",
                                              b"Host: 127.0.0.1:29110\r\n" + auth_header(), b"Connection: close\r\n\r\n"])),
    "idle": (1, lambda: talk(b"", wait=1.0)),
}
if HOSTFILTER:   # only with the upstream-host filter loaded (no name is ever resolved)
    ACTIONS["blocked_host"] = (5, lambda: get(rnd.choice([b"facebook.com", b"www.facebook.com"]), b"/"))
if WEB:
    ACTIONS.update({
        "web_static": (12, lambda: talk(b"GET /" + rnd.choice([b"index.html", b"site.css", b"nope.txt"])
                                        + b" HTTP/1.1\r\nHost: 127.0.0.1:29100\r\nUser-Agent: " + rnd.choice(UA)
                                        + b"\r\nConnection: close\r\n\r\n")),
        "web_pac": (4, lambda: talk(b"GET / HTTP/1.1\r\nHost: 127.0.0.1:29100\r\nConnection: close\r\n\r\n")),
    })
names = list(ACTIONS)
weights = [ACTIONS[n][0] * rnd.uniform(0.3, 1.7) for n in names]
for _ in range(N):
    ACTIONS[rnd.choices(names, weights)[0]][1]()
    time.sleep(rnd.uniform(0, 0.15))
