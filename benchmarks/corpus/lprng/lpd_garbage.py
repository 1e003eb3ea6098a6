#!/usr/bin/env python3
"""Send bad LPD requests to 127.0.0.1:14515: garbage, unknown codes, truncated jobs, early drops."""
import os, random, socket, sys, time
port = 14515
kind = sys.argv[1] if len(sys.argv) > 1 else random.choice(
    ["garbage", "badcode", "empty", "truncjob", "badqueue", "longline", "badctrl", "drop", "slow"])
def conn():
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    return s
def rd(s):
    try:
        return s.recv(512)
    except OSError:
        return b""
try:
    s = conn()
    if kind == "garbage":
        s.sendall(os.urandom(random.randint(5, 200)) + b"\n")
    elif kind == "badcode":
        s.sendall(bytes([random.choice([0x0b, 0x0c, 0x11, 0x7f, 0x41])]) + b"lp1 junk\n")
    elif kind == "empty":
        s.sendall(b"\n")
    elif kind == "truncjob":
        s.sendall(b"\x02lp1\n"); rd(s)
        s.sendall(b"\x02120 cfA%03dlocalhost\n" % random.randint(100, 999)); rd(s)
        s.sendall(b"Hlocalhost\nProot\n")     # dies before the rest of the control file
    elif kind == "badqueue":
        s.sendall(b"\x02nosuchqueue\n"); print(rd(s))
    elif kind == "longline":
        s.sendall(b"\x03lp1 " + b"x" * 5000 + b"\n")
    elif kind == "badctrl":
        s.sendall(b"\x02lp1\n"); rd(s)
        s.sendall(b"\x02abc cfAxyz\n"); rd(s)
    elif kind == "drop":
        pass
    elif kind == "slow":
        s.sendall(b"\x03lp")
        time.sleep(4)
    rd(s)
    s.close()
except OSError as e:
    print("client error:", e)
