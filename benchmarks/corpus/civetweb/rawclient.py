#!/usr/bin/python3
"""Minimal raw HTTP client for malformed/slow requests: rawclient.py PORT KIND"""
import socket, sys, time, random
port, kind = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port), timeout=8)
def send(b):
    try:
        s.sendall(b)
    except OSError:
        pass
if kind == "garbage":
    send(b"\x16\x03\x01garbage bytes that are not http\r\n\r\n")
elif kind == "badversion":
    send(b"GET / HTTP/7.3\r\nHost: x\r\n\r\n")
elif kind == "badline":
    send(b"GET\r\n\r\n")
elif kind == "huge":
    send(b"GET / HTTP/1.1\r\nHost: x\r\nX-Fill: " + b"a" * 6000 + b"\r\n\r\n")
elif kind == "slow":
    send(b"GET /index.html HTTP/1.1\r\n")
    time.sleep(random.uniform(1.2, 2.0))
elif kind == "partial":
    send(b"GET /docs/file1.txt HTTP/1.1\r\nHost: x\r\n")
    s.close(); sys.exit(0)
elif kind == "shortbody":
    send(b"POST /cgi-bin/echo.cgi HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nonly-a-little")
    s.shutdown(socket.SHUT_WR)
elif kind == "badlen":
    send(b"POST /cgi-bin/echo.cgi HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
elif kind == "longhdr":
    send(b"GET /cgi-bin/hello.cgi HTTP/1.1\r\nHost: x\r\nX-" + b"N" * 300 + b": v\r\n\r\n")
elif kind == "nohost":
    send(b"GET /index.html HTTP/1.1\r\n\r\n")
elif kind == "badmethod":
    send(b"BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n")
elif kind == "chunked":
    send(b"POST /cgi-bin/echo.cgi HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nZZ\r\n")
elif kind == "bothlen":
    send(b"POST /cgi-bin/echo.cgi HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\nhello")
try:
    while s.recv(65536):
        pass
except OSError:
    pass
s.close()
