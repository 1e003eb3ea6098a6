#!/usr/bin/env python3
"""Writes one random e-mail for roundup-mailgw to stdout. usage: mails.py SEED"""
import random, sys
random.seed(int(sys.argv[1]))
n = random.randint(1, 99999)
kind = random.choice(["new", "new", "reply", "unknown_user", "bad_class", "no_from", "help", "bad_prop"])
frm = {"new": "user1@localhost", "reply": "user2@localhost", "unknown_user": "stranger%d@localhost" % n,
       "bad_class": "user3@localhost", "no_from": None, "help": "user1@localhost", "bad_prop": "admin@localhost"}[kind]
subj = {"new": "printer on fire %d" % n, "reply": "Re: [issue%d] something" % random.randint(1, 6),
        "unknown_user": "hello from outside %d" % n, "bad_class": "[nosuchclass] what %d" % n,
        "no_from": "orphan %d" % n, "help": "help", "bad_prop": "[issue1] change [status=nonsense;priority=bogus]"}[kind]
if frm:
    hdr = ["From: %s" % frm, "To: issue_tracker@localhost", "Subject: %s" % subj,
           "Message-Id: <m%d.%d@localhost>" % (n, random.randint(1, 9)), "Content-Type: text/plain; charset=utf-8", ""]
else:   # no sender at all, and nothing else but a subject
    hdr = ["Subject: %s" % subj, ""]
print("\n".join(hdr))
print("Body text %d\nsecond line\n" % n)
