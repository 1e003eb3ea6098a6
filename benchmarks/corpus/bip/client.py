#!/usr/bin/env python3
"""IRC client scenarios against bip (127.0.0.1:34100) or directly against ngircd (34101)."""
import random, socket, sys, time

BIP = ("127.0.0.1", 34100)
IRCD = ("127.0.0.1", 34101)

def junk(n):
    """printable ASCII garbage with tabs (keeps the log valid UTF-8)"""
    return bytes(random.choice(b"\t !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~") for _ in range(n))

class C:
    def __init__(self, addr, timeout=3):
        self.s = socket.create_connection(addr, timeout=timeout)
        self.s.settimeout(0.3)
    def send(self, line):
        try:
            self.s.sendall((line + "\r\n").encode("utf-8", "surrogateescape"))
        except OSError:
            pass
    def raw(self, data):
        try:
            self.s.sendall(data)
        except OSError:
            pass
    def drain(self, t=0.5):
        end = time.time() + t
        buf = b""
        while time.time() < end:
            try:
                d = self.s.recv(65536)
                if not d:
                    break
                buf += d
                for l in buf.split(b"\r\n"):
                    if l.startswith(b"PING"):
                        self.send("PONG" + l[4:].decode(errors="replace"))
            except socket.timeout:
                pass
            except OSError:
                break
        return buf
    def close(self):
        try:
            self.s.close()
        except OSError:
            pass

USERS = {"alice": ("alicepw", ["local", "dead", "second", "sasl"]),
         "bob": ("bobpw", ["local"]),
         "carol": ("carolpw", ["local"])}
CHANS = ["#test", "#bip", "#random", "#dev", "#ops"]

def login(user, pw, conn, nick=None):
    c = C(BIP)
    c.send(f"PASS {user}:{pw}:{conn}")
    c.send(f"NICK {nick or user}")
    c.send(f"USER {user} 0 * :{user} real")
    c.drain(1.0)
    return c

def session(user):
    pw, conns = USERS[user]
    conn = random.choice(conns)
    c = login(user, pw, conn)
    for ch in random.sample(CHANS, random.randint(1, 3)):
        c.send(f"JOIN {ch}")
        c.drain(0.3)
        for _ in range(random.randint(1, 4)):
            c.send(f"PRIVMSG {ch} :hello {random.randint(0, 9999)} from {user}")
        if random.random() < 0.4:
            c.send(f"TOPIC {ch} :topic {random.randint(0, 99)}")
        if random.random() < 0.3:
            c.send(f"PART {ch} :bye")
    cmds = ["BIP HELP", "BIP LIST networks", "BIP LIST connections", "BIP LIST users",
            "BIP LIST all_connections", "BIP LIST all_links", "BIP LIST", "BIP LIST garbage",
            f"BIP INFO user {user}", "BIP INFO", "BIP INFO foo bar", "BIP BLRESET", "BIP BLRESET -q",
            "BIP BACKLOG 5", "BIP BACKLOG", "BIP FOLLOW_NICK true", "BIP FOLLOW_NICK",
            "BIP IGNORE_FIRST_NICK false", "BIP AWAY_NICK away_" + user, "BIP AWAY_NICK",
            "BIP ON_CONNECT_SEND", "BIP HELP LIST", "BIP HELP a b",
            "BIP NOSUCHCMD", "BIP TRUST", "BIP RELOAD", "BIP ADD_CONN extra local", "BIP ADD_CONN",
            "BIP DEL_CONN extra", "BIP DEL_CONN", "BIP JUMP", "BIP"]
    for cmd in random.sample(cmds, random.randint(3, 10)):
        if cmd in ("BIP RELOAD", "BIP JUMP") and random.random() < 0.6:
            continue
        c.send(cmd)
        c.drain(0.3)
    if random.random() < 0.5:
        c.send(f"PRIVMSG {random.choice(['bob', 'carol', 'alice', 'nobody'])} :private {random.randint(0, 99)}")
    if random.random() < 0.3:
        c.send(f"NICK {user}{random.randint(1, 99)}")
    if random.random() < 0.3:
        c.send("AWAY :gone")
    c.send("WHOIS " + user)
    if random.random() < 0.6:
        c.send("WHO " + random.choice(CHANS))
    if random.random() < 0.4:
        c.send("MODE " + random.choice(CHANS) + " b")
    c.send("MODE " + random.choice(CHANS))
    c.drain(0.5)
    how = random.choice(["quit", "close", "close", "garbage"])
    if how == "quit":
        c.send("QUIT :leaving")
    elif how == "garbage":
        c.raw(junk(200) + b"\r\n")
        c.send(":" * 50)
        c.send("PRIVMSG")
        c.send("JOIN")
    c.drain(0.3)
    c.close()

def badauth():
    c = C(BIP)
    kind = random.choice(["wrongpw", "nouser", "noconn", "nopass", "badformat", "early", "nocolon"])
    if kind == "wrongpw":
        c.send(f"PASS alice:wrong{random.randint(0, 99)}:local")
    elif kind == "nouser":
        c.send(f"PASS mallory{random.randint(0, 99)}:x:local")
    elif kind == "noconn":
        c.send(f"PASS bob:bobpw:nosuchconn{random.randint(0, 9)}")
    elif kind == "badformat":
        c.send("PASS ::::")
    elif kind == "nocolon":
        c.send("PASS justapassword")
    elif kind == "early":
        c.send("PRIVMSG #test :not logged in")
        c.send("JOIN #test")
    c.send(f"NICK intruder{random.randint(0, 999)}")
    c.send("USER x 0 * :x")
    c.drain(1.0)
    c.close()

def garbage():
    c = C(BIP)
    c.raw(junk(random.randint(10, 600)))
    if random.random() < 0.5:
        c.raw(b"A" * 700 + b"\r\n")
    c.drain(0.5)
    c.close()

def connect_drop():
    c = C(BIP)
    c.close()

def direct_user():
    """A user connected directly to the IRC server, talking to the bip users."""
    c = C(IRCD)
    n = f"zed{random.randint(0, 999)}"
    c.send(f"NICK {n}")
    c.send(f"USER {n} 0 * :direct")
    c.drain(0.5)
    for ch in random.sample(CHANS, 2):
        c.send(f"JOIN {ch}")
        c.send(f"PRIVMSG {ch} :hi from {n}")
        if random.random() < 0.5:
            c.send(f"MODE {ch} +o alice")
            c.send(f"KICK {ch} bob :kicked")
    c.send(f"PRIVMSG alice :hey alice {random.randint(0, 9)}")
    c.send(f"NOTICE bob :notice for bob")
    c.drain(0.5)
    c.send("QUIT :done")
    c.close()

def main():
    random.seed()
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    actions = [lambda: session(random.choice(list(USERS))), badauth, garbage, connect_drop, direct_user]
    weights = [5, 3, 1, 1, 2]
    for _ in range(n):
        try:
            random.choices(actions, weights)[0]()
        except OSError as e:
            print("client error:", e, file=sys.stderr)
        time.sleep(random.random() * 0.3)

if __name__ == "__main__":
    main()
