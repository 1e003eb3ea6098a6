#!/usr/bin/env python3
"""pen clients: client.py data|ctrl ... ; random traffic through the balancer or commands on its control port."""
import socket, sys, random, time

LB = ("127.0.0.1", 45100)
CTRL = ("127.0.0.1", 45199)

def conn(addr, src=None, timeout=3):
    s = socket.socket()
    s.settimeout(timeout)
    if src:
        s.bind((src, 0))
    s.connect(addr)
    return s

def traffic(kind, src=None):
    try:
        s = conn(LB, src)
        if kind == "echo":
            for _ in range(random.randint(1, 3)):
                s.sendall(b"line %d from client\n" % random.randint(1, 99999))
                s.recv(4096)
        elif kind == "http":
            s.sendall(b"GET /%d HTTP/1.0\r\nHost: lb\r\n\r\n" % random.randint(1, 999))
            while s.recv(4096):
                pass
        elif kind == "garbage":
            s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(5, 300))))
            try:
                s.recv(4096)
            except Exception:
                pass
        elif kind == "quick":
            pass  # connect and close at once
        elif kind == "big":
            s.sendall(b"x" * random.randint(40000, 120000))
            try:
                s.recv(65536)
            except Exception:
                pass
        elif kind == "halfclose":
            s.sendall(b"bye\n")
            s.shutdown(socket.SHUT_WR)
            try:
                while s.recv(4096):
                    pass
            except Exception:
                pass
        elif kind == "idle":
            time.sleep(random.uniform(1.5, 3))
        s.close()
    except Exception as e:
        print("client", kind, "error", e, file=sys.stderr)

def ctrl(cmd, src=None):
    try:
        s = conn(CTRL, src)
        s.sendall(cmd.encode() + b"\n")
        out = b""
        while True:
            d = s.recv(4096)
            if not d:
                break
            out += d
        s.close()
        sys.stdout.write("ctrl %r -> %r\n" % (cmd, out[:200]))
    except Exception as e:
        print("ctrl", cmd, "error", e, file=sys.stderr)

if __name__ == "__main__":
    if sys.argv[1] == "data":
        src = sys.argv[3] if len(sys.argv) > 3 else None
        traffic(sys.argv[2], src)
    elif sys.argv[1] == "ctrl":
        src = None
        args = sys.argv[2:]
        if args and args[0].startswith("--src="):
            src = args[0][6:]; args = args[1:]
        ctrl(" ".join(args), src)
