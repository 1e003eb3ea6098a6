#!/usr/bin/env python3
"""Write random rbldnsd data files (with occasional bad lines) into DIR: gendata.py DIR [FILE...]"""
import os, random, sys

d = sys.argv[1]
only = set(sys.argv[2:])
CLEAN = os.environ.get("CLEAN") == "1"     # no entry that aborts a dataset load
R = random.random
ri = random.randint


def ip():
    return "%d.%d.%d.%d" % (random.choice([10, 172, 192, 203, 198]), ri(0, 255), ri(0, 255), ri(0, 255))


def head(soa=True):
    out = []
    if soa and R() < 0.7:
        out.append("$SOA %d ns1.r35a. hostmaster.r35a. 0 600 300 86400 300" % ri(300, 3600))
    if R() < 0.6:
        out.append("$NS %d ns1.r35a ns2.r35a" % ri(300, 3600))
    if R() < 0.3:
        out.append("$TTL %d" % ri(60, 3600))
    if R() < 0.1:
        out.append("$BOGUS%d keyword" % ri(1, 9))
    if R() < 0.15:
        out.append("$NS 300 " + "n" * 70 + ".r35a")
    if R() < 0.05 and not CLEAN:
        out.append("$TIMESTAMP 2031:01:01:00:00")
    return out


def bad(kind):
    return R() < 0.08


files = {}
L = head() + [":127.0.0.2:Listed in bl.r35a, see http://bl.r35a/$"]
if R() < 0.4:
    L += ["$MAXRANGE4 /16"] + (["$MAXRANGE4 /8"] if R() < 0.5 else [])
L += ["127.0.0.2", "10.0.0.0/8", "192.168.1.1-192.168.1.20", "!192.168.1.5", "172.16.0.0/16 :127.0.0.3:range"]
for _ in range(ri(5, 60)):
    r = R()
    if r < 0.04: L.append("%d.1.2.3" % ri(256, 999))
    elif r < 0.07: L.append("10.1.2.3/8")
    elif r < 0.09: L.append("1.0.0.0-%d.0.0.0" % ri(50, 200))
    elif r < 0.11: L.append("$9")
    else: L.append(ip() + ("/%d" % random.choice([24, 32]) if R() < 0.2 else ""))
files["bl.ip4"] = L

L = head() + [":127.0.0.2:Domain $ is listed"]
L += ["spam.example", "*.bad.example", "!www.bad.example"]
for _ in range(ri(5, 40)):
    r = R()
    if r < 0.05: L.append("a..b%d.example" % ri(1, 99))
    elif r < 0.08: L.append("x" * 70 + ".example")
    else: L.append("%s%d.example" % (random.choice(["spam", "junk", "phish", "*.bad", ".wild"]), ri(1, 999)))
files["dbl.dn"] = L

L = head() + ["10.0.0.0/8", "172.16.0.0/14 :127.0.0.3:trie listed", "!172.16.1.0/24", "192.168.1.0/24 :127.0.0.4:lan"]
for _ in range(ri(5, 40)):
    r = R()
    if r < 0.05: L.append("%d.0.0.0/8" % ri(256, 999))
    elif r < 0.08: L.append("10.1.2.3/8")
    elif r < 0.1: L.append("198.51.100.0/%d" % ri(33, 40))
    else:
        a = ip().split("."); m = random.choice([24, 32, 32, 16])
        a = a[:m // 8] + ["0"] * (4 - m // 8)
        L.append("%s/%d" % (".".join(a), m))
files["trie.ip4"] = L

L = head() + ["127.0.0.2", "10.1.2.3", "8.8.8.8"]
for _ in range(ri(5, 40)):
    L.append(ip() if R() > 0.06 else "%d.%d.%d" % (ri(1, 300), ri(0, 9), ri(0, 9)))
files["set.ip4"] = L

L = head() + [":127.0.0.5:IPv6 listed", "2001:db8::/32", "2001:db8:0:dead::/64 :127.0.0.6:dead", "!2001:db8:0:1::/64"]
for _ in range(ri(3, 25)):
    r = R()
    if r < 0.06: L.append("2001:zz%d::/48" % ri(1, 9))
    elif r < 0.1: L.append("2001:db8::1/%d" % ri(129, 140))
    else: L.append("2001:db8:%x::/48" % ri(0, 0xffff))
files["v6.trie"] = L

L = head(soa=False) + ["@ A 127.0.0.10", "@ TXT \"generic zone\"", "mail A 127.0.0.11", "mail MX 10 mx.r35a", "txt TXT \"hello $\""]
for _ in range(ri(3, 20)):
    r = R()
    if r < 0.08: L.append("h%d BOGUS %d" % (ri(1, 99), ri(1, 9)))
    elif r < 0.12: L.append("h%d A 999.1.1.1" % ri(1, 99))
    else: L.append("h%d %s" % (ri(1, 99), random.choice(["A 127.0.0.%d" % ri(2, 200), "TXT \"t%d\"" % ri(1, 99), "MX %d mx%d.r35a" % (ri(1, 50), ri(1, 9))])))
files["gen.txt"] = L

L = head()
if R() < 0.1 and not CLEAN: L.append("10.9.9.9")
L += ["$DATASET ip4set ips @", ":127.0.0.7:combined ip", "127.0.0.2", "10.0.0.0/8"]
if R() < 0.3: L.append("999.9.9.9")
L += ["$DATASET dnset dom @", "spam.example", "*.bad.example"]
if R() < 0.25: L += ["$DATASET dnset unused"]
if R() < 0.25 and not CLEAN: L += ["$DATASET acl nope @", "1.2.3.4"]
if R() < 0.2 and not CLEAN: L += ["$DATASET nosuchtype x @"]
files["comb.txt"] = L

for fn, lines in files.items():
    if only and fn not in only:
        continue
    p = os.path.join(d, fn)
    tmp = p + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines) + ("\n" if R() > 0.05 else ""))
        if R() < 0.03:
            f.write("#" + "x" * 700 + "\n")
    os.rename(tmp, p)
