#!/usr/bin/env python3
"""Minimal inetd-style launcher: accept on 127.0.0.1:PORT, run the program with the socket as stdin/stdout."""
import os, signal, socket, sys
port, prog = int(sys.argv[1]), sys.argv[2:]
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port)); s.listen(16)
while True:
    c, _ = s.accept()
    if os.fork() == 0:
        s.close(); fd = c.fileno()
        os.dup2(fd, 0); os.dup2(fd, 1)
        devnull = os.open("/dev/null", os.O_WRONLY); os.dup2(devnull, 2)
        os.execv(prog[0], prog)
    c.close()
