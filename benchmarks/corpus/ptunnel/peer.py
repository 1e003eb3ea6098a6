#!/usr/bin/env python3
"""Minimal TCP peers: 'echo HOST PORT' serves, 'client HOST PORT N' makes N random exchanges."""
import os, random, socket, sys, threading, time

def echo(host, port):
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((host, port)); srv.listen(64)
    def serve(c):
        try:
            while True:
                d = c.recv(65536)
                if not d: break
                c.sendall(d)
        except OSError:
            pass
        c.close()
    while True:
        c, _ = srv.accept()
        threading.Thread(target=serve, args=(c,), daemon=True).start()

def client(host, port, n):
    for _ in range(n):
        try:
            s = socket.create_connection((host, port), timeout=4)
            data = os.urandom(random.choice([0, 10, 300, 900, 1500, 3000]))
            if data:
                s.sendall(data)
                got = b""
                while len(got) < len(data):
                    d = s.recv(65536)
                    if not d: break
                    got += d
            time.sleep(random.random() * 0.5)
            s.close()
        except OSError:
            pass
        time.sleep(random.random())

if __name__ == "__main__":
    if sys.argv[1] == "echo":
        echo(sys.argv[2], int(sys.argv[3]))
    else:
        client(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
