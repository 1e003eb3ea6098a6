#!/usr/bin/env python3
"""A fake Graphite/TCP peer: accepts connections and discards what it reads."""
import socket, sys, threading
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1]))); srv.listen(50)
def drain(c):
    try:
        while c.recv(65536):
            pass
    finally:
        c.close()
while True:
    c, _ = srv.accept()
    threading.Thread(target=drain, args=(c,), daemon=True).start()
