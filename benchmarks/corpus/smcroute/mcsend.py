#!/usr/bin/env python3
"""Multicast sender: send a few UDP datagrams to GROUP:PORT from a local address."""
import socket, sys, time, random
src, group, port, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, random.randint(1, 8))
try:
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(src))
    for i in range(n):
        s.sendto(b"smc-test %d" % i, (group, port))
        time.sleep(0.01)
except OSError as e:
    print("mcsend:", e, file=sys.stderr)
