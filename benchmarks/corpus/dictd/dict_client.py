#!/usr/bin/env python3
"""Randomised DICT protocol (RFC 2229) client used by workload.sh.

usage: dict_client.py PORT MODE [N]
MODE: normal | denied | garbage | auth | flood | idle | abort | burst | unavailable
"""
import hashlib
import random
import re
import socket
import sys
import threading
import time

HOST = "127.0.0.1"
PORT = int(sys.argv[1])
MODE = sys.argv[2]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 10

WORDS = ["hacker", "foo", "bar", "kludge", "cruft", "grok", "wizard", "daemon",
         "xyzzy", "frob", "bogus", "hack", "spam", "nerd", "guru", "lossage",
         "quux", "feature", "bug", "zorkmid", "qwertyuiop", "hakcer", "gronk",
         "munge", "thrash", "snarf", "kluge", "troll", "vaporware", "zen",
         "notaword", "blargh", "flame", "crufty", "dink", "RTFM", "lurker"]
DBS = ["*", "!", "jargon", "alljargon", "jargonpriv", "nosuchdb", "foldoc"]
STRATS = ["prefix", "substring", "suffix", "re", "regexp", "soundex",
          "lev", "word", "first", "last", "nprefix", ".", "bogusstrat"]
SOURCES = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.5", "127.0.0.12",
           "127.0.0.15"]


class Conn:
    def __init__(self, src=None, timeout=4):
        self.s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.s.settimeout(timeout)
        if src:
            self.s.bind((src, 0))
        self.s.connect((HOST, PORT))
        self.f = self.s.makefile("rb")
        self.banner = self.line()
        m = re.search(rb"(<[^<>]*@[^<>]*>)\s*$", self.banner or b"")
        self.stamp = m.group(1).decode() if m else ""

    def line(self):
        try:
            return self.f.readline()
        except (socket.timeout, OSError):
            return b""

    def send(self, text):
        try:
            self.s.sendall(text.encode("utf-8") + b"\r\n")
        except OSError:
            return False
        return True

    def cmd(self, text):
        """Send a command and read the whole answer."""
        if not self.send(text):
            return b""
        out = []
        while True:
            l = self.line()
            if not l:
                break
            out.append(l)
            code = l[:3]
            if code in (b"150", b"110", b"111", b"112", b"114"):
                continue   # more status lines / text follows
            if code in (b"151", b"152"):
                # text follows, ends with "."
                while True:
                    t = self.line()
                    if not t or t.rstrip(b"\r\n") == b".":
                        break
                continue
            if l[:1].isdigit():
                break
        return b"".join(out)

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass


def rand_query(c):
    r = random.random()
    w = random.choice(WORDS)
    if r < 0.35:
        db = random.choice(DBS)
        c.cmd(f'DEFINE {db} "{w}"' if random.random() < 0.7 else f"DEFINE {db} {w}")
    elif r < 0.65:
        db = random.choice(DBS)
        st = random.choice(STRATS)
        if st in ("re", "regexp"):
            w = random.choice(["^hack", "ware$", "^k.u", "[xz]y", "gr.k", "(unbalanced"])
        c.cmd(f'MATCH {db} {st} "{w}"')
    elif r < 0.72:
        c.cmd(random.choice([f"D {w}", f"D jargon {w}", f"M {w}", f"M prefix {w}",
                             f"M jargon suffix {w}", "S", "H"]))
    elif r < 0.80:
        c.cmd(random.choice(["SHOW DB", "SHOW DATABASES", "SHOW STRAT",
                             "SHOW STRATEGIES", "SHOW SERVER", "SHOW INFO jargon",
                             "SHOW INFO alljargon", "SHOW INFO nosuchdb", "SHOW INFO *"]))
    elif r < 0.85:
        c.cmd("STATUS")
    elif r < 0.90:
        c.cmd("OPTION MIME")
    elif r < 0.95:
        c.cmd(random.choice(["HELP", "SHOW", "OPTION", "OPTION FOO"]))
    else:
        c.cmd(random.choice(["DEFINE", "MATCH jargon", "DEFINE a b c d", "M a b c d e",
                             "SHOW DB extra", "SHOW INFO", "D", "XYZZY", "LOOKUP hacker"]))


def session(src=None, n=None, quit_=True):
    c = Conn(src)
    if random.random() < 0.7:
        c.cmd(random.choice(['CLIENT "dict_client.py 0.1"', "CLIENT workload-bot/%d" % random.randint(1, 99),
                             "CLIENT"]))
    for _ in range(n if n is not None else random.randint(1, 5)):
        rand_query(c)
    if quit_:
        c.cmd(random.choice(["QUIT", "Q", "quit"]))
    c.close()


def auth_session(src=None):
    c = Conn(src)
    c.cmd('CLIENT "auth-tester"')
    user, secret = random.choice([("alice", "wonderland"), ("bob", "builder"),
                                  ("alice", "wrongpass"), ("mallory", "x"),
                                  ("bob", "nope")])
    h = hashlib.md5((c.stamp + secret).encode()).hexdigest()
    r = random.random()
    if r < 0.1:
        c.cmd(f"AUTH {user}")
    elif r < 0.2:
        c.cmd(f"AUTH {user} {'0' * 32}")
    else:
        c.cmd(f"AUTH {user} {h}")
    for _ in range(random.randint(1, 3)):
        w = random.choice(WORDS)
        c.cmd(random.choice([f'DEFINE jargonpriv "{w}"', "SHOW DB",
                             f'MATCH jargonpriv prefix "{w[:3]}"', f'DEFINE * "{w}"']))
    c.cmd("QUIT")
    c.close()


def garbage_session(src=None):
    c = Conn(src)
    choices = [
        "\x01\x02\x03\x7f binary junk",
        "GET / HTTP/1.0",
        "DEFINE jargon \"unterminated",
        "MATCH * lev \"" + "a" * 300 + "\"",
        "   ",
        "",
        "define\tjargon\thacker",
        "SHOW INFO " + "x" * 120,
        "\x1b[31mRED\x1b[0m",
        "%s%s%s%n",
        "DEFINE * \"caf\xe9\"",
        "'single quoted' \"double",
        'MATCH * re "(unbalanced"',
        'MATCH jargon regexp "[[:bogus:]]"',
    ]
    for _ in range(random.randint(2, 6)):
        c.cmd(random.choice(choices))
    if random.random() < 0.5:
        c.cmd("QUIT")
    c.close()


def flood_session(src=None):
    # exceeds limit_queries
    c = Conn(src)
    for i in range(60):
        if not c.send(random.choice(["STATUS", "D foo", "M hack", "SHOW DB"])):
            break
        if not c.line():
            break
        time.sleep(0.005)
    c.close()


def idle_session(src=None):
    # connect, maybe a command, then stay silent until the server times out
    c = Conn(src, timeout=15)
    if random.random() < 0.5:
        c.cmd("STATUS")
    c.line()   # blocks until the server drops us
    c.close()


def abort_session(src=None):
    c = Conn(src)
    c.send(random.choice(["DEFINE * hacker", "SHOW SERVER", "HELP", "MATCH * substring e"]))
    # reset the connection without reading the answer
    import struct
    c.s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    c.close()


def denied_session(src):
    try:
        c = Conn(src)
        c.cmd("SHOW DB")
        c.close()
    except OSError:
        pass


def burst(n):
    threads = []
    for _ in range(n):
        kind = random.choice(["idle", "normal"])
        t = threading.Thread(target=lambda k=kind: (idle_session if k == "idle" else session)(random.choice(SOURCES)))
        t.start()
        threads.append(t)
        time.sleep(0.05)
    for t in threads:
        t.join()


def safe(f, *a):
    try:
        f(*a)
    except OSError as e:
        pass


if MODE == "normal":
    for _ in range(N):
        safe(session, random.choice(SOURCES))
elif MODE == "denied":
    for _ in range(N):
        safe(denied_session, random.choice(["127.0.0.9", "127.0.0.8", "127.0.0.33",
                                           "127.0.0.45", "127.0.0.21", "127.0.1.1"]))
elif MODE == "auth":
    for _ in range(N):
        safe(auth_session, random.choice(["127.0.0.1", "127.0.0.3", "127.0.0.24", "127.0.0.27"]))
elif MODE == "garbage":
    for _ in range(N):
        safe(garbage_session, random.choice(SOURCES))
elif MODE == "flood":
    for _ in range(N):
        safe(flood_session, random.choice(SOURCES))
elif MODE == "idle":
    for _ in range(N):
        safe(idle_session, random.choice(SOURCES))
elif MODE == "abort":
    for _ in range(N):
        safe(abort_session, random.choice(SOURCES))
elif MODE == "burst":
    burst(N)
elif MODE == "unavailable":
    for _ in range(N):
        safe(session, random.choice(SOURCES), 1)
