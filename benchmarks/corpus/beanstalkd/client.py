#!/usr/bin/env python3
"""Randomised beanstalkd protocol client: producers, workers, bad input."""
import random, socket, sys, time

PORT = int(sys.argv[1]); N = int(sys.argv[2]); SEED = int(sys.argv[3])
rnd = random.Random(SEED)
TUBES = ["default", "mail", "thumbs", "reports", "billing-1", "q.low", "x(y)"]

def conn():
    s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
    s.settimeout(5)
    return s

def cmd(s, line, body=None, raw=False):
    data = line if raw else line.encode() + b"\r\n"
    if body is not None:
        data += body + b"\r\n"
    s.sendall(data)
    try:
        return s.recv(65536)
    except socket.timeout:
        return b""

ids = []
for i in range(N):
    try:
        s = conn()
    except OSError:
        time.sleep(0.2); continue
    try:
        for _ in range(rnd.randint(1, 12)):
            r = rnd.random()
            t = rnd.choice(TUBES)
            if r < 0.30:
                if rnd.random() < 0.5: cmd(s, "use " + t)
                body = bytes(rnd.choice(b"abcdefgh") for _ in range(rnd.randint(1, 60)))
                out = cmd(s, "put %d %d %d %d" % (rnd.choice([0, 10, 1024, 65535]), rnd.choice([0, 0, 0, 1, 3]), rnd.choice([1, 2, 30, 120]), len(body)), body)
                if out.startswith(b"INSERTED"):
                    ids.append(int(out.split()[1]))
            elif r < 0.45:
                if rnd.random() < 0.5: cmd(s, "watch " + t)
                if rnd.random() < 0.3: cmd(s, "ignore default")
                out = cmd(s, "reserve-with-timeout %d" % rnd.choice([0, 0, 1]))
                if out.startswith(b"RESERVED"):
                    jid = int(out.split()[1])
                    a = rnd.random()
                    if a < 0.5: cmd(s, "delete %d" % jid)
                    elif a < 0.65: cmd(s, "release %d %d %d" % (jid, rnd.randint(0, 100), rnd.choice([0, 1, 2])))
                    elif a < 0.8: cmd(s, "bury %d %d" % (jid, rnd.randint(0, 100)))
                    elif a < 0.9: cmd(s, "touch %d" % jid)
                    else: pass  # keep reserved, ttr expiry or close releases it
            elif r < 0.50:
                cmd(s, "reserve-job %d" % (rnd.choice(ids) if ids and rnd.random() < 0.7 else rnd.randint(1, 99999)))
            elif r < 0.56:
                cmd(s, rnd.choice(["peek-ready", "peek-delayed", "peek-buried"]))
            elif r < 0.60:
                cmd(s, "peek %d" % (rnd.choice(ids) if ids and rnd.random() < 0.7 else rnd.randint(1, 99999)))
            elif r < 0.64:
                cmd(s, "kick %d" % rnd.randint(1, 5))
            elif r < 0.66:
                cmd(s, "kick-job %d" % (rnd.choice(ids) if ids else 1))
            elif r < 0.70:
                cmd(s, rnd.choice(["stats", "list-tubes", "list-tube-used", "list-tubes-watched"]))
            elif r < 0.73:
                cmd(s, "stats-tube " + rnd.choice(TUBES + ["nosuch"]))
            elif r < 0.76:
                cmd(s, "stats-job %d" % (rnd.choice(ids) if ids and rnd.random() < 0.7 else rnd.randint(1, 99999)))
            elif r < 0.78:
                cmd(s, "pause-tube %s %d" % (t, rnd.choice([0, 1])))
            elif r < 0.80:
                cmd(s, "delete %d" % rnd.randint(1, 99999))
            elif r < 0.82:
                cmd(s, "release %d 1 0" % rnd.randint(1, 99999))
            elif r < 0.84:
                cmd(s, "touch %d" % rnd.randint(1, 99999))
            elif r < 0.86:
                cmd(s, "ignore " + t)
            elif r < 0.90:
                # bad input
                cmd(s, rnd.choice(["put abc 0 1 5", "frobnicate", "use -bad", "watch ", "stats extra", "peek x",
                                   "reserve-with-timeout -1", "kick", "bury x", "put 1 0 1 3 junk",
                                   "list-tubes now", "HELLO", "release 1"]))
            elif r < 0.92:
                body = b"z" * rnd.randint(3000, 5000)
                cmd(s, "put 0 0 10 %d" % len(body), body)
            elif r < 0.94:
                cmd(s, "put 0 0 10 5", b"toolong-body")
            elif r < 0.95:
                cmd(s, b"stats\x00\r\n", raw=True)
            elif r < 0.96:
                cmd(s, b"x" * 300 + b"\r\n", raw=True)
            elif r < 0.97:
                cmd(s, "reserve")  # blocks until a job or timeout
            else:
                cmd(s, "quit"); break
        if rnd.random() < 0.2:
            # half-close while waiting
            s.sendall(b"reserve-with-timeout 5\r\n")
            s.shutdown(socket.SHUT_WR)
            time.sleep(0.05)
    except OSError:
        pass
    finally:
        s.close()
    time.sleep(rnd.random() * 0.05)
