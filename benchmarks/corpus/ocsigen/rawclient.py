#!/usr/bin/env python3
# sends one raw (possibly malformed) HTTP request and reads the answer
import random, socket, sys
kind = sys.argv[1]
reqs = {
  "nohost": b"GET /index.html HTTP/1.0\r\n\r\n",
  "garbage": b"HELLO THERE\r\n\r\n",
  "badver": b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
  "half": b"GET /sub/a.txt HTTP/1.1\r\nHost: localhost\r\n",
  "post": b"POST /index.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello",
  "xff": b"GET /list/x.txt HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 10.0.%d.%d\r\nConnection: close\r\n\r\n" % (random.randint(0, 255), random.randint(1, 254)),
  "keepalive": b"GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\nGET /sub/a.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
}
s = socket.create_connection(("127.0.0.1", int(sys.argv[2])), timeout=3)
s.sendall(reqs[kind])
try:
    while s.recv(65536):
        pass
except OSError:
    pass
s.close()
