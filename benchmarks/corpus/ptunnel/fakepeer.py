#!/usr/bin/env python3
"""Crafted ICMP echo requests for the ptunnel proxy: fakepeer.py PROXY ACTION [ID] [PORT]."""
import random, socket, struct, sys, time

MAGIC, USER = 0xD5200880, 1 << 30
START, ACK, DATA, CLOSE, AUTH = range(5)

def csum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s & 0xFFFF) + (s >> 16); s += s >> 16
    return ~s & 0xFFFF

def send(sock, proxy, payload, ident):
    hdr = struct.pack("!BBHHH", 8, 0, 0, ident, random.randint(0, 65535))
    c = csum(hdr + payload)
    sock.sendto(struct.pack("!BBHHH", 8, 0, c, ident, random.randint(0, 65535)) + payload, (proxy, 0))

def pt(state, id_no, seq=0, dst="10.35.6.1", port=48501, data=b"", data_len=None, ack=0xFFFF):
    n = len(data) if data_len is None else data_len
    return struct.pack("!I4sIIIIHH", MAGIC, socket.inet_aton(dst), port, state | USER, ack, n, seq, id_no) + data

def main():
    proxy, action = sys.argv[1], sys.argv[2]
    ident = int(sys.argv[3]) if len(sys.argv) > 3 else random.randint(1, 65535)
    port = int(sys.argv[4]) if len(sys.argv) > 4 else 48501
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    if action == "short":
        send(s, proxy, b"\x01\x02\x03", ident)
    elif action == "start":
        send(s, proxy, pt(START, ident, port=port), ident)
    elif action == "badauth":
        send(s, proxy, pt(AUTH, ident, seq=0, data=b"x" * random.choice([4, 12, 40])), ident)
    elif action == "close":
        send(s, proxy, pt(CLOSE, ident, seq=1), ident)
    elif action == "data":
        send(s, proxy, pt(DATA, ident, seq=random.randint(1, 5), data=b"hello\n"), ident)
    elif action == "truncated":
        send(s, proxy, pt(DATA, ident, seq=0, data=b"abc", data_len=5000), ident)

main()
