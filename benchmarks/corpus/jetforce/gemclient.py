#!/usr/bin/env python3
"""Minimal Gemini client: sends each request line given on stdin (one per line, \\xNN escapes allowed)."""
import socket, ssl, sys, time

host, port = sys.argv[1], int(sys.argv[2])
cert = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] != "-" else None
key = sys.argv[4] if len(sys.argv) > 4 else None

def one(raw: bytes, mode: str) -> None:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    if cert:
        ctx.load_cert_chain(cert, key)
    try:
        with socket.create_connection((host, port), timeout=5) as s:
            if mode == "tcp":
                s.sendall(raw)
                while s.recv(65536):
                    pass
                return
            if mode == "plain":
                s.sendall(raw)
                s.recv(100)
                return
            with ctx.wrap_socket(s, server_hostname="localhost") as t:
                if mode == "drop":
                    return
                t.sendall(raw)
                if mode == "half":
                    return
                while t.recv(65536):
                    pass
    except (OSError, ssl.SSLError):
        pass

for line in sys.stdin:
    line = line.rstrip("\n")
    mode, _, req = line.partition(" ")
    raw = req.encode().decode("unicode_escape").encode("latin-1")
    if mode in ("req", "half", "tcp"):
        raw += b"\r\n"
    one(raw, mode)
