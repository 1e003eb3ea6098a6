# minimal raw protocol client: sends the given lines to powermand, reads a bit, closes
import socket, sys, time
s = socket.create_connection(("127.0.0.1", 58500), timeout=5)
for line in sys.argv[1:]:
    s.sendall(line.encode() + b"\r\n")
    time.sleep(0.2)
try:
    s.recv(65536)
except OSError:
    pass
s.close()
