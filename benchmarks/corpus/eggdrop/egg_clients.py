#!/usr/bin/env python3
"""Randomised clients for the eggdrop workload: IRC users on the private ngircd and
partyline (telnet) sessions on the bot's listen port.  Usage: egg_clients.py PHASE [args]"""
import random
import socket
import sys
import threading
import time

IRC = ("127.0.0.1", 25500)
BOT = "EggBot"
PARTY = {"EggBot": ("127.0.0.1", 25510), "HubBot": ("127.0.0.1", 25511)}
R = random.Random()


def nap(a=0.2, b=0.8):
    time.sleep(R.uniform(a, b))


class Irc:
    def __init__(self, nick, user=None):
        self.nick = nick
        self.s = socket.create_connection(IRC, timeout=10)
        self.alive = True
        threading.Thread(target=self._reader, daemon=True).start()
        self.send(f"NICK {nick}")
        self.send(f"USER {user or nick} 0 * :workload {nick}")
        time.sleep(0.6)

    def _reader(self):
        buf = b""
        while self.alive:
            try:
                data = self.s.recv(4096)
            except OSError:
                break
            if not data:
                break
            buf += data
            while b"\r\n" in buf:
                line, buf = buf.split(b"\r\n", 1)
                if line.startswith(b"PING"):
                    self.send("PONG" + line[4:].decode(errors="replace"))

    def send(self, line):
        try:
            self.s.sendall(line.encode(errors="replace") + b"\r\n")
        except OSError:
            pass

    def msg(self, target, text):
        self.send(f"PRIVMSG {target} :{text}")

    def ctcp(self, target, text):
        self.send(f"PRIVMSG {target} :\x01{text}\x01")

    def quit(self, why="bye"):
        self.send(f"QUIT :{why}")
        time.sleep(0.3)
        self.alive = False
        self.s.close()


WORDS = "hello there how is everyone today the bot seems fine lets test some things ok".split()


def chatter():
    return " ".join(R.choice(WORDS) for _ in range(R.randint(2, 8)))


def phase_irc(rounds):
    """Several users join, talk, message the bot, use its msg commands and CTCPs."""
    oper = Irc("operator" + str(R.randint(1, 99)), "oper")
    oper.send("OPER oper operpass")
    oper.send("JOIN #egg")
    nap()
    oper.send(f"MODE #egg +o {BOT}")
    nap()
    people = {}
    for n in ["boss", "friend", "plain", "stranger" + str(R.randint(1, 999)), "mean"]:
        if R.random() < 0.9 or n == "boss":
            c = Irc(n + ("" if n.startswith("stranger") else str(R.randint(1, 9))) if R.random() < 0.3 else n)
            c.send("JOIN #egg")
            if R.random() < 0.5:
                c.send("JOIN #lobby")
            people[n] = c
            nap(0.3, 1.0)
    pw = {"boss": "bosspass", "friend": "friendpass", "plain": "plainpass", "mean": "meanpass"}
    for _ in range(rounds):
        who = R.choice(list(people))
        c = people[who]
        act = R.choice(["say", "say", "say", "msg", "hello", "ident", "badident", "op", "voice", "invite",
                        "whois", "help", "info", "who", "seen", "key", "status", "memory", "ctcp", "ctcp",
                        "notice", "action", "nick", "topic", "partjoin", "pass", "die", "save", "garbage",
                        "mode", "kick", "ban", "flood", "addhost", "go", "reset", "jump", "rehash"])
        p = pw.get(who, "nopass")
        wrong = R.random() < 0.3
        if act == "say":
            c.msg("#egg", chatter())
        elif act == "msg":
            c.msg(BOT, chatter())
        elif act == "notice":
            c.send(f"NOTICE {BOT} :{chatter()}")
        elif act == "action":
            c.ctcp("#egg", "ACTION " + chatter())
        elif act == "hello":
            c.msg(BOT, "hello")
        elif act == "ident":
            c.msg(BOT, f"ident {p}" if R.random() < 0.5 else f"ident {p} {who}")
        elif act == "badident":
            c.msg(BOT, f"ident wrongpass{R.randint(1, 99)}")
        elif act == "pass":
            c.msg(BOT, f"pass {p}" if R.random() < 0.5 else f"pass {p} {p}")
        elif act in ("op", "voice", "invite", "key", "go", "reset", "status", "memory", "save", "rehash",
                     "jump", "die"):
            arg = "#egg" if act in ("op", "voice", "invite", "key", "go", "reset") else ""
            if act == "die" and not wrong:
                wrong = True  # never really kill it from IRC
            c.msg(BOT, f"{act} {'badpw' if wrong else p} {arg}".strip())
        elif act == "whois":
            c.msg(BOT, f"whois {R.choice(['boss', 'friend', 'nobody', 'plain'])}")
        elif act == "help":
            c.msg(BOT, "help" + R.choice(["", " op", " ident", " whatever"]))
        elif act == "info":
            c.msg(BOT, f"info {p} " + R.choice(["none", "#egg", "I like eggs"]))
        elif act == "who":
            c.msg(BOT, "who #egg")
        elif act == "seen":
            c.msg("#egg", f"!seen {R.choice(list(people))}")
            c.msg(BOT, f"seen {R.choice(['boss', 'ghost'])}")
        elif act == "addhost":
            c.msg(BOT, f"addhost {p} *!*@somewhere.example")
        elif act == "ctcp":
            c.ctcp(R.choice([BOT, "#egg"]), R.choice(["VERSION", "PING 12345", "TIME", "FINGER", "CLIENTINFO",
                                                      "USERINFO", "ECHO hi", "ERRMSG x", "CLIENTINFO PING",
                                                      "SED x", "BOGUS stuff"]))
        elif act == "nick":
            new = who + "_" + str(R.randint(1, 99))
            c.send(f"NICK {new}")
            nap()
            c.send(f"NICK {c.nick}")
        elif act == "topic":
            c.send(f"TOPIC #egg :{chatter()}")
        elif act == "partjoin":
            c.send("PART #egg :" + chatter())
            nap()
            c.send("JOIN #egg")
        elif act == "garbage":
            c.msg(BOT, R.choice(["\x00\x01\x02", "%s%n%x", "op", "ident", "pass", "\x01DCC CHAT chat 2130706433 1\x01",
                                 "\x01DCC SEND x 1 1 1\x01", "a" * R.randint(100, 400)]))
        elif act == "mode":
            oper.send(f"MODE #egg {R.choice(['+o ' + c.nick, '-o ' + c.nick, '+v ' + c.nick, '+l 50', '-l', '+k sekrit', '-k sekrit', '+m', '-m', '+i', '-i', '-o ' + BOT, '+o ' + BOT])}")
        elif act == "kick":
            oper.send(f"KICK #egg {c.nick} :{chatter()}")
            nap()
            c.send("JOIN #egg")
        elif act == "ban":
            mask = f"*!*@{R.choice(['1.2.3.4', 'bad.example', '127.0.0.1'])}"
            oper.send(f"MODE #egg +b {mask}")
            nap(0.5, 1.5)
            oper.send(f"MODE #egg -b {mask}")
        elif act == "flood":
            for _ in range(R.randint(3, 9)):
                c.msg(R.choice(["#egg", BOT]), chatter())
        nap(0.3, 1.2)
        oper.send(f"MODE #egg +o {BOT}")
    for c in people.values():
        if R.random() < 0.5:
            c.quit(chatter())
        else:
            c.send("PART #egg :leaving")
            c.quit()
    oper.quit()


class Party:
    def __init__(self, bot="EggBot"):
        self.s = socket.create_connection(PARTY[bot], timeout=10)
        self.s.settimeout(0.3)

    def drain(self):
        out = b""
        try:
            while True:
                d = self.s.recv(65536)
                if not d:
                    break
                out += d
        except OSError:
            pass
        return out

    def line(self, text, wait=0.5):
        try:
            self.s.sendall(text.encode(errors="replace") + b"\r\n")
        except OSError:
            return
        time.sleep(wait)
        self.drain()

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass


def login(handle, pw, bot="EggBot"):
    p = Party(bot)
    time.sleep(0.5)
    p.drain()
    p.line(handle, 0.5)
    p.line(pw, 1.0)
    return p


def phase_badlogin(n):
    for _ in range(n):
        kind = R.choice(["badpw", "nouser", "garbage", "drop", "empty", "badpw2", "newuser"])
        try:
            if kind == "badpw":
                p = login(R.choice(["boss", "friend", "plain"]), "wrong" + str(R.randint(1, 999)))
            elif kind == "badpw2":
                p = Party()
                time.sleep(0.4)
                p.line("boss")
                for _ in range(3):
                    p.line("nope" + str(R.randint(1, 99)))
            elif kind == "nouser":
                p = login("ghost" + str(R.randint(1, 99)), "whatever")
            elif kind == "garbage":
                p = Party()
                p.s.sendall("".join(R.choice("abc{}[]%$#@!~\x01\x02\x07\x1b;:'\"<>?/\\") for _ in range(R.randint(10, 200))).encode() + b"\r\n")
                time.sleep(0.5)
            elif kind == "empty":
                p = Party()
                p.line("", 0.3)
                p.line("", 0.3)
            elif kind == "newuser":
                p = Party()
                time.sleep(0.4)
                p.line("NEW", 0.5)
                p.line("newbie" + str(R.randint(1, 99)), 0.5)
            else:
                p = Party()
                time.sleep(0.2)
            p.close()
        except OSError:
            pass
        nap(0.2, 0.6)


OWNER_CMDS = [
    ".whom", ".who", ".status", ".status all", ".match *", ".match * 5", ".bots", ".bottree", ".vbottree",
    ".channel #egg", ".chaninfo #egg", ".servers", ".uptime", ".motd", ".banner", ".binds", ".binds msg",
    ".debug", ".module", ".bans", ".bans all", ".exempts", ".invites", ".ignores", ".notes index",
    ".note friend hello from boss", ".note ghost hi", ".notes read", ".notes erase 1", ".seen boss",
    ".seen nobody", ".whois friend", ".whois nobody", ".console", ".console +d", ".console #egg",
    ".echo off", ".echo on", ".strip +b", ".strip -b", ".page 20", ".page off", ".away testing",
    ".back", ".me waves", ".chat 1", ".chat off", ".say #egg hello from partyline", ".act #egg dances",
    ".msg friend hi there", ".topic #egg partyline topic", ".op friend #egg", ".deop friend #egg",
    ".voice plain #egg", ".devoice plain #egg", ".kick #egg stranger go away", ".resetbans #egg",
    ".+ban *!*@evil.example #egg testing", ".-ban *!*@evil.example", ".+ban *!*@bad.example",
    ".-ban 1", ".+exempt *!*@good.example", ".-exempt *!*@good.example", ".+invite *!*@inv.example",
    ".-invite *!*@inv.example", ".+ignore *!*@noisy.example", ".-ignore *!*@noisy.example",
    ".+user tempuser *!*@temp.example", ".chattr tempuser +fo", ".chattr tempuser -o|+v #egg",
    ".+host tempuser *!*@other.example", ".-host tempuser *!*@other.example", ".chpass tempuser pw12345",
    ".chhandle tempuser tempuser2", ".-user tempuser2", ".-user tempuser", ".-user nosuchuser",
    ".+chan #newchan", ".chanset #newchan +secret", ".chanset #newchan flood-chan 5:10", ".-chan #newchan",
    ".chanset #egg -greet", ".chanset #egg +greet", ".chanset #nope +secret", ".save", ".backup",
    ".reload", ".rehash", ".set max-notes", ".set max-notes 40", ".tcl putlog {tcl says hi}",
    ".tcl expr 1+1", ".tcl nosuchproc", ".dump PRIVMSG #egg :raw dump", ".dump NOSUCHCMD", ".trace HubBot",
    ".botinfo", ".link HubBot", ".unlink HubBot", ".link NoBot", ".unlink NoBot", ".boot ghost",
    ".comment friend a comment", ".fixcodes", ".handle", ".newpass bosspass", ".help", ".help whom",
    ".help nosuch", ".nosuchcommand", "random text on the partyline", ".su friend",
    ".unloadmodule seen", ".loadmodule seen", ".loadmodule nosuchmod", ".unloadmodule nosuchmod",
    ".resetbans", ".reset #egg", ".adduser friend", ".deluser ghost", ".nick", ".clearqueue all",
    ".relay NoBot", ".ignores", ".stick ban *!*@bad.example", ".chinfo friend hello", ".info",
    ".restart", ".jump 127.0.0.1 25500", ".jump 127.0.0.1 25599",
]
FRIEND_CMDS = [".whom", ".status", ".save", ".die", ".+user x", ".match *", ".bans", ".op friend #egg",
               ".chattr plain +o", ".tcl putlog x", ".set nick", ".quit", ".notes read", ".me hi", "chat text",
               ".whois boss", ".channel #egg", ".seen plain", ".rehash", ".backup", ".+ban *!*@x.example"]
PLAIN_CMDS = [".whom", ".status", ".save", ".+user x", ".match *", ".notes read", ".me hi", "chat text",
              ".help", ".quit", ".op plain", ".console +o", ".strip +a"]


def phase_party(n, who, safe_only):
    pw = {"boss": "bosspass", "friend": "friendpass", "plain": "plainpass"}[who]
    p = login(who, pw)
    cmds = {"boss": OWNER_CMDS, "friend": FRIEND_CMDS, "plain": PLAIN_CMDS}[who]
    for _ in range(n):
        c = R.choice(cmds)
        if safe_only and c.startswith((".restart", ".jump", ".die", ".reload", ".link", ".unlink")):
            continue
        p.line(c, R.uniform(0.3, 1.0))
        if c == ".files":
            for f in ("ls", "pwd", "cd nowhere", "stats", ".quit"):
                p.line(f, 0.3)
        elif c == ".su friend":
            for f in ("friendpass", ".whom", ".quit"):
                p.line(f, 0.4)
    if R.random() < 0.7:
        p.line(".quit")
    p.close()


def phase_cmds(*cmds, who="boss", bot="EggBot"):
    """Run exactly the given partyline commands as the given user."""
    pw = {"boss": "bosspass", "friend": "friendpass", "plain": "plainpass"}[who]
    p = login(who, pw, bot)
    for c in cmds:
        p.line(c, 1.0)
    p.close()


def phase_flood():
    """A telnet connection flood and a user who gets auto-kicked."""
    for _ in range(R.randint(12, 16)):
        try:
            p = Party()
            p.close()
        except OSError:
            pass
        time.sleep(0.05)
    f = Irc("flooder" + str(R.randint(1, 99)))
    for _ in range(R.randint(70, 90)):
        f.msg(BOT, chatter())
    for _ in range(R.randint(35, 45)):
        f.ctcp(BOT, "VERSION")
    time.sleep(1)
    f.quit()
    m = Irc("mean")
    m.send("JOIN #egg")
    time.sleep(2)
    m.msg("#egg", "I am mean")
    time.sleep(1)
    m.quit()


def main():
    ph = sys.argv[1]
    if ph == "irc":
        phase_irc(int(sys.argv[2]))
    elif ph == "badlogin":
        phase_badlogin(int(sys.argv[2]))
    elif ph == "party":
        phase_party(int(sys.argv[2]), sys.argv[3], sys.argv[4] == "safe")
    elif ph == "cmds":
        phase_cmds(*sys.argv[2:])
    elif ph == "hubcmds":
        phase_cmds(*sys.argv[2:], bot="HubBot")
    elif ph == "flood":
        phase_flood()


if __name__ == "__main__":
    main()
