#!/usr/bin/env python3
"""Small upstream HTTP server for the ziproxy workload (raw sockets, so it can misbehave).

usage: upstream.py <ip> <port> <wwwdir>
"""
import gzip
import os
import random
import socket
import sys
import threading
import time

IP, PORT, WWW = sys.argv[1], int(sys.argv[2]), sys.argv[3]
R = random.Random()
TYPES = {".html": "text/html", ".jpg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
         ".css": "text/css", ".js": "application/javascript", ".txt": "text/plain",
         ".bin": "application/octet-stream", ".gz": "text/html"}


def read_request(c):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = c.recv(65536)
        if not chunk:
            return None, None, b""
        data += chunk
        if len(data) > 200000:
            break
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    hdrs = {}
    for l in lines[1:]:
        k, _, v = l.partition(":")
        hdrs[k.strip().lower()] = v.strip()
    n = int(hdrs.get("content-length", "0") or 0)
    while len(body) < n:
        chunk = c.recv(65536)
        if not chunk:
            break
        body += chunk
    return lines[0], hdrs, body


def resp(c, status, ctype, body, extra=(), length=True):
    h = ["HTTP/1.1 " + status, "Server: upstream-test", "Content-Type: " + ctype, "Connection: close"]
    if length:
        h.append("Content-Length: %d" % len(body))
    h.extend(extra)
    c.sendall(("\r\n".join(h) + "\r\n\r\n").encode() + body)


def handle(c):
    try:
        c.settimeout(30)
        reqline, hdrs, body = read_request(c)
        if not reqline:
            return
        parts = reqline.split(" ")
        method, path = parts[0], parts[1] if len(parts) > 1 else "/"
        path = path.split("?")[0]
        name = path.lstrip("/")
        if method == "POST":
            resp(c, "200 OK", "text/html", b"<html><body>posted %d bytes</body></html>" % len(body))
        elif name.startswith("slow"):
            time.sleep(float(name[4:] or 3))
            resp(c, "200 OK", "text/html", b"<html><body>slow page</body></html>")
        elif name == "stall":
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html>")
            time.sleep(25)
        elif name == "reset":
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        elif name == "empty":
            pass
        elif name == "badheader":
            c.sendall(b"THIS IS NOT HTTP\r\n\r\ngarbage")
        elif name == "http09":
            c.sendall(b"<html>old style response</html>")
        elif name == "truncated":
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 90000\r\n\r\n"
                      + open(os.path.join(WWW, "photo.jpg"), "rb").read()[:20000])
        elif name == "truncated.html":
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 90000\r\n\r\n<html><body>"
                      + b"x" * 3000)
        elif name == "badgzip":
            resp(c, "200 OK", "text/html", b"\x1f\x8b\x08\x00" + os.urandom(500), ["Content-Encoding: gzip"])
        elif name == "gzbomb":
            resp(c, "200 OK", "text/html", gzip.compress(b"A" * 5000000), ["Content-Encoding: gzip"])
        elif name == "chunked":
            data = open(os.path.join(WWW, "index.html"), "rb").read()
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
            for i in range(0, len(data), 4000):
                part = data[i:i + 4000]
                c.sendall(b"%x\r\n%s\r\n" % (len(part), part))
            c.sendall(b"0\r\n\r\n")
        elif name == "nolength":
            resp(c, "200 OK", "text/html", open(os.path.join(WWW, "index.html"), "rb").read(), length=False)
        elif name == "redirect":
            resp(c, "302 Found", "text/html", b"moved", ["Location: http://127.0.0.1:%d/index.html" % PORT])
        elif name == "error500":
            resp(c, "500 Internal Server Error", "text/html", b"<html>boom</html>")
        elif name == "notmodified":
            c.sendall(b"HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n")
        elif name == "wrongtype":
            resp(c, "200 OK", "image/jpeg", b"<html>this is not a jpeg</html>" * 50)
        elif name == "hugeheader":
            resp(c, "200 OK", "text/html", b"ok", ["X-Big: " + "y" * 70000])
        elif name == "gzipped.html":
            resp(c, "200 OK", "text/html", open(os.path.join(WWW, "page.html.gz"), "rb").read(),
                 ["Content-Encoding: gzip"])
        elif name == "encoding-iso":
            resp(c, "200 OK", "text/html", b"<html>iso</html>", ["Content-Encoding: ISO-8859-1"])
        elif name == "unknown-encoding":
            resp(c, "200 OK", "text/html", b"<html>??</html>", ["Content-Encoding: br"])
        else:
            fn = os.path.join(WWW, name or "index.html")
            if os.path.isfile(fn):
                ext = os.path.splitext(fn)[1]
                body = open(fn, "rb").read() if method != "HEAD" else b""
                extra = ["Content-Encoding: gzip"] if fn.endswith(".gz") else []
                resp(c, "200 OK", TYPES.get(ext, "application/octet-stream"), body, extra)
            else:
                resp(c, "404 Not Found", "text/html", b"<html>not found</html>")
    except OSError:
        pass
    finally:
        try:
            c.close()
        except OSError:
            pass


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((IP, PORT))
s.listen(100)
while True:
    conn, _ = s.accept()
    threading.Thread(target=handle, args=(conn,), daemon=True).start()
