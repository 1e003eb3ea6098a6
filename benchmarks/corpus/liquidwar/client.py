#!/usr/bin/python3
"""Scripted Liquid War protocol client for the workload: python3 client.py PORT SCENARIO [SEED]."""
import random, socket, sys, time

port, scen = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else None)
s = socket.create_connection(("127.0.0.1", port), timeout=15)
f = s.makefile("rb")


def say(line, wait=True):
    s.sendall(line.encode() + b"\n")
    if wait:
        try:
            return f.readline().decode(errors="replace").strip()
        except OSError:
            return ""


def handshake(pw, prog="liquidwar", ver="5.6.5"):
    say("PROGRAM " + prog)
    say("VERSION " + ver)
    say("PASSWORD " + pw)
    say("FREE")


try:
    if scen == "ping":
        say("PING")
        if rnd.random() < 0.5:
            say("ECHO hello")
        say("QUIT", wait=False)
    elif scen == "badprog":
        handshake("pw", prog=rnd.choice(["liquidwor", "doom"]))
        say("READY", wait=False)
    elif scen == "badver":
        handshake("pw", ver=rnd.choice(["5.4.0", "9.9"]))
        say("READY", wait=False)
    elif scen == "badpw":
        handshake(rnd.choice(["wrong", "", "pw2"]))
        say("READY", wait=False)
    elif scen == "garbage":
        say(rnd.choice(["HELLO", "GET / HTTP/1.0", "TEAM", "TEAM x", "TEAM 1,0", "START"]))
        say("QUIT", wait=False)
    elif scen == "drop":
        say("PROGRAM liquidwar")
    elif scen == "join":
        handshake("pw")
        n = rnd.randint(1, 2)
        for i in range(n):
            say("TEAM %d,0,%s" % (rnd.randint(0, 5), rnd.choice(["red", "blue", "green", "Bob", "x y"])))
        if rnd.random() < 0.3:
            say("TEAM 42,0,nope")
        say("READY", wait=False)
        time.sleep(0.3)
        for _ in range(rnd.randint(1, 6)):
            m = rnd.choice(["PING", "WAITING", "NEXT", "TEAMSTARTINFO", "CHATLISTEN", "START", "BOGUS"])
            if m == "CHATLISTEN" and rnd.random() < 0.6:
                m = "CHATTALK " + rnd.choice(["hello", "gg", "ready?", "wait"])
            say(m)
            time.sleep(rnd.random() * 0.3)
        if rnd.random() < 0.5:
            say("QUIT", wait=False)
        time.sleep(rnd.random())
except OSError:
    pass
s.close()
