#!/usr/bin/env python3
"""Randomised NNTP client sessions against jamnntpd: client.py PORT SESSIONS SEED"""
import random, socket, struct, sys, time

PORT, N, SEED = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
R = random.Random(SEED)
GROUPS = ["TEST.GENERAL", "TEST.TALK", "TEST.RU", "TEST.PRIVATE", "NETMAIL", "LOCAL", "TEST.GONE", "NO.SUCH.GROUP"]
USERS = [("alice", "wonderland"), ("bob", "builder"), ("carol", "s3cret"), ("alice", "wrong"), ("mallory", "x"), ("bob", "nope")]
WORDS = "fido net echo mail point node hub zone region boss packet tosser ping pong sysop".split()


def connect(src="127.0.0.1"):
    s = socket.socket()
    s.settimeout(10)
    s.bind((src, 0))
    s.connect(("127.0.0.1", PORT))
    return s


def rst(s):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


class Conn:
    def __init__(self, s):
        self.s, self.f = s, s.makefile("rb")

    def line(self):
        return self.f.readline().decode("latin-1")

    def cmd(self, text, multi=False):
        self.s.sendall((text + "\r\n").encode("latin-1"))
        resp = self.line()
        if multi and resp[:3] in ("215", "220", "221", "222", "224", "230", "231", "100"):
            while True:
                l = self.line()
                if l in (".\r\n", ""):
                    break
        return resp


def article(group):
    hdr = []
    kind = R.choices(["ok", "nogroup", "nofrom", "cross", "ctype", "cte", "unknown", "big", "charset", "qp", "b64"],
                     [30, 3, 3, 2, 2, 2, 3, 1, 3, 3, 3])[0]
    subj = " ".join(R.sample(WORDS, R.randint(1, 4)))
    if kind != "nofrom":
        hdr.append("From: %s <%s@example.org>" % (R.choice(["Alice Liddell", "Bob Builder", "Carol", "Sysop"]), R.choice(WORDS)))
    if kind == "cross":
        hdr.append("Newsgroups: %s,%s" % (group, R.choice(GROUPS)))
    elif kind == "unknown":
        hdr.append("Newsgroups: ALT.%s" % R.choice(WORDS).upper())
    elif kind != "nogroup":
        hdr.append("Newsgroups: %s" % group)
    hdr.append("Subject: %s%s" % (R.choice(["", "Re: "]), subj))
    body = [" ".join(R.choice(WORDS) for _ in range(R.randint(3, 12))) for _ in range(R.randint(1, 8))]
    if kind == "ctype":
        hdr.append("Content-Type: %s" % R.choice(["text/html", "multipart/mixed", "image/png"]))
    elif kind == "cte":
        hdr.append("Content-Type: text/plain; charset=iso-8859-1")
        hdr.append("Content-Transfer-Encoding: %s" % R.choice(["x-uuencode", "binary-ish", "gzip"]))
    elif kind == "charset":
        hdr.append("Content-Type: text/plain; charset=%s" % R.choice(["koi8-r", "iso-8859-1", "utf-8", "x-klingon", "windows-1251", "us-ascii"]))
    elif kind == "qp":
        hdr.append("Content-Type: text/plain; charset=iso-8859-1")
        hdr.append("Content-Transfer-Encoding: quoted-printable")
        body = [b.replace(" ", "=20", 1) for b in body]
    elif kind == "b64":
        import base64
        hdr.append("Content-Type: text/plain; charset=us-ascii; format=flowed")
        hdr.append("Content-Transfer-Encoding: base64")
        body = [base64.b64encode(("\n".join(body)).encode()).decode()]
    if kind == "big":
        body = ["x" * 70] * R.randint(1000, 1400)
    return hdr + [""] + body


def session():
    kind = R.choices(["normal", "denied", "rst", "rstmid", "idleclose"], [80, 5, 4, 4, 3])[0]
    src = "127.0.0.1"
    if kind == "denied":
        src = "127.0.0.2"
    elif R.random() < 0.1:
        src = "127.0.0.3"
    try:
        s = connect(src)
    except OSError:
        return
    c = Conn(s)
    try:
        greet = c.line()
        if not greet.startswith("20"):
            s.close()
            return
        if kind == "rst":
            rst(s)
            return
        if R.random() < 0.5:
            u, p = R.choice(USERS)
            c.cmd("AUTHINFO USER " + u)
            c.cmd("AUTHINFO PASS " + p)
        for _ in range(R.randint(1, 12)):
            op = R.choices(["list", "group", "article", "head", "body", "stat", "xover", "next", "last", "post", "help", "newgroups"],
                           [8, 10, 1, 1, 1, 1, 4, 3, 2, 9, 1, 1])[0]
            g = R.choice(GROUPS)
            if op == "list":
                c.cmd(R.choice(["LIST", "LIST ACTIVE", "LIST NEWSGROUPS", "LIST OVERVIEW.FMT"]), True)
            elif op == "group":
                c.cmd("GROUP " + g)
            elif op in ("article", "head", "body", "stat"):
                c.cmd("GROUP " + g)
                c.cmd("%s %d" % (op.upper(), R.randint(1, 30)), True)
            elif op == "xover":
                c.cmd("GROUP " + g)
                c.cmd("XOVER 1-%d" % R.randint(1, 40), True)
            elif op in ("next", "last"):
                c.cmd(op.upper())
            elif op == "help":
                c.cmd("HELP", True)
            elif op == "newgroups":
                c.cmd("NEWGROUPS 200101 000000", True)
            elif op == "post":
                r = c.cmd("POST")
                if r.startswith("340"):
                    for l in article(g):
                        if l.startswith("."):
                            l = "." + l
                        s.sendall((l + "\r\n").encode("latin-1"))
                    s.sendall(b".\r\n")
                    c.line()
            if kind == "rstmid" and R.random() < 0.3:
                s.sendall(b"LIST\r\nLIST\r\nLIST\r\n")
                rst(s)
                return
        if kind == "idleclose":
            s.close()
            return
        c.cmd("QUIT")
        s.close()
    except OSError:
        s.close()


for _ in range(N):
    session()
    time.sleep(R.random() * 0.05)
