#!/usr/bin/env python3
"""Raw protocol client for a csync2 daemon: sends a random mix of valid, refused and garbage commands."""
import random, socket, sys, os

host, port, src, key = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
files = ["%data%/etc/a.conf", "%data%/www/index.html", "%data%/www/nosuch.html", "/etc/passwd",
         "%data%/manual/m1.txt", "%data%/www/x.tmp", "%data%/etc/newdir"]
s = socket.socket()
s.settimeout(3)
try:
    if src != "-":
        s.bind((src, 0))
    s.connect((host, port))
except OSError as e:
    print("connect failed:", e); sys.exit(0)
f = s.makefile("rwb", buffering=0)

def cmd(line):
    try:
        s.sendall(line.encode() + b"\n")
        return s.recv(4096).decode(errors="replace").strip()
    except OSError as e:
        return "ERR %s" % e

script = []
if random.random() < 0.3:
    script.append(random.choice(["SIG %s %%data%%/etc/a.conf" % key, "LIST %s x y" % key]))   # before HELLO
script.append("HELLO %s" % random.choice([src, src, src, "127.0.0.99", "nosuch.invalid", "127.0.0.12"]))
for _ in range(random.randint(1, 5)):
    k = random.choice([key, key, "badkey"])
    c = random.choice(["SIG %s %s" % (k, random.choice(files)),
                       "GETTM %s %s" % (k, random.choice(files)),
                       "GETSZ %s %s" % (k, random.choice(files)),
                       "TYPE %s %s" % (k, random.choice(files)),
                       "MARK %s %s" % (k, random.choice(files)),
                       "FLUSH %s %s" % (k, random.choice(files)),
                       "DEL %s %s" % (k, random.choice(files)),
                       "MKDIR %s %s" % (k, random.choice(files)),
                       "SETMOD %s %s 420" % (k, random.choice(files)),
                       "SETOWN %s %s 0 0" % (k, random.choice(files)),
                       "SETIME %s %s 1700000000" % (k, random.choice(files)),
                       "GROUP cluster", "GROUP nosuchgroup",
                       "FOOBAR 1 2 3", "".join(random.choice("abcXYZ%&;<> ") for _ in range(20)),
                       "DEBUG 3"])
    cmd(c)
if random.random() < 0.7:
    cmd("BYE")
s.close()
