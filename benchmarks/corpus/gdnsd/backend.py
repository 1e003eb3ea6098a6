#!/usr/bin/env python3
"""Fake monitored backend: HTTP on port 25210 and raw TCP on 25211 of one address.
Mode file decides the HTTP behaviour: ok, err, slow, garbage, close."""
import socket, sys, threading, time, os
addr, modefile = sys.argv[1], sys.argv[2]

def mode():
    try:
        return open(modefile).read().strip() or "ok"
    except OSError:
        return "ok"

def http_client(c):
    try:
        c.settimeout(3)
        c.recv(4096)
        m = mode()
        if m == "ok":
            c.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")
        elif m == "err":
            c.sendall(b"HTTP/1.0 503 Service Unavailable\r\n\r\n")
        elif m == "slow":
            time.sleep(2.5)
            c.sendall(b"HTTP/1.0 200 OK\r\n\r\n")
        elif m == "garbage":
            c.sendall(b"\x00\x01garbage nonsense\r\n\r\n")
        elif m == "close":
            pass
    except OSError:
        pass
    finally:
        c.close()

def serve(port, handler):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, port))
    s.listen(50)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handler, args=(c,), daemon=True).start()

threading.Thread(target=serve, args=(25211, lambda c: c.close()), daemon=True).start()
serve(25210, http_client)
