#!/usr/bin/env python3
"""Socket activation like systemd: bind+listen a UNIX socket at PATH, hand it to CMD as fd 3
with LISTEN_FDS=1.  usage: fdlaunch.py PATH CMD..."""
import os, socket, sys
path = sys.argv[1]
if os.path.exists(path):
    os.remove(path)
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(path); s.listen(5)
os.dup2(s.fileno(), 3)
os.set_inheritable(3, True)
os.environ["LISTEN_FDS"] = "1"
os.environ["LISTEN_PID"] = str(os.getpid())
os.execvp(sys.argv[2], sys.argv[2:])
