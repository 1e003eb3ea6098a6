#!/usr/bin/env python3
"""Port-knock client for the knockd workload.

  knock_client.py seq SRC DST DELAY_MS PORT[:PROTO] ...   knock a sequence (SYN via connect, or UDP)
  knock_client.py raw SRC DST SPORT DPORT FLAGS ...       send raw TCP segments with chosen flags
  knock_client.py junk SRC DST PORT COUNT                 send UDP garbage datagrams
"""
import os
import random
import socket
import struct
import sys
import time


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return (~s) & 0xFFFF


def tcp_segment(src, dst, sport, dport, flags):
    h = struct.pack("!HHIIBBHHH", sport, dport, random.randrange(1 << 32), 0, 5 << 4, flags, 1024, 0, 0)
    ph = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, 6, len(h))
    c = csum(ph + h)
    return h[:16] + struct.pack("!H", c) + h[18:]


def hit(src, dst, port, proto):
    fam = socket.AF_INET6 if ":" in dst else socket.AF_INET
    if proto == "udp":
        s = socket.socket(fam, socket.SOCK_DGRAM)
        s.bind((src, 0))
        s.sendto(os.urandom(random.randint(0, 24)), (dst, port))
        s.close()
    else:
        s = socket.socket(fam, socket.SOCK_STREAM)
        s.bind((src, 0))
        s.setblocking(False)
        try:
            s.connect((dst, port))
        except (BlockingIOError, ConnectionRefusedError, OSError):
            pass
        time.sleep(0.01)
        s.close()


def main():
    cmd = sys.argv[1]
    if cmd == "seq":
        src, dst, delay = sys.argv[2], sys.argv[3], int(sys.argv[4])
        for item in sys.argv[5:]:
            port, _, proto = item.partition(":")
            hit(src, dst, int(port), proto or "tcp")
            time.sleep(delay / 1000.0)
    elif cmd == "raw":
        src, dst, sport, dport = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
        s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP)
        s.bind((src, 0))
        for flags in sys.argv[6:]:
            s.sendto(tcp_segment(src, dst, sport, dport, int(flags, 0)), (dst, 0))
            time.sleep(0.05)
    elif cmd == "junk":
        src, dst, port, count = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
        for _ in range(count):
            hit(src, dst, port, "udp")
            time.sleep(0.02)


if __name__ == "__main__":
    main()
