#!/usr/bin/env python3
# fake master server: answers regserv with succreg or failreg, at random; sometimes drops the connection
import random, socket, sys, threading
port = int(sys.argv[1])
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port)); s.listen(5)
REASONS = ["server already registered", "failed pinging server (check your ports)", "too many servers from this ip"]
def handle(c):
    f = c.makefile("rb")
    for line in f:
        if line.startswith(b"regserv"):
            r = random.random()
            if r < 0.55: c.sendall(b"succreg\n")
            elif r < 0.9: c.sendall(("failreg %s\n" % random.choice(REASONS)).encode())
            else: c.close(); return
        elif line.startswith(b"reqauth"):
            c.sendall(b"failauth %s\n" % line.split()[1])
while True:
    c, _ = s.accept()
    threading.Thread(target=handle, args=(c,), daemon=True).start()
