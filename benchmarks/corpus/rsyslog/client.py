#!/usr/bin/env python3
"""Randomised syslog traffic into the private rsyslogd: unix socket, UDP, TCP, bad input, session floods."""
import random, socket, sys, time
rnd = random.Random(int(sys.argv[1])); N = int(sys.argv[2]); SOCK = sys.argv[3]
FAC = {"user": 1, "mail": 2, "daemon": 3, "auth": 4, "local3": 19, "local7": 23}
WORDS = "disk full fwd drop login failed ok started stopped timeout retry sync queue".split()
def msg(fac, sev, tag, text):
    return "<%d>%s r31c-host %s[%d]: %s" % (FAC[fac] * 8 + sev, time.strftime("%b %e %H:%M:%S"), tag, rnd.randint(100, 9999), text)
def text():
    return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 8)))
for i in range(N):
    r = rnd.random()
    fac = rnd.choice(list(FAC)); sev = rnd.choice([0, 2, 3, 4, 5, 6, 6, 6, 7])
    tag = rnd.choice(["app", "cronjob", "sshd", "web-1", "db"])
    try:
        if r < 0.30:
            u = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); u.connect(SOCK)
            u.send(msg(fac, sev, tag, text()).encode()); u.close()
        elif r < 0.50:
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            u.sendto(msg(fac, sev, tag, text()).encode(), ("127.0.0.1", 22514)); u.close()
        elif r < 0.70:
            t = socket.create_connection(("127.0.0.1", 22515), timeout=2)
            for _ in range(rnd.randint(1, 4)):
                m = msg(fac, sev, tag, text() + rnd.choice(["", " fwd"]))
                if rnd.random() < 0.3: t.sendall(b"%d %s" % (len(m), m.encode()))
                else: t.sendall(m.encode() + b"\n")
            t.close()
        elif r < 0.76:
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            u.sendto(rnd.choice([b"", b"<999>bad pri", b"no pri at all", b"<13>\xff\xfe invalid utf8",
                                 b"<14>" + b"A" * 5000, b"<13>1 2026-12-06T10:00:00Z h app - - - rfc5424 msg",
                                 b"<13>1 bad-rfc5424"]), ("127.0.0.1", 22514)); u.close()
        elif r < 0.80:
            t = socket.create_connection(("127.0.0.1", 22515), timeout=2)
            t.sendall(rnd.choice([b"99999999 x", b"12 short", b"<13>no newline at end", b"\n\n\n", b"abc 5 <13>x\n"]))
            t.close()
        elif r < 0.83:
            conns = [socket.create_connection(("127.0.0.1", 22515), timeout=2) for _ in range(rnd.randint(15, 25))]
            time.sleep(0.2)
            for c in conns: c.close()
        elif r < 0.85:
            t = socket.create_connection(("127.0.0.1", 22515), timeout=2); t.close()
        else:
            u = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); u.connect(SOCK)
            u.send(msg(rnd.choice(["mail", "local3"]), sev, tag, text() + rnd.choice(["", " drop"])).encode()); u.close()
    except OSError:
        pass
    time.sleep(rnd.random() * 0.4)
