#!/usr/bin/env python3
"""Postfix policy-protocol client for postfwd2 (acts like several smtpd processes).
usage: pfclient.py HOST PORT mix N        N random requests over a few connections
       pfclient.py HOST PORT scen N [NAMES]   N requests aimed at ruleset parts (comma list)
       pfclient.py HOST PORT garbage N    malformed lines, wrong request types, hang-ups
       pfclient.py HOST PORT burst IP N   N requests from one client IP (rate limits)
       pfclient.py unix:PATH - cache N    raw commands straight to the cache daemon socket
"""
import random, socket, sys, time

HOSTS = ["127.0.0.%d" % i for i in range(2, 40)] + ["10.1.2.%d" % i for i in (3, 4, 99)] + ["192.0.2.7", "2001:db8::25"]
NAMES = ["mx1.example.org", "smtp.example.net", "unknown", "mail.spammer.test", "relay.lists.example.com",
         "dsl-77-1.dyn.isp.test", "localhost", "webmail.shop.invalid"]
USERS = ["alice", "dave", "frank", "grace", "heidi", "judy", "mallory"]   # none of them triggers a special rule
DOMS = ["example.org", "example.net", "mail.test", "spammer.test", "lists.example.com", "shop.invalid", "localdomain"]
STATES = ["RCPT", "RCPT", "RCPT", "MAIL", "DATA", "END-OF-MESSAGE", "CONNECT", "VRFY", "ETRN"]

def addr():
    return "%s@%s" % (random.choice(USERS), random.choice(DOMS))

def request(ip=None):
    r = {
        "request": "smtpd_access_policy",
        "protocol_state": random.choice(STATES),
        "protocol_name": random.choice(["ESMTP", "SMTP", "ESMTPA", "ESMTPS"]),
        "client_address": ip or random.choice(HOSTS),
        "client_name": random.choice(NAMES),
        "helo_name": random.choice(NAMES + ["[127.0.0.1]"]),
        "sender": random.choice([addr(), addr(), addr(), ""]),
        "recipient": addr(),
        "recipient_count": str(random.choice([0, 1, 1, 2, 3])),
        "instance": "%x.%x.%x.0" % (random.getrandbits(16), random.getrandbits(32), random.getrandbits(16)),
        "size": str(random.choice([0, 512, 4096, 64063, 250000])),
    }
    if random.random() < 0.3:
        r["queue_id"] = "%X" % random.getrandbits(40)
    if random.random() < 0.15:
        r["sasl_username"] = random.choice(USERS)
    return r

def u(r, **kw):
    r.update(kw); return r

# each scenario is aimed at one part of the ruleset written by workload.sh
SCEN = {
    "plain":   lambda r: u(r, sender="%s@shop.invalid" % random.choice(["alice", "dave"]), recipient="dave@localdomain",
                           client_name="mx1.example.org", helo_name="mx1.example.org"),
    "trusted": lambda r: u(r, client_address=random.choice(["127.0.0.7", "127.0.0.8", "10.1.2.4"])),
    "score":   lambda r: u(r, client_name="unknown", helo_name=random.choice(["x", "HELO", "unknown"]),
                           client_address="127.0.0.%d" % random.randint(20, 30)),
    "big":     lambda r: u(r, size=str(random.choice([15000000, 25000000])), client_address="10.1.2.%d" % random.randint(10, 20),
                           client_name="smtp.example.net", helo_name="smtp.example.net"),
    "mx":      lambda r: u(r, sender="%s@%s" % (random.choice(["alice", "dave"]), random.choice(["example.net", "mail.test", "spammer.test"])),
                           client_address="127.0.0.%d" % random.randint(40, 60), client_name="smtp.example.net",
                           helo_name=random.choice(["smtp.example.net", "webmail.shop.invalid"]), recipient="dave@example.org"),
    "ns":      lambda r: u(r, sender="dave@%s" % random.choice(["example.org", "lists.example.com", "shop.invalid"]),
                           client_address="127.0.0.%d" % random.randint(40, 60), client_name="mx1.example.org",
                           helo_name="mx1.example.org", recipient="alice@example.net"),
    "billing": lambda r: u(r, sender="billing@%s" % random.choice(DOMS)),
    "noreply": lambda r: u(r, sender="noreply@%s" % random.choice(DOMS)),
    "ask":     lambda r: u(r, sender="postmaster@%s" % random.choice(["example.org", "example.org", "example.net"])),
    "info":    lambda r: u(r, recipient="info@%s" % random.choice(DOMS), sender=random.choice(["info@mail.test", addr(), addr()]),
                           protocol_state=random.choice(["RCPT", "VRFY", "DATA"]), recipient_count=random.choice(["1", "3"]),
                           sasl_username=random.choice(["", "", "grace"])),
    "news":    lambda r: u(r, recipient="news@%s" % random.choice(DOMS), sender="dave@example.org"),
    "carol":   lambda r: u(r, recipient="carol@%s" % random.choice(DOMS), sender="dave@example.org"),
    "erin":    lambda r: u(r, recipient="erin@%s" % random.choice(DOMS), sender="dave@example.org",
                           protocol_state=random.choice(["VRFY", "RCPT"])),
    "bob":     lambda r: u(r, recipient="bob@%s" % random.choice(DOMS), sender="dave@example.org"),
}

def scen(host, port, n, names):
    names = names.split(",") if names else [k for k in SCEN if k != "plain"] + ["plain"] * (random.random() < 0.3)
    order = random.sample(names, len(names))      # n <= len(names): each chosen scenario at most once first
    last = None; left = n
    while left > 0:
        per = min(left, random.randint(1, 4))
        try:
            s = conn(host, port); f = s.makefile("rb")
        except OSError as e:
            print("connect failed: %s" % e); return
        for _ in range(per):
            if last and random.random() < 0.2:
                r = dict(last); r["instance"] = "%x.%x.%x.0" % (random.getrandbits(16), random.getrandbits(32), 1); name = "repeat"
            else:
                name = order.pop() if order else random.choice(names); r = SCEN[name](request())
            last = r
            print(name, r["client_address"], r["sender"], r["recipient"], "->", send_req(s, f, r))
        s.close(); left -= per
        time.sleep(random.random() * 0.05)

def conn(host, port):
    if host.startswith("unix:"):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.connect(host[5:])
    else:
        s = socket.create_connection((host, int(port)), timeout=5)
    s.settimeout(5)
    return s

def readline(f):
    try:
        return f.readline().decode("latin-1").rstrip("\n")
    except OSError as e:
        return "[%s]" % e

def send_req(s, f, r):
    s.sendall("".join("%s=%s\n" % kv for kv in r.items()).encode() + b"\n")
    ans = readline(f); readline(f)
    return ans

def mix(host, port, n):
    left = n
    while left > 0:
        per = min(left, random.randint(1, 8))
        try:
            s = conn(host, port); f = s.makefile("rb")
        except OSError as e:
            print("connect failed: %s" % e); return
        for _ in range(per):
            r = request()
            print(r["client_address"], r["sender"], r["recipient"], "->", send_req(s, f, r))
        s.close(); left -= per
        time.sleep(random.random() * 0.05)

def burst(host, port, ip, n):
    s = conn(host, port); f = s.makefile("rb")
    sender = addr()
    for _ in range(n):
        r = request(ip); r["sender"] = sender; r["protocol_state"] = "RCPT"
        print(ip, "->", send_req(s, f, r))
    s.close()

def twice(host, port):
    """the same request twice (new instance), as when a client retries: second answer comes from the cache"""
    s = conn(host, port); f = s.makefile("rb")
    r = SCEN["trusted"](request())
    for k in range(2):
        r["instance"] = "%x.%x.%x.%d" % (random.getrandbits(16), random.getrandbits(32), 7, k)
        print("twice", r["client_address"], "->", send_req(s, f, r))
    s.close()

def garbage(host, port, n):
    kinds = random.sample(range(7), 7)
    for _ in range(n):
        try:
            s = conn(host, port); f = s.makefile("rb")
        except OSError as e:
            print("connect failed: %s" % e); return
        k = kinds.pop() if kinds else random.randint(0, 6)
        if k == 0:    # junk lines then a proper request
            s.sendall(random.choice([b"HELO there\n", b"GET / HTTP/1.0\n", b"\x16\x03\x01\x02\x00\x01\n",
                                     b"just some words\n", b"QUIT\n"]) + b"\n")
            print("junk ->", send_req(s, f, request()))
        elif k == 1:  # wrong request type
            r = request(); r["request"] = random.choice(["junk_request", "smtpd_access", "delegate", ""])
            s.sendall("".join("%s=%s\n" % kv for kv in r.items()).encode() + b"\n")
            s.settimeout(1.5)
            print("badtype ->", readline(f))
        elif k == 2:  # empty request: only the blank line
            s.sendall(b"\n"); s.settimeout(1.5); print("empty ->", readline(f))
        elif k == 3:  # hang up in the middle of a request
            s.sendall(b"request=smtpd_access_policy\nclient_address=127.0.0.9\nsender=")
        elif k == 4:  # overlong attribute value and name
            r = request(); r["helo_name"] = "h" * random.randint(600, 2000)
            s.sendall(("x" * 700 + "=1\n").encode())
            print("long ->", send_req(s, f, r))
        elif k == 5:  # PING like the master does / DUMPSTATS command on the policy port
            s.sendall(random.choice([b"PING\n", b"CMD=DS;\n", b"CMD=XX;\n"])); s.settimeout(1.5)
            print("cmd ->", readline(f))
        else:         # connect and leave without a word
            pass
        s.close()

def cache(path, n):
    cmds = ["PING", "CMD=DS;", "CMD=DC;", "CMD=GC;TYPE=request;ITEM=nothing-here",
            "CMD=SC;TYPE=request;ITEM=manual-%d///action=DUNNO///until=%d///ttl=60" % (random.randint(1, 99), time.time() + 60),
            "CMD=GR;TYPE=rate;ITEM=client_address=127.0.0.3~~~RATE1+3_60",
            "CMD=CR;TYPE=rate;ITEM=client_address=127.0.0.3:::;SIZE=100;RCPT=1",
            "CMD=RC nosuchitem", "CMD=RR client_address=127.0.0.250",
            "HELLO CACHE", "CMD=ZZ;", "flush all", "CMD=GV;TYPE=dns;ITEM=x///KEY=y"]
    for _ in range(n):
        s = conn(path, 0); f = s.makefile("rb")
        c = random.choice(cmds)
        s.sendall(c.encode() + b"\n")
        print(c, "->", readline(f)[:200])
        s.close()

host, port, mode = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == "mix": mix(host, port, int(sys.argv[4]))
elif mode == "scen": scen(host, port, int(sys.argv[4]), sys.argv[5] if len(sys.argv) > 5 else "")
elif mode == "burst": burst(host, port, sys.argv[4], int(sys.argv[5]))
elif mode == "twice": twice(host, port)
elif mode == "garbage": garbage(host, port, int(sys.argv[4]))
elif mode == "cache": cache(host, int(sys.argv[4]))
