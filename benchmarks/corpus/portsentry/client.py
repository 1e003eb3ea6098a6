#!/usr/bin/env python3
"""Probe traffic for portsentry, run inside the private network namespace.
usage: client.py tcp SRC PORT | udp SRC PORT | raw SRC PORT KIND [opts]
KIND: syn fin null xmas odd ; opts: 'opt' adds IP options (ihl > 5)."""
import random
import socket
import struct
import sys


def csum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return ~s & 0xFFFF


def raw(src: str, dst: str, port: int, kind: str, ipopt: bool) -> None:
    flags = {"syn": 0x02, "fin": 0x01, "null": 0x00, "xmas": 0x29, "odd": 0x22 | 0x08}[kind]
    sport = random.randint(34000, 60000)
    tcp = struct.pack("!HHLLBBHHH", sport, port, random.getrandbits(32), 0, 5 << 4, flags, 8192, 0, 0)
    pseudo = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", csum(pseudo + tcp)) + tcp[18:]
    opts = b"\x01\x01\x01\x00" if ipopt else b""  # NOP NOP NOP EOL
    ihl = 5 + len(opts) // 4
    total = ihl * 4 + len(tcp)
    ip = struct.pack("!BBHHHBBH4s4s", (4 << 4) | ihl, 0, total, random.getrandbits(16), 0, 64, 6, 0,
                     socket.inet_aton(src), socket.inet_aton(dst)) + opts
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_HDRINCL, 1)
    s.sendto(ip + tcp, (dst, 0))
    s.close()


def main() -> None:
    mode, src, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    dst = "127.0.0.1"
    if mode == "tcp":
        s = socket.socket()
        s.settimeout(2)
        s.bind((src, 0))
        try:
            s.connect((dst, port))
            if random.random() < 0.5:
                s.sendall(b"GET / HTTP/1.0\r\n\r\n")
            try:
                s.recv(100)
            except OSError:
                pass
        except OSError:
            pass
        s.close()
    elif mode == "udp":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind((src, 0))
        s.sendto(random.choice([b"hello", b"\x00\x01garbage\xff", b"x" * random.randint(1, 300)]), (dst, port))
        s.close()
    elif mode == "raw":
        raw(src, dst, port, sys.argv[4], len(sys.argv) > 5 and sys.argv[5] == "opt")


if __name__ == "__main__":
    main()
