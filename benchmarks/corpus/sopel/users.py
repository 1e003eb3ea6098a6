"""Random IRC users talking to the Sopel bot on 127.0.0.1:15667."""
import random, socket, sys, time, threading

PORT = 15667
N = int(sys.argv[1]) if len(sys.argv) > 1 else 30
BOT = "Sopelbot"


class User:
    def __init__(self, nick):
        self.nick = nick
        self.s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
        self.send("PASS letmein"); self.send("NICK %s" % nick); self.send("USER %s 0 * :%s" % (nick, nick))
        self.buf = b""
        threading.Thread(target=self.reader, daemon=True).start()
        time.sleep(0.5)

    def reader(self):
        try:
            while True:
                d = self.s.recv(4096)
                if not d:
                    return
                self.buf += d
                while b"\r\n" in self.buf:
                    line, self.buf = self.buf.split(b"\r\n", 1)
                    if line.startswith(b"PING"):
                        self.send("PONG" + line[4:].decode())
        except Exception:
            pass

    def send(self, line):
        try:
            self.s.sendall(line.encode() + b"\r\n")
        except Exception:
            pass

    def say(self, target, text):
        self.send("PRIVMSG %s :%s" % (target, text))


PUBLIC = [".help", ".help calc", ".help nosuchcommand", ".commands", ".calc 2+3*4", ".calc 1/0", ".calc 2**999999",
          ".calc abc", ".choose tea, coffee, water", ".choose", ".roll 3d6", ".roll 2d6+4", ".roll garbage",
          ".roll 1000d1000", ".rand", ".rand 1 10", ".rand ten", ".ping", ".t UTC", ".t Nowhere/Bogus",
          ".setlocation Paris", ".countdown 2030 1 1", ".countdown soon", ".u 263A", ".u zzzz", ".u ☃",
          ".seen alice", ".seen nobodyhere", ".tell bob remember the milk", ".tell", ".uptime", ".version",
          ".lmgtfy sopel bot", ".pronouns",
          ".c 5 km in miles", ".length 3 m", ".temp 100C", ".nosuchcmd", "hello Sopelbot", "Sopelbot: hi",
          "s/hello/goodbye/", "just chatting here", "o/", ".choose a|b|c", ".dice", ".shrug", ".lenny", ".tableflip", ".d 1d20", ".roll 4d4", ".leap 2024",
          ".tz", ".gettz", ".settz Europe/Paris", ".time", ".weather"]
ADMIN = [".join #extra", ".part #extra", ".msg #test admin says hi", ".me #test waves", ".set core.prefix \\.",
         ".mode +i", ".save", ".op", ".topic new topic", ".kick bob", ".tmask {}", ".showmask", ".reload calc",
         ".reload nosuchplugin", ".quiet bob", ".ban nobody"]
CTCP = ["\x01VERSION\x01", "\x01PING 12345\x01", "\x01TIME\x01", "\x01SOURCE\x01", "\x01ACTION dances\x01"]

nicks = random.sample(["alice", "bob", "carol", "dave", "erin", "mallory"], 3) + ["boss", "helper"]
users = {}
for n in nicks:
    try:
        users[n] = User(n)
        users[n].send("JOIN #test,#dev")
    except Exception:
        pass
time.sleep(1)
for i in range(N):
    n = random.choice(list(users))
    u = users[n]
    r = random.random()
    if r < 0.55:
        u.say(random.choice(["#test", "#dev"]), random.choice(PUBLIC))
    elif r < 0.7:
        u.say(BOT, random.choice(PUBLIC + ADMIN))
    elif r < 0.85:
        u.say(random.choice(["#test", BOT]), random.choice(ADMIN))
    elif r < 0.92:
        u.say(BOT, random.choice(CTCP))
    elif r < 0.95:
        u.send("PART #test :bye"); time.sleep(0.3); u.send("JOIN #test")
    elif r < 0.97:
        u.send("NICK %s_%d" % (n, i)); time.sleep(0.3); u.send("NICK %s" % n)
    else:
        u.send("INVITE %s #dev" % BOT)
    time.sleep(random.uniform(0.3, 1.1))
for n, u in users.items():
    u.send("QUIT :done")
