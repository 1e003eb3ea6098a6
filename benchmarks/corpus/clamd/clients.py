#!/usr/bin/env python3
"""Raw clamd protocol clients for workload.sh: python3 clients.py ACTION [args]. Talks to
127.0.0.1:TCP or the local socket; every request is bounded by a timeout."""
import os, random, socket, struct, sys, threading, time
TCP = ("127.0.0.1", int(os.environ.get("CLAMD_PORT", "3311")))
UNIX = os.environ.get("CLAMD_SOCK", "/tmp/r8clamd/run/clamd.sock")
DATA = os.environ.get("CLAMD_DATA", "/tmp/r8clamd/data")
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"

def conn():
    if random.random() < 0.5:
        s = socket.socket(socket.AF_UNIX); s.settimeout(20); s.connect(UNIX)
    else:
        s = socket.create_connection(TCP, timeout=20)
    return s

def recv_all(s):
    out = b""
    try:
        while True:
            b = s.recv(4096)
            if not b: break
            out += b
    except OSError:
        pass
    return out

def cmd(line, style=None):
    style = style or random.choice("zn")
    s = conn()
    s.sendall((style + line + ("\0" if style == "z" else "\n")).encode())
    r = recv_all(s); s.close(); return r

def instream(payload, chunk=None, style=None):
    style = style or random.choice("zn")
    s = conn()
    s.sendall((style + "INSTREAM" + ("\0" if style == "z" else "\n")).encode())
    chunk = chunk or random.choice([512, 4096, 65536])
    try:
        for i in range(0, len(payload), chunk):
            part = payload[i:i + chunk]
            s.sendall(struct.pack("!L", len(part)) + part)
        s.sendall(struct.pack("!L", 0))
    except OSError:
        pass
    r = recv_all(s); s.close(); return r

def payload():
    kind = random.random()
    junk = os.urandom(random.randint(10, 30000))
    if kind < 0.35:
        return junk[:random.randint(0, 200)] + EICAR if random.random() < 0.5 else EICAR
    if kind < 0.45:
        return b"BADSTUFF-" + os.urandom(8).hex().encode() + b"-R8-TROJAN-MARKER" + junk
    return junk

def session():
    """IDSESSION with several commands, sometimes a bad one inside."""
    s = conn(); s.sendall(b"zIDSESSION\0")
    for _ in range(random.randint(1, 5)):
        c = random.choice(["PING", "VERSION", "STATS", "SCAN " + pick_path(), "BOGUS", "INSTREAM"])
        if c == "INSTREAM":
            s.sendall(b"zINSTREAM\0"); p = payload()
            s.sendall(struct.pack("!L", len(p)) + p + struct.pack("!L", 0))
        else:
            s.sendall(("z" + c + "\0").encode())
        time.sleep(random.uniform(0, 0.1))
    if random.random() < 0.8:
        s.sendall(b"zEND\0")
    r = recv_all(s); s.close(); return r

def pick_path():
    r = random.random()
    if r < 0.1:
        return "/tmp/r8clamd/nosuch/%s.bin" % os.urandom(3).hex()
    if r < 0.2:
        return "relative/path/%d" % random.randint(1, 99)
    base = random.choice(["clean", "infected", "archives", "locked", "excluded", ""])
    d = os.path.join(DATA, base)
    if base and random.random() < 0.7:
        files = os.listdir(d)
        if files:
            return os.path.join(d, random.choice(files))
    return d

def one():
    r = random.random()
    try:
        if r < 0.08: cmd("PING")
        elif r < 0.12: cmd("VERSION")
        elif r < 0.15: cmd("VERSIONCOMMANDS")
        elif r < 0.18: cmd("STATS")
        elif r < 0.30: cmd("SCAN " + pick_path())
        elif r < 0.36: cmd("CONTSCAN " + pick_path())
        elif r < 0.41: cmd("MULTISCAN " + pick_path())
        elif r < 0.45: cmd("ALLMATCHSCAN " + pick_path())
        elif r < 0.62: instream(payload())
        elif r < 0.66: instream(os.urandom(random.randint(1100, 3000) * 1024))  # over StreamMaxLength
        elif r < 0.70:
            s = conn(); s.sendall(b"zINSTREAM\0" + struct.pack("!L", 5000) + b"short"); s.close()
        elif r < 0.75: cmd(random.choice(["HELLO", "SCAN", "FOO bar", "PING PONG", "scan /etc", "GET / HTTP/1.0"]), style=random.choice(["z", "n", ""]))
        elif r < 0.83: session()
        elif r < 0.86:
            s = conn(); s.sendall(b"zPI"); time.sleep(random.uniform(0.2, 1)); s.close()
        elif r < 0.88:
            s = conn(); s.sendall(os.urandom(random.randint(1, 64))); s.close()
        elif r < 0.92:
            s = conn(); s.sendall(b"nFILDES\n"); r2 = recv_all(s); s.close()
        else:
            cmd("SCAN " + DATA + "/clean/../infected")
    except OSError:
        pass

def flood(n):
    ts = [threading.Thread(target=one) for _ in range(n)]
    for t in ts: t.start()
    for t in ts: t.join(60)

if __name__ == "__main__":
    act = sys.argv[1]
    if act == "one":
        for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 1): one()
    elif act == "flood": flood(int(sys.argv[2]))
    elif act == "cmd":
        try: print(cmd(sys.argv[2], style="z"))
        except OSError as e: print("error", e)
    elif act == "idle":
        try:
            s = conn(); time.sleep(float(sys.argv[2])); print(recv_all(s)); s.close()
        except OSError as e: print("error", e)
