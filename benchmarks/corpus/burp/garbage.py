#!/usr/bin/env python3
"""Send one kind of malformed traffic to the private burp server (127.0.0.1:25410 / status 25411)."""
import os, random, socket, ssl, sys, time
HOST = "127.0.0.1"
kind = sys.argv[1] if len(sys.argv) > 1 else random.choice(
    ["plain", "random", "close", "status_plain", "status_random", "tls_nocert", "half", "status_close"])

def send(port, data, wait=0.5):
    s = socket.create_connection((HOST, port), timeout=5)
    try:
        if data:
            s.sendall(data)
        time.sleep(wait)
        try:
            s.recv(4096)
        except Exception:
            pass
    finally:
        s.close()

if kind == "plain":
    send(25410, random.choice([b"GET / HTTP/1.0\r\n\r\n", b"hello burp\n", b"c0004cname\n"]))
elif kind == "random":
    send(25410, os.urandom(random.randint(5, 400)))
elif kind == "close":
    send(25410, b"", wait=0.1)
elif kind == "half":
    send(25410, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(20), wait=0.3)
elif kind == "status_plain":
    send(25411, random.choice([b"c:alpha\n", b"j:pretty-print-on\n", b"\n\n\n"]))
elif kind == "status_random":
    send(25411, os.urandom(random.randint(5, 200)))
elif kind == "status_close":
    send(25411, b"", wait=0.1)
elif kind == "tls_nocert":
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    try:
        with socket.create_connection((HOST, 25410), timeout=5) as raw:
            with ctx.wrap_socket(raw) as s:
                s.sendall(b"c0005hello\n")
                time.sleep(0.3)
                s.recv(100)
    except Exception:
        pass
