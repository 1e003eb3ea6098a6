#!/usr/bin/env python3
"""Fake upstream NNTP server for fetchnews: upstream.py PORT MODE (MODE: good, auth, flaky)."""
import random, socket, sys, threading, time, email.utils
PORT, MODE = int(sys.argv[1]), sys.argv[2]
GROUPS = {"local.test": 8, "comp.misc.demo": 5, "alt.fake.chat": 10, "de.test": 4, "news.answers.demo": 3}
NEWGROUPS = ["alt.fresh.group", "comp.new.stuff"]
WORDS = "news spool upstream article header body test reply posting server leaf node expire fetch".split()
ART = {}
def mkarticles():
    now = time.time()
    for g, n in GROUPS.items():
        for i in range(1, n + 1):
            age = random.choice([0.1, 1, 3, 12, 40, 400]) * 86400 * random.random()
            mid = f"<{g}.{i}.{PORT}@upstream.example.test>"
            hdr = [f"Path: upstream.example.test!not-for-mail", f"From: user{i}@example.test (User {i})",
                   f"Newsgroups: {g}" + (",local.test" if random.random() < 0.15 and g != "local.test" else ""),
                   f"Subject: {' '.join(random.choices(WORDS, k=4))}",
                   f"Date: {email.utils.formatdate(now - age)}"]
            if random.random() > 0.05: hdr.append(f"Message-ID: {mid}")
            if random.random() < 0.3: hdr.append(f"References: <{g}.{max(1, i-1)}.{PORT}@upstream.example.test>")
            body = [" ".join(random.choices(WORDS, k=8)) for _ in range(random.randint(1, 12))]
            hdr.append(f"Lines: {len(body)}")
            ART[(g, i)] = (mid, hdr, body)
mkarticles()
def serve(c):
    f = c.makefile("rwb", buffering=0)
    def out(s): f.write(s.encode() + b"\r\n")
    if MODE == "flaky" and random.random() < 0.3:
        out("400 service temporarily unavailable"); c.close(); return
    out("200 upstream.example.test fake NNTP ready (posting ok)")
    cur = None; authed = MODE != "auth"; user = None
    while True:
        line = f.readline()
        if not line: break
        cmd = line.decode(errors="replace").strip(); w = cmd.split(); v = w[0].upper() if w else ""
        if MODE == "flaky" and random.random() < 0.04: c.close(); return
        if v == "QUIT": out("205 bye"); break
        if v == "AUTHINFO":
            if len(w) > 2 and w[1].upper() == "USER": user = w[2]; out("381 password required"); continue
            if len(w) > 2 and w[1].upper() == "PASS":
                if user == "leaf" and w[2] == "secret": authed = True; out("281 ok")
                else: out("481 authentication rejected")
                continue
        if not authed and v not in ("MODE",): out("480 authentication required"); continue
        if v == "MODE": out("200 reader mode, posting ok")
        elif v == "DATE": out("111 " + time.strftime("%Y%m%d%H%M%S", time.gmtime(time.time() + random.choice([0, 0, 0, 400]))))
        elif v == "LIST" and (len(w) == 1 or w[1].upper() == "ACTIVE"):
            out("215 list follows")
            for g, n in GROUPS.items(): out(f"{g} {n:010d} 0000000001 y")
            for g in NEWGROUPS: out(f"{g} 0000000000 0000000001 y")
            out(".")
        elif v == "LIST" and w[1].upper() == "NEWSGROUPS":
            out("215 descriptions follow")
            for g in GROUPS: out(f"{g}\tFake group {g}")
            out(".")
        elif v == "LIST": out("503 not supported")
        elif v == "NEWGROUPS":
            out("231 new groups follow")
            for g in NEWGROUPS: out(f"{g} 0000000000 0000000001 y")
            out(".")
        elif v == "GROUP":
            g = w[1] if len(w) > 1 else ""
            if g in GROUPS:
                cur = g; n = GROUPS[g]; out(f"211 {n} 1 {n} {g}")
            else: out("411 no such group")
        elif v in ("XOVER", "OVER"):
            if not cur: out("412 no group selected"); continue
            lo, _, hi = (w[1] if len(w) > 1 else "1-").partition("-")
            lo = int(lo or 1); hi = int(hi) if hi else GROUPS[cur]
            out("224 overview follows")
            for i in range(lo, hi + 1):
                if (cur, i) in ART:
                    mid, hdr, body = ART[(cur, i)]; h = dict(x.split(": ", 1) for x in hdr)
                    out("\t".join([str(i), h["Subject"], h["From"], h["Date"], h.get("Message-ID", ""), h.get("References", ""), str(len(body) * 40), str(len(body))]))
            out(".")
        elif v == "XHDR":
            if not cur: out("412 no group selected"); continue
            out("221 headers follow")
            for i in range(1, GROUPS[cur] + 1): out(f"{i} {ART[(cur, i)][0]}")
            out(".")
        elif v in ("ARTICLE", "HEAD", "BODY", "STAT"):
            key = w[1] if len(w) > 1 else ""
            a = None
            if key.startswith("<"):
                a = next(((k, x) for k, x in ART.items() if x[0] == key), None)
            elif cur and key.isdigit() and (cur, int(key)) in ART: a = ((cur, int(key)), ART[(cur, int(key))])
            if not a or (MODE == "flaky" and random.random() < 0.1): out("430 no such article" if key.startswith("<") else "423 no such article number"); continue
            (g, i), (mid, hdr, body) = a
            code = {"ARTICLE": 220, "HEAD": 221, "BODY": 222, "STAT": 223}[v]
            out(f"{code} {i} {mid} article follows")
            if v == "STAT": continue
            if v in ("ARTICLE", "HEAD"):
                for x in hdr: out(x)
            if v == "ARTICLE": out("")
            if v in ("ARTICLE", "BODY"):
                for x in body: out(x)
            out(".")
        elif v == "POST":
            if MODE == "flaky" and random.random() < 0.5: out("440 posting not allowed"); continue
            out("340 send article")
            while True:
                l = f.readline()
                if not l or l.strip() == b".": break
            out(random.choice(["240 article posted", "240 article posted", "441 posting failed: duplicate"]))
        elif v == "HELP": out("100 help follows"); out("."); 
        else: out("500 command not recognized")
    c.close()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", PORT)); s.listen(8)
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
