#!/usr/bin/python3
# Fake IMAP peers on 127.0.0.1: 43520 sends a garbage greeting, 43521 accepts and stays silent,
# 43522 greets then drops the connection after the first command.
import socket, threading, time
def serve(port, mode):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', port)); s.listen(5)
    while True:
        c, _ = s.accept()
        if mode == 'garbage':
            c.sendall(b'HELLO this is not imap\r\n'); time.sleep(0.5); c.close()
        elif mode == 'silent':
            threading.Thread(target=lambda c=c: (time.sleep(30), c.close()), daemon=True).start()
        else:
            c.sendall(b'* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake ready\r\n'); c.recv(1024); c.close()
for p, m in ((43520, 'garbage'), (43521, 'silent'), (43522, 'drop')):
    threading.Thread(target=serve, args=(p, m), daemon=True).start()
while True:
    time.sleep(3600)
