#!/usr/bin/env python3
"""Flow collector sink: UDP (or TCP with 'tcp') on 127.0.0.1:PORT, reads and discards exports."""
import socket, sys, threading
port = int(sys.argv[1]); proto = sys.argv[2] if len(sys.argv) > 2 else "udp"
if proto == "udp":
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", port))
    while True: s.recvfrom(65535)
else:
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", port)); s.listen(5)
    def drain(c):
        while c.recv(65535): pass
    while True:
        c, _ = s.accept(); threading.Thread(target=drain, args=(c,), daemon=True).start()
