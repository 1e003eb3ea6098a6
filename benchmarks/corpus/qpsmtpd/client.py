#!/usr/bin/env python3
"""Randomised SMTP sessions against qpsmtpd: client.py PORT SESSIONS SEED"""
import base64, hmac, random, socket, sys, time

PORT, N, SEED = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
R = random.Random(SEED)
WORDS = "lorem ipsum dolor sit amet invoice meeting lunch report urgent hello friday".split()


class S:
    def __init__(self, greet=True):
        self.s = socket.create_connection(("127.0.0.1", PORT), timeout=15)
        self.f = self.s.makefile("rb")
        if greet:
            self.resp()

    def resp(self):
        lines = []
        while True:
            l = self.f.readline().decode("latin-1")
            lines.append(l)
            if len(l) < 4 or l[3] != "-":
                return "".join(lines)

    def cmd(self, c):
        self.s.sendall((c + "\r\n").encode())
        return self.resp()

    def close(self):
        self.s.close()


def message(kind):
    hdr = []
    if kind != "nofrom":
        hdr.append("From: %s <%s@foo.example>" % (R.choice(["Ann", "Bert", "Cleo"]), R.choice(WORDS)))
    if kind == "future":
        hdr.append("Date: Thu, 01 Jan 2037 00:00:00 +0000")
    elif kind == "past":
        hdr.append("Date: Mon, 01 Jan 2001 00:00:00 +0000")
    elif kind != "nodate":
        hdr.append(time.strftime("Date: %a, %d %b %Y %H:%M:%S +0000", time.gmtime()))
    if kind == "loop":
        hdr += ["Received: from hop%d.example by x.example; Mon, 7 Dec 2026 00:00:00 +0000" % i for i in range(R.randint(6, 9))]
    hdr.append("Subject: " + " ".join(R.sample(WORDS, 3)))
    body = [" ".join(R.choice(WORDS) for _ in range(10)) for _ in range(R.randint(1, 15))]
    if kind == "big":
        body = ["y" * 76] * 400
    return "\r\n".join(hdr + [""] + body) + "\r\n.\r\n"


def session():
    kind = R.choices(["mail", "relay", "badfrom", "badrcpt", "badhelo", "early", "unrec", "noop", "auth", "big",
                      "idle", "vrfy", "drop", "noangle", "rset"],
                     [30, 6, 4, 4, 5, 3, 3, 3, 8, 2, 1, 3, 3, 3, 3])[0]
    try:
        if kind == "early":
            s = S(greet=False)
            s.s.sendall(b"EHLO early.example\r\n")
            time.sleep(1.5)
            s.resp(); s.resp()
            s.cmd("QUIT"); s.close(); return
        s = S()
        if kind == "idle":
            time.sleep(7); s.close(); return
        if kind == "drop":
            s.cmd("EHLO dropper.example"); s.close(); return
        helo = R.choice(["client.example", "mx.foo.example", "host%d.example" % R.randint(1, 99)])
        if kind == "badhelo":
            helo = R.choice(["yahoo.com", "friend.example", "localhost", "[127.0.0.1]", "127.0.0.1", "[10.1.2.3]"])
        s.cmd(R.choice(["EHLO", "EHLO", "HELO"]) + " " + helo)
        if kind == "unrec":
            for _ in range(R.randint(2, 5)):
                if not s.cmd(R.choice(["FOO", "BDAT 10", "XYZZY", "GET / HTTP/1.0"])).startswith("5"):
                    break
            s.close(); return
        if kind == "noop":
            for _ in range(R.randint(2, 5)):
                s.cmd("NOOP")
        if kind == "vrfy":
            s.cmd("VRFY alice"); s.cmd("HELP")
        if kind == "auth":
            user, pw = R.choice([("alice@test.example", "wonderland"), ("bob@test.example", "builder"),
                                 ("alice@test.example", "nope"), ("eve@test.example", "x")])
            mech = R.choice(["PLAIN", "LOGIN", "CRAM-MD5"])
            if mech == "PLAIN":
                s.cmd("AUTH PLAIN " + base64.b64encode(("\0%s\0%s" % (user, pw)).encode()).decode())
            elif mech == "LOGIN":
                s.cmd("AUTH LOGIN"); s.cmd(base64.b64encode(user.encode()).decode()); s.cmd(base64.b64encode(pw.encode()).decode())
            else:
                ch = s.cmd("AUTH CRAM-MD5")
                try:
                    chal = base64.b64decode(ch[4:].strip())
                    dig = hmac.new(pw.encode(), chal, "md5").hexdigest()
                    s.cmd(base64.b64encode(("%s %s" % (user, dig)).encode()).decode())
                except Exception:
                    s.cmd("*")
        if kind == "rset":
            s.cmd("MAIL FROM:<a@foo.example>"); s.cmd("RSET")
        sender = "<%s@foo.example>" % R.choice(WORDS)
        if kind == "badfrom":
            sender = R.choice(["<spammer@bad.example>", "<x@evil.example>"])
        if kind == "noangle":
            sender = "someone@foo.example"
        r = s.cmd("MAIL FROM:" + sender)
        if not r.startswith("2"):
            s.cmd("QUIT"); s.close(); return
        rcpts = ["<%s@test.example>" % R.choice(["alice", "bob", "info", "sales"])]
        if kind == "relay":
            rcpts = ["<victim%d@elsewhere.example>" % R.randint(1, 9)]
        if kind == "badrcpt":
            rcpts.append("<nobody@test.example>")
        if kind == "noangle":
            rcpts = ["alice@test.example"]
        if R.random() < 0.2:
            rcpts.append("<carol@local.example>")
        ok = False
        for rc in rcpts:
            ok |= s.cmd("RCPT TO:" + rc).startswith("2")
        if ok and kind not in ("relay",):
            if s.cmd("DATA").startswith("3"):
                mk = "big" if kind == "big" else R.choices(["ok", "nofrom", "nodate", "future", "past", "loop"], [20, 2, 2, 2, 2, 2])[0]
                s.s.sendall(message(mk).encode())
                s.resp()
        s.cmd("QUIT"); s.close()
    except OSError:
        pass


for _ in range(N):
    session()
    time.sleep(R.random() * 0.1)
