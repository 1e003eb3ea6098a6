# fake networked PDU: relays a TCP connection to a fresh vpcd, with telnet option chatter
import os, random, select, socket, subprocess, sys
IAC, DO, WILL, NOP, AYT = 255, 253, 251, 241, 246
port = int(sys.argv[1])
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port)); srv.listen(4)
def serve(c):
    opts = random.sample([bytes([IAC, DO, 3]), bytes([IAC, DO, 24]), bytes([IAC, DO, 31]),
                          bytes([IAC, DO, 1]), bytes([IAC, DO, 6]), bytes([IAC, DO, 0x2c]),
                          bytes([IAC, DO, 0x99]), bytes([IAC, NOP]), bytes([IAC, AYT]),
                          bytes([IAC, WILL, 1])], random.randint(1, 5))
    c.sendall(b"".join(opts))
    p = subprocess.Popen(["/usr/sbin/vpcd"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    life = random.randint(20, 400)
    pend = b""
    while True:
        r, _, _ = select.select([c, p.stdout], [], [])
        if c in r:
            d = c.recv(4096)
            if not d:
                break
            pend += d
            out = b""
            while pend:
                if pend[0] == IAC:
                    if len(pend) < 3:
                        break
                    pend = pend[3:]
                else:
                    out += pend[:1]; pend = pend[1:]
            if out:
                p.stdin.write(out); p.stdin.flush()
                life -= 1
        if p.stdout in r:
            d = os.read(p.stdout.fileno(), 4096)
            if not d:
                break
            c.sendall(d)
        if life <= 0:
            break
    p.kill(); p.wait(); c.close()
while True:
    c, _ = srv.accept()
    if os.fork() == 0:
        srv.close(); serve(c); os._exit(0)
    c.close()
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass
