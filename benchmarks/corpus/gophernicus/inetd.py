#!/usr/bin/python3
"""Minimal inetd-style wrapper: one gophernicus process per TCP connection on 127.0.0.1:46070.
The server arguments are read from RUN/args (one per line) at each connection, so the
workload can change the configuration; RUN/asroot present = do not drop privileges."""
import os, signal, socket, pwd

RUN = "/tmp/round37-r37a/gophernicus"
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 46070))
srv.listen(64)
user = pwd.getpwnam("_gophernicus")
while True:
    conn, _ = srv.accept()
    if os.fork() == 0:
        srv.close()
        args = [a for a in open(RUN + "/args").read().split("\n") if a]
        for fd in (0, 1, 2):
            os.dup2(conn.fileno(), fd)
        conn.close()
        if not os.path.exists(RUN + "/asroot"):
            os.setgroups([])
            os.setgid(user.pw_gid)
            os.setuid(user.pw_uid)
        os.execv("/usr/sbin/gophernicus", ["gophernicus"] + args)
    conn.close()
