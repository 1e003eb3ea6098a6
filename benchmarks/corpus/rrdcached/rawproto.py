#!/usr/bin/python3
# Send raw rrdcached protocol lines (argv[2:]) to socket argv[1]; print the replies.
import socket, sys, time
addr = sys.argv[1]
if addr.startswith("unix:"):
    s = socket.socket(socket.AF_UNIX); s.connect(addr[5:])
else:
    h, p = addr.rsplit(":", 1); s = socket.create_connection((h, int(p)))
s.settimeout(2)
for cmd in sys.argv[2:]:
    if cmd == "@close":
        break
    s.sendall(cmd.encode() + b"\n")
    try:
        print(s.recv(65536).decode(errors="replace"), end="")
    except socket.timeout:
        pass
s.close()
