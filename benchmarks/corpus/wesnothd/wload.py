#!/usr/bin/env python3
"""Randomised wesnothd workload (used by workload.sh): python3 wload.py PORT FIFO SECONDS"""
import random, socket, struct, sys, time, gzip
import wclient as c

PORT, FIFO, DUR = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
R = random.Random()
NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory",
         "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "Xena", "yuki", "zed"]
WORDS = "hello gg anyone up for a 2p game ready wait brb lol nice map good luck have fun rematch lag ok".split()
online = {}   # name -> W
games = []    # (host name, game id guess, password)
gid_counter = [0]

def src():
    return "127.0.0.%d" % R.randint(2, 9)

def text(n=None):
    return " ".join(R.choice(WORDS) for _ in range(n or R.randint(1, 7)))

def fifo(cmd):
    try:
        with open(FIFO, "w") as f:
            f.write(cmd + "\n")
    except OSError:
        pass

def uname():
    return R.choice(NAMES) + (str(R.randint(1, 999)) if R.random() < 0.5 else "")

def connect_user(name=None, **kw):
    name = name or uname()
    try:
        w, r = c.login(PORT, name, src=kw.pop("src", src()), **kw)
    except OSError:
        return None
    if r and "join_lobby" in r:
        online[name] = w
        w.drain(0.1)
        return name
    w.close()
    return None

def drop(name, abrupt=False):
    w = online.pop(name, None)
    if not w: return
    if abrupt:
        try: w.s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError: pass
    w.close()

def any_online():
    return R.choice(list(online)) if online else None

def safe(f, *a, **k):
    try:
        r = f(*a, **k)
        return True if r is None else r
    except (OSError, EOFError):
        return None

def act():
    k = R.randint(0, 26)
    if k <= 3 or len(online) < 3:
        connect_user()
    elif k == 4:   # bad or old version
        safe(c.login, PORT, uname(), version=R.choice(["1.14.7", "1.18.0", "1.12.6", "0.9", "1.17.%d" % R.randint(0, 26)]), src=src())
    elif k == 5:   # reserved / taken / invalid names
        n = R.choice(["admin%d" % R.randint(1, 99), "server", "bad" + uname(), any_online() or "alice",
                      "x" * R.randint(21, 40), "two words", "semi;colon", ""])
        r = safe(c.login, PORT, n, src=src())
        if r: r[0].close()
    elif k == 6 and online:   # lobby chat
        n = any_online()
        for _ in range(R.randint(1, 3)):
            safe(c.msg, online[n], text())
    elif k == 7 and online:
        safe(c.msg, online[any_online()], "/me " + text())
    elif k == 8 and online:   # whisper
        n = any_online()
        to = R.choice([any_online(), uname()])
        safe(c.whisper, online[n], to, text(), sort=R.random() < 0.7)
    elif k == 9 and online:   # flood
        n = any_online()
        for _ in range(R.randint(5, 9)):
            safe(c.msg, online[n], text(2))
    elif k in (10, 11, 21, 22, 23) and len(online) >= 2:   # game life cycle
        game_cycle()
    elif k == 12 and online:   # admin via query
        n = any_online()
        w = online[n]
        pw = "adminpw" if R.random() < 0.6 else R.choice(["admin", "letmein", "12345", "adminpw2"])
        safe(c.query, w, "admin " + pw)
        time.sleep(0.2)
        cmd = R.choice(["kick %s" % (any_online() or "nobody"), "version", "roll %d" % R.randint(2, 100),
                        "msg " + text(), "lobbymsg " + text(), "sample", "dul no", "signout", "motd " + text(),
                        "pm %s %s" % (any_online() or "zed", text()), "stopgame %s %s" % (uname(), text(2))])
        safe(c.query, w, cmd)
        if cmd != "signout": safe(c.query, w, "signout")
        safe(w.drain, 0.2)
        if cmd.startswith("kick"):
            for nn in list(online):
                if cmd.endswith(" " + nn): online.pop(nn).close()
    elif k == 13:   # fifo admin commands
        t = R.choice(["kick", "kick", "kban", "ban", "unban", "msg", "lobbymsg", "pm", "motd", "roll", "version",
                      "dul", "sample", "adminmsg", "stopgame", "requests"])
        target = any_online() or uname()
        ip = src()
        cmd = {"kick": "kick %s %s" % (target, text(2)),
               "kban": "kban %s %dm %s" % (R.choice(["nobody%d*" % R.randint(1, 99), "z*q", "qq%d" % R.randint(1, 9)]), R.randint(1, 3), text(2)),
               "ban": "ban %s %s %s" % (ip, R.choice(["30s", "1m", "2m", "1h"]), text(2)),
               "unban": "unban %s" % ip, "msg": "msg " + text(), "lobbymsg": "lobbymsg " + text(),
               "pm": "pm %s %s" % (R.choice([target, uname()]), text()), "motd": "motd " + text(),
               "roll": "roll %d" % R.randint(2, 100), "version": "version",
               "dul": "dul " + R.choice(["yes", "no"]), "sample": "sample", "adminmsg": "adminmsg " + text(),
               "stopgame": "stopgame %s %s" % (target, text(2)), "requests": "requests"}[t]
        fifo(cmd)
        time.sleep(0.3)
        if t == "kick" and target in online:
            online.pop(target).close()
        if t == "dul" and cmd.endswith("yes"):
            time.sleep(0.5); connect_user(); fifo("dul no")
        if t == "ban" and R.random() < 0.6:   # try to log in from the banned address
            safe(c.login, PORT, uname(), src=ip)
            if R.random() < 0.5: fifo("unban " + ip)
    elif k == 14:  # bad handshake / garbage
        try:
            s = socket.create_connection(("127.0.0.1", PORT), timeout=2, source_address=(src(), 0))
            g = R.choice([struct.pack(">I", R.randint(2, 99999)), b"GET / HTTP/1.0\r\n\r\n", b"\0\0\0\0" + struct.pack(">I", 20) + bytes(R.randrange(256) for _ in range(20)),
                          b"\0\0\0\0" + struct.pack(">I", R.randint(10**8, 2**31)), b"\0\0\0\0", b"\0\0"])
            s.sendall(g); time.sleep(R.choice([0.1, 0.5, 1.5])); s.close()
        except OSError:
            pass
    elif k == 15:  # too many connections from one address
        ip = src()
        ws = [safe(c.W, PORT, src=ip) for _ in range(R.randint(3, 5))]
        time.sleep(0.5)
        for w in ws:
            if w: w.close()
    elif k in (16, 17) and online:   # logoff, clean or abrupt
        drop(any_online(), abrupt=R.random() < 0.5)
    elif k == 18 and online:   # unsorted WML / unknown tag in lobby
        n = any_online()
        if R.random() < 0.5:
            safe(online[n].send, "[message]\nsender=\"%s\"\nmessage=\"%s\"\n[/message]\n" % (n, text()))
        else:
            safe(online[n].send, c.tag(R.choice(["refresh_lobby", "ping", "nickserv"]), {"requested_at": R.randint(1, 10**9)} if R.random() < 0.5 else {}))
    elif k == 19 and online:  # join unknown game
        safe(c.join, online[any_online()], R.randint(500, 900))
    elif k == 20 and online:  # not-logged-in user sends data before login
        try:
            w = c.W(PORT, src=src()); w.recv(); w.send(c.tag("version", {"version": "1.16.%d" % R.randint(0, 12)})); w.recv()
            w.send(c.tag("message", {"message": text()})); time.sleep(0.2); w.close()
        except (OSError, EOFError):
            pass
    for n in list(online):
        if safe(online[n].drain, 0.02) is None:
            online.pop(n, None)

def game_cycle():
    host = any_online()
    gname = R.choice(["2p", "Duel", "FFA", "Team", "Survival", "Test"]) + " " + R.choice(WORDS) + " %d" % R.randint(1, 99)
    pw = R.choice(["", "", "pw%d" % R.randint(1, 9)])
    w = online[host]
    if safe(c.create_game, w, gname, pw, sides=R.randint(2, 4), with_mp=R.random() > 0.1,
            ignored=R.choice(["", "", uname()])) is None:
        return
    time.sleep(0.3)
    # find id from the gamelist diff
    gid = None
    others = [n for n in online if n != host]
    R.shuffle(others)
    for n in others[:1]:
        safe(online[n].send, c.tag("refresh_lobby"))
        for m in (online[n].drain(0.4) if n in online else []):
            import re
            for mm in re.finditer(r'\[game\][^\[]*?id="(\d+)"[^\[]*?name="%s"' % re.escape(gname), m, re.S):
                gid = int(mm.group(1))
    if gid is None:
        gid = R.randint(1, 40)
    joiners = others[:R.randint(1, 3)]
    for n in joiners:
        if R.random() < 0.25 and pw:
            safe(c.join, online[n], gid, "wrong%d" % R.randint(1, 99))
            time.sleep(0.1)
        safe(c.join, online[n], gid, pw, observe=R.random() < 0.3)
        time.sleep(0.1)
    if R.random() < 0.2:  # scenario data sent again
        safe(c.create_game, w, gname, pw, scenario_only=True)
    if R.random() < 0.7:
        safe(c.start, w)
        time.sleep(0.2)
        for _ in range(R.randint(0, 3)):
            n = R.choice(joiners + [host])
            if n in online: safe(c.msg, online[n], text())
    time.sleep(R.uniform(0.2, 1.0))
    for n in joiners:
        if n in online:
            if R.random() < 0.8: safe(c.leave, online[n])
            else: drop(n, abrupt=R.random() < 0.5)
    if R.random() < 0.7:
        safe(c.leave, w)
    else:
        drop(host, abrupt=R.random() < 0.5)
    time.sleep(0.2)

end = time.time() + DUR
while time.time() < end:
    try:
        act()
    except Exception as e:  # keep going; this is a load generator
        print("driver:", type(e).__name__, e, file=sys.stderr)
    time.sleep(R.uniform(0.02, 0.2))
for n in list(online):
    drop(n, abrupt=R.random() < 0.3)
