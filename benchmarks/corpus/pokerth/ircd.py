"""Tiny fake IRC server for pokerth_server's admin/lobby bots: welcomes, joins, sends admin commands (no logging)."""
import random, socket, sys, threading, time

PORT = int(sys.argv[1]); random.seed(int(sys.argv[2])); NAMES = sys.argv[3]
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); srv.bind(("127.0.0.1", PORT)); srv.listen(8)

def names():
    try: return [n for n in open(NAMES).read().split() if n]
    except OSError: return []

def client(c):
    f = c.makefile("rb"); nick = None; chan = None; alive = [True]
    def send(line):
        try: c.sendall((line + "\r\n").encode())
        except OSError: alive[0] = False
    def admin_loop():
        while alive[0]:
            time.sleep(random.uniform(2, 12))
            if not chan or not alive[0]: continue
            nl = names() or ["nobody"]
            cmd = random.choice([
                "kick " + random.choice(nl), "kick ghost%d" % random.randint(1, 9), "showip " + random.choice(nl),
                "banip 127.0.1.%d %d" % (random.randint(2, 250), random.choice([1, 2])), "bannick ^troll.*", "listban",
                "removeban %d" % random.randint(0, 4), "stat", "chat Hello from admin", "msg Maintenance soon",
                "clearban", "notify-restart 0 0", "frobnicate", "cleaner-reconnect"])
            send(":op!op@127.0.0.1 PRIVMSG %s :%s: %s" % (chan, nick, cmd))
            if random.random() < 0.03:
                alive[0] = False; c.close(); return
    threading.Thread(target=admin_loop, daemon=True).start()
    try:
        for raw in f:
            line = raw.decode(errors="replace").strip(); parts = line.split(" ")
            if not parts: continue
            cmd = parts[0].upper()
            if cmd == "NICK":
                want = parts[1]
                if nick is None and random.random() < 0.3:
                    send(":fake.irc 433 * %s :Nickname is already in use" % want); continue
                old = nick; nick = want
                if old: send(":%s!u@h NICK :%s" % (old, nick))
            elif cmd == "USER":
                time.sleep(0.2)
                send(":fake.irc 001 %s :Welcome to the fake IRC network" % (nick or "x"))
            elif cmd == "JOIN":
                if random.random() < 0.1:
                    send(":fake.irc 475 %s %s :Cannot join channel (+k)" % (nick, parts[1])); continue
                chan = parts[1]
                send(":%s!u@h JOIN %s" % (nick, chan))
                send(":fake.irc 353 %s = %s :%s @op" % (nick, chan, nick))
                send(":fake.irc 366 %s %s :End of /NAMES list." % (nick, chan))
            elif cmd == "PRIVMSG":
                if random.random() < 0.05:
                    send(":fake.irc 404 %s %s :Cannot send to channel" % (nick, chan))
            elif cmd == "PING":
                send(":fake.irc PONG fake.irc :" + (parts[1] if len(parts) > 1 else ""))
            elif cmd == "QUIT":
                break
    except OSError:
        pass
    alive[0] = False
    try: c.close()
    except OSError: pass

while True:
    c, _ = srv.accept()
    threading.Thread(target=client, args=(c,), daemon=True).start()
