#!/usr/bin/env python3
"""Randomised clients of the Red Eclipse master server protocol. Usage: mclient.py PORT ROUNDS"""
import random
import socket
import sys
import threading
import time

PORT = int(sys.argv[1])
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
R = random.Random()
USERS = ["alice", "bob", "carol", "dave", "ghost", "nobody", "root"]


def session():
    try:
        src = "127.0.0.%d" % R.randint(1, 6)
        s = socket.socket()
        s.bind((src, 0))
        s.settimeout(2)
        s.connect(("127.0.0.1", PORT))
    except OSError:
        return

    def send(line, wait=0.15):
        try:
            s.sendall((line + "\n").encode("latin-1", "replace"))
            time.sleep(wait)
            s.settimeout(0.2)
            try:
                return s.recv(65536).decode("latin-1")
            except socket.timeout:
                return ""
        except OSError:
            return ""

    k = R.random()
    if k < 0.2:
        send(R.choice(["list", "update", "version"]))
    elif k < 0.35:
        # a game server announcement on a port where nothing answers pings
        port = R.choice([56260, 56270, 56280])
        send('server %d * %d "Test server %d" 0 master' % (port, R.choice([220, 230]), R.randint(1, 99)), 0.3)
        if R.random() < 0.5:
            send("stats begin %d %d 0" % (R.randint(1, 5), R.randint(100, 999)))
        if R.random() < 0.5:
            send("reqauth %d %s 127.0.0.%d" % (R.randint(1, 9999), R.choice(USERS), R.randint(1, 9)))
            send("confauth %d deadbeef" % R.randint(1, 9999))
        if R.random() < 0.4:
            out = send("reqserverauth %s" % R.choice(["srvone", "srvtwo", "unknownsrv"]), 0.3)
            if "chalserverauth" in out:  # (confserverauth without a pending request crashes the master)
                send("confserverauth 0123456789abcdef")
        time.sleep(R.uniform(0.2, 1.0))
    elif k < 0.55:
        send("quick")
        for _ in range(R.randint(1, 3)):
            aid = R.randint(1, 99999)
            out = send("reqauth %d %s 10.0.%d.%d" % (aid, R.choice(USERS), R.randint(0, 9), R.randint(1, 254)))
            if "chalauth" in out or R.random() < 0.3:
                send("confauth %d %s" % (aid, R.choice(["00", "abcdef0123", "+1234"])))
        if R.random() < 0.3:
            send("reqauthstats %s" % R.choice(USERS))
    elif k < 0.65:
        send('server %d 10.9.8.%d %d "Spoofed"' % (R.randint(56261, 56299), R.randint(1, 9), 230))
    elif k < 0.75:
        send("GET /%s HTTP/1.0" % R.choice(["", "list", "stats", "favicon.ico"]))
    elif k < 0.9:
        for _ in range(R.randint(1, 3)):
            send(R.choice(["hello", "auth me", "ping", "addserver 1.2.3.4 1", "shutdown",
                           "\x01\x02\x03", "reqauth 1 alice"]))
    else:
        pass  # connect and close without a word
    if R.random() < 0.2:
        send("list")
    try:
        s.close()
    except OSError:
        pass


def main():
    for _ in range(ROUNDS):
        ts = [threading.Thread(target=session) for _ in range(R.randint(1, 3))]
        for t in ts:
            t.start()
            time.sleep(R.uniform(0, 0.2))
        for t in ts:
            t.join()
        time.sleep(R.uniform(0.1, 0.6))


if __name__ == "__main__":
    main()
