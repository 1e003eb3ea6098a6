"""A tiny fake IRC network for BitlBee's irc accounts (127.0.0.1 only): welcomes, MOTD, joins,
names, echoes, private messages from a bot, PING, wrong PASS, and random closes (no ERROR line:
libpurple would put its text after a newline in its debug record)."""
import random, socket, sys, threading, time

def serve(c):
    f = c.makefile("rb"); nick = "*"; pw = None
    def out(line):
        c.sendall((line + "\r\n").encode())
    try:
        for raw in f:
            line = raw.decode(errors="replace").strip()
            if not line:
                continue
            cmd, _, rest = line.partition(" ")
            cmd = cmd.upper()
            if cmd == "PASS":
                pw = rest
            elif cmd == "NICK":
                nick = rest.lstrip(":")
            elif cmd == "USER":
                if pw and "bad" in pw:
                    out(":fake.r19.test 464 %s :Password incorrect" % nick); return
                out(":fake.r19.test 001 %s :Welcome to the R19 fake network %s" % (nick, nick))
                out(":fake.r19.test 002 %s :Your host is fake.r19.test" % nick)
                out(":fake.r19.test 003 %s :This server was created today" % nick)
                out(":fake.r19.test 004 %s fake.r19.test fake-1.0 iow lmntk" % nick)
                out(":fake.r19.test 005 %s CHANTYPES=# PREFIX=(ov)@+ :are supported" % nick)
                out(":fake.r19.test 375 %s :- MOTD -" % nick)
                for i in range(random.randint(1, 3)):
                    out(":fake.r19.test 372 %s :- line %d of the message of the day" % (nick, i))
                out(":fake.r19.test 376 %s :End of MOTD" % nick)
                if random.random() < 0.5:
                    out(":ircbot!bot@fake.r19.test PRIVMSG %s :hello %s, number %d" % (nick, nick, random.randint(1, 999)))
                if random.random() < 0.3:
                    out(":ircbot!bot@fake.r19.test NOTICE %s :notice %d" % (nick, random.randint(1, 999)))
            elif cmd == "JOIN":
                ch = rest.split()[0]
                out(":%s!u@127.0.0.1 JOIN %s" % (nick, ch))
                out(":fake.r19.test 332 %s %s :topic %d" % (nick, ch, random.randint(1, 99)))
                out(":fake.r19.test 353 %s = %s :%s @ircbot user%d" % (nick, ch, nick, random.randint(1, 99)))
                out(":fake.r19.test 366 %s %s :End of /NAMES list." % (nick, ch))
                if random.random() < 0.5:
                    out(":user%d!u@10.0.0.%d PRIVMSG %s :hi there %d" % (random.randint(1, 99), random.randint(1, 250), ch, random.randint(1, 999)))
            elif cmd == "PART":
                out(":%s!u@127.0.0.1 PART %s :bye" % (nick, rest.split()[0]))
            elif cmd == "PING":
                out(":fake.r19.test PONG fake.r19.test %s" % rest)
            elif cmd == "PRIVMSG":
                tgt = rest.split()[0]
                if random.random() < 0.3:
                    out(":ircbot!bot@fake.r19.test PRIVMSG %s :you said something %d" % (nick, random.randint(1, 999)))
                if random.random() < 0.1:
                    out(":fake.r19.test 401 %s %s :No such nick/channel" % (nick, tgt))
            elif cmd == "QUIT":
                return
            elif cmd in ("WHOIS", "MODE", "WHO", "ISON", "USERHOST", "CAP", "TOPIC", "AWAY"):
                if cmd == "WHOIS":
                    t = rest.split()[-1]
                    out(":fake.r19.test 311 %s %s u 10.0.0.1 * :Real %s" % (nick, t, t)); out(":fake.r19.test 318 %s %s :End of WHOIS" % (nick, t))
                elif cmd == "ISON":
                    out(":fake.r19.test 303 %s :ircbot" % nick)
            else:
                out(":fake.r19.test 421 %s %s :Unknown command" % (nick, cmd))
            if random.random() < 0.03:
                return
    except OSError:
        pass
    finally:
        c.close()

s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(50)
while True:
    c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()
