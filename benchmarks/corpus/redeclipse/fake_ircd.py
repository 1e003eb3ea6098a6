#!/usr/bin/env python3
"""Tiny randomised IRC server for the Red Eclipse IRC relay/client. Usage: fake_ircd.py PORT SECONDS"""
import random
import socket
import sys
import threading
import time

PORT = int(sys.argv[1])
LIFE = float(sys.argv[2]) if len(sys.argv) > 2 else 120
R = random.Random()
USERS = ["alice", "bob", "carol", "dave", "eve", "mallory", "trent", "zed"]
SRV = "irc.test.local"


def handle(conn):
    conn.settimeout(0.2)
    buf = b""
    nick = None
    stop = time.time() + R.uniform(20, 60)

    def send(line):
        try:
            conn.sendall((line + "\r\n").encode())
        except OSError:
            pass

    def readlines():
        nonlocal buf
        out = []
        try:
            d = conn.recv(4096)
            if not d:
                return None
            buf += d
        except socket.timeout:
            pass
        except OSError:
            return None
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            out.append(line.decode("utf-8", "replace").strip())
        return out

    # registration
    t0 = time.time()
    while nick is None and time.time() - t0 < 5:
        ls = readlines()
        if ls is None:
            return
        for ln in ls:
            if ln.startswith("NICK "):
                nick = ln.split()[1]
    if nick is None:
        conn.close()
        return
    if R.random() < 0.4:
        send(":%s 433 * %s :Nickname is already in use" % (SRV, nick))
        t1 = time.time()
        while time.time() - t1 < 2:
            ls = readlines()
            if ls is None:
                return
            got = [ln for ln in ls if ln.startswith("NICK ")]
            if got:
                nick = got[-1].split()[1]
                break
    send(":%s 001 %s :Welcome to the Test IRC Network %s" % (SRV, nick, nick))
    send(":%s 002 %s :Your host is %s, running version fakeircd-0.1" % (SRV, nick, SRV))
    send(":%s 003 %s :This server was created today" % (SRV, nick))
    send(":%s 005 %s CHANTYPES=# NICKLEN=30 :are supported by this server" % (SRV, nick))
    send(":%s 251 %s :There are %d users on 1 server" % (SRV, nick, R.randint(3, 40)))
    send(":%s 375 %s :- %s Message of the day -" % (SRV, nick, SRV))
    for i in range(R.randint(1, 4)):
        send(":%s 372 %s :- rule %d: be nice" % (SRV, nick, i + 1))
    send(":%s 376 %s :End of /MOTD command." % (SRV, nick))
    joined = []
    while time.time() < stop:
        ls = readlines()
        if ls is None:
            return
        for ln in ls:
            parts = ln.split()
            if not parts:
                continue
            if parts[0] == "JOIN" and len(parts) > 1:
                ch = parts[1]
                if ch == "#banned" or (R.random() < 0.15):
                    send(":%s 474 %s %s :Cannot join channel (+b)" % (SRV, nick, ch))
                    continue
                joined.append(ch)
                send(":%s!re@127.0.0.1 JOIN %s" % (nick, ch))
                send(":%s 332 %s %s :Welcome to %s" % (SRV, nick, ch, ch))
                send(":%s 353 %s = %s :%s @%s" % (SRV, nick, ch, nick, " ".join(R.sample(USERS, 3))))
                send(":%s 366 %s %s :End of /NAMES list." % (SRV, nick, ch))
            elif parts[0] == "PING" and len(parts) > 1:
                send(":%s PONG %s :%s" % (SRV, SRV, parts[1]))
        if not joined and R.random() < 0.7:
            continue
        ch = R.choice(joined) if joined else "#redeclipse"
        u = R.choice(USERS)
        pre = ":%s!%s@host%d.example.net" % (u, u, R.randint(1, 9))
        k = R.random()
        if k < 0.22:
            send("%s PRIVMSG %s :%s" % (pre, ch, R.choice(["hi all", "anyone up for a match?", "gg",
                                                            "server lagging?", "brb", "lol %d" % R.randint(1, 99)])))
        elif k < 0.30 and not nick.startswith("rebot"):
            # addressed to the bot by name (only on the plain client network)
            send("%s PRIVMSG %s :%s: %s" % (pre, ch, nick, R.choice(["status?", "hello bot", "who is on"])))
        elif k < 0.36:
            send("%s PRIVMSG %s :%s" % (pre, nick, R.choice(["private hello", "are you a bot?"])))
        elif k < 0.41:
            send("%s PRIVMSG %s :\x01ACTION %s\x01" % (pre, ch, R.choice(["waves", "dances", "sighs"])))
        elif k < 0.45:
            send("%s PRIVMSG %s :\x01VERSION\x01" % (pre, nick))
        elif k < 0.48:
            send("%s PRIVMSG %s :\x01PING %d\x01" % (pre, nick, R.randint(1000, 99999)))
        elif k < 0.50:
            send("%s PRIVMSG %s :\x01TIME\x01" % (pre, nick))
        elif k < 0.53:
            send("%s NOTICE %s :\x01VERSION mIRC v%d.%d\x01" % (pre, nick, R.randint(5, 7), R.randint(0, 9)))
        elif k < 0.58:
            send("%s NOTICE %s :%s" % (pre, ch, R.choice(["maintenance soon", "notice me"])))
        elif k < 0.62:
            send("%s NICK %s_%d" % (pre, u, R.randint(1, 9)))
        elif k < 0.67:
            send("%s JOIN %s" % (pre, ch))
        elif k < 0.71:
            send("%s PART %s" % (pre, ch))
        elif k < 0.74:
            send("%s QUIT :%s" % (pre, R.choice(["Ping timeout", "Leaving", "Client exited"])))
        elif k < 0.76:
            send("%s QUIT" % pre)
        elif k < 0.79:
            send("%s KICK %s %s :%s" % (pre, ch, R.choice(USERS), R.choice(["spam", "bye"])))
        elif k < 0.83:
            send("%s MODE %s %s %s" % (pre, ch, R.choice(["+o", "-o", "+v", "+b"]), R.choice(USERS)))
        elif k < 0.85:
            send("%s MODE %s +nt" % (pre, ch))
        elif k < 0.88:
            send("PING :%s" % SRV)
        elif k < 0.91:
            send(":%s %d %s %s :%s" % (SRV, R.choice([401, 403, 404, 421, 442]), nick,
                                       R.choice(USERS + [ch]), "No such nick/channel"))
        elif k < 0.93:
            send(":%s TOPIC %s :%s" % (u + "!" + u + "@h", ch, "new topic %d" % R.randint(1, 99)))
        elif k < 0.95:
            send("%s INVITE %s #secret" % (pre, nick))
        else:
            send(":%s WALLOPS :%s" % (SRV, "network maintenance at %02d:00" % R.randint(0, 23)))
        time.sleep(R.uniform(0.3, 1.5))
    if R.random() < 0.5:
        send("ERROR :Closing Link: 127.0.0.1 (%s)" % R.choice(["Killed", "K-Lined", "Server shutting down"]))
    time.sleep(0.2)
    conn.close()


def main():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", PORT))
    s.listen(5)
    s.settimeout(1)
    end = time.time() + LIFE
    while time.time() < end:
        try:
            c, _ = s.accept()
        except socket.timeout:
            continue
        threading.Thread(target=handle, args=(c,), daemon=True).start()
    s.close()


if __name__ == "__main__":
    main()
