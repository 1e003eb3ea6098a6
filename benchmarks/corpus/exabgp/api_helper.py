#!/usr/bin/env python3
"""ExaBGP API helper: random announce/withdraw/show commands, some wrong ones; exits now and then."""
import random, sys, threading, time

def drain():
    for _ in sys.stdin:
        pass
    sys.exit(0)

threading.Thread(target=drain, daemon=True).start()

def send(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()

announced = []
life = random.randint(15, 60)
start = time.time()
time.sleep(2)
while time.time() - start < life:
    r = random.random()
    if r < 0.30:
        p = "10.%d.%d.0/24" % (random.randint(20, 29), random.randint(0, 255))
        extra = random.choice(["", " med %d" % random.randint(1, 500), " local-preference %d" % random.randint(50, 300),
                               " community [65001:%d]" % random.randint(1, 99), " as-path [ 65001 %d ]" % random.randint(64512, 65000)])
        tgt = random.choice(["", "neighbor 127.0.0.2 ", "neighbor 127.0.0.3 "])
        send("%sannounce route %s next-hop %s%s" % (tgt, p, random.choice(["self", "127.0.0.1"]), extra))
        announced.append(p)
    elif r < 0.45 and announced:
        p = announced.pop(random.randrange(len(announced)))
        send("withdraw route %s next-hop self" % p)
    elif r < 0.50:
        send("withdraw route 10.99.%d.0/24 next-hop 127.0.0.1" % random.randint(0, 255))
    elif r < 0.55:
        send("neighbor 127.0.0.77 announce route 10.66.0.0/16 next-hop self")
    elif r < 0.60:
        send("announce route 300.1.2.0/24 next-hop self")
    elif r < 0.64:
        send(random.choice(["frobnicate the widgets", "announce nonsense", "hello exabgp", "list all the things"]))
    elif r < 0.70:
        send(random.choice(["show neighbor summary", "show neighbor extensive", "show adj-rib out", "show adj-rib in", "version"]))
    elif r < 0.74:
        send("# helper checkpoint %d" % random.randint(1, 9999))
    elif r < 0.78:
        send("announce route-refresh ipv4 unicast")
    elif r < 0.82:
        send(random.choice(["announce eor ipv4 unicast", "announce eor ipv6 unicast", "announce eor bogus family"]))
    elif r < 0.88:
        send("announce route 2001:db8:%x::/48 next-hop 127.0.0.1" % random.randint(1, 4000))
    time.sleep(random.random() * 1.2)
sys.exit(random.choice([0, 1]))
