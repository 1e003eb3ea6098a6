#!/usr/bin/env python3
"""Randomised OpenTTD workload (used by workload.sh): python3 oload.py GAMEPORT ADMINPORT CONSOLE_FIFO SECONDS"""
import random, socket, struct, sys, threading, time
import ottclient as o

GP, AP, FIFO, DUR = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
R = random.Random()
NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory",
         "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yuki"]
WORDS = "hello need more trains build a road bus stop here money is low nice station lol who took my coal mine".split()
saves = ["base"]

def text(n=None): return " ".join(R.choice(WORDS) for _ in range(n or R.randint(1, 6)))
def src(): return "127.0.0.%d" % R.randint(2, 9)
def name(): return R.choice(NAMES) + (str(R.randint(1, 99)) if R.random() < 0.4 else "")

def console(cmd):
    try:
        with open(FIFO, "w") as f: f.write(cmd + "\n")
    except OSError: pass

def cmd_list():
    sv = "r20_%s_%d" % (R.choice(["auto", "snap", "test", "backup"]), R.randint(1, 999))
    c = R.choice(["save", "save", "load", "load_missing", "reset_company", "companies", "clients", "status",
                  "pause", "unpause", "say", "kick", "ban", "unban", "banlist", "getseed", "server_info",
                  "set", "get", "bogus", "restart", "newgame", "move", "rescan_newgrf", "date"])
    if c == "save": saves.append(sv); return "save " + sv
    if c == "load":
        console("ls"); time.sleep(0.5)
        return "load " + R.choice(saves)
    if c == "load_missing": return "load nosuch_%d" % R.randint(1, 999)
    if c == "reset_company": return "reset_company %d" % R.randint(1, 6)
    if c == "say": return 'say "%s"' % text()
    if c == "kick": return "kick %s" % R.choice([str(R.randint(2, 40)), name()])
    if c == "ban": return "ban %s" % R.choice([src(), name(), str(R.randint(2, 40))])
    if c == "unban": return "unban %s" % R.choice([src(), "1", name()])
    if c == "set": return "setting %s" % R.choice(["max_loan %d" % (R.randint(1, 30) * 10000), "pause_on_join %s" % R.choice(["on", "off"]),
                                                   "min_active_clients %d" % R.randint(0, 2), "nonexistent_setting 3", "autosave monthly"])
    if c == "get": return "setting %s" % R.choice(["max_loan", "server_name", "max_clients", "bogus_name"])
    if c == "bogus": return R.choice(["frobnicate", "helpme %d" % R.randint(1, 9), "exec missing_%d.scr" % R.randint(1, 99)])
    if c == "restart": return R.choice(["restart", "newgame %d" % R.randint(1, 99999)]) if R.random() < 0.3 else "status"
    if c == "newgame": return "status"
    if c == "move": return "move %d %d" % (R.randint(1, 12), R.randint(1, 255))
    return c

def admin_session():
    try:
        a = o.Admin(AP, src=src())
    except OSError:
        return
    pw = "adminpw" if R.random() < 0.75 else R.choice(["admin", "hunter2", "", "adminpw "])
    r = a.join(pw, name=R.choice(["r20bot", "monitor", "ottd-relay", "stats"]) + str(R.randint(1, 9)), version="%d.%d" % (R.randint(0, 3), R.randint(0, 9)))
    if pw != "adminpw" or not r:
        a.close(); return
    try:
        for _ in range(R.randint(1, 5)):
            k = R.randint(0, 9)
            if k <= 4: a.rcon(cmd_list())
            elif k == 5: a.chat(text())
            elif k == 6: a.ping(R.randint(1, 2**31))
            elif k == 7: a.freq(R.randint(0, 9), R.choice([1, 2, 4, 64, 0x80]))
            elif k == 8: a.poll(R.randint(0, 9), R.choice([0xFFFFFFFF, R.randint(1, 10)]))
            else: a.gamescript('{"action": "%s", "id": %d}' % (R.choice(WORDS), R.randint(1, 99)))
            time.sleep(R.uniform(0.1, 0.6))
            a.drain(0.1)
        if R.random() < 0.2: a.send(R.randint(8, 99), b"junk")
        if R.random() < 0.7: a.quit()
        time.sleep(0.2)
    except OSError:
        pass
    a.close()

def player_session():
    k = R.randint(0, 11)
    try:
        if k <= 4:
            o.player(GP, name(), "gamepw", stay=R.uniform(1, 8), chat=text() if R.random() < 0.6 else None,
                     rcon=(R.choice(["rconpw", "rconpw", "wrong", "admin"]), cmd_list()) if R.random() < 0.4 else None,
                     src=src(), quit=R.random() < 0.7, company=R.choice([255, 255, 254, 1, 2]))
        elif k == 5:  # stop acking -> lag / timeout
            o.player(GP, name(), "gamepw", stay=R.uniform(5, 25), ack=False, src=src())
        elif k in (6, 7):  # wrong game password
            g = o.Game(GP, src=src()); r = g.join(name())
            if r and r[0] == 10: g.password(R.choice(["wrong", "gamepw1", "", "GAMEPW", "letmein"]))
            g.close()
        elif k == 8:  # wrong revision / bad newgrf version
            g = o.Game(GP, src=src()); g.join(name(), revision=R.choice(["12.2", "1.11.2", "14.0-beta1", "13.4"])); g.close()
        elif k == 9:  # server query
            g = o.Game(GP, src=src()); g.game_info(); g.close()
        elif k == 10:  # never sends the password (password timeout) or garbage
            g = o.Game(GP, src=src())
            if R.random() < 0.5:
                g.join(name()); time.sleep(R.uniform(1, 12))
            else:
                g.s.sendall(R.choice([b"\x03\x00\x63", b"GET / HTTP/1.0\r\n\r\n", bytes(R.randrange(256) for _ in range(R.randint(3, 40)))]))
                time.sleep(0.5)
            g.close()
        else:  # duplicate names
            n = name()
            t = threading.Thread(target=o.player, args=(GP, n, "gamepw"), kwargs={"stay": 4, "src": src()})
            t.start(); time.sleep(1.0)
            o.player(GP, n, "gamepw", stay=1, src=src()); t.join()
    except (OSError, EOFError, struct.error):
        pass

end = time.time() + DUR
threads = []
while time.time() < end:
    r = R.random()
    if r < 0.45: t = threading.Thread(target=player_session)
    elif r < 0.75: t = threading.Thread(target=admin_session)
    else:
        console(cmd_list()); time.sleep(R.uniform(0.2, 1.0)); continue
    t.daemon = True; t.start(); threads.append(t)
    threads = [t for t in threads if t.is_alive()]
    while len(threads) > 5:
        time.sleep(0.2); threads = [t for t in threads if t.is_alive()]
    time.sleep(R.uniform(0.3, 1.5))
for t in threads: t.join(30)
