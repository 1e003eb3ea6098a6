#!/usr/bin/env python3
"""Randomised ident clients for the oidentd workload: real connections owned by
various local users, then RFC 1413 queries (good, bad, slow, abandoned) to oidentd."""
import os, random, socket, sys, time

HOST4, HOST6 = "127.0.0.1", "::1"
IDENT = int(sys.argv[1])          # oidentd port
COUNT = int(sys.argv[2])          # number of actions
USE6 = len(sys.argv) > 3 and sys.argv[3] == "6"
USERS = [(0, 0, 30), (1, 1, 8), (2, 2, 8), (3, 3, 5), (33, 33, 6), (65534, 65534, 10),
         (8, 8, 4), (9, 9, 3), (5, 60, 4), (4242, 4242, 3), (34, 34, 2)]

def pick_user():
    return random.choices(USERS, weights=[u[2] for u in USERS])[0][:2]

def owned_connection(uid, gid, lport):
    """Listener (root) on lport; a child running as uid connects to it. Returns
    (client port, server-side socket, child pid, listener)."""
    lst = socket.socket(socket.AF_INET6 if USE6 and random.random() < .3 else socket.AF_INET)
    fam6 = lst.family == socket.AF_INET6
    lst.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lst.bind((HOST6 if fam6 else HOST4, lport)); lst.listen(1)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(r)
            os.setgroups([]); os.setgid(gid); os.setuid(uid)
            c = socket.socket(lst.family)
            c.connect((HOST6 if fam6 else HOST4, lport))
            os.write(w, b"%d\n" % c.getsockname()[1])
            time.sleep(3)
        finally:
            os._exit(0)
    os.close(w)
    cport = int(os.read(r, 20).strip() or 0); os.close(r)
    srv, _ = lst.accept()
    return cport, srv, pid, lst, fam6

def ask(line, fam6=False, wait=True):
    s = socket.socket(socket.AF_INET6 if fam6 else socket.AF_INET)
    s.settimeout(8)
    try:
        s.connect((HOST6 if fam6 else HOST4, IDENT))
        if line is not None:
            s.sendall(line)
        if wait:
            try:
                s.recv(512)
            except OSError:
                pass
    except OSError as e:
        print("client:", e, file=sys.stderr)
    finally:
        s.close()

def sep():
    return random.choice([" , ", ",", " ,", ", ", "  ,  "])

def act():
    a = random.choices(["own", "own_rev", "nouser", "invport", "malformed", "empty",
                        "slow", "flood", "partial"],
                       weights=[40, 8, 12, 5, 6, 4, 2, 1, 3])[0]
    if a in ("own", "own_rev"):
        uid, gid = pick_user()
        lport = random.randint(24150, 24199)
        try:
            cport, srv, pid, lst, fam6 = owned_connection(uid, gid, lport)
        except OSError as e:
            print("client:", e, file=sys.stderr); return
        q = (cport, lport) if a == "own" else (lport, cport)
        ask(b"%d%s%d\r\n" % (q[0], sep().encode(), q[1]), fam6)
        srv.close(); lst.close(); os.kill(pid, 15); os.waitpid(pid, 0)
    elif a == "nouser":
        ask(b"%d%s%d\r\n" % (random.randint(1, 65535), sep().encode(), random.randint(1, 65535)))
    elif a == "invport":
        p = random.choice([0, -1, 65536, 70000, 123456, -80])
        q = random.choice([(p, random.randint(1, 65535)), (random.randint(1, 65535), p)])
        ask(b"%d%s%d\r\n" % (q[0], sep().encode(), q[1]))
    elif a == "malformed":
        ask(random.choice([b"hello\n", b"GET / HTTP/1.0\n", b"12345\n", b", 80\n",
                           b"USER root\n", b"\x00\x01\x02\n", b"abc , def\n",
                           b"ident please\n", b"6193;23\n"]))
    elif a == "empty":
        ask(None, wait=False)
    elif a == "partial":
        ask(b"%d , %d" % (random.randint(1, 65535), random.randint(1, 65535)), wait=False)
    elif a == "slow":
        s = socket.socket(); s.connect((HOST4, IDENT)); time.sleep(random.uniform(3.2, 4.5)); s.close()
    elif a == "flood":
        socks = []
        for _ in range(random.randint(6, 12)):
            s = socket.socket(); s.connect((HOST4, IDENT)); socks.append(s)
        time.sleep(0.3)
        for s in socks:
            s.close()

for _ in range(COUNT):
    act()
    time.sleep(random.uniform(0, 0.05))
