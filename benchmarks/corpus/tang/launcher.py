#!/usr/bin/env python3
# Minimal inetd-style launcher for tangd: one tangd per TCP connection,
# its stdin/stdout the socket, its stderr appended to the log file.
import os, signal, socket, sys
port, log, tangd, jwkdir = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port))
srv.listen(64)
while True:
    conn, peer = srv.accept()
    if os.fork() == 0:
        srv.close()
        fd = conn.fileno()
        os.dup2(fd, 0); os.dup2(fd, 1)
        err = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.dup2(err, 2)
        env = dict(os.environ, REMOTE_ADDR=peer[0])
        os.execve(tangd, [tangd] + jwkdir, env)
    conn.close()
