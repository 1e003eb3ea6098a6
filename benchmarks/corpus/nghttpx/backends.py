#!/usr/bin/env python3
"""Backends for the nghttpx workload: python3 backends.py MODE PORT
ok: answers 200 with a random body; flaky: 200/500/503, resets, garbage, short bodies, slow answers;
hang: accepts and never answers."""
import os, random, socket, sys, threading, time

mode, port = sys.argv[1], int(sys.argv[2])
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port)); srv.listen(128)

def read_req(c):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = c.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    cl = 0
    for line in head.split(b"\r\n")[1:]:
        if line.lower().startswith(b"content-length:"):
            cl = int(line.split(b":")[1])
    while len(rest) < cl:
        chunk = c.recv(65536)
        if not chunk:
            break
        rest += chunk
    return head

def reply(c, status, body, extra=b""):
    c.sendall(b"HTTP/1.1 %d X\r\nContent-Length: %d\r\nContent-Type: text/plain\r\n%s\r\n" % (status, len(body), extra) + body)

def handle(c):
    try:
        while True:
            head = read_req(c)
            if head is None:
                return
            if mode == "hang":
                time.sleep(60); return
            if mode == "ok":
                reply(c, random.choice([200, 200, 200, 404, 301]), os.urandom(random.randint(0, 3000)).hex().encode())
                continue
            r = random.random()
            if r < 0.25:
                reply(c, random.choice([500, 502, 503]), b"backend error\n")
            elif r < 0.4:
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"); c.close(); return
            elif r < 0.5:
                c.sendall(b"garbage garbage\r\n\r\n"); c.close(); return
            elif r < 0.6:
                c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\nshort"); c.close(); return
            elif r < 0.7:
                time.sleep(random.uniform(2, 5)); reply(c, 200, b"slow\n")
            else:
                reply(c, 200, b"x" * random.randint(1, 20000))
    except Exception:
        pass
    finally:
        try: c.close()
        except Exception: pass

while True:
    c, _ = srv.accept()
    threading.Thread(target=handle, args=(c,), daemon=True).start()
