#!/usr/bin/env python3
"""Send SPA data (from a file made by `fwknop -T -B`, or garbage) over UDP from a chosen 127.x source."""
import os, random, socket, string, sys, time

def send(data: bytes, src: str, port: int, dst: str = "127.0.0.1"):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((src, 0))
    s.sendto(data, (dst, port))
    s.close()

def main():
    mode, src, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "file":
        data = open(sys.argv[4], "rb").read().strip()
        send(data, src, port)
    elif mode == "garbage":
        kind = random.choice(["bin", "short", "b64", "long", "text", "empty-ish"])
        if kind == "bin":
            data = os.urandom(random.randint(60, 400))
        elif kind == "short":
            data = os.urandom(random.randint(1, 20))
        elif kind == "b64":
            alphabet = string.ascii_letters + string.digits + "+/"
            data = "".join(random.choice(alphabet) for _ in range(random.randint(100, 600))).encode()
        elif kind == "long":
            data = os.urandom(random.randint(1400, 1500))
        elif kind == "text":
            data = random.choice([b"GET / HTTP/1.0\r\n\r\n", b"hello fwknopd", b"SSH-2.0-OpenSSH_9.2", b"A" * 150])
        else:
            data = b"\n"
        send(data, src, port)
    elif mode == "mangle":
        data = bytearray(open(sys.argv[4], "rb").read().strip())
        i = random.randrange(len(data))
        data[i] = ord(random.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789+/"))
        if random.random() < 0.4:
            data = data[: random.randint(30, len(data) - 1)]
        send(bytes(data), src, port)

main()
