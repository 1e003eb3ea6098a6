"""One scripted IRC client session against BitlBee (127.0.0.1:24201). Usage: clients.py SCENARIO
Scenarios: session (a long random mix of everything below), full, wrongid, bad, odd, irc, garbage, drop, idle."""
import os, random, socket, sys, threading, time

BB = ("127.0.0.1", 24201)
XMPP_USERS = ["bob", "carol", "dave", "erin", "frank"]
NICKS = ["alice", "bruno", "chloe", "dmitri", "eva", "femi", "gus", "hana"]
R = random.Random()

class Client:
    def __init__(self, nick):
        self.nick = nick; self.lines = []; self.s = socket.create_connection(BB, timeout=5)
        threading.Thread(target=self.reader, daemon=True).start()
        self.send("NICK " + nick); self.send("USER %s 0 * :%s user" % (nick, nick)); time.sleep(0.8)
    def reader(self):
        buf = b""
        try:
            while True:
                d = self.s.recv(65536)
                if not d: break
                buf += d
                *done, buf = buf.split(b"\r\n")
                for l in done:
                    l = l.decode(errors="replace"); self.lines.append(l)
                    if l.startswith("PING"): self.send("PONG" + l[4:])
        except OSError: pass
    def send(self, l, wait=0.0):
        try: self.s.sendall((l + "\r\n").encode())
        except OSError: pass
        time.sleep(wait)
    def root(self, cmd, wait=0.6): self.send("PRIVMSG &bitlbee :" + cmd, wait)
    def seen(self, text): return any(text in l for l in self.lines)
    def quit(self):
        if R.random() < 0.2: self.s.close(); return  # vanish without QUIT
        self.send("QUIT :bye %d" % R.randint(1, 99), 0.5); self.s.close()

def login(c, pw):
    c.root("identify " + pw, 1.5)
    if c.seen("not registered"):
        c.root("register " + pw, 1.0); return True
    return False

def add_jabber(c, user, right=True, port=24222, security=None):
    pw = "pw-" + user if right else "wrong%d" % R.randint(1, 999)
    c.root("account add jabber %s@r19.test %s" % (user, pw))
    c.root("account jabber set connect_server 127.0.0.1")
    c.root("account jabber set port %d" % port)
    c.root("account jabber set connection_security " + (security or R.choice(["opportunistic_tls"] * 12 + ["require_tls", "old_ssl"])))
    c.root("account jabber set auth_plain_in_clear " + R.choice(["true"] * 8 + ["false"]))
    if R.random() < 0.3: c.root("account jabber set resource bee%d" % R.randint(1, 99))

def full():
    nick = R.choice(NICKS); c = Client(nick); new = login(c, "pw-" + nick)
    if new or R.random() < 0.4:
        c.root("account del jabber", 0.3)
        add_jabber(c, R.choice(XMPP_USERS), right=R.random() < 0.85)
    if R.random() < 0.3: c.root("set " + R.choice(["away_devoice false", "typing_notice true", "handle_unknown add_channel", "private true", "nick_format %full_name"]))
    c.root("account on", R.uniform(2, 5))
    for _ in range(R.randint(0, 2)):
        c.root("add jabber %s@r19.test" % R.choice(XMPP_USERS), 1)
    for _ in range(R.randint(0, 4)):
        c.send("PRIVMSG %s :message %d from %s" % (R.choice(XMPP_USERS), R.randint(1, 9999), nick), R.uniform(0.3, 1.5))
    if R.random() < 0.5:
        room = "room%d" % R.randint(1, 4)
        c.root("chat add jabber %s@conference.r19.test #%s" % (room, room), 0.5)
        c.send("JOIN #" + room, R.uniform(1, 3))
        for _ in range(R.randint(1, 3)):
            c.send("PRIVMSG #%s :hello room %d" % (room, R.randint(1, 999)), 0.7)
        if R.random() < 0.5: c.send("TOPIC #%s :topic %d" % (room, R.randint(1, 99)), 0.5)
        c.send("PART #" + room, 0.5)
    if R.random() < 0.3: c.root("remove " + R.choice(XMPP_USERS), 0.5)
    if R.random() < 0.3: c.root("info " + R.choice(XMPP_USERS), 1)
    if R.random() < 0.3: c.send("AWAY :gone %d" % R.randint(1, 99), 1)
    time.sleep(R.uniform(1, 6))
    if R.random() < 0.4: c.root("account off", 1)
    if R.random() < 0.5: c.root("save", 0.5)
    c.quit()

def wrongid():
    c = Client(R.choice(NICKS)); c.root("identify nope%d" % R.randint(1, 999), 1.5); c.quit()

def bad():
    c = Client("tmp%d" % R.randint(1, 9999))
    for _ in range(R.randint(2, 6)):
        cmd = R.choice(["blah%d" % R.randint(1, 99), "account add nosuchproto x y", "account del nosuchacct",
                        "account 9 on", "set nosuchsetting 1", "help " + R.choice(["account", "commands", "quickstart", "nosuchtopic"]),
                        "chat add nosuch room", "add 7 someone", "identify", "register", "blist", "channel list",
                        "transfer", "qlist", "plugins", "account list", "no", "yes"])
        c.root(cmd, 0.4)
    c.send("FOO bar", 0.3); c.send("JOIN #nowhere%d" % R.randint(1, 9), 0.3); c.send("PRIVMSG nobody%d :hi" % R.randint(1, 9), 0.3)
    c.quit()

def odd():
    c = Client("odd%d" % R.randint(1, 99)); c.root("identify x", 0.5)
    port = R.choice([24231, 24232, 24239])
    add_jabber(c, R.choice(XMPP_USERS), port=port, security="opportunistic_tls")
    c.root("account on", R.uniform(3, 8)); c.root("account off", 0.5); c.quit()

def irc():
    nick = "ir%d" % R.randint(1, 99); c = Client(nick); c.root("identify x", 0.5)
    pw = R.choice(["goodpw", "goodpw", "badpw%d" % R.randint(1, 9)])
    c.root("account add irc %s@127.0.0.1 %s" % (nick, pw)); c.root("account irc set port 24230")
    c.root("account irc on", R.uniform(2, 4))
    ch = "#chan%d" % R.randint(1, 5)
    c.root("chat add irc %s" % ch, 0.4); c.send("JOIN " + ch, 1.5)
    for _ in range(R.randint(1, 4)):
        c.send("PRIVMSG %s :irc says %d" % (ch, R.randint(1, 999)), 0.5)
    c.send("PRIVMSG ircbot :hi bot %d" % R.randint(1, 99), 1)
    c.quit()

def garbage():
    s = socket.create_connection(BB, timeout=3)
    s.sendall(R.choice([os.urandom(R.randint(10, 600)), b"GET / HTTP/1.0\r\n\r\n", b"NICK\r\nUSER\r\n" * 3, b":x PRIVMSG\r\n"]))
    time.sleep(R.uniform(0.2, 1.5)); s.close()

def drop():
    nick = "temp%d" % R.randint(1, 999); c = Client(nick)
    c.root("register pw-" + nick, 1); c.root("drop pw-" + nick, 0.8); c.root("drop pw-" + nick, 0.8); c.quit()

def idle():
    c = Client(R.choice(NICKS)); login(c, "pw-" + c.nick); time.sleep(R.uniform(5, 15)); c.quit()

def session():
    """One long connection doing a random mix: BitlBee forks (and initialises libpurple) per connection."""
    nick = R.choice(NICKS + ["new%d" % R.randint(1, 999)]); c = Client(nick)
    if R.random() < 0.25: c.root("identify wrong%d" % R.randint(1, 99), 1)
    new = login(c, "pw-" + nick)
    tags = []
    if new or R.random() < 0.4:
        c.root("account jabber off", 0.5); c.root("account del jabber", 0.3)
        add_jabber(c, R.choice(XMPP_USERS), right=R.random() < 0.85); tags.append("jabber")
    else:
        tags.append("jabber")
    if R.random() < 0.4:
        pw = R.choice(["goodpw", "goodpw", "badpw%d" % R.randint(1, 9)])
        c.root("account add irc %s@127.0.0.1 %s" % (nick, pw)); c.root("account irc set port 24230"); tags.append("irc")
    if R.random() < 0.25:
        c.root("account add jabber %s@r19.test pw-x" % R.choice(XMPP_USERS)); c.root("account jabber2 set connect_server 127.0.0.1")
        c.root("account jabber2 set port %d" % R.choice([24231, 24232, 24239])); c.root("account jabber2 set connection_security opportunistic_tls")
    c.root("account on", R.uniform(2, 5))
    for _ in range(R.randint(6, 16)):
        a = R.randint(0, 14)
        if a <= 3:
            c.send("PRIVMSG %s :message %d from %s" % (R.choice(XMPP_USERS), R.randint(1, 9999), nick), R.uniform(0.3, 1.5))
        elif a == 4:
            c.root("add jabber %s@r19.test" % R.choice(XMPP_USERS), 1)
        elif a == 5:
            c.root("remove " + R.choice(XMPP_USERS), 0.5)
        elif a == 6:
            room = "room%d" % R.randint(1, 4)
            c.root("chat add jabber %s@conference.r19.test #%s" % (room, room), 0.5); c.send("JOIN #" + room, R.uniform(1, 3))
            for _ in range(R.randint(1, 3)): c.send("PRIVMSG #%s :hello room %d" % (room, R.randint(1, 999)), 0.7)
            if R.random() < 0.4: c.send("TOPIC #%s :topic %d" % (room, R.randint(1, 99)), 0.5)
            c.send("PART #" + room, 0.5)
        elif a == 7 and "irc" in tags:
            ch = "#chan%d" % R.randint(1, 5)
            c.root("chat add irc %s" % ch, 0.4); c.send("JOIN " + ch, 1.5)
            for _ in range(R.randint(1, 3)): c.send("PRIVMSG %s :irc says %d" % (ch, R.randint(1, 999)), 0.5)
            c.send("PRIVMSG ircbot :hi bot %d" % R.randint(1, 99), 0.8)
        elif a == 8:
            c.root(R.choice(["blah%d" % R.randint(1, 99), "account add nosuchproto x y", "account del nosuchacct", "account 9 on",
                             "set nosuchsetting 1", "help " + R.choice(["account", "commands", "nosuchtopic"]), "chat add nosuch room",
                             "add 7 someone", "identify", "register", "blist", "channel list", "transfer", "qlist", "plugins", "account list", "no", "yes"]), 0.5)
        elif a == 9:
            c.root("info " + R.choice(XMPP_USERS), 1)
        elif a == 10:
            c.send("AWAY :gone %d" % R.randint(1, 99), 1); c.send("AWAY", 0.5)
        elif a == 11:
            t = R.choice(tags); c.root("account %s off" % t, 1); c.root("account %s on" % t, R.uniform(1, 3))
        elif a == 12:
            c.root("set " + R.choice(["away_devoice false", "typing_notice true", "handle_unknown add_channel", "private true", "nick_format %full_name"]), 0.5)
        elif a == 13:
            c.send("FOO bar", 0.3); c.send("PRIVMSG nobody%d :hi" % R.randint(1, 9), 0.3)
        else:
            time.sleep(R.uniform(1, 4))
    if R.random() < 0.4: c.root("account off", 1)
    if R.random() < 0.5: c.root("save", 0.5)
    if nick.startswith("new") and R.random() < 0.5: c.root("drop pw-" + nick, 0.8); c.root("drop pw-" + nick, 0.8)
    c.quit()

try:
    {"session": session, "full": full, "wrongid": wrongid, "bad": bad, "odd": odd, "irc": irc, "garbage": garbage, "drop": drop, "idle": idle}[sys.argv[1]]()
except OSError:
    pass
