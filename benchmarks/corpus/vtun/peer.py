#!/usr/bin/env python3
"""Fake vtun peers for the workload: misbehaving clients and a fake server."""
import random, socket, sys, time

MSG = 50  # VTUN_MESG_SIZE


def pad(s):
    b = s.encode()[:MSG - 1]
    return b + b"\0" * (MSG - len(b))


def rand_chal():
    return "<" + "".join(random.choice("abcdefghijklmnop") for _ in range(32)) + ">"


def client(host, port, mode):
    s = socket.create_connection((host, port), timeout=10)
    try:
        if mode == "close":
            return
        s.recv(MSG)
        if mode == "hang":
            time.sleep(random.uniform(6, 8))
        elif mode == "junk":
            s.sendall(bytes(random.getrandbits(8) for _ in range(MSG)))
        elif mode == "http":
            s.sendall(pad("GET / HTTP/1.0\r\n\r\n"))
        elif mode in ("badchal", "shortchal", "hostonly"):
            s.sendall(pad("HOST: %s\n" % random.choice(["alpha", "charlie", "golf", "nobody"])))
            s.recv(MSG)
            if mode == "badchal":
                s.sendall(pad("CHAL: %s\n" % rand_chal()))
            elif mode == "shortchal":
                s.sendall(pad("CHAL: <abc>\n"))
            else:
                time.sleep(random.uniform(6, 8))
        try:
            s.recv(MSG)
        except OSError:
            pass
    finally:
        s.close()


def fake_server(port, flags):
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("0.0.0.0", port))
    ls.listen(1)
    ls.settimeout(15)
    c, _ = ls.accept()
    c.settimeout(10)
    c.sendall(pad("VTUN server ver 3.X fake\n"))
    c.recv(MSG)
    c.sendall(pad("OK CHAL: %s\n" % rand_chal()))
    c.recv(MSG)
    if flags == "ERR":
        c.sendall(pad("ERR\n"))
    else:
        c.sendall(pad("OK FLAGS: %s\n" % flags))
    time.sleep(random.uniform(1, 2))
    c.close()
    ls.close()


if __name__ == "__main__":
    if sys.argv[1] == "client":
        client(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        fake_server(int(sys.argv[2]), sys.argv[3])
