# hand-made HTTP requests to hts: odd methods, garbage, truncated tunnels (no logging)
import socket, random, sys, time
host, port = "127.0.0.1", int(sys.argv[1])
kind = sys.argv[2]
def conn():
    s = socket.create_connection((host, port), timeout=3); return s
try:
    s = conn()
    if kind == "garbage":
        s.sendall(bytes(random.randrange(256) for _ in range(random.randint(1, 200))) + b"\r\n\r\n")
    elif kind == "method":
        s.sendall(random.choice([b"DELETE", b"OPTIONS", b"TRACE", b"HEAD", b"FOO"]) + b" /index.html HTTP/1.1\r\nHost: x\r\n\r\n")
    elif kind == "get":
        s.sendall(b"GET /index.html?crap=%d HTTP/1.1\r\nHost: x\r\n\r\n" % random.randint(1, 10**9))
    elif kind == "post":
        s.sendall(b"POST /index.html?crap=%d HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" % random.randint(1, 10**9))
        time.sleep(random.random())
        s.sendall(bytes([random.choice([0x01, 0x02, 0x03, 0x04, 0x05, 0x42, 0x99])]) + b"\x00\x05hello")
    elif kind == "half":
        s.sendall(b"POST /index.html HTTP/1.1\r\nHost")
    elif kind == "empty":
        pass
    time.sleep(random.random() * 2)
    s.close()
except OSError:
    pass
