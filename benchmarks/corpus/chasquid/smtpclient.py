#!/usr/bin/env python3
"""Random SMTP sessions against chasquid: smtpclient.py COUNT"""
import random, smtplib, socket, ssl, sys, time

SMTP, SUB, SUBTLS = 42025, 42587, 42465
CTX = ssl.create_default_context()
CTX.check_hostname = False
CTX.verify_mode = ssl.CERT_NONE
LOCAL = ["alice@r34.example", "bob@r34.example", "team@r34.example", "postmaster@r34.example",
         "a.l.i.c.e@r34.example", "alice+news@r34.example", "bob-lists@r34.example", "ext@r34.example",
         "pipe@r34.example", "broken-pipe@r34.example", "carol@lab.example", "list@lab.example",
         "dave@lab.example", "full-box@lab.example", "broken-box@lab.example", "slow-box@lab.example",
         "drop@r34.example"]
UNKNOWN = ["nobody@r34.example", "ghost@lab.example", "x@unknown.example"]
REMOTE = ["friend@faraway.example", "someone@nowhere.invalid", "user@example.com"]
SENDERS = ["sender@outside.example", "news@list.example", "", "bounce@mailer.example"]
USERS = [("alice@r34.example", "alicepw"), ("bob@r34.example", "bobpw"), ("dave@lab.example", "davepw")]

def body(kind="plain"):
    text = {"plain": "hello %d" % random.randint(1, 9999), "reject": "please REJECTME now",
            "temp": "TEMPFAIL please", "big": "x" * 1100000}[kind]
    return ("Subject: test %d\r\nFrom: t@outside.example\r\n\r\n%s\r\n" % (random.randint(1, 999), text)).encode()

def mail(s, frm, rcpts, kind="plain"):
    try:
        s.mail(frm)
        ok = 0
        for r in rcpts:
            code, _ = s.rcpt(r)
            ok += code < 300
        if ok:
            s.data(body(kind))
        else:
            s.rset()
    except smtplib.SMTPException:
        pass

def inbound():
    s = smtplib.SMTP("127.0.0.1", SMTP, local_hostname=random.choice(["client.outside.example", "[10.1.2.3]", "localhost"]), timeout=10)
    s.ehlo()
    if random.random() < 0.6:
        s.starttls(context=CTX)
        s.ehlo()
    for _ in range(random.randint(1, 3)):
        rc = random.sample(LOCAL, random.randint(1, 3))
        if random.random() < 0.2:
            rc.append(random.choice(UNKNOWN + REMOTE))
        kind = random.choices(["plain", "reject", "temp", "big"], [20, 2, 2, 1])[0]
        mail(s, random.choice(SENDERS), rc, kind)
    s.quit()

def submission():
    if random.random() < 0.3:
        s = smtplib.SMTP_SSL("127.0.0.1", SUBTLS, local_hostname="laptop.r34.example", context=CTX, timeout=10)
        s.ehlo()
    else:
        s = smtplib.SMTP("127.0.0.1", SUB, local_hostname="laptop.r34.example", timeout=10)
        s.ehlo()
        if random.random() < 0.1:
            try:
                s.login("alice@r34.example", "alicepw")  # without TLS: not offered
            except smtplib.SMTPException:
                pass
            s.quit()
            return
        s.starttls(context=CTX)
        s.ehlo()
    user, pw = random.choice(USERS)
    if random.random() < 0.2:
        pw = "wrong" + pw
    if random.random() < 0.1:
        user = "mallory@r34.example"
    try:
        s.login(user, pw)
    except smtplib.SMTPException:
        s.close()
        return
    for _ in range(random.randint(1, 2)):
        frm = user if random.random() < 0.85 else "someoneelse@r34.example"
        rc = random.sample(REMOTE + LOCAL, random.randint(1, 2))
        mail(s, frm, rc)
    s.quit()

def raw():
    c = socket.create_connection(("127.0.0.1", random.choice([SMTP, SUB])), timeout=5)
    f = c.makefile("rb")
    f.readline()
    script = random.choice([
        [b"HELO\r\n", b"EHLO x\r\n", b"MAIL FROM:<bad address>\r\n", b"QUIT\r\n"],
        [b"EHLO x\r\n", b"RCPT TO:<alice@r34.example>\r\n", b"DATA\r\n", b"QUIT\r\n"],
        [b"EHLO x\r\n", b"FOOBAR baz\r\n", b"VRFY alice\r\n", b"EXPN team\r\n", b"HELP\r\n", b"NOOP\r\n", b"QUIT\r\n"],
        [b"EHLO x\r\n", b"MAIL FROM:<a@outside.example> SIZE=99999999\r\n", b"QUIT\r\n"],
        [b"EHLO x\r\n", b"MAIL FROM:<a@outside.example>\r\n", b"RCPT TO:<friend@faraway.example>\r\n", b"QUIT\r\n"],
        [b"EHLO x\r\n", b"AUTH PLAIN AGFsaWNlAGFsaWNlcHc=\r\n", b"QUIT\r\n"],
        [b"EHLO x\r\n", b"MAIL FROM:<a@outside.example>\r\n", b"MAIL FROM:<b@outside.example>\r\n", b"QUIT\r\n"],
        [b"EHLO x\r\n", b"STARTTLS\r\n"],
        [b"EHLO x\r\n", b"X" * 3000 + b"\r\n", b"QUIT\r\n"],
        [b"GET / HTTP/1.1\r\n", b"Host: x\r\n"],
        [b"EHLO x\r\n"],
    ])
    for line in script:
        c.sendall(line)
        try:
            f.readline()
        except OSError:
            break
    c.close()

if __name__ == "__main__":
    for _ in range(int(sys.argv[1])):
        fn = random.choices([inbound, submission, raw], [10, 5, 4])[0]
        try:
            fn()
        except (OSError, smtplib.SMTPException):
            pass
        time.sleep(random.random() * 0.1)
