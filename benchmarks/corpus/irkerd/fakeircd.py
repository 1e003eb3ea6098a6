#!/usr/bin/env python3
# Minimal fake IRC server for the irkerd workload. Personality per port.
import random, socket, sys, threading, time
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else None)
PORTS = {48010: "normal", 48011: "nickclash", 48012: "badlimit", 48014: "hangup", 48015: "rude"}

def send(c, s):
    try:
        c.sendall(s if isinstance(s, bytes) else (s + "\r\n").encode())
    except OSError:
        pass

def client(c, kind):
    nick = "x"; buf = b""; welcomed = False; clashes = 0
    c.settimeout(0.5)
    last_ping = time.time()
    while True:
        try:
            data = c.recv(4096)
            if not data:
                break
            buf += data
        except socket.timeout:
            pass
        except OSError:
            break
        now = time.time()
        if welcomed and now - last_ping > random.uniform(2, 9):
            send(c, "PING :fake.irc.%d" % random.randint(1, 99)); last_ping = now
        while b"\r\n" in buf:
            line, buf = buf.split(b"\r\n", 1)
            line = line.decode("utf-8", "replace")
            parts = line.split(" ")
            cmd = parts[0].upper()
            if cmd == "NICK":
                nick = parts[1]
                if kind == "nickclash" and clashes < random.randint(0, 3):
                    clashes += 1
                    send(c, ":fake.irc 433 * %s :Nickname is already in use" % nick)
                    continue
                if kind == "hangup" and random.random() < 0.6:
                    c.close(); return
            elif cmd == "USER" and not welcomed:
                welcomed = True
                send(c, ":fake.irc 001 %s :Welcome to the fake network" % nick)
                feats = ["CHANTYPES=#&", "NETWORK=Fake"]
                if kind == "badlimit":
                    feats.append("CHANLIMIT=#:%s" % random.choice(["many", "x", "1o"]))
                else:
                    feats.append(random.choice(["CHANLIMIT=#:%d" % random.randint(5, 40), "CHANLIMIT=#&:%d" % random.randint(5, 40), "MAXCHANNELS=%d" % random.randint(5, 40), "DEAF=D"]))
                send(c, ":fake.irc 005 %s %s :are supported by this server" % (nick, " ".join(feats)))
                if random.random() < 0.4:
                    send(c, ":fake.irc MODE %s :+%s" % (nick, random.choice("iwxZ")))
            elif cmd == "JOIN":
                ch = parts[1]
                send(c, ":%s!irker@localhost JOIN %s" % (nick, ch))
                if random.random() < 0.15:
                    send(c, ":fake.irc MODE %s +%s" % (ch, random.choice("ntsm")))
            elif cmd == "PRIVMSG":
                r = random.random()
                ch = parts[1]
                if kind == "rude" and r < 0.2:
                    send(c, ":op!op@localhost KICK %s %s :go away" % (ch, nick))
                elif kind == "rude" and r < 0.4:
                    send(c, ":op!op@localhost KICK #never%d %s :odd" % (random.randint(1, 9), nick))
                elif kind == "rude" and r < 0.45:
                    send(c, b":fake.irc NOTICE " + nick.encode() + b" :caf\xe9 \xff\xfe\r\n")
                elif kind in ("rude", "normal") and r < 0.5:
                    c.close(); return
            elif cmd == "QUIT":
                send(c, ":%s!irker@localhost QUIT :Client quit" % nick)
                time.sleep(0.2); c.close(); return
    try:
        c.close()
    except OSError:
        pass

def serve(port, kind):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(50)
    while True:
        c, _ = s.accept()
        threading.Thread(target=client, args=(c, kind), daemon=True).start()

for p, k in PORTS.items():
    threading.Thread(target=serve, args=(p, k), daemon=True).start()
while True:
    time.sleep(60)
