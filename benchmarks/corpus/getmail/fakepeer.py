# Misbehaving mail servers for the getmail workload (no logging of its own).
# 47512: accepts and never answers; 47513: POP3 greeting then garbage; 47514: IMAP greeting then hang-up;
# 47515: POP3 that says +OK to login then drops the connection; 47516: IMAP that answers LOGIN with NO [UNAVAILABLE].
import socket, threading, time

def serve(port, handler):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(20)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handler, args=(c,), daemon=True).start()

def silent(c):
    time.sleep(60); c.close()

def garbage_pop(c):
    c.sendall(b"+OK r36 ready\r\n")
    try:
        while c.recv(1024):
            c.sendall(b"?? what\r\n")
    except OSError:
        pass
    c.close()

def imap_hangup(c):
    c.sendall(b"* OK IMAP4rev1 r36 ready\r\n"); time.sleep(0.2); c.close()

def pop_drop(c):
    c.sendall(b"+OK r36 ready\r\n")
    try:
        for _ in range(2):
            if not c.recv(1024): break
            c.sendall(b"+OK\r\n")
        c.recv(1024)
    except OSError:
        pass
    c.close()

def imap_unavailable(c):
    c.sendall(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] r36 ready\r\n")
    f = c.makefile("rb")
    try:
        for line in f:
            tag, cmd = (line.strip().split(b" ", 2) + [b"", b""])[:2]
            if cmd.upper() == b"CAPABILITY":
                c.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n")
            elif cmd.upper() == b"LOGIN":
                c.sendall(tag + b" NO [UNAVAILABLE] r36 backend down, try later\r\n")
            elif cmd.upper() == b"LOGOUT":
                c.sendall(b"* BYE\r\n" + tag + b" OK bye\r\n"); break
            else:
                c.sendall(tag + b" BAD unknown\r\n")
    except OSError:
        pass
    c.close()

for p, h in ((47512, silent), (47513, garbage_pop), (47514, imap_hangup), (47515, pop_drop), (47516, imap_unavailable)):
    threading.Thread(target=serve, args=(p, h), daemon=True).start()
while True:
    time.sleep(3600)
