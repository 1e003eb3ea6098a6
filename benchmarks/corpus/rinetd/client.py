#!/usr/bin/env python3
"""Random rinetd client: argv = number of actions; picks ports/sources/behaviours at random."""
import socket, sys, random, time, os

TCP_PORTS = [32001, 32002, 32003, 32004, 32005, 32007]
UDP_PORT = 32006

def src():
    return "127.0.0.%d" % random.choice([1, 1, 1, 2, 3, 4, 9, 17])

def tcp(port):
    s = socket.socket()
    s.settimeout(3)
    try:
        s.bind((src(), 0))
        s.connect(("127.0.0.1", port))
        act = random.choice(["echo", "echo", "garbage", "quick", "read", "half"])
        if act == "echo":
            for _ in range(random.randint(1, 4)):
                s.sendall(b"line %d %s\n" % (random.randint(0, 1 << 30), os.urandom(4).hex().encode()))
                s.recv(4096)
        elif act == "garbage":
            s.sendall(os.urandom(random.randint(1, 3000)))
            time.sleep(0.05)
        elif act == "quick":
            pass
        elif act == "read":
            while s.recv(4096):
                pass
        elif act == "half":
            s.sendall(b"partial request")
            s.shutdown(socket.SHUT_WR)
            while s.recv(4096):
                pass
    except OSError:
        pass
    finally:
        s.close()

def udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(1)
    try:
        s.bind((src(), 0))
        for _ in range(random.randint(1, 3)):
            s.sendto(b"ping %d" % random.randint(0, 9999), ("127.0.0.1", UDP_PORT))
            try:
                s.recvfrom(65536)
            except OSError:
                pass
    finally:
        s.close()

n = int(sys.argv[1])
for _ in range(n):
    if random.random() < 0.12:
        udp()
    else:
        tcp(random.choice(TCP_PORTS))
    time.sleep(random.random() * 0.02)
