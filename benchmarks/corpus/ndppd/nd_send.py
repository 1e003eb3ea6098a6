#!/usr/bin/env python3
"""Neighbour-discovery traffic for the ndppd workload.

usage: nd_send.py poke ADDR...          UDP datagrams to ADDRs (the kernel solicits them first)
       nd_send.py ns IFACE TARGET [N]   hand-built neighbour solicitations for TARGET
       nd_send.py na IFACE TARGET DST   an unsolicited neighbour advertisement
"""
import random
import socket
import struct
import sys
import time


def solicited_node(addr: str) -> str:
    raw = socket.inet_pton(socket.AF_INET6, addr)
    return socket.inet_ntop(socket.AF_INET6, bytes.fromhex("ff0200000000000000000001ff") + raw[13:])


def icmp_sock(iface):
    s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, 255)
    return s


def main():
    cmd = sys.argv[1]
    if cmd == "poke":
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        for a in sys.argv[2:]:
            try:
                s.sendto(b"hello", (a, 21000 + random.randint(0, 999)))
            except OSError:
                pass
            time.sleep(random.uniform(0.01, 0.2))
    elif cmd == "ns":
        iface, target = sys.argv[2], sys.argv[3]
        n = int(sys.argv[4]) if len(sys.argv) > 4 else 1
        s = icmp_sock(iface)
        mac = bytes([0x02, 0x31, 0xB0, random.randint(0, 255), random.randint(0, 255), random.randint(0, 255)])
        for _ in range(n):
            body = struct.pack("!BBHI", 135, 0, 0, 0) + socket.inet_pton(socket.AF_INET6, target)
            if random.random() < 0.7:
                body += bytes([1, 1]) + mac
            dst = solicited_node(target) if random.random() < 0.85 else target
            idx = socket.if_nametoindex(iface)
            try:
                s.sendto(body, (dst, 0, 0, idx))
            except OSError:
                pass
            time.sleep(random.uniform(0.05, 0.3))
    elif cmd == "na":
        iface, target, dst = sys.argv[2:5]
        s = icmp_sock(iface)
        body = struct.pack("!BBHI", 136, 0, 0, 0x20000000) + socket.inet_pton(socket.AF_INET6, target)
        s.sendto(body, (dst, 0, 0, socket.if_nametoindex(iface)))


if __name__ == "__main__":
    main()
