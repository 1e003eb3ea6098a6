#!/usr/bin/env python3
"""Raw-socket misbehaving HTTP clients: python3 rawclient.py PORT KIND"""
import random, socket, sys, time

port, kind = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port), timeout=10)
try:
    if kind == "garbage":
        s.sendall(random.choice([b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9 extra\r\n\r\n",
                                 b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(40),
                                 b"GET /\x01bad HTTP/1.1\r\nHost: x\r\n\r\n",
                                 b"POST /echo HTTP/1.1\r\nContent-Length: abc\r\n\r\n"]))
    elif kind == "longheader":
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * random.randint(90000, 130000) + b"\r\n\r\n")
    elif kind == "longuri":
        s.sendall(b"GET /" + b"u" * random.randint(13000, 20000) + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    elif kind == "idle":          # connect and say nothing (first_data_timeout)
        time.sleep(random.uniform(3.5, 5))
    elif kind == "partial":       # headers then a truncated body, then hang up
        s.sendall(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + b"d" * 100)
        time.sleep(random.uniform(0.1, 1))
    elif kind == "slowbody":      # body never finishes before the timeout
        s.sendall(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
        time.sleep(random.uniform(4, 6))
    elif kind == "reset":         # abortive close (RST) mid-request
        s.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    elif kind == "keepalive":
        for _ in range(random.randint(2, 5)):
            s.sendall(b"GET /items/%d HTTP/1.1\r\nHost: x\r\n\r\n" % random.randint(1, 999))
            time.sleep(0.05)
        time.sleep(random.uniform(0.2, 3))
    s.settimeout(2)
    try:
        s.recv(65536)
    except OSError:
        pass
finally:
    s.close()
