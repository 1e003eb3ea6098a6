#!/usr/bin/env python3
# minimal randomised monopd protocol client (no logging of its own)
import random, socket, sys, time, re
port = int(sys.argv[1]); seed = int(sys.argv[2]); random.seed(seed)
NAMES = ["alice","bob","carol","dave","erin","frank","gina","hal","ivy","jon","kim","lou","mo","ned"]

def conn():
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    s.settimeout(0.15)
    return s

def rd(s):
    out = b""
    try:
        while True:
            d = s.recv(65536)
            if not d: break
            out += d
    except Exception:
        pass
    return out.decode("utf-8", "replace")

def send(s, line):
    try: s.sendall(line.encode() + b"\n")
    except Exception: pass

def player(name, gamecmd):
    s = conn(); rd(s)
    send(s, ".n" + name); r = rd(s)
    send(s, gamecmd); r += rd(s)
    return s, r

def session():
    kind = random.choices(["idle", "junk", "solo", "game", "reconnect", "badgame"], [1, 2, 3, 6, 2, 1])[0]
    if kind == "idle":
        s = conn(); rd(s); time.sleep(random.random()); s.close(); return
    if kind == "junk":
        s = conn(); rd(s)
        for _ in range(random.randint(1, 4)):
            send(s, random.choice([".zz", ".gj999", ".gs", ".r", "hello there", ".E", ".n", "\xff\xfe"]))
        rd(s); s.close(); return
    if kind == "badgame":
        s, r = player(random.choice(NAMES), ".gn" + random.choice(["nosuch", "chess", ""]))
        s.close(); return
    gtype = random.choice(["atlantic", "city"])
    master, r = player(random.choice(NAMES), ".gn" + gtype)
    m = re.search(r'gameupdate gameid="(\d+)"', r)
    socks = [master]
    if kind in ("game", "reconnect") and m:
        gid = m.group(1)
        for _ in range(random.randint(1, 4)):
            s, _ = player(random.choice(NAMES) + str(random.randint(1, 99)), ".gj" + gid)
            socks.append(s)
        if random.random() < 0.7:
            send(master, ".gs"); rd(master)
            for _ in range(random.randint(0, 6)):
                for s in socks:
                    send(s, random.choice([".r", ".eb", ".E", ".ea", "gl hf"])); rd(s)
    if kind == "reconnect":
        s = socks[-1]
        send(s, ".n" + "rc" + str(random.randint(1, 999)))
        txt = rd(s)
        s.close(); socks.pop()
        time.sleep(random.random())
    random.shuffle(socks)
    for s in socks:
        if random.random() < 0.3: send(s, ".d"); rd(s)
        s.close(); time.sleep(random.random() * 0.2)

for _ in range(int(sys.argv[3])):
    try: session()
    except Exception: pass
