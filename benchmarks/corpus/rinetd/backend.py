#!/usr/bin/env python3
"""Test backends for the rinetd workload: TCP echo, TCP greeter that closes first, UDP echo."""
import socket, sys, threading, random, time

mode, port = sys.argv[1], int(sys.argv[2])

def tcp_echo(c):
    try:
        c.settimeout(10)
        while True:
            d = c.recv(4096)
            if not d:
                break
            c.sendall(d)
    except OSError:
        pass
    finally:
        c.close()

def tcp_greet(c):
    try:
        c.sendall(b"HELLO from backend %d\r\n" % random.randint(1, 99999))
        time.sleep(random.random() * 0.3)
        c.sendall(b"BYE\r\n")
    except OSError:
        pass
    c.close()

if mode == "udp":
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    while True:
        d, a = s.recvfrom(65536)
        s.sendto(d.upper(), a)
else:
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(64)
    h = tcp_echo if mode == "echo" else tcp_greet
    while True:
        c, _ = s.accept()
        threading.Thread(target=h, args=(c,), daemon=True).start()
