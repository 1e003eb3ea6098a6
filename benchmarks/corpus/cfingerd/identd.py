# Fake RFC 1413 ident server with random answers (good, malformed, empty, slow, closed).
import random, socket, sys, threading, time
port = int(sys.argv[1]); end = time.time() + float(sys.argv[2])
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", port)); s.listen(64); s.settimeout(0.5)
USERS = ["alice", "bob", "carol", "mallory", "op", "guest42"]
def serve(c):
    try:
        q = c.recv(100).decode(errors="replace").strip()
        k = random.random()
        if k < 0.55:
            c.send(("%s : USERID : UNIX : %s\r\n" % (q, random.choice(USERS))).encode())
        elif k < 0.65:
            c.send(("%s : ERROR : NO-USER\r\n" % q).encode())
        elif k < 0.72:
            c.send(b"garbage without colons\r\n")
        elif k < 0.78:
            c.send(("%s : USERID : UNIX : \r\n" % q).encode())
        elif k < 0.83:
            time.sleep(7)
    finally:
        c.close()
while time.time() < end:
    try:
        c, _ = s.accept()
        threading.Thread(target=serve, args=(c,), daemon=True).start()
    except socket.timeout:
        pass
