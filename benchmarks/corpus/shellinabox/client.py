#!/usr/bin/env python3
"""Web client for the shellinabox workload: python3 client.py PORT SSL(0/1) SECONDS
Does random things a browser (or a broken one) would do against shellinaboxd."""
import random
import socket
import ssl
import sys
import time
import json
import urllib.parse

PORT = int(sys.argv[1])
USE_SSL = sys.argv[2] == "1"
END = time.time() + float(sys.argv[3])
SERVICES = ["/", "/date", "/sh", "/false", "/missing", "/sleep", "/nosuch"]


def conn(sni=None):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=6)
    if USE_SSL:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        s = ctx.wrap_socket(s, server_hostname=sni or random.choice([None, None, "localhost", "shell.example.test", "127.0.0.1"]))
    return s


def request(raw, read=True, sni=None):
    try:
        s = conn(sni)
        s.sendall(raw)
        data = b""
        if read:
            while True:
                try:
                    chunk = s.recv(65536)
                except (socket.timeout, ssl.SSLError):
                    break
                if not chunk:
                    break
                data += chunk
                if b"\r\n\r\n" in data:
                    head, _, body = data.partition(b"\r\n\r\n")
                    for line in head.split(b"\r\n"):
                        if line.lower().startswith(b"content-length:"):
                            if len(body) >= int(line.split(b":")[1]):
                                s.close()
                                return data
        s.close()
        return data
    except (OSError, ssl.SSLError):
        return b""


def get(path, method="GET", extra=""):
    return request(f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\n{extra}Connection: close\r\n\r\n".encode())


def post(path, body, ctype="application/x-www-form-urlencoded; charset=utf-8", extra=""):
    b = body.encode() if isinstance(body, str) else body
    return request((f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nContent-Type: {ctype}\r\n"
                    f"Content-Length: {len(b)}\r\n{extra}Connection: close\r\n\r\n").encode() + b)


def session_of(resp):
    try:
        body = resp.split(b"\r\n\r\n", 1)[1]
        return json.loads(body)["session"]
    except Exception:
        return None


def terminal():
    svc = random.choice(SERVICES)
    w, h = random.choice([(80, 24), (120, 40), (100, 30)])
    root = f"{'https' if USE_SSL else 'http'}://127.0.0.1:{PORT}{svc}"
    r = post(svc, f"width={w}&height={h}&rooturl={urllib.parse.quote(root, safe='')}")
    sid = session_of(r)
    if not sid:
        return
    for _ in range(random.randint(1, 6)):
        if random.random() < 0.5:
            text = random.choice(["ls /\r", "echo hello\r", "id\r", "exit\r", "date\r", "\x03", "uname -a\r"])
            post(svc, f"width={w}&height={h}&session={sid}&keys={text.encode().hex().upper()}")
        else:
            if random.random() < 0.3:
                w, h = random.choice([(80, 24), (132, 43), (90, 20)])
            post(svc, f"width={w}&height={h}&session={sid}")
        time.sleep(random.uniform(0.1, 0.6))


ACTIONS = [
    (6, terminal),
    (2, lambda: get("/")),
    (1, lambda: get("/ShellInABox.js")),
    (1, lambda: get("/styles.css")),
    (1, lambda: get("/favicon.ico")),
    (1, lambda: get("/beep.wav")),
    (1, lambda: get("/plain")),
    (1, lambda: get("/static.txt")),
    (1, lambda: get("/no/such/file.html")),
    (1, lambda: get("/", method="HEAD")),
    (1, lambda: get("/", method=random.choice(["PUT", "DELETE", "OPTIONS", "BREW"]))),
    (1, lambda: post(random.choice(SERVICES), "width=80&height=24&session=NoSuchSession123")),
    (1, lambda: post("/", "width=80&height=24&keys=6C730D")),
    (1, lambda: post("/", "width=80&height=24&bad=%ZZ%")),
    (1, lambda: post("/", "--xyz\r\nContent-Disposition: form-data; name=a\r\n\r\nb\r\n",
                     "multipart/form-data")),
    (1, lambda: post("/", "junk before\r\n--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--B--\r\ntrailing",
                     "multipart/form-data; boundary=B")),
    (1, lambda: post("/", "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n",
                     "multipart/form-data; boundary=B")),
    (1, lambda: get("/", extra="X-Dup: 1\r\nX-Dup: 2\r\nHost: other\r\n")),
    (1, lambda: get("/", extra="X-Big: " + "A" * 70000 + "\r\n")),
    (1, lambda: get("/", extra="Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")),
    (1, lambda: request(b"\x16\x03\x01garbage\r\n\r\n")),
    (1, lambda: request(b"GET / HTTP/1.1\r\nHost: x\r\n", read=False)),
    (1, lambda: request(b"THIS IS NOT HTTP\r\n\r\n")),
    (1, lambda: get("/", extra="Accept-Encoding: gzip, deflate\r\n")),
    (1, lambda: get("/ShellInABox.js", extra="Accept-Encoding: deflate\r\n")),
]
TOTAL = sum(w for w, _ in ACTIONS)

while time.time() < END:
    r = random.uniform(0, TOTAL)
    for w, f in ACTIONS:
        r -= w
        if r <= 0:
            f()
            break
    time.sleep(random.uniform(0.05, 0.5))
