# raw TCP client for conmand's port: sends a junk or truncated greeting, then drops the connection
import random, socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=3)
kind = sys.argv[2]
if kind == "junk":
    s.sendall(b"GET / HTTP/1.0\r\n\r\n")
elif kind == "half":
    s.sendall(b"HELLO USER='")
elif kind == "badcmd":
    s.sendall(b"HELLO USER='root' TTY='/dev/pts/9'\n")
    time.sleep(0.3)
    s.sendall(b"FROB CONSOLE='p1'\n")
time.sleep(random.uniform(0.1, 1.0))
s.close()
