#!/usr/bin/env python3
"""Randomised IRC client workload against the test ircd (127.0.0.1:41667).

usage: irc_driver.py <phase> [seed]
phases: clients, bad, flood, garbage, fakeserver, oper, restart, die
"""
import random
import socket
import sys
import threading
import time

HOST = "127.0.0.1"
PORT = 41667
R = random.Random()
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "fox", "golf", "hotel", "india", "juliet",
         "kilo", "lima", "mike", "nova", "oscar", "papa", "quebec", "romeo", "sierra", "tango"]


def rnick(prefix=None):
    return (prefix or R.choice(WORDS)) + str(R.randint(1, 9999))


class Client:
    def __init__(self, src="127.0.0.1", timeout=6.0, port=PORT):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.bind((src, 0))
        self.sock.connect((HOST, port))
        self.buf = b""
        self.alive = True

    def send(self, line):
        try:
            if isinstance(line, str):
                line = line.encode("utf-8", "replace")
            self.sock.sendall(line + b"\r\n")
        except OSError:
            self.alive = False

    def raw(self, data):
        try:
            self.sock.sendall(data)
        except OSError:
            self.alive = False

    def read_until(self, needles, limit=8.0):
        """read lines until one contains any of needles; answer PINGs."""
        end = time.time() + limit
        got = []
        while time.time() < end and self.alive:
            while b"\n" in self.buf:
                line, self.buf = self.buf.split(b"\n", 1)
                text = line.decode("utf-8", "replace").rstrip("\r")
                got.append(text)
                if text.startswith("PING"):
                    self.send("PONG " + text.split(" ", 1)[1])
                if any(n in text for n in needles):
                    return text, got
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                continue
            except OSError:
                self.alive = False
                break
            if not data:
                self.alive = False
                break
            self.buf += data
        return None, got

    def drain(self, t=0.3):
        self.read_until(["\x00never"], t)

    def register(self, nick, user=None, real="Test User", password=None):
        if password:
            self.send("PASS " + password)
        self.send("NICK " + nick)
        self.send("USER %s 0 * :%s" % (user or nick[:8], real))
        line, got = self.read_until([" 001 ", " 433 ", " 432 ", "ERROR", " 464 "], 10)
        if line and " 433 " in line:
            nick = rnick()
            self.send("NICK " + nick)
            line, got = self.read_until([" 001 ", "ERROR"], 10)
        self.nick = nick
        return line is not None and " 001 " in line

    def close(self, msg=None):
        if msg is not None:
            self.send("QUIT :" + msg)
            self.drain(0.2)
        try:
            self.sock.close()
        except OSError:
            pass
        self.alive = False


def safe(fn):
    def wrap(*a, **k):
        try:
            return fn(*a, **k)
        except Exception as exc:  # noqa: BLE001 - workload keeps going
            print("driver: %s: %r" % (fn.__name__, exc), file=sys.stderr)
    return wrap


CHANNELS = ["#lobby", "#dev", "#ops", "#random", "#help", "&local", "#test", "+modeless", "!chan"]


@safe
def chatty_client(rounds):
    src = R.choice(["127.0.0.1", "127.0.0.2", "127.0.0.1", "127.0.0.3"])
    c = Client(src)
    if not c.register(rnick(), R.choice(["joe", "ann", "bob", "kim", "evilx"[:4], "sam"])):
        c.close()
        return
    mine = []
    for _ in range(rounds):
        act = R.random()
        ch = R.choice(CHANNELS)
        if act < 0.25:
            c.send("JOIN " + ch + (" secretkey" if R.random() < 0.2 else ""))
            mine.append(ch)
        elif act < 0.45 and mine:
            c.send("PRIVMSG %s :%s" % (R.choice(mine), " ".join(R.sample(WORDS, 4))))
        elif act < 0.55 and mine:
            mode = R.choice(["+m", "-m", "+t", "+i", "-i", "+k secretkey", "-k secretkey", "+l 5", "-l",
                             "+b *!*@bad.host", "-b *!*@bad.host", "+o " + c.nick, "+v " + c.nick,
                             "+n", "+s", "-s", "+p", "+e *!*@*", "+I *!*@*", "+q"])
            c.send("MODE %s %s" % (R.choice(mine), mode))
        elif act < 0.62 and mine:
            c.send("TOPIC %s :%s" % (R.choice(mine), " ".join(R.sample(WORDS, 3))))
        elif act < 0.68 and mine:
            c.send("PART %s :%s" % (mine.pop(), R.choice(["bye", "later", ""])))
        elif act < 0.72:
            c.send("NICK " + rnick())
        elif act < 0.76:
            c.send(R.choice(["WHOIS " + c.nick, "WHO #lobby", "LIST", "NAMES", "LUSERS", "VERSION",
                             "TIME", "ADMIN", "INFO", "MOTD", "STATS u", "LINKS", "AWAY :gone",
                             "AWAY", "ISON a b c", "USERHOST " + c.nick, "MODE " + c.nick + " +i",
                             "MODE " + c.nick + " +w", "TRACE", "SQUERY x :y", "SERVLIST"]))
        elif act < 0.80 and mine:
            c.send("KICK %s %s :%s" % (R.choice(mine), R.choice([c.nick, "nobody"]), "out"))
        elif act < 0.84:
            c.send("PRIVMSG %s :hello there" % R.choice(["nobody", "#nochan", c.nick]))
        elif act < 0.87:
            c.send("INVITE %s %s" % (c.nick, R.choice(CHANNELS)))
        elif act < 0.90:
            c.send(R.choice(["NICK 9bad", "NICK -x", "NICK", "JOIN", "MODE", "PRIVMSG", "KILL x :y",
                             "OPER", "FOOBAR arg", "JOIN #" + "x" * 60, "NOTICE"]))
        else:
            c.send("PING :%d" % R.randint(1, 99999))
        c.drain(R.uniform(0.02, 0.15))
    r = R.random()
    if r < 0.6:
        c.close(R.choice(["Leaving", "bye all", "", "Client exited", "brb"]))
    else:
        c.close()


@safe
def bad_client():
    kind = R.choice(["klined_host", "evil_user", "noauth", "badpass", "goodpass", "badnick",
                     "unregistered", "reregister", "toomany", "dupnick", "longnick", "service",
                     "proxied", "proxied", "proxied"])
    if kind == "klined_host":
        c = Client("127.0.0.4")
        c.register(rnick(), "joe")
    elif kind == "proxied":
        c = Client(R.choice(["127.0.0.6", "127.0.0.7", "127.0.0.8"]))
        c.register(rnick(), R.choice(["joe", "ann"]))
        c.send("JOIN #lobby")
        c.drain(0.3)
    elif kind == "evil_user":
        c = Client("127.0.0.1")
        c.register(rnick(), "evil" + str(R.randint(1, 9)))
    elif kind == "noauth":
        c = Client("127.0.0.%d" % R.choice([9, 10, 23, 77]))
        c.register(rnick())
    elif kind == "badpass":
        c = Client("127.0.0.5")
        c.register(rnick(), password=R.choice(["wrongpw", "letmein", "x"]))
    elif kind == "goodpass":
        c = Client("127.0.0.5")
        c.register(rnick(), password="clientpw")
        c.send("JOIN #lobby")
        c.drain(0.3)
    elif kind == "badnick":
        c = Client()
        c.send("NICK " + R.choice(["1abc", "-dash", "a,b", "@op", "#chan", "a" * 40]))
        c.send("NICK " + rnick())
        c.send("USER x 0 * :x")
        c.read_until([" 001 "], 4)
    elif kind == "unregistered":
        c = Client()
        c.send(R.choice(["JOIN #lobby", "PRIVMSG x :y", "WHOIS x", "USER a", "MODE #x"]))
        c.drain(0.5)
        c.close()
        return
    elif kind == "reregister":
        c = Client()
        c.register(rnick())
        c.send("USER again 0 * :again")
        c.send("PASS late")
        c.drain(0.3)
    elif kind == "toomany":
        cs = []
        for _ in range(4):
            x = Client("127.0.0.3")
            x.register(rnick())
            cs.append(x)
        for x in cs:
            x.close("done")
        return
    elif kind == "dupnick":
        a = Client()
        a.register(rnick("dup"))
        b = Client("127.0.0.2")
        b.send("NICK " + a.nick)
        b.send("USER b 0 * :b")
        b.read_until([" 433 "], 3)
        b.close()
        a.close("dup test done")
        return
    elif kind == "longnick":
        c = Client()
        c.register("n" + "x" * R.randint(10, 30))
    else:
        c = Client()
        c.send("SERVICE svc%d 0 *.test 0 0 :fake service" % R.randint(1, 99))
        c.drain(0.5)
    c.drain(0.3)
    c.close(R.choice([None, "bye"]))


@safe
def flooder():
    c = Client(R.choice(["127.0.0.1", "127.0.0.2"]))
    if not c.register(rnick("flood")):
        c.close()
        return
    c.send("JOIN #lobby")
    payload = b"".join(b"PRIVMSG #lobby :flood flood flood %d\r\n" % i for i in range(R.randint(400, 3000)))
    c.raw(payload)
    c.read_until(["ERROR"], 5)
    c.close()


@safe
def garbage():
    c = Client()
    kind = R.random()
    if kind < 0.3:
        c.raw(bytes(R.getrandbits(8) for _ in range(R.randint(50, 3000))))
    elif kind < 0.5:
        c.raw(b"GET / HTTP/1.0\r\nHost: x\r\n\r\n")
    elif kind < 0.7:
        c.raw(b"X" * R.randint(600, 5000) + b"\r\n")
    elif kind < 0.85:
        c.raw(b"\x00\x01\x02 NICK\r\n:prefix\r\n:\r\n \r\n")
    else:
        c.raw(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(R.getrandbits(8) for _ in range(60)))
    c.read_until(["ERROR"], 2)
    c.close()


@safe
def fake_server():
    c = Client()
    kind = R.choice(["wrongpw", "unknown", "wrongpw", "badproto", "nopass"])
    if kind == "wrongpw":
        c.send("PASS %s 0211010000 IRC|aEFJKMRTu P" % R.choice(["guess", "gamma", "12345"]))
        c.send("SERVER irc.gamma.test 1 003C :Gamma fake server")
    elif kind == "unknown":
        c.send("PASS whatever 0211010000 IRC|aEFJKMRTu P")
        c.send("SERVER irc.%s.test 1 00%dZ :unknown server" % (R.choice(WORDS), R.randint(1, 9)))
    elif kind == "nopass":
        c.send("SERVER irc.gamma.test 1 003C :Gamma fake server")
    else:
        c.send("PASS gammapw 0209000000 IRC| P")
        c.send("SERVER irc.gamma.test 1 :old proto")
    c.read_until(["ERROR"], 4)
    c.close()


def oper_session(actions, port=PORT):
    c = Client("127.0.0.1", port=port)
    if not c.register(rnick("oper")):
        c.close()
        return None
    c.send("OPER boss " + R.choice(["wrong", "operpas", "OPERPASS"]))
    c.read_until([" 464 ", "ERROR"], 3)
    c.send("OPER nosuch operpass")
    c.read_until([" 491 ", " 464 ", "ERROR"], 3)
    c.send("OPER boss operpass")
    c.read_until([" 381 ", " 491 ", " 464 "], 3)
    for a in actions:
        c.send(a)
        c.drain(R.uniform(0.2, 0.6))
    return c


@safe
def oper_random():
    acts = []
    for _ in range(R.randint(3, 8)):
        acts.append(R.choice([
            "WALLOPS :%s" % " ".join(R.sample(WORDS, 3)),
            "STATS l", "STATS c", "STATS k", "STATS o", "STATS y", "STATS i", "STATS m", "STATS z",
            "TRACE", "TKLINE 30 *@127.0.0.%d :temporary ban %d" % (R.randint(20, 60), R.randint(1, 99)),
            "KLINE *@127.0.0.%d :permanent ban" % R.randint(60, 90),
            "UNTKLINE *@127.0.0.%d" % R.randint(20, 60),
            "REHASH", "CONNECT irc.beta.test 41668", "CONNECT irc.gamma.test 41669",
            "CONNECT irc.nowhere.test", "SQUIT irc.beta.test :oper squit",
            "KILL %s :go away" % R.choice(["nobody", "flood1"]), "SET", "ETRACE", "SIDTRACE",
            "HASH", "DNS", "CLOSE", "MODE #lobby +o nobody", "SQUIT irc.none.test :x",
        ]))
    c = oper_session(acts)
    if c:
        c.close(R.choice(["oper done", None]))


@safe
def oper_kill():
    victim = Client("127.0.0.2")
    if not victim.register(rnick("victim")):
        victim.close()
        return
    victim.send("JOIN #lobby")
    c = oper_session(["KILL %s :%s" % (victim.nick, R.choice(["spamming", "test kill", "bye"]))])
    victim.drain(0.5)
    victim.close()
    if c:
        c.close("killed one")


@safe
def local_oper():
    c = Client("127.0.0.2")
    if not c.register(rnick("lop")):
        c.close()
        return
    c.send("OPER lop " + R.choice(["bad", "localpass"]))
    c.drain(0.4)
    c.send("OPER lop localpass")
    c.drain(0.4)
    c.send(R.choice(["KILL nobody :x", "REHASH", "CONNECT irc.beta.test", "WALLOPS :local", "DIE",
                     "RESTART", "SQUIT irc.beta.test :lop"]))
    c.drain(0.4)
    c.close("lop done")


@safe
def ping_timeout():
    c = Client()
    c.send("NICK " + rnick("idle"))
    c.drain(0.1)
    # never send USER: ircd drops it on registration timeout; just leave it
    t = threading.Timer(R.uniform(20, 60), c.close)
    t.daemon = True
    t.start()
    HOLD.append(c)


HOLD = []


@safe
def beta_client():
    """a user on the second server; sometimes an oper there kills a user of alpha."""
    c = Client("127.0.0.1", port=41668)
    if not c.register(rnick(), R.choice(["joe", "ann", "remote"])):
        c.close()
        return
    c.send("JOIN #lobby")
    c.drain(0.3)
    if R.random() < 0.5:
        victim = Client("127.0.0.2")
        if victim.register(rnick("target")):
            victim.send("JOIN #lobby")
            victim.drain(0.5)
            o = oper_session(["KILL %s :%s" % (victim.nick, R.choice(["remote kill", "from beta"]))], port=41668)
            victim.drain(0.5)
            if o:
                o.close("beta oper done")
        victim.close()
    c.close("beta bye")


@safe
def collider():
    """same nick on both servers; collides when they (re)link."""
    nick = rnick("twin")
    a = Client("127.0.0.1")
    a.register(nick)
    b = Client("127.0.0.1", port=41668)
    b.register(nick)
    for x in (a, b):
        HOLD.append(x)
    t = threading.Timer(R.uniform(20, 40), lambda: (a.close("twin a"), b.close("twin b")))
    t.daemon = True
    t.start()


@safe
def tkline_active():
    victim = Client("127.0.0.%d" % R.choice([1, 2]))
    if not victim.register(rnick("doomed"), "doomed"):
        victim.close()
        return
    c = oper_session([R.choice(["TKLINE 20 doomed@127.0.0.* :doomed users go",
                                "KLINE doomed@127.0.0.* :doomed forever"]),
                      "UNTKLINE doomed@127.0.0.*"])
    victim.drain(0.5)
    victim.close()
    if c:
        c.close("tkline done")


def phase_mix(n):
    threads = []
    for _ in range(n):
        f = R.choices([chatty_client, bad_client, flooder, garbage, fake_server, oper_random,
                       oper_kill, local_oper, ping_timeout, beta_client, collider, tkline_active],
                      weights=[30, 25, 3, 6, 6, 5, 3, 3, 2, 5, 2, 2])[0]
        args = (R.randint(3, 12),) if f is chatty_client else ()
        t = threading.Thread(target=f, args=args, daemon=True)
        t.start()
        threads.append(t)
        time.sleep(R.uniform(0.01, 0.12))
    for t in threads:
        t.join(30)


def main():
    phase = sys.argv[1]
    if len(sys.argv) > 2:
        R.seed(int(sys.argv[2]))
    if phase == "mix":
        phase_mix(int(sys.argv[3]) if len(sys.argv) > 3 else 40)
    elif phase == "restart":
        c = oper_session(["RESTART"])
        if c:
            c.drain(1)
            c.close()
    elif phase == "die":
        c = oper_session(["DIE"])
        if c:
            c.drain(1)
            c.close()
    elif phase == "oper":
        oper_random()
    elif phase == "cmd":
        c = oper_session(sys.argv[3:])
        if c:
            c.drain(1)
            c.close("cmd done")
    for c in HOLD:
        pass


if __name__ == "__main__":
    main()
