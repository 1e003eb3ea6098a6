#!/usr/bin/env python3
# Sends a randomised stream of JSON requests (good and bad) to irkerd on 6659.
import json, random, socket, sys, time
random.seed(int(sys.argv[1])); N = int(sys.argv[2])
SERVERS = ["localhost:48010"] * 6 + ["localhost:48011"] * 4 + ["localhost:48012"] * 2 + \
          ["localhost:48013", "localhost:48014", "localhost:48015", "localhost:48015", "127.0.0.1:48015", "127.0.0.1:48015",
           "nosuchhost.invalid:48010"]
CHANS = ["commits", "dev", "ops", "#builds", "&local", "+plus", "alerts", "random", "qa", "bots"]
WORDS = "build passed failed deploy merged branch commit fix test release tag push rollback".split()

def msg():
    s = " ".join(random.choice(WORDS) for _ in range(random.randint(1, 8)))
    if random.random() < 0.15:
        s += "\n" + " ".join(random.choice(WORDS) for _ in range(random.randint(1, 5)))
    if random.random() < 0.05:
        s = "x" * random.randint(500, 700)
    return "r%d: %s" % (random.randint(100, 9999), s)

def url():
    srv = random.choice(SERVERS); ch = random.choice(CHANS)
    if random.random() < 0.1:
        ch += "?key=sekrit%d" % random.randint(1, 9)
    return "irc://%s/%s" % (srv, ch)

def bad():
    r = random.randint(0, 10)
    return [b"this is not json",
            json.dumps([1, 2, 3]).encode(),
            json.dumps({"to": url()}).encode(),
            json.dumps({"privmsg": "hello"}).encode(),
            json.dumps({"to": 42, "privmsg": "x"}).encode(),
            json.dumps({"to": url(), "privmsg": 7}).encode(),
            json.dumps({"to": [url(), 99], "privmsg": "mixed list"}).encode(),
            json.dumps({"to": "irc:///nochan%d" % random.randint(1, 9), "privmsg": "no server"}).encode(),
            json.dumps({"to": "irc://localhost:48010/", "privmsg": "no channel"}).encode(),
            b"[" * 200000,
            b'{"to": "irc://localhost:48010/x", "privmsg": "\xff\xfe"}'][r]

def good():
    to = url() if random.random() < 0.7 else [url() for _ in range(random.randint(2, 4))]
    return json.dumps({"to": to, "privmsg": msg()}).encode()

for i in range(N):
    line = bad() if random.random() < 0.22 else good()
    try:
        if random.random() < 0.3 and len(line) < 60000:
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            u.sendto(line, ("127.0.0.1", 6659)); u.close()
        else:
            t = socket.create_connection(("127.0.0.1", 6659), timeout=5)
            t.sendall(line + b"\n"); t.close()
    except OSError:
        pass
    time.sleep(random.expovariate(1 / 0.8))
