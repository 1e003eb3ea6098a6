#!/usr/bin/env python3
"""Fake SOCKS/HTTP proxies that iauth probes on client addresses 127.0.0.6-8 (ports 41080/41081)."""
import random
import socket
import threading

R = random.Random()
SOCKS = [b"\x00\x5a\x00\x00\x00\x00\x00\x00", b"\x00\x5b\x00\x00\x00\x00\x00\x00",
         b"\x04\x5c\x00\x00\x00\x00\x00\x00", b"\x00\x30\x00\x00\x00\x00\x00\x00",
         b"\x07\x07\x00\x00\x00\x00\x00\x00", b"\x05\x00", b"\x05\xff", b"\x05\x04", b"\x05\x0c",
         b"\x48\x54\x54\x50\x2f\x31", b""]
WEB = [b"HTTP/1.0 200 Connection established\r\n\r\n", b"HTTP/1.0 403 Forbidden\r\n\r\n",
       b"HTTP/1.1 200 OK\r\nServer: fake\r\n\r\n", b"SSH-2.0-OpenSSH\r\n", b""]


def serve(addr, answers):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(addr)
    s.listen(50)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c, answers), daemon=True).start()


def handle(c, answers):
    try:
        c.settimeout(5)
        c.recv(512)
        a = R.choice(answers)
        if a:
            c.sendall(a)
            try:
                c.recv(512)
            except OSError:
                pass
    except OSError:
        pass
    finally:
        c.close()


ts = []
for ip in ("127.0.0.6", "127.0.0.7", "127.0.0.8"):
    ts.append(threading.Thread(target=serve, args=((ip, 41080), SOCKS), daemon=True))
for ip in ("127.0.0.6", "127.0.0.7"):
    ts.append(threading.Thread(target=serve, args=((ip, 41081), WEB), daemon=True))
for t in ts:
    t.start()
for t in ts:
    t.join()
