#!/usr/bin/env python3
"""Randomised SMTP client for the salmon receiver. No logging."""
import random, smtplib, socket, sys, time
from email.message import EmailMessage
PORT, N = int(sys.argv[1]), int(sys.argv[2])
R = random.Random()
USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "nobody"]
DOMAINS = ["example.com", "mail.test", "lists.example.org"]
SUBJ = ["hello", "weekly report", "invoice %d", "re: lunch?", "[list] digest #%d", "password reset", "Grüße aus Köln"]

def addr(u=None):
    return "%s@%s" % (u or R.choice(USERS), R.choice(DOMAINS))

def msg(frm, to):
    m = EmailMessage()
    m["From"], m["To"] = frm, to
    s = R.choice(SUBJ)
    m["Subject"] = s % R.randint(1, 999) if "%d" in s else s
    m.set_content("line\n" * R.randint(1, 20) + R.choice(["bye", "Ünïcödé text", "x" * R.randint(10, 400)]))
    if R.random() < 0.15:
        m.add_attachment(bytes(R.randrange(256) for _ in range(R.randint(50, 600))), maintype="application", subtype="octet-stream", filename="data.bin")
    return m

def send(to_list, frm=None, raw=None):
    frm = frm or addr()
    with smtplib.SMTP("127.0.0.1", PORT, timeout=15) as s:
        if R.random() < 0.5:
            s.ehlo("client%d.test" % R.randint(1, 9))
        else:
            s.helo("client.test")
        body = raw if raw is not None else msg(frm, ", ".join(to_list)).as_bytes()
        try:
            s.sendmail(frm, to_list, body)
        except smtplib.SMTPException:
            pass

def raw_session(lines):
    c = socket.create_connection(("127.0.0.1", PORT), timeout=5)
    f = c.makefile("rb")
    f.readline()
    for l in lines:
        c.sendall(l + b"\r\n")
        if l != b"DATA" or True:
            try:
                f.readline()
            except socket.timeout:
                break
    c.close()

for _ in range(N):
    r = R.random()
    try:
        if r < 0.55:
            send([addr()])
        elif r < 0.63:
            send([addr(), addr()])                          # multiple RCPT TO
        elif r < 0.70:
            send([addr(R.choice(USERS) + "-reject")])       # handler answers 550
        elif r < 0.77:
            send([addr(R.choice(USERS) + "-fail")])         # handler raises
        elif r < 0.82:
            send(["postmaster"])                             # no handler matches
        elif r < 0.86:
            send([addr()], raw=b"From: x@y\r\nSubject: =?utf-8?B?broken\r\nContent-Type: text/plain; charset=\"utf-9\"\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@not base64@@@\r\n")
        elif r < 0.90:
            send([addr()], frm="")                           # null sender (bounce)
        elif r < 0.95:
            raw_session(R.choice([[b"HELO x", b"RCPT TO:<a@b>", b"QUIT"], [b"EHLO x", b"MAIL FROM:<bad", b"QUIT"],
                                  [b"FOO bar", b"QUIT"], [b"HELO x", b"MAIL FROM:<a@b>", b"DATA", b"QUIT"],
                                  [b"EHLO x", b"MAIL FROM:<a@b> SIZE=999999999", b"QUIT"]]))
        else:
            send([addr("nobody")])                           # relay refuses this recipient
    except (OSError, smtplib.SMTPException):
        pass
    time.sleep(R.random() * 0.15)
