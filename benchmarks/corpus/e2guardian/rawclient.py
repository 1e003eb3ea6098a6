#!/usr/bin/env python3
"""Malformed / raw requests to the e2guardian proxy: python3 rawclient.py PORT"""
import os, random, socket, sys, time
port = int(sys.argv[1])
reqs = [
    b"GARBAGE\r\n\r\n",
    b"GET\r\n\r\n",
    b"GET http://127.0.0.1:25720/page HTTP/1.1\r\n",              # never finishes headers
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(40),  # TLS hello to plain port
    os.urandom(200),
    b"GET http://127.0.0.1:25720/" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"CONNECT 127.0.0.1:25722 HTTP/1.1\r\nHost: 127.0.0.1:25722\r\n\r\n",
    b"CONNECT 127.0.0.1:25720 HTTP/1.1\r\nHost: 127.0.0.1:25720\r\n\r\nhello",
    b"POST http://127.0.0.1:25720/form HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\nshort",
    b"GET /relative HTTP/1.1\r\nHost: 127.0.0.1:25720\r\n\r\n",
    b"GET http://127.0.0.1:25720/page HTTP/9.9\r\n\r\n",
    b"GET http://[::1:25720/ HTTP/1.1\r\n\r\n",
    b"GET http://127.0.0.1:99999/ HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n\r\n",
    b"",
]
r = random.choice(reqs)
s = socket.create_connection(("127.0.0.1", port), timeout=6)
try:
    if r:
        s.sendall(r)
    if random.random() < 0.5:
        s.settimeout(random.uniform(0.2, 6))
        s.recv(65536)
except OSError:
    pass
s.close()
