import socket, sys, threading, time
# misbehaving peers: silent (never answers), drop (closes at once),
# ftpcut (greets then closes), httpcut (half a response then closes)
def serve(port, mode):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', port)); s.listen(8)
    held = []
    while True:
        c, _ = s.accept()
        if mode == 'silent':
            held.append(c); held[:] = held[-20:]
        elif mode == 'drop':
            c.close()
        elif mode == 'ftpcut':
            c.sendall(b'220 cut ready\r\n'); c.recv(100); c.close()
        elif mode == 'ftp421':
            c.sendall(b'421 Too many connections, try later\r\n'); c.close()
        elif mode == 'httpcut':
            c.recv(4096)
            c.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 5000\r\nContent-Type: text/plain\r\n\r\npartial')
            time.sleep(0.2); c.close()
        elif mode == 'http500':
            c.recv(4096)
            c.sendall(b'HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n\r\n'); c.close()
for port, mode in [(47042, 'silent'), (47043, 'drop'), (47044, 'ftpcut'), (47045, 'ftp421'), (47046, 'httpcut'), (47047, 'http500')]:
    threading.Thread(target=serve, args=(port, mode), daemon=True).start()
while True: time.sleep(3600)
