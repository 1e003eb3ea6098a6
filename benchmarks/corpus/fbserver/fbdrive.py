#!/usr/bin/env python3
"""Scripted random clients for fb-server (text protocol FB/1.2). Usage: fbdrive.py PORT ROUNDS [idle]"""
import random, socket, struct, sys, time

PORT = int(sys.argv[1]); ROUNDS = int(sys.argv[2]); MODE = sys.argv[3] if len(sys.argv) > 3 else ""
R = random.Random()
NICKS = ["bob", "alice", "zed", "kim", "lou", "max_9", "ann-b", "joe", "pia", "sam", "tux", "rik"]
WORDS = ["hi", "gg", "anyone?", "lol", "ready", "brb", "nice shot", "rematch", "cheater", "spam", "hello all", "wait"]

def conn(src="127.0.0.1"):
    s = socket.socket(); s.settimeout(2)
    s.bind((src, 0)); s.connect(("127.0.0.1", PORT))
    rd(s); return s

def rd(s, t=0.15):
    s.settimeout(t); out = b""
    try:
        while True:
            d = s.recv(65536)
            if not d: break
            out += d
    except Exception:
        pass
    return out

def cmd(s, c, minor=2, wait=0.05):
    try:
        s.sendall(("FB/1.%d %s\n" % (minor, c)).encode()); time.sleep(wait); return rd(s, 0.05)
    except Exception:
        return b""

def nick(): return R.choice(NICKS) + (str(R.randint(1, 99)) if R.random() < 0.5 else "")

def close(s, rst=False):
    if rst:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()

def lobby():
    s = conn()
    for _ in range(R.randint(1, 8)):
        c = R.choice(["PING", "PING", "LIST", "NICK " + nick(), "NICK", "NICK b@d!", "GEOLOC +48.85:+2.35", "GEOLOC",
                      "STATUS", "STATUSGEO", "PROTOCOL_LEVEL", "TALK " + R.choice(WORDS), "TALK", "PART", "START",
                      "CLOSE", "KICK zed", "KICK", "SETOPTIONS", "SETOPTIONS chain", "JOIN nobody " + nick(), "JOIN x",
                      "OK_GAME_START", "LEADER_CHECK_GAME_START", "DANCE", "HELLO there"])
        cmd(s, c, minor=R.choice([0, 1, 2, 2, 2]))
    close(s, R.random() < 0.2)

def game():
    n = R.randint(2, 4); names = R.sample(NICKS, n)
    socks = [conn() for _ in range(n)]
    for s, nm in zip(socks, names): cmd(s, "NICK " + nm, minor=R.choice([1, 2, 2]))
    cmd(socks[0], "CREATE " + names[0])
    if R.random() < 0.3: cmd(socks[0], "START")
    if R.random() < 0.2: cmd(socks[0], "CLOSE")
    if R.random() < 0.3: cmd(socks[0], "CREATE " + names[0])
    for s, nm in zip(socks[1:], names[1:]):
        if R.random() < 0.15: cmd(s, "JOIN " + names[0] + " " + names[0])
        if R.random() < 0.15: cmd(s, "JOIN nobody " + nm)
        cmd(s, "JOIN " + names[0] + " " + nm)
        if R.random() < 0.2: cmd(s, "CREATE " + nm)
    for _ in range(R.randint(0, 5)):
        s = R.choice(socks)
        cmd(s, R.choice(["STATUS", "STATUSGEO", "PROTOCOL_LEVEL", "LIST", "TALK " + R.choice(WORDS), "SETOPTIONS CHAINREACTION:1",
                         "START", "CLOSE", "LEADER_CHECK_GAME_START", "OK_GAME_START", "KICK " + R.choice(names), "GEOLOC -33.86:+151.2"]))
    if R.random() < 0.2 and n > 2:
        cmd(socks[0], "KICK " + names[-1]); close(socks.pop()); names.pop()
    if R.random() < 0.15:
        cmd(socks[-1], "PART"); close(socks.pop()); names.pop()
    if len(socks) < 2 or R.random() < 0.15:
        for s in socks: close(s, R.random() < 0.3)
        return
    cmd(socks[0], "SETOPTIONS CHAINREACTION:%d" % R.randint(0, 1))
    cmd(socks[0], "CLOSE")
    cmd(socks[0], "START")
    cmd(socks[0], "LEADER_CHECK_GAME_START")
    for s in socks[1:]: cmd(s, "OK_GAME_START")
    if R.random() < 0.2: cmd(socks[1], "OK_GAME_START")
    cmd(socks[0], "LEADER_CHECK_GAME_START")
    cmd(socks[0], "OK_GAME_START")
    time.sleep(0.1); [rd(s, 0.05) for s in socks]
    for _ in range(R.randint(1, 12)):
        i = R.randrange(len(socks)); s = socks[i]
        k = R.random()
        try:
            if k < 0.3: s.sendall(b"Xp\n")
            elif k < 0.5: s.sendall(b"X!%d\n" % R.randint(0, 99))
            else: s.sendall(("Xb%s\n" % ("m" * R.randint(1, 30))).encode())
        except Exception:
            pass
        time.sleep(0.04); [rd(x, 0.02) for x in socks]
    if R.random() < 0.15:
        time.sleep(6.5); [rd(x, 0.05) for x in socks]
        try: socks[0].sendall(b"Xp\n")
        except Exception: pass
        time.sleep(0.2)
    R.shuffle(socks)
    for s in socks:
        close(s, R.random() < 0.25); time.sleep(0.05)

def errors():
    k = R.randrange(9)
    s = conn()
    try:
        if k == 0: s.sendall(b"GET / HTTP/1.0\n")
        elif k == 1: s.sendall(("FB/%d.%d PING\n" % R.choice([(2, 0), (1, 9), (0, 1)])).encode())
        elif k == 2: s.sendall(b"FB/1.2 PING\x00zz\n")
        elif k == 3:
            s.sendall(b"FB/1.2 NI"); time.sleep(0.2); s.sendall(b"CK pia"); time.sleep(0.2); s.sendall(b"\n")
        elif k == 4: s.sendall(b"FB/1.2 PING\nFB/1.2 LIST\nFB/1.2 NICK joe\n")
        elif k == 5: s.sendall(b"A" * 16383)
        elif k == 6: s.sendall(b"FB/1.2\n")
        elif k == 7:
            for _ in range(R.randint(1, 3)): cmd(s, "PING")
        else:
            for _ in range(16): cmd(s, "TALK " + R.choice(WORDS), wait=0.01)
    except Exception:
        pass
    time.sleep(0.3); rd(s, 0.1); close(s, R.random() < 0.5)

def admin():
    src = R.choice(["127.0.0.1", "127.0.0.1", "127.0.0.2"])
    s = conn(src); cmd(s, "ADMIN_REREAD", wait=0.2); close(s)

def idle():
    socks = [conn() for _ in range(R.randint(1, 3))]
    for s in socks: cmd(s, "NICK " + nick())
    time.sleep(R.uniform(4, 6))
    t = conn(); cmd(t, "PING"); time.sleep(0.2); close(t)
    for s in socks: close(s)

def full(cap):
    socks = []
    for _ in range(cap + R.randint(1, 2)):
        try: socks.append(conn())
        except Exception: pass
    time.sleep(0.2)
    for s in socks: close(s)

if MODE == "idle":
    for _ in range(ROUNDS): idle()
elif MODE.startswith("full"):
    for _ in range(ROUNDS): full(int(MODE[4:]))
else:
    for _ in range(ROUNDS):
        f = R.choices([lobby, game, errors, admin], weights=[30, 35, 25, 4])[0]
        f()
