#!/usr/bin/env python3
"""Randomised TinyMUX clients for workload.sh.  Usage: mux_client.py PHASE PORT"""
import random
import socket
import sys
import threading
import time

PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 56100
PHASE = sys.argv[1] if len(sys.argv) > 1 else "play"
R = random.Random()

NAMES = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi",
         "Ivan", "Judy", "Mallory", "Oscar", "Peggy", "Trent", "Victor", "Walter"]


class Conn:
    def __init__(self, src="127.0.0.1"):
        self.s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.s.settimeout(3)
        try:
            self.s.bind((src, 0))
        except OSError:
            pass
        self.s.connect(("127.0.0.1", PORT))
        self.drain(0.2)

    def drain(self, t=0.05):
        end = time.time() + t
        data = b""
        while time.time() < end:
            self.s.settimeout(max(0.01, end - time.time()))
            try:
                chunk = self.s.recv(65536)
                if not chunk:
                    break
                data += chunk
            except (socket.timeout, OSError):
                break
        return data

    def send(self, line, wait=0.05):
        try:
            self.s.sendall(line.encode("utf-8", "replace") + b"\r\n")
        except OSError:
            return b""
        return self.drain(wait)

    def raw(self, data, wait=0.05):
        try:
            self.s.sendall(data)
        except OSError:
            return b""
        return self.drain(wait)

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass


def wiz():
    c = Conn()
    c.send("connect wizard potrzebie", 0.3)
    return c


def setup():
    c = wiz()
    for line in ["@ccreate Public", "@ccreate Guests", "@ccreate Chat",
                 "@admin idle_timeout=900", "@admin dump_interval=" + str(R.choice([600, 1200, 1800]))]:
        c.send(line, 0.1)
    for n in NAMES[:8]:
        c.send("@pcreate %s=pw%s" % (n, n.lower()), 0.1)
    c.send("@set *Mallory=SUSPECT", 0.1)
    c.send("@robot Robbie=robopw", 0.1)
    c.send("@create Widget", 0.1)
    c.send("@dig Lounge=Lounge;l,Out;o", 0.2)
    c.send("@wall Server setup complete.", 0.1)
    c.send("QUIT", 0.1)
    c.close()


USER_CMDS = [
    "look", "WHO", "say Hello there!", "pose waves.", ":grins.", "\"testing 1 2 3",
    "inventory", "score", "@create Gadget%d", "@describe me=A tester number %d.",
    "think add(%d,3)", "page wizard=Hi from a test %d", "home", "examine me",
    "xyzzy%d", "frobnicate the widget", "@foo bar", "+motd", "@set me=!DARK",
    "l", "news", "help", "@doing Testing %d", "@name me=Renamed%d", "@emit Emitted %d",
    "@pemit me=Private %d", "gronk", "Lounge", "Out", "+finger me", "@mail wizard=Subject %d/Body text",
    "@mail", "addcom pub=Public", "pub Hello channel %d", "@clist", "@channel/list",
    "think iter(lnum(%d),##)", "@tel #0", "@wait 1=say waited %d", "@dolist 1 2 3=say ##",
    "@switch %d=1,say one,say other", "@lock me=me", "get Widget", "drop Gadget%d",
    "@destroy Gadget%d", "@set me=UNFINDABLE", "@chown me=wizard", "@shutdown",
    "@dump", "@boot wizard", "@newpassword wizard=hacked", "@toad wizard",
]


def user_session(name, pw):
    try:
        c = Conn()
        mode = R.random()
        if mode < 0.15:
            c.send("connect %s wrong%d" % (name, R.randint(1, 999)), 0.1)
            c.send("connect %s %s" % (name, pw), 0.2)
        elif mode < 0.25:
            c.send(R.choice(["hello?", "GET / HTTP/1.0", "conect me", "\x01\x02garbage",
                             "who", "foo bar baz"]), 0.1)
            c.send("connect %s %s" % (name, pw), 0.2)
        else:
            c.send("connect %s %s" % (name, pw), 0.2)
        for _ in range(R.randint(4, 14)):
            cmd = R.choice(USER_CMDS)
            if "%d" in cmd:
                cmd = cmd % R.randint(1, 50)
            c.send(cmd, R.uniform(0.02, 0.15))
        end = R.random()
        if end < 0.45:
            c.send("QUIT", 0.1)
        elif end < 0.7:
            c.send("LOGOUT", 0.1)
            if R.random() < 0.5:
                c.send("connect %s %s" % (name, pw), 0.1)
                c.send("look", 0.05)
                c.send("QUIT", 0.05)
        # else: just drop the connection
        c.close()
    except OSError:
        pass


def creator_session():
    try:
        c = Conn()
        name = "%s%d" % (R.choice(["New", "Guesty", "Rand", "Temp"]), R.randint(100, 99999))
        r = R.random()
        if r < 0.15:
            c.send("create %s" % R.choice(NAMES), 0.1)  # missing password
        elif r < 0.3:
            c.send("create %s pw" % R.choice(NAMES[:8]), 0.1)  # exists
        c.send("create %s secret%d" % (name, R.randint(1, 9)), 0.2)
        for _ in range(R.randint(2, 8)):
            cmd = R.choice(USER_CMDS)
            if "%d" in cmd:
                cmd = cmd % R.randint(1, 50)
            c.send(cmd, 0.05)
        if R.random() < 0.6:
            c.send("QUIT", 0.1)
        c.close()
    except OSError:
        pass


def bad_session():
    try:
        src = "127.0.0.%d" % R.choice([1, 2, 3, 9, 77])
        c = Conn(src)
        for _ in range(R.randint(1, 4)):
            k = R.random()
            if k < 0.4:
                c.send("connect %s %s" % (R.choice(NAMES + ["nobody", "root", "admin"]),
                                          R.choice(["123456", "password", "letmein", ""])), 0.1)
            elif k < 0.6:
                c.raw(bytes(R.randint(1, 255) for _ in range(R.randint(5, 40))) + b"\r\n", 0.1)
            elif k < 0.8:
                c.send(R.choice(["USER anonymous", "HELO example.org", "ls -la", "help",
                                 "connect", "create", "SSH-2.0-OpenSSH_9.0"]), 0.1)
            else:
                c.send("WHO", 0.1)
        if R.random() < 0.5:
            c.send("QUIT", 0.05)
        c.close()
    except OSError:
        pass


def forbidden():
    try:
        c = Conn("127.0.0.66")
        c.drain(0.2)
        c.close()
    except OSError:
        pass


def play(rounds):
    pw = {n: "pw" + n.lower() for n in NAMES[:8]}
    for _ in range(rounds):
        threads = []
        for _ in range(R.randint(2, 5)):
            k = R.random()
            if k < 0.55:
                n = R.choice(list(pw))
                t = threading.Thread(target=user_session, args=(n, pw[n]))
            elif k < 0.7:
                t = threading.Thread(target=creator_session)
            elif k < 0.92:
                t = threading.Thread(target=bad_session)
            else:
                t = threading.Thread(target=forbidden)
            threads.append(t)
            t.start()
            time.sleep(R.uniform(0, 0.1))
        for t in threads:
            t.join()


def admin():
    c = wiz()
    ops = [
        lambda: c.send("@disable logins", 0.1),
        lambda: c.send("@enable logins", 0.1),
        lambda: c.send("@wall Attention: maintenance %d" % R.randint(1, 9), 0.1),
        lambda: c.send("@wall/wizard Wizards only %d" % R.randint(1, 9), 0.1),
        lambda: c.send("@wall/pose stretches.", 0.1),
        lambda: c.send("@wall/emit The ground shakes.", 0.1),
        lambda: c.send("@dump", 0.5),
        lambda: c.send("@dump/flat", 0.5),
        lambda: c.send("@newpassword *%s=pw%s" % ((lambda n: (n, n.lower()))(R.choice(NAMES[:8]))), 0.1),
        lambda: c.send("@admin idle_timeout=%d" % R.randint(600, 3600), 0.1),
        lambda: c.send("@admin nosuchparam=1", 0.1),
        lambda: c.send("@admin port=12", 0.1),
        lambda: c.send("@pcreate Temp%d=tpw" % R.randint(1, 9999), 0.1),
        lambda: c.send("@robot Bot%d=botpw" % R.randint(1, 9999), 0.1),
        lambda: c.send("@name *Robbie=Robbie%d" % R.randint(1, 999), 0.1),
        lambda: c.send("@boot *%s" % R.choice(NAMES[:8]), 0.1),
        lambda: c.send("@boot/port %d" % R.randint(5, 30), 0.1),
        lambda: c.send("@set *%s=SUSPECT" % R.choice(NAMES[:8]), 0.1),
        lambda: c.send("@set *%s=!SUSPECT" % R.choice(NAMES[:8]), 0.1),
        lambda: c.send("think iter(lnum(20000),iter(lnum(50),add(##,#@)))", 1.0),
        lambda: c.send("@disable building", 0.1),
        lambda: c.send("@enable building", 0.1),
        lambda: c.send("@enable nosuchflag", 0.1),
        lambda: c.send("@readcache", 0.2),
        lambda: c.send("@restart", 0.1),
        lambda: c.send("@log/wizard Workload note %d" % R.randint(1, 99), 0.1),
        lambda: c.send("@startslave", 0.3),
    ]
    for _ in range(R.randint(6, 12)):
        R.choice(ops)()
    c.send("@enable logins", 0.1)
    c.send("QUIT", 0.1)
    c.close()


def disabled_logins():
    c = wiz()
    c.send("@disable logins", 0.2)
    for _ in range(R.randint(1, 3)):
        try:
            u = Conn()
            n = R.choice(NAMES[:8])
            u.send("connect %s pw%s" % (n, n.lower()), 0.2)
            u.send("create Late%d pw" % R.randint(1, 999), 0.2)
            u.close()
        except OSError:
            pass
    c.send("@enable logins", 0.2)
    c.send("QUIT", 0.1)
    c.close()


def toad():
    c = wiz()
    n = "Victim%d" % R.randint(1, 9999)
    c.send("@pcreate %s=vpw" % n, 0.2)
    u = Conn()
    u.send("connect %s vpw" % n, 0.2)
    c.send("@toad *%s" % n, 0.3)
    u.close()
    c.send("QUIT", 0.1)
    c.close()


def wizcmd(cmd):
    c = wiz()
    c.send(cmd, 0.5)
    c.close()


if __name__ == "__main__":
    if PHASE == "setup":
        setup()
    elif PHASE == "play":
        play(int(sys.argv[3]) if len(sys.argv) > 3 else 10)
    elif PHASE == "admin":
        admin()
    elif PHASE == "disabled":
        disabled_logins()
    elif PHASE == "toad":
        toad()
    elif PHASE == "wizcmd":
        wizcmd(sys.argv[3])
