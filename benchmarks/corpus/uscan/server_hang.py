import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(64)
mode = sys.argv[2]; keep = []
while True:
    c, _ = s.accept()
    if mode == "drop":
        c.close()
    elif mode == "garbage":
        c.recv(4096); c.sendall(b"NOT HTTP AT ALL\r\n\r\n"); c.close()
    else:
        keep.append(c)
