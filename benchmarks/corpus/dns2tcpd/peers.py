# fake TCP services behind the dns2tcp resources (no logging)
import socket, threading, random, sys, time
def echo(c):
    try:
        while True:
            d = c.recv(4096)
            if not d: break
            c.sendall(d)
    except OSError: pass
    c.close()
def talker(c):
    try:
        for _ in range(random.randint(1, 6)):
            c.sendall(bytes(random.choice(b"abcdefghij \n") for _ in range(random.randint(10, 400))))
            time.sleep(random.random() * 0.5)
    except OSError: pass
    c.close()
def closer(c):
    c.close()
def serve(port, fn):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(20)
    while True:
        c, _ = s.accept()
        threading.Thread(target=fn, args=(c,), daemon=True).start()
for p, f in ((46054, echo), (46056, talker), (46059, closer)):
    threading.Thread(target=serve, args=(p, f), daemon=True).start()
while True: time.sleep(3600)
