#!/usr/bin/env python3
"""Fake SMTP peer behind spampd: answers like a mail server, sometimes refusing, failing or hanging up.
usage: fakesmtp.py PORT SEED"""
import random
import socket
import sys
import threading

port, rng = int(sys.argv[1]), random.Random(int(sys.argv[2]))
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port))
srv.listen(20)


def session(c, mode):
    f = c.makefile("rb")
    w = lambda s: c.sendall(s.encode() + b"\r\n")
    try:
        if mode == "hangup":
            c.close()
            return
        if mode == "busy":
            w("421 peer.r33f.test Service not available, closing transmission channel")
            c.close()
            return
        w("220 peer.r33f.test ESMTP fake")
        data = False
        while True:
            line = f.readline()
            if not line:
                break
            cmd = line.decode("latin-1").strip()
            if data:
                if cmd == ".":
                    data = False
                    if mode == "faildata":
                        w("451 4.3.0 Error: queue file write error")
                    elif mode == "rejectdata":
                        w("554 5.7.1 Message rejected as spam")
                    else:
                        w("250 2.0.0 Ok: queued as %X" % rng.getrandbits(40))
                continue
            u = cmd.upper()
            if u.startswith("EHLO"):
                w("250-peer.r33f.test")
                w("250-SIZE 10240000")
                w("250-8BITMIME")
                w("250 PIPELINING")
            elif u.startswith("HELO"):
                w("250 peer.r33f.test")
            elif u.startswith("MAIL"):
                w("553 5.1.8 Sender address rejected" if mode == "rejectfrom" else "250 2.1.0 Ok")
            elif u.startswith("RCPT"):
                if mode == "rejectrcpt" or "unknown" in cmd:
                    w("550 5.1.1 Recipient address rejected: User unknown")
                else:
                    w("250 2.1.5 Ok")
            elif u == "DATA":
                if mode == "nodata":
                    w("554 5.5.1 Error: no valid recipients")
                else:
                    w("354 End data with <CR><LF>.<CR><LF>")
                    data = True
            elif u == "RSET":
                w("250 2.0.0 Ok")
            elif u == "NOOP":
                w("250 2.0.0 Ok")
            elif u == "QUIT":
                w("221 2.0.0 Bye")
                break
            elif u.startswith("VRFY"):
                w("252 2.0.0 Cannot VRFY user")
            else:
                w("502 5.5.2 Error: command not recognized")
            if mode == "drop" and rng.random() < 0.3:
                break
    except OSError:
        pass
    finally:
        c.close()


modes = ["ok"] * 14 + ["hangup", "busy", "faildata", "rejectdata", "rejectfrom", "rejectrcpt", "nodata", "drop"]
while True:
    c, _ = srv.accept()
    threading.Thread(target=session, args=(c, rng.choice(modes)), daemon=True).start()
