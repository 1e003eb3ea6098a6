#!/usr/bin/env python3
"""Randomised IRC users and XML-RPC callers for the atheme workload.
Usage: ath_clients.py users N | admin N | xmlrpc N | garbage N"""
import random
import socket
import sys
import threading
import time
import xmlrpc.client

IRC = ("127.0.0.1", 25550)
R = random.Random()


class Irc:
    def __init__(self, nick, user=None):
        self.nick = nick
        self.s = socket.create_connection(IRC, timeout=10)
        self.alive = True
        threading.Thread(target=self._reader, daemon=True).start()
        self.send(f"NICK {nick}")
        self.send(f"USER {user or nick} 0 * :user {nick}")
        time.sleep(0.5)

    def _reader(self):
        buf = b""
        while self.alive:
            try:
                d = self.s.recv(65536)
            except OSError:
                break
            if not d:
                break
            buf += d
            while b"\r\n" in buf:
                line, buf = buf.split(b"\r\n", 1)
                if line.startswith(b"PING"):
                    self.send("PONG" + line[4:].decode(errors="replace"))

    def send(self, line):
        try:
            self.s.sendall(line.encode(errors="replace") + b"\r\n")
        except OSError:
            pass

    def to(self, svc, text):
        self.send(f"PRIVMSG {svc} :{text}")
        time.sleep(R.uniform(0.05, 0.3))

    def quit(self):
        self.send("QUIT :done")
        time.sleep(0.2)
        self.alive = False
        self.s.close()


def user_session(i):
    nick = f"user{i}x{R.randint(10, 99)}"
    pw = "pw" + nick
    c = Irc(nick)
    chan = f"#room{R.randint(1, 4)}"
    c.send(f"JOIN {chan}")
    steps = [
        lambda: c.to("NickServ", f"REGISTER {pw} {nick}@example.org"),
        lambda: c.to("NickServ", f"REGISTER {pw} bademail"),
        lambda: c.to("NickServ", f"IDENTIFY {pw}"),
        lambda: c.to("NickServ", "IDENTIFY wrongpassword"),
        lambda: c.to("NickServ", f"IDENTIFY someoneelse {pw}"),
        lambda: c.to("NickServ", f"INFO {R.choice([nick, 'admin', 'ghostuser'])}"),
        lambda: c.to("NickServ", "LOGOUT"),
        lambda: c.to("NickServ", f"SET EMAIL new{nick}@example.org"),
        lambda: c.to("NickServ", f"SET PASSWORD new{pw}"),
        lambda: c.to("NickServ", f"SET HIDEMAIL {R.choice(['ON', 'OFF'])}"),
        lambda: c.to("NickServ", f"SET PROPERTY color {R.choice(['red', 'blue'])}"),
        lambda: c.to("NickServ", "SET NOSUCHOPTION"),
        lambda: c.to("NickServ", f"GROUP"),
        lambda: c.to("NickServ", f"GHOST {nick}_ghost"),
        lambda: c.to("NickServ", "LISTCHANS"),
        lambda: c.to("NickServ", "STATUS"),
        lambda: c.to("NickServ", "HELP REGISTER"),
        lambda: c.to("NickServ", "TAXONOMY " + nick),
        lambda: c.to("NickServ", "VACATION"),
        lambda: c.to("NickServ", "NOSUCHCMD foo"),
        lambda: c.to("NickServ", f"DROP {nick} {pw}"),
        lambda: c.to("NickServ", f"RESETPASS {nick}"),
        lambda: c.to("NickServ", f"VERIFY REGISTER {nick} badkey"),
        lambda: c.to("ChanServ", f"REGISTER {chan}"),
        lambda: c.to("ChanServ", f"INFO {chan}"),
        lambda: c.to("ChanServ", f"FLAGS {chan}"),
        lambda: c.to("ChanServ", f"FLAGS {chan} friend{R.randint(1, 5)} +vV"),
        lambda: c.to("ChanServ", f"ACCESS {chan} LIST"),
        lambda: c.to("ChanServ", f"OP {chan}"),
        lambda: c.to("ChanServ", f"VOICE {chan}"),
        lambda: c.to("ChanServ", f"TOPIC {chan} topic by {nick}"),
        lambda: c.to("ChanServ", f"SET {chan} KEEPTOPIC ON"),
        lambda: c.to("ChanServ", f"SET {chan} MLOCK +nt-s"),
        lambda: c.to("ChanServ", f"SET {chan} URL http://example.org/"),
        lambda: c.to("ChanServ", f"SET {chan} ENTRYMSG welcome"),
        lambda: c.to("ChanServ", f"AKICK {chan} ADD *!*@bad.example spam"),
        lambda: c.to("ChanServ", f"AKICK {chan} LIST"),
        lambda: c.to("ChanServ", f"BAN {chan} *!*@ban.example"),
        lambda: c.to("ChanServ", f"UNBAN {chan}"),
        lambda: c.to("ChanServ", f"KICK {chan} nobody"),
        lambda: c.to("ChanServ", f"INVITE {chan}"),
        lambda: c.to("ChanServ", f"GETKEY {chan}"),
        lambda: c.to("ChanServ", f"SYNC {chan}"),
        lambda: c.to("ChanServ", f"WHY {chan}"),
        lambda: c.to("ChanServ", f"COUNT {chan}"),
        lambda: c.to("ChanServ", f"TEMPLATE {chan}"),
        lambda: c.to("ChanServ", f"DROP {chan}"),
        lambda: c.to("ChanServ", f"REGISTER nochan"),
        lambda: c.to("ChanServ", f"OP #notregistered"),
        lambda: c.to("MemoServ", f"SEND {R.choice(['admin', nick, 'ghostuser'])} hello memo"),
        lambda: c.to("MemoServ", "LIST"),
        lambda: c.to("MemoServ", "READ 1"),
        lambda: c.to("MemoServ", "DEL 1"),
        lambda: c.to("HostServ", f"REQUEST {nick}.users.example"),
        lambda: c.to("HostServ", "ON"),
        lambda: c.to("GroupServ", f"REGISTER !grp{R.randint(1, 3)}"),
        lambda: c.to("GroupServ", f"INFO !grp{R.randint(1, 3)}"),
        lambda: c.to("BotServ", "BOTLIST"),
        lambda: c.to("ALIS", "LIST *"),
        lambda: c.to("InfoServ", "LIST"),
        lambda: c.to("StatServ", "CHANNEL COUNT"),
        lambda: c.to("GameServ", "ROLL 3d6"),
        lambda: c.to("HelpServ", "HELPME I need help"),
        lambda: c.to("OperServ", "AKILL LIST"),
        lambda: c.to("Global", "HELP"),
        lambda: c.send(f"PRIVMSG {chan} :!op"),
        lambda: c.send(f"PRIVMSG {chan} :hello all"),
        lambda: c.send(f"NICK {nick}_{R.randint(1, 9)}"),
        lambda: c.send(f"PART {chan}"),
        lambda: c.send(f"JOIN {chan}"),
        lambda: c.send(f"TOPIC {chan} :changed by hand"),
        lambda: c.send(f"MODE {chan} +s"),
        lambda: c.to("NickServ", "\x01VERSION\x01"),
        lambda: c.to("NickServ", ""),
    ]
    # register first most of the time so later commands get further
    if R.random() < 0.85:
        steps[0]()
        steps[2]()
    for _ in range(R.randint(10, 25)):
        R.choice(steps)()
    if R.random() < 0.5:
        c.quit()
    else:
        c.alive = False
        c.s.close()  # drop without QUIT


def phase_users(n):
    ts = []
    for i in range(n):
        t = threading.Thread(target=user_session, args=(i,))
        t.start()
        ts.append(t)
        time.sleep(R.uniform(0.1, 0.5))
        if len(ts) >= 6:
            ts.pop(0).join()
    for t in ts:
        t.join()


def phase_admin(n):
    c = Irc("admin")
    c.to("NickServ", "REGISTER adminpw admin@example.org")
    c.to("NickServ", "IDENTIFY adminpw")
    c.send("OPER oper operpass")
    time.sleep(0.5)
    cmds = [
        "OperServ AKILL ADD *@1.2.3.4 !T 1h spam", "OperServ AKILL LIST", "OperServ AKILL DEL *@1.2.3.4",
        "OperServ AKILL ADD baduser", "OperServ MODE #room1 +m", "OperServ MODE #room1 -m",
        "OperServ INFO", "OperServ UPTIME", "OperServ MODLIST", "OperServ MODINSPECT chanserv/main",
        "OperServ MODUNLOAD gameserv/roll", "OperServ MODLOAD gameserv/roll", "OperServ MODLOAD nosuch/module",
        "OperServ MODRELOAD nickserv/info", "OperServ UPDATE", "OperServ REHASH", "OperServ IGNORE ADD *!*@x.example test",
        "OperServ IGNORE LIST", "OperServ IGNORE DEL *!*@x.example", "OperServ JUPE juped.example test",
        "OperServ NOOP ADD HOSTMASK *!*@noop.example", "OperServ RMATCH .*", "OperServ RWATCH LIST",
        "OperServ SPECS", "OperServ COMPARE admin user1", "OperServ SET MAXUSERS 50", "OperServ READONLY OFF",
        "OperServ RNC", "OperServ CLONES LIST", "OperServ GREPLOG", "OperServ NOSUCHCMD",
        "NickServ MARK user1 ON suspicious", "NickServ FREEZE user2 ON frozen", "NickServ HOLD admin ON",
        "NickServ LIST *", "NickServ LISTMAIL *", "NickServ BADMAIL ADD *@spam.example spam",
        "NickServ BADMAIL LIST", "NickServ RESTRICT user3 ON restricted", "NickServ VHOST admin ON staff.example",
        "NickServ RETURN user4 admin@example.org", "NickServ SENDPASS admin", "NickServ SETPASS admin x y",
        "ChanServ LIST *", "ChanServ MARK #room1 ON marked", "ChanServ CLOSE #room2 ON closed",
        "ChanServ CLOSE #room2 OFF", "ChanServ HOLD #room3 ON", "ChanServ FTRANSFER #room1 admin",
        "ChanServ CLEAR #room1 BANS", "ChanServ REGISTER #staff", "ChanServ SET #staff FANTASY ON",
        "ChanServ SET #staff GUARD ON", "HostServ LISTVHOST", "HostServ WAITING", "HostServ ACTIVATE user1",
        "HostServ REJECT user2", "HostServ VHOST user3 vh.example", "InfoServ POST 1 news something happened",
        "InfoServ OPERPOST ops only", "Global TEXT network notice", "Global SEND", "Global LIST",
        "BotServ BOT ADD HelperBot helper bot.example Helper bot", "BotServ BOTLIST",
        "BotServ ASSIGN #staff HelperBot", "BotServ UNASSIGN #staff", "BotServ BOT DEL HelperBot",
        "StatServ SERVER LIST", "OperServ SGLINE LIST", "ChanServ FLAGS #staff user1 +o",
        "SaslServ HELP", "ALIS LIST * -min 1", "GroupServ LIST *",
    ]
    c.send("JOIN #staff")
    for _ in range(n):
        svc, text = R.choice(cmds).split(" ", 1)
        c.to(svc, text)
        time.sleep(R.uniform(0.1, 0.4))
    c.quit()


def phase_xmlrpc(n):
    sp = xmlrpc.client.ServerProxy("http://127.0.0.1:25560/xmlrpc")
    for _ in range(n):
        try:
            k = R.choice(["login", "badlogin", "cmd", "logout", "nouser", "garbage"])
            if k == "login" or k == "cmd":
                cookie = sp.atheme.login("admin", "adminpw", "127.0.0.1")
                if k == "cmd":
                    sp.atheme.command(cookie, "admin", "127.0.0.1", R.choice(["NickServ", "ChanServ"]),
                                      R.choice(["INFO", "LIST", "STATUS"]), R.choice(["admin", "*", "#room1"]))
                sp.atheme.logout(cookie, "admin")
            elif k == "badlogin":
                sp.atheme.login("admin", "badpw", "127.0.0.1")
            elif k == "nouser":
                sp.atheme.login("nobody", "x", "127.0.0.1")
            elif k == "logout":
                sp.atheme.logout("badcookie", "admin")
            else:
                s = socket.create_connection(("127.0.0.1", 25560), timeout=3)
                s.sendall(R.choice([b"GET / HTTP/1.0\r\n\r\n", b"POST /xmlrpc HTTP/1.0\r\nContent-Length: 5\r\n\r\n<bad>",
                                    b"\x00\xff garbage\r\n\r\n"]))
                try:
                    s.recv(4096)
                except OSError:
                    pass
                s.close()
        except Exception:
            pass
        time.sleep(R.uniform(0.1, 0.4))


def phase_garbage(n):
    for _ in range(n):
        try:
            s = socket.create_connection(IRC, timeout=3)
            nick = f"junk{R.randint(1, 999)}"
            s.sendall(f"NICK {nick}\r\nUSER j 0 * :j\r\n".encode())
            time.sleep(0.3)
            s.sendall(R.choice([b"PRIVMSG NickServ :\x00\x01\x02\r\n", b"PRIVMSG ChanServ :" + b"A" * 400 + b"\r\n",
                                b"PRIVMSG OperServ :AKILL ADD *@* x\r\n", b"PRIVMSG NickServ :IDENTIFY admin wrong\r\n",
                                b"PRIVMSG NickServ :REGISTER\r\n", b"PRIVMSG ChanServ :FLAGS\r\n",
                                b"NICK NickServ\r\n", b"PRIVMSG MemoServ :SEND\r\n"]))
            time.sleep(0.3)
            s.close()
        except OSError:
            pass


if __name__ == "__main__":
    {"users": phase_users, "admin": phase_admin, "xmlrpc": phase_xmlrpc, "garbage": phase_garbage}[sys.argv[1]](int(sys.argv[2]))
