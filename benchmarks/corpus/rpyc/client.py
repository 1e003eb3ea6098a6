import random, socket, ssl, sys, time
import rpyc

host, port, mode, n, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
rnd = random.Random(seed)

def good(c):
    k = rnd.choice(["getcwd", "eval", "execute", "listdir", "sysver", "teleport"])
    if k == "getcwd":
        c.modules.os.getcwd()
    elif k == "eval":
        c.eval(f"{rnd.randint(1, 999)} * {rnd.randint(1, 99)}")
    elif k == "execute":
        c.execute(f"x = {rnd.randint(1, 5000)}")
    elif k == "listdir":
        c.modules.os.listdir("/tmp")
    elif k == "sysver":
        str(c.modules.sys.version)
    else:
        c.modules.time.time()

def bad(c):
    k = rnd.choice(["zero", "nofile", "noattr", "nomod", "value", "key", "syntax", "chained", "type"])
    try:
        if k == "zero":
            c.eval(f"{rnd.randint(1, 99)} / 0")
        elif k == "nofile":
            c.modules.os.listdir(f"/nonexistent/dir{rnd.randint(1, 99)}")
        elif k == "noattr":
            getattr(c.modules.os, f"nosuch_{rnd.randint(1, 99)}")
        elif k == "nomod":
            getattr(c.modules, f"missing_module_{rnd.randint(1, 99)}")
        elif k == "value":
            c.execute(f"int('abc{rnd.randint(1, 99)}')")
        elif k == "key":
            c.eval(f"{{'a': 1}}['k{rnd.randint(1, 99)}']")
        elif k == "syntax":
            c.execute("def broken(:")
        elif k == "chained":
            c.execute("try:\n    {}['missing']\nexcept KeyError:\n    raise RuntimeError('lookup failed')")
        else:
            c.eval(f"'s' + {rnd.randint(1, 9)}")
    except Exception:
        pass

for i in range(n):
    if mode == "ssl":
        kind = rnd.choices(["sslbad", "sslnocert", "sslgood"], [3, 2, 10])[0]
    else:
        kind = rnd.choices(["session", "garbage", "drop"], [85, 6, 9])[0]
    try:
        if kind == "session":
            c = rpyc.classic.connect(host, port)
            for _ in range(rnd.randint(1, 8)):
                if rnd.random() < 0.75:
                    good(c)
                else:
                    bad(c)
            c.close()
        elif kind == "garbage":
            s = socket.create_connection((host, port))
            s.sendall(bytes(rnd.randrange(256) for _ in range(rnd.randint(4, 64))))
            time.sleep(0.2)
            s.close()
        elif kind == "drop":
            s = socket.create_connection((host, port))
            if rnd.random() < 0.5:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            s.close()
        elif kind == "sslbad":
            s = socket.create_connection((host, port))
            s.sendall(b"hello plain text\r\n")
            time.sleep(0.2)
            s.close()
        elif kind == "sslnocert":
            c = rpyc.classic.ssl_connect(host, port)
            good(c)
            c.close()
        else:
            c = rpyc.classic.ssl_connect(host, port, keyfile=sys.argv[6], certfile=sys.argv[7])
            good(c)
            if rnd.random() < 0.3:
                bad(c)
            c.close()
    except Exception:
        pass
    time.sleep(rnd.random() * 0.3)
