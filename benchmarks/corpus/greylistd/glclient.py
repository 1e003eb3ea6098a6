#!/usr/bin/env python3
"""Client for greylistd's UNIX socket protocol (one command per connection).
usage: glclient.py SOCK cmd TEXT...      send one command, print reply
       glclient.py SOCK mix N            N random MTA-like/admin requests
       glclient.py SOCK rude N           N clients that hang up before the reply
       glclient.py SOCK garbage N        N malformed / unknown requests
"""
import random, socket, sys, time

SOCK = sys.argv[1]

def send(text, rude=False, raw=None):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(SOCK)
    except OSError as e:
        return "connect failed: %s" % e
    if raw is not None:
        s.send(raw)
    elif text is not None:
        s.send(text.encode())
    if rude:
        s.close()
        return ""
    out = b""
    s.settimeout(5)
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            out += d
    except OSError as e:
        out += (" [%s]" % e).encode()
    s.close()
    return out.decode("ascii", "replace")

HOSTS = ["127.0.0.%d" % i for i in range(2, 60)]
USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "mallory", "trent", "news", "billing"]
DOMS = ["example.org", "example.net", "mail.test", "lists.example.com", "shop.invalid"]

def triplet():
    return "%s %s@%s %s@%s" % (random.choice(HOSTS), random.choice(USERS), random.choice(DOMS),
                               random.choice(USERS), random.choice(DOMS))

def mix(n):
    seen = []
    for _ in range(n):
        r = random.random()
        if r < 0.45 or not seen:
            t = random.choice(seen) if seen and random.random() < 0.4 else triplet()
            seen.append(t)
            cmd = random.choice(["update %s", "%s", "update --white %s", "update --grey %s"]) % t
        elif r < 0.55:
            cmd = "check %s%s" % (random.choice(["", "--white ", "--grey ", "--black "]), random.choice(seen))
        elif r < 0.62:
            cmd = "status %s" % random.choice(seen + [triplet()])
        elif r < 0.70:
            cmd = "add %s%s" % (random.choice(["", "--white ", "--grey ", "--black "]),
                                random.choice([random.choice(HOSTS), triplet()] + seen))
        elif r < 0.76:
            cmd = "delete %s" % random.choice(seen + [triplet()])
        elif r < 0.82:
            cmd = random.choice(["stats", "mrtg"])
        elif r < 0.90:
            cmd = "list%s" % random.choice(["", " --white", " --grey", " --black", " --grey --white"])
        elif r < 0.95:
            cmd = "save"
        else:
            cmd = "check --%s %s" % (random.choice(["purple", "white", "black"]), random.choice(seen))
        rep = send(cmd)
        print("> %s\n%s" % (cmd, rep.rstrip()))

def garbage(n):
    for _ in range(n):
        choice = random.choice([
            "", "   ", "add", "delete", "check", "status", "stats now", "save everything",
            "reload please", "mrtg 5", "add --orange 127.0.0.9", "clear --purple",
            "delete 127.0.0.250 nobody@nowhere.invalid x@y", "list --pink", "update --nosuch a b c",
            "\x00\x01\x02binary", "HELO localhost\r\n", "GET / HTTP/1.0\r\n\r\n"])
        if random.random() < 0.2:
            rep = send(None, raw=bytes(random.getrandbits(8) for _ in range(random.randint(1, 40))))
        else:
            rep = send(choice)
        print("> %r\n%s" % (choice, rep.rstrip()))

mode = sys.argv[2]
if mode == "cmd":
    print(send(" ".join(sys.argv[3:])))
elif mode == "mix":
    mix(int(sys.argv[3]))
elif mode == "rude":
    for _ in range(int(sys.argv[3])):
        send(random.choice([None, "stats", "list", "update " + triplet(), "mrtg"]), rude=True)
        time.sleep(0.02)
elif mode == "garbage":
    garbage(int(sys.argv[3]))
