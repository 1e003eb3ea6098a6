#!/usr/bin/env python3
"""SMTP sender in front of spampd: ham, spam, large mail, odd commands, aborted sessions.
usage: smtpclient.py PORT COUNT SEED"""
import random
import smtplib
import socket
import sys
import time

port, count, rng = int(sys.argv[1]), int(sys.argv[2]), random.Random(int(sys.argv[3]))
GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"
users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "unknown.user"]
words = "meeting report invoice lunch tomorrow project budget draft review schedule notes please attached thanks".split()


def addr(d="r33f.test"):
    return "%s@%s" % (rng.choice(users), d)


def message(kind, sender, rcpts):
    hdr = ["From: <%s>" % sender, "To: " + ", ".join("<%s>" % r for r in rcpts),
           "Subject: " + " ".join(rng.choice(words) for _ in range(rng.randint(1, 5))),
           "Date: Sun, 06 Dec 2026 21:%02d:%02d +0000" % (rng.randrange(60), rng.randrange(60))]
    if rng.random() < 0.85:
        hdr.append("Message-ID: <%x.%d@%s>" % (rng.getrandbits(48), rng.randrange(1000), rng.choice(["r33f.test", "mail.example.org", "mx.local"])))
    if rng.random() < 0.2:
        hdr.append("X-Envelope-From: <%s>" % sender)
    body = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 14))) for _ in range(rng.randint(1, 30))]
    if kind == "spam":
        body.insert(rng.randrange(len(body) + 1), GTUBE)
    elif kind == "spammy":
        body += ["CLICK HERE NOW!!! FREE MONEY $$$ viagra cheap meds", "Buy now, limited offer, 100% FREE, act now!!!",
                 "http://bit.example/xyz?win=1  unsubscribe"] * rng.randint(1, 5)
        hdr[2] = "Subject: FREE!!! YOU HAVE WON $1,000,000 !!!"
    elif kind == "large":
        body += ["x" * 76] * rng.randint(900, 2000)
    return "\r\n".join(hdr) + "\r\n\r\n" + "\r\n".join(body) + "\r\n"


def normal():
    kind = rng.choice(["ham"] * 6 + ["spam", "spam", "spammy", "large"])
    s = smtplib.SMTP("127.0.0.1", port, timeout=60)
    try:
        s.ehlo("client%d.r33f.test" % rng.randrange(9)) if rng.random() < 0.8 else s.helo("oldclient")
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            sender = addr(rng.choice(["r33f.test", "example.org", "spam.example"]))
            rcpts = [addr() for _ in range(rng.choice([1, 1, 2, 3]))]
            try:
                s.sendmail(sender, rcpts, message(kind, sender, rcpts))
            except smtplib.SMTPException:
                try:
                    s.rset()
                except smtplib.SMTPException:
                    break
        if rng.random() < 0.2:
            s.noop()
        s.quit()
    except (smtplib.SMTPException, OSError):
        pass


def raw(lines, close_early=False):
    c = socket.create_connection(("127.0.0.1", port), timeout=30)
    f = c.makefile("rb")
    try:
        f.readline()
        for l in lines:
            c.sendall(l.encode() + b"\r\n")
            if l.upper() != "DATA-BODY":
                f.readline()
        if close_early:
            c.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    f.close()
    c.close()


for i in range(count):
    r = rng.random()
    try:
        if r < 0.70:
            normal()
        elif r < 0.78:
            raw(["EHLO odd.r33f.test", rng.choice(["VRFY alice", "EXPN staff", "HELP", "ETRN r33f.test", "NOOP", "XYZZY"]), "QUIT"])
        elif r < 0.85:
            # hang up in the middle of a transaction
            lines = ["HELO x.r33f.test", "MAIL FROM:<%s>" % addr()]
            if rng.random() < 0.5:
                lines += ["RCPT TO:<%s>" % addr()]
            raw(lines, close_early=True)
        elif r < 0.90:
            # connect and go away without a word
            c = socket.create_connection(("127.0.0.1", port), timeout=10)
            if rng.random() < 0.5:
                c.recv(512)
            c.close()
        elif r < 0.95:
            raw(["HELO x.r33f.test", "RSET", "MAIL FROM:<%s>" % addr(), "RSET", "QUIT"])
        else:
            # abort during DATA
            c = socket.create_connection(("127.0.0.1", port), timeout=30)
            f = c.makefile("rb")
            f.readline()
            for l in ["HELO x.r33f.test", "MAIL FROM:<%s>" % addr(), "RCPT TO:<%s>" % addr(), "DATA"]:
                c.sendall(l.encode() + b"\r\n")
                f.readline()
            c.sendall(b"Subject: cut\r\n\r\nhalf a message")
            f.close()
            c.close()
    except OSError:
        pass
    time.sleep(rng.uniform(0, 0.3))
