# Send raw bytes to host:port (stand-in for nc).
import socket, sys
s = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=3)
s.sendall(sys.argv[3].encode().decode("unicode_escape").encode("latin-1"))
try:
    s.recv(65536)
except Exception:
    pass
s.close()
