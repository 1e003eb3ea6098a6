#!/usr/bin/env python3
"""Minimal TCP peers for the workload: 'echo PORT' serves, 'client PORT N' makes N random exchanges."""
import os, random, socket, sys, threading, time

def echo(port):
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port)); srv.listen(64)
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

def client(port, n):
    for _ in range(n):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=3)
            data = os.urandom(random.choice([0, 1, 64, 1000, 20000]))
            if data:
                s.sendall(data)
                got = b""
                while len(got) < len(data):
                    d = s.recv(65536)
                    if not d: break
                    got += d
            if random.random() < 0.3:
                time.sleep(random.random())
            s.close()
        except OSError:
            pass
        time.sleep(random.random() * 0.3)

if __name__ == "__main__":
    if sys.argv[1] == "echo":
        echo(int(sys.argv[2]))
    else:
        client(int(sys.argv[2]), int(sys.argv[3]))
