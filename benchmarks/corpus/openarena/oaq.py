#!/usr/bin/env python3
"""Connectionless (out-of-band) traffic for the OpenArena server: queries, rcon, garbage."""
import random, socket, sys, time, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import q3huff as H
OOB = b"\xff\xff\xff\xff"

def sock(src="127.0.0.1"):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((src, 0)); s.settimeout(0.6)
    return s

def ask(s, port, payload, wait=True):
    s.sendto(payload, ("127.0.0.1", port))
    if not wait:
        return b""
    try:
        return s.recvfrom(65536)[0]
    except socket.timeout:
        return b""

def main():
    port = int(sys.argv[1]); what = sys.argv[2]; args = sys.argv[3:]
    src = os.environ.get("SRC", "127.0.0.1")
    s = sock(src)
    if what == "rcon":                       # rcon PASSWORD COMMAND...
        r = ask(s, port, OOB + f"rcon {args[0]} {' '.join(args[1:])}".encode())
        print(r[4:200].decode("latin-1", "replace").replace("\n", "|"))
    elif what == "rconflood":                # many rcons quickly -> rate limit
        for i in range(int(args[1])):
            ask(s, port, OOB + f"rcon {args[0]} status".encode(), wait=False)
    elif what == "query":
        for q in args:
            r = ask(s, port, OOB + q.encode())
            print(q, "->", r[4:80].decode("latin-1", "replace").replace("\n", "|"))
    elif what == "challengeflood":
        for i in range(int(args[0])):
            ask(s, port, OOB + f"getchallenge {random.randint(1, 99999)} Quake3Arena".encode(), wait=False)
    elif what == "garbage":                  # random datagrams of several shapes
        for i in range(int(args[0])):
            kind = random.choice(["short", "random", "oobjunk", "oobunknown", "netchan", "connectjunk", "badgame"])
            if kind == "short":
                p = bytes(random.randint(0, 255) for _ in range(random.randint(1, 3)))
            elif kind == "random":
                p = bytes(random.randint(0, 255) for _ in range(random.randint(4, 300)))
            elif kind == "oobjunk":
                p = OOB + bytes(random.randint(33, 126) for _ in range(random.randint(1, 40)))
            elif kind == "oobunknown":
                p = OOB + random.choice([b"hello", b"getservers", b"infoResponse", b"ping", b"disconnect", b"getIpAuthorize"])
            elif kind == "netchan":
                p = os.urandom(4) + os.urandom(2) + os.urandom(random.randint(0, 40))
            elif kind == "connectjunk":
                p = OOB + b"connect " + os.urandom(random.randint(2, 30))
            else:
                p = OOB + b"getchallenge 123 SomeOtherGame"
            ask(s, port, p, wait=False)
            time.sleep(0.02)
    elif what == "connect":                  # connect with odd userinfo: PROTOCOL CHALLENGE|real
        proto = args[0]; mode = args[1]
        cc = random.randint(1, 99999)
        r = ask(s, port, OOB + f"getchallenge {cc} Quake3Arena".encode())
        ch = r.split()[1].decode() if r.startswith(OOB + b"challengeResponse") else "0"
        if mode == "bad":
            ch = str(random.randint(1, 10**6))
        name = args[2] if len(args) > 2 else "Ghost"
        info = f"\\challenge\\{ch}\\qport\\{random.randint(1,65535)}\\protocol\\{proto}\\name\\{name}"
        if mode == "huge":
            info += "\\junk\\" + "x" * 1000
        r = ask(s, port, OOB + b"connect " + H.compress(b'"' + info.encode() + b'"'))
        print("connect", proto, mode, "->", r[4:100].decode("latin-1", "replace").replace("\n", "|"))
    return 0

if __name__ == "__main__":
    sys.exit(main())
