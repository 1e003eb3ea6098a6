#!/usr/bin/env python3
"""Randomised IRC users talking to the Limnoria bot through the loopback ircd."""
import random, socket, sys, time, threading

PORT, NUSERS, ROUNDS = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
ADMIN = len(sys.argv) > 4 and sys.argv[4] == "admin"
rnd = random.Random()
BOT = "LoopBot"

PUBLIC = ["echo hello $nick", "calc 2+2*{n}", "calc 1/0", "calc sqrt(-1)", "calc 10**{n}", "icalc 7/2",
          "rpn 1 2 + 3 *", "convert 10 km to mi", "convert 3 parsecs to bananas", "rot13 secret{n}",
          "len abcdefg", "md5 foo{n}", "sha abc", "upper", "seen {other}", "seen nobody{n}", "karma {other}",
          "later tell {other} ping {n}", "later notes", "note send {other} hi there", "topic add item {n}",
          "topic list", "topic remove 9", "list", "list Math", "help calc", "help nosuchcmd{n}",
          "status uptime", "status cpu", "status net", "ping", "nonexistentcmd{n}", "echo [calc 3*3]",
          "echo [unterminated", "dice 2d6", "dice 99d99999", "8ball will it work?", "roulette", "coin",
          "time", "utilities last foo bar", "whoami", "more", "config supybot.nick", "config list supybot.log",
          "channel op", "admin join #secret", "owner flush", "load Quote", "user register u{n} pw{n}",
          "user identify admin wrongpw", "misc apropos karma", "string levenshtein kitten sitting",
          "aka add foo{n} echo bar", "alias add bar{n} echo baz", "herald add {other} welcome",
          "success", "capabilities", "user changename x y", "topic set new topic {n}", "hostmask"]
ADMINCMD = ["identify admin s3cret", "owner flush", "reload Math", "unload Games", "load Games",
            "load Quote", "unload Quote", "config supybot.reply.whenNotCommand false",
            "config supybot.reply.whenNotCommand true", "admin join #extra", "admin part #extra",
            "admin ignore add nuisance!*@*", "admin ignore remove nuisance!*@*", "admin channels",
            "channel op #test LoopBot", "owner defaultcapability add -games", "owner defaultcapability remove -games",
            "load NoSuchPlugin", "unload NotLoaded", "reload Herald", "owner logmark workload mark",
            "admin nick LoopBot", "owner rename Math calc mathcalc", "owner unrename Math",
            "topic add admin item", "channel kban #test nuisance", "owner announce hello all"]

class User:
    def __init__(self, nick):
        self.nick = nick
        self.s = socket.create_connection(("127.0.0.1", PORT), timeout=5,
                                          source_address=(f"127.0.{rnd.randint(0, 9)}.{rnd.randint(2, 250)}", 0))
        self.buf = b""
        self.send(f"NICK {nick}"); self.send(f"USER {nick.lower()} 0 * :{nick}")
        t = threading.Thread(target=self.reader, daemon=True); t.start()
    def send(self, line):
        try: self.s.sendall((line + "\r\n").encode())
        except OSError: pass
    def reader(self):
        try:
            while True:
                d = self.s.recv(4096)
                if not d: break
                self.buf += d
                while b"\r\n" in self.buf:
                    l, self.buf = self.buf.split(b"\r\n", 1)
                    if l.startswith(b"PING"): self.send("PONG" + l.decode()[4:])
        except OSError:
            pass
    def close(self, quit=True):
        if quit: self.send(f"QUIT :{rnd.choice(['bye', 'leaving', 'gone'])}")
        time.sleep(0.1)
        try: self.s.close()
        except OSError: pass

def fill(c, users, u):
    others = [x.nick for x in users if x is not u] or [BOT]
    return c.format(n=rnd.randint(1, 99), other=rnd.choice(others + ["ghost"]))

users = []
for i in range(NUSERS):
    users.append(User(f"{rnd.choice(['alice','bob','carol','dave','erin','frank','grace'])}{rnd.randint(1,999)}"))
    time.sleep(0.2)
time.sleep(0.8)
for u in users:
    for ch in rnd.sample(["#test", "#ops", "#test,#ops"], 1):
        u.send(f"JOIN {ch}")
    time.sleep(0.3)
if ADMIN:
    a = users[0]
    a.send(f"PRIVMSG {BOT} :identify admin {rnd.choice(['wrong', 'nope'])}")
    time.sleep(0.5)
flooded = set()
for r in range(ROUNDS):
    u = rnd.choice(users)
    if u.nick in flooded:
        continue
    x = rnd.random()
    if ADMIN and u is users[0] and x < 0.6:
        cmd = fill(rnd.choice(ADMINCMD), users, u)
        u.send(f"PRIVMSG {BOT} :{cmd}" if rnd.random() < 0.5 else f"PRIVMSG #test :!{cmd}")
    elif x < 0.55:
        u.send(f"PRIVMSG #test :!{fill(rnd.choice(PUBLIC), users, u)}")
    elif x < 0.65:
        u.send(f"PRIVMSG {BOT} :{fill(rnd.choice(PUBLIC), users, u)}")
    elif x < 0.72:
        u.send(f"PRIVMSG #test :{BOT}: {fill(rnd.choice(PUBLIC), users, u)}")
    elif x < 0.8:
        u.send(f"PRIVMSG #test :{rnd.choice(['hi all', 'anyone here?', 'lol', 'brb'])} {rnd.choice([x.nick for x in users])}++")
    elif x < 0.84:
        u.send(f"PRIVMSG #test :\x01ACTION {rnd.choice(['waves', 'sighs', 'dances'])}\x01")
    elif x < 0.87:
        u.send(f"PRIVMSG {BOT} :\x01{rnd.choice(['VERSION', 'PING 12345', 'TIME', 'FINGER', 'BOGUS'])}\x01")
    elif x < 0.9:
        u.send(f"PART #test :{rnd.choice(['later', 'bye'])}"); time.sleep(0.2); u.send("JOIN #test")
    elif x < 0.93:
        new = u.nick + "_"
        u.send(f"NICK {new}"); u.nick = new
    elif x < 0.95:
        u.send(f"TOPIC #test :topic set by {u.nick} {rnd.randint(1,999)}")
    elif x < 0.96 and not (ADMIN and u is users[0]):
        flooded.add(u.nick)
        for _ in range(15):
            u.send(f"PRIVMSG {BOT} :echo flood {rnd.randint(1,9)}")
    else:
        u.send(f"NOTICE {BOT} :just a notice")
    time.sleep(rnd.uniform(0.05, 0.35))
time.sleep(1.5)
for u in users:
    u.close(quit=rnd.random() < 0.8)
