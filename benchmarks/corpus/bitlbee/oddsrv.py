"""Misbehaving servers for accounts: port A answers garbage (printable, one line) and closes, port B accepts and stays silent."""
import os, random, socket, sys, threading, time
def garbage(c):
    try:
        c.recv(4096); c.sendall(random.choice([b"<?xml version='1.0'?><stream:stream xmlns='jabber:client'><oops", b"HTTP/1.0 400 Bad Request", b"garbage-" + "".join(random.choice("abcdefgh0123456789!?<>") for _ in range(30)).encode(), b"</stream:stream>"]))
        time.sleep(random.uniform(0, 1))
    except OSError: pass
    c.close()
def silent(c):
    time.sleep(40); c.close()
def run(port, fn):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(50)
    while True:
        c, _ = s.accept(); threading.Thread(target=fn, args=(c,), daemon=True).start()
threading.Thread(target=run, args=(int(sys.argv[1]), garbage), daemon=True).start()
run(int(sys.argv[2]), silent)
