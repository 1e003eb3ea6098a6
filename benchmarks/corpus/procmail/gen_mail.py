#!/usr/bin/env python3
"""Write one random mail to stdout. Usage: gen_mail.py KIND SEED"""
import random, sys, time
kind = sys.argv[1]
r = random.Random(int(sys.argv[2]))
users = ["alice", "bob", "carol", "dave", "erin", "frank", "friend.joe", "mallory", "bounce-handler", "news"]
doms = ["pm.test", "example.org", "mail.example.net", "lists.pm.test", "corp.local"]
subjects = {
    "plain": ["hello there", "lunch tomorrow?", "meeting notes", "question about the build", "re: your ticket"],
    "urgent": ["URGENT: server down", "urgent - please read", "urgent invoice"],
    "invoice": ["invoice 2026-%d" % r.randint(100, 999)],
    "report": ["weekly report %d" % r.randint(1, 52), "daily report"],
    "filterme": ["please filterme now"],
    "badfilter": ["badfilter case"],
    "pipecheck": ["pipecheck %d" % r.randint(1, 99)],
    "pipefail": ["pipefail %d" % r.randint(1, 99)],
    "archive": ["archive this"],
    "slowpoke": ["slowpoke delivery"],
    "hold": ["hold the lock"],
    "stale": ["stale lock test"],
    "brokenbox": ["brokenbox delivery"],
    "nolockdir": ["nolockdir delivery"],
    "autoreply": ["autoreply please", "vacation autoreply"],
    "shared": ["shared mailbox %d" % r.randint(1, 999)],
    "headeronly": ["headeronly copy"],
    "spam": ["cheap lottery tickets", "spam: win now"],
    "extra": ["extra rules", "flags test", "conflict test", "nested test", "nolock test", "deadlock test"],
    "switch": ["switch rcfile"],
}
subj = r.choice(subjects.get(kind, subjects["plain"]))
user = r.choice(users)
if kind == "bounce":
    user = "bounce-handler"
dom = r.choice(doms)
if kind == "list":
    dom = "lists.pm.test"
now = time.strftime("%a %b %d %H:%M:%S %Y")
mid = "<%d.%d@%s>" % (r.randint(1, 10**9), r.randint(1, 10**6), dom)
if kind == "dup":
    mid = "<duplicate.1@pm.test>"
out = []
if r.random() < 0.8:
    out.append("From %s@%s  %s" % (user, dom, now))
for i in range(r.randint(0, 3)):
    out.append("Received: from relay%d.%s by mx.pm.test; %s" % (i, dom, now))
out.append("From: %s <%s@%s>" % (user.title(), user, dom))
out.append("To: rcpt@pm.test")
if r.random() < 0.9 or kind != "plain":
    out.append("Subject: %s" % subj)
out.append("Message-ID: %s" % mid)
if kind == "list":
    out.append("List-Id: <%s.lists.pm.test>" % r.choice(["dev", "announce", "users"]))
if kind in ("extra",) or r.random() < 0.05:
    out.append("X-Include: yes")
if kind == "loop":
    out.append("X-Loop: robot@pm.test")
out.append("")
words = "lorem ipsum dolor sit amet total: 42 cheap lottery viagra build deploy".split()
for i in range(r.randint(1, 12)):
    out.append(" ".join(r.choice(words[:6] + words[9:]) for _ in range(r.randint(3, 12))))
if kind == "invoice":
    out.append("total: %d EUR" % r.randint(10, 9999))
if kind == "spam":
    out.append("cheap viagra and a lottery win")
sys.stdout.write("\n".join(out) + "\n")
