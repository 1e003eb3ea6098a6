#!/usr/bin/python3
"""Raw socket client for malformed, partial and idle connections: client.py PORT KIND"""
import socket, sys, time, random
port, kind = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port), timeout=6)
try:
    if kind == "garbage":
        s.sendall(b"THIS IS NOT HTTP AT ALL\x00\x01\r\n\r\n")
    elif kind == "tls":
        s.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(32))
    elif kind == "sslv2":
        s.sendall(b"\x80\x2e\x01\x00\x02\x00\x15\x00\x00\x00\x10")
    elif kind == "idle":
        time.sleep(random.uniform(0.1, 0.6))
        s.close(); sys.exit(0)
    elif kind == "partial":
        s.sendall(b"GET /static/doc2.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        time.sleep(random.uniform(0.1, 0.4))
        s.close(); sys.exit(0)
    elif kind == "badver":
        s.sendall(b"GET / HTTP/9.x\r\nHost: a\r\n\r\n")
    elif kind == "nullpath":
        s.sendall(b"GET /static/doc1.txt%00.php HTTP/1.1\r\nHost: a\r\n\r\n")
    elif kind == "badlen":
        s.sendall(b"POST /api/form HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\nqty=1")
    s.shutdown(socket.SHUT_WR)
    while s.recv(65536):
        pass
except OSError:
    pass
s.close()
