#!/usr/bin/env python3
"""Random newsreader sessions against leafnode on 127.0.0.1:59100: reader.py N"""
import random, socket, sys, time
N = int(sys.argv[1])
GROUPS = ["local.test", "comp.misc.demo", "alt.fake.chat", "de.test", "news.answers.demo", "alt.fresh.group", "no.such.group"]
def session():
    try:
        s = socket.create_connection(("127.0.0.1", 59100), timeout=10)
    except OSError:
        return
    f = s.makefile("rwb", buffering=0)
    def cmd(c, multi=False):
        f.write(c.encode() + b"\r\n")
        r = f.readline()
        if multi and r[:3] in (b"100", b"101", b"215", b"220", b"221", b"222", b"224", b"225", b"230", b"231", b"282"):
            while True:
                l = f.readline()
                if not l or l.strip() == b".": break
        return r
    try:
        f.readline()
        if random.random() < 0.08:
            s.close(); return           # client hangs up at once
        cmd("MODE READER")
        for _ in range(random.randint(1, 6)):
            r = random.random()
            g = random.choice(GROUPS)
            if r < 0.25:
                cmd(f"GROUP {g}")
                for _ in range(random.randint(0, 4)):
                    cmd(random.choice(["ARTICLE", "HEAD", "BODY", "STAT"]) + f" {random.randint(1, 25)}", True)
                cmd(random.choice(["NEXT", "LAST", "STAT"]))
            elif r < 0.35: cmd(random.choice(["LIST", "LIST ACTIVE", "LIST NEWSGROUPS", "LIST OVERVIEW.FMT", "LIST EXTENSIONS", "LIST ACTIVE.TIMES", "LIST BOGUS"]), True)
            elif r < 0.45: cmd(f"GROUP {g}"); cmd(f"XOVER {random.randint(1, 5)}-{random.randint(5, 30)}", True)
            elif r < 0.50: cmd(f"GROUP {g}"); cmd(random.choice(["XHDR Subject 1-20", "XHDR Message-ID", "HDR From 1-5"]), True)
            elif r < 0.55: cmd(f"LISTGROUP {g}", True)
            elif r < 0.60: cmd(random.choice(["NEWGROUPS 20260101 000000 GMT", "NEWGROUPS 261201 000000", "NEWNEWS local.test 20260101 000000 GMT", "NEWGROUPS bogus"]), True)
            elif r < 0.66: cmd(random.choice(["DATE", "HELP", "SLAVE", "MODE STREAM", "XYZZY", "ARTICLE", "ARTICLE <nonexistent@nowhere>", "AUTHINFO USER bob", "GROUP", "XOVER", "ARTICLE 3"]), True)
            elif r < 0.80:
                grp = random.choice(GROUPS[:4] + ["local.test,alt.fake.chat", "no.such.group"])
                if cmd("POST")[:3] == b"340":
                    hdr = [f"From: reader{random.randint(1,9)}@example.test", f"Newsgroups: {grp}",
                           f"Subject: test post {random.randint(1, 10**6)}"]
                    if random.random() < 0.15: hdr = [h for h in hdr if not h.startswith(random.choice(["From", "Subject", "Newsgroups"]))]
                    if random.random() < 0.1: hdr.append(f"Message-ID: <dup{random.randint(1,3)}@reader.example.test>")
                    body = ["hello from the reader", "line two"]
                    f.write(("\r\n".join(hdr + [""] + body + ["."]) + "\r\n").encode())
                    f.readline()
            else:
                cmd(f"GROUP {g}"); cmd(f"ARTICLE <{g}.{random.randint(1,20)}.59101@upstream.example.test>", True)
        if random.random() < 0.9: cmd("QUIT")
    except OSError:
        pass
    s.close()
for _ in range(N):
    session()
    if random.random() < 0.2: time.sleep(random.random() * 0.5)
