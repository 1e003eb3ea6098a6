"""Minimal scripted telnet and web client for the evennia workload (random sessions)."""
import random
import socket
import sys
import time
import urllib.request
import urllib.error

HOST = "127.0.0.1"
TELNET, WEB = 44510, 44511
USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace"]
PW = "Secret-pass-42"


def session(lines, linger=0.3):
    try:
        s = socket.create_connection((HOST, TELNET), timeout=5)
    except OSError:
        return
    time.sleep(1.0)
    try:
        for line in lines:
            s.sendall(line.encode() + b"\r\n")
            time.sleep(linger)
            try:
                s.settimeout(0.2)
                s.recv(65536)
            except OSError:
                pass
    except OSError:
        pass
    s.close()


def play_commands(n):
    cmds = ["look", "say hello there", "pose waves", "inventory", "who", "help", "help look",
            "nosuchcommand", "get nothing", "drop nothing", "@dig Room%d" % random.randint(1, 99),
            "@create/drop box%d" % random.randint(1, 99), "@desc here = A plain room.",
            "@tel #2", "page admin = hi", "pub hello all", "channel/sub public",
            "@py 1/0", "@py print(2+2)", "@set me/score = %d" % random.randint(1, 9),
            "@examine me", "@time", "@about", "@sethome", "home", "north", "@ooc", "@ic",
            "@spawn nosuchprototype", "@script here = nosuch.Script", "@lock here = get:false()",
            "@destroy box%d" % random.randint(1, 99), "@open exit%d = #2" % random.randint(1, 9),
            "@batchcommand nosuchbatchfile", "@reload_not_a_cmd", "@objects",
            "@boot %s" % random.choice(USERS), "@ccreate chan%d" % random.randint(1, 9),
            "@cdestroy chan%d" % random.randint(1, 9), "@accounts", "@service/list",
            "@userpassword %s = %s" % (random.choice(USERS), PW), "@name me = %s" % random.choice(USERS),
            "@type here = nosuch.Room", "@force %s = look" % random.choice(USERS), "@tickers",
            "@server", "@perm %s = Builder" % random.choice(USERS), "@quell", "@unquell",
            "@wall hello everyone", "@tunnel n = Hall%d" % random.randint(1, 9), "@link here = #2"]
    return [random.choice(cmds) for _ in range(n)]


def web(path, data=None):
    try:
        req = urllib.request.Request("http://%s:%d%s" % (HOST, WEB, path), data=data)
        urllib.request.urlopen(req, timeout=5).read()
    except (urllib.error.URLError, OSError, ValueError):
        pass


def main(rounds):
    for _ in range(rounds):
        r = random.random()
        u = random.choice(USERS)
        if r < 0.15:
            session(["create %s %s" % (u, PW)] + play_commands(random.randint(1, 4)) + ["quit"])
        elif r < 0.25:
            session(["connect %s wrong%d" % (u, random.randint(1, 999))] * random.randint(1, 4))
        elif r < 0.32:
            session(["connect nobody%d whatever" % random.randint(1, 99), "quit"])
        elif r < 0.55:
            session(["connect %s %s" % (u, PW)] + play_commands(random.randint(2, 8)) +
                    random.choice([["quit"], []]))
        elif r < 0.72:
            session(["connect admin adminpass123"] + play_commands(random.randint(2, 8)) + ["quit"])
        elif r < 0.80:
            session(["\xff\xfb\x18 garbage", "look", "help"])
        else:
            web(random.choice(["/", "/webclient/", "/nosuch/page", "/admin/", "/characters/",
                               "/accounts/login/", "/channels/", "/help/", "/api/", "/auth/login/"]),
                random.choice([None, None, b"username=x&password=y"]))


if __name__ == "__main__":
    random.seed()
    main(int(sys.argv[1]))
