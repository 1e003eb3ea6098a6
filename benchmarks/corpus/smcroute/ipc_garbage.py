#!/usr/bin/env python3
"""Send malformed/odd IPC packets to smcrouted's UNIX socket."""
import random, socket, struct, sys
path = sys.argv[1]
def pkt(cmd, args, count=None, ln=None):
    body = b"".join(a.encode() + b"\0" for a in args) + b"\0"
    hdr_len = 16
    if count is None: count = len(args)
    if ln is None: ln = hdr_len + len(body)
    return struct.pack("<QHH4x", ln, ord(cmd), count) + body
choices = [
    lambda: pkt(random.choice("ZxQz?!"), []),
    lambda: pkt("j", ["a0"]),
    lambda: pkt("l", []),
    lambda: pkt("a", ["a0"]),
    lambda: pkt("s", ["x"], count=random.randint(40, 60)),
    lambda: pkt("j", ["a0", "239.9.9.9", "x"], count=6, ln=20),
    lambda: b"",
]
for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 1):
    data = random.choice(choices)()
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(2)
    try:
        s.connect(path)
        if data: s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        try: s.recv(4096)
        except Exception: pass
    except Exception as e:
        print("garbage client:", e, file=sys.stderr)
    s.close()
