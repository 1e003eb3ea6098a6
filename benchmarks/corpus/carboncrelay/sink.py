import socket, sys, threading
# minimal Graphite backend: accepts TCP connections and discards what it reads
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(16)
def drain(c):
    try:
        while c.recv(65536): pass
    except OSError: pass
    c.close()
while True:
    c, _ = s.accept(); threading.Thread(target=drain, args=(c,), daemon=True).start()
