#!/usr/bin/env python3
"""Loopback traffic inside netns r31a-ulog (ports 20000-20999) for NFLOG / NFCT.
usage: traffic.py SECONDS"""
import random
import socket
import sys
import threading
import time

R = random.Random()
end = time.time() + float(sys.argv[1])


def server():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 20500))
    s.listen(50)
    s.settimeout(0.5)
    while time.time() < end + 1:
        try:
            c, _ = s.accept()
            c.recv(100)
            c.send(b"ok")
            c.close()
        except OSError:
            pass


threading.Thread(target=server, daemon=True).start()
time.sleep(0.2)
while time.time() < end:
    k = R.random()
    try:
        if k < 0.45:
            c = socket.create_connection(("127.0.0.1", 20500), timeout=1)
            c.send(b"hello")
            c.recv(10)
            c.close()
        elif k < 0.7:
            socket.create_connection(("127.0.0.%d" % R.randint(1, 9), R.randint(20000, 20999)), timeout=1)
        elif k < 0.95:
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            u.sendto(b"x" * R.randint(1, 300), ("127.0.0.%d" % R.randint(1, 9), R.randint(20000, 20999)))
            u.close()
        else:
            for _ in range(R.randint(50, 300)):   # burst
                u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                u.sendto(b"b", ("127.0.0.2", R.randint(20000, 20999)))
                u.close()
    except OSError:
        pass
    time.sleep(R.expovariate(6))
