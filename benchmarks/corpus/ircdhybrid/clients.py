#!/usr/bin/env python3
"""Randomised raw-socket IRC clients for ircd-hybrid (127.0.0.1:43667/43668 only).
Usage: clients.py DURATION WORKDIR"""
import os, random, signal, socket, sys, threading, time

DUR = float(sys.argv[1]); W = sys.argv[2]
HOST = "127.0.0.1"; PORTS = [43667, 43668]
R = random.Random()
WORDS = "alpha bravo charlie delta echo fox golf hotel india juliet kilo lima mike nova oscar papa".split()
CHANS = ["#lobby", "#dev", "#ops", "#random", "#chat" + str(R.randint(1, 9)), "#test"]


def nick():
    return R.choice(WORDS) + str(R.randint(1, 999))


class C:
    def __init__(self, port=None, timeout=3):
        self.s = socket.create_connection((HOST, port or R.choice(PORTS)), timeout=timeout)
        self.buf = b""

    def send(self, *lines):
        for l in lines:
            self.s.sendall((l + "\r\n").encode())

    def read(self, t=0.6):
        self.s.settimeout(t); end = time.time() + t
        try:
            while time.time() < end:
                d = self.s.recv(65536)
                if not d:
                    break
                self.buf += d
                for ln in self.buf.split(b"\r\n"):
                    if ln.startswith(b"PING"):
                        self.s.sendall(b"PONG" + ln[4:] + b"\r\n")
                self.buf = self.buf[-2000:]
        except Exception:
            pass
        return self.buf

    def close(self):
        try:
            self.s.close()
        except Exception:
            pass


def reg(n=None, user=None, real=None, pw=None, port=None):
    c = C(port)
    if pw:
        c.send("PASS " + pw)
    n = n or nick()
    c.send("NICK " + n, "USER %s 0 * :%s" % (user or R.choice(WORDS), real or " ".join(R.sample(WORDS, 2))))
    c.read(0.8)
    return c, n


def oper(good=True):
    c, n = reg()
    c.send("OPER root " + ("opensesame" if good else "wrong" + str(R.randint(1, 99))))
    c.read(0.5)
    return c, n


def a_chat():
    c, n = reg()
    for ch in R.sample(CHANS, R.randint(1, 3)):
        c.send("JOIN " + ch, "PRIVMSG %s :%s" % (ch, " ".join(R.sample(WORDS, 3))))
        if R.random() < 0.4:
            c.send("TOPIC %s :%s" % (ch, R.choice(WORDS)))
        if R.random() < 0.5:
            c.send("PART %s :%s" % (ch, R.choice(WORDS)))
    c.read(0.5)
    if R.random() < 0.3:
        c.send("NICK " + nick())
    c.send("QUIT :" + R.choice(["bye", "later", "gone " + str(R.randint(1, 99)), ""]))
    c.read(0.3); c.close()


def a_collision():
    n = nick()
    a, _ = reg(n); b, _ = reg(n)
    b.send("NICK " + n + "_"); b.read(0.3)
    for _ in range(R.randint(3, 6)):   # nick flood
        b.send("NICK " + nick()); time.sleep(0.05)
    b.read(0.3); a.close(); b.close()


def a_bad_register():
    k = R.randint(0, 5)
    if k == 0:
        c, _ = reg("NickServ")
    elif k == 1:
        c, _ = reg(real="the badbot %d" % R.randint(1, 99))
    elif k == 2:
        c, _ = reg(user="evil%d" % R.randint(1, 99))
    elif k == 3:
        c, _ = reg(user="vip%d" % R.randint(1, 9), pw=R.choice(["club", "wrong", "x%d" % R.randint(1, 999), None]), port=43668)
    elif k == 4:
        c = C(); c.send("NICK 1bad*nick", "USER", "FOO bar", "USER a b"); c.read(0.5)
    else:
        c = C(); c.send("\x01garbage \xff" * R.randint(1, 3), "PRIVMSG x :y"); c.read(0.3)
    c.close()


def a_flood():
    c, n = reg()
    c.send("JOIN #flood")
    try:
        for i in range(R.randint(60, 200)):
            c.send("PRIVMSG #flood :" + "x" * R.randint(50, 400))
    except Exception:
        pass
    c.read(1); c.close()


def a_idle():
    c = C(timeout=60)
    c.send("NICK " + nick(), "USER idle 0 * :idle")
    def later():
        time.sleep(R.randint(25, 60)); c.close()
    threading.Thread(target=later, daemon=True).start()


def a_half():
    c = C(); c.send("NICK " + nick()); c.read(0.2); c.close()


def a_badoper():
    c, n = reg()
    k = R.randint(0, 2)
    c.send("OPER %s %s" % (["root", "helper", "nobody%d" % R.randint(1, 50)][k], "pw%d" % R.randint(1, 99)))
    c.read(0.5); c.send("KILL someone :x", "REHASH"); c.read(0.3); c.close()


def a_oper():
    o, on = oper()
    victims = []
    for _ in range(R.randint(1, 3)):
        v, vn = reg(); victims.append((v, vn))
    mask = "*@%d.%d.%d.%d" % tuple(R.randint(1, 254) for _ in range(4))
    k = R.randint(0, 17)
    if k == 0:
        o.send("KILL %s :%s" % (victims[0][1], R.choice(["spam", "flooding", "bye"])))
    elif k == 1:
        t = R.choice(["", "1 ", "%d " % R.randint(1, 60)])
        o.send("KLINE %s%s :%s" % (t, mask, R.choice(["spam", "abuse", "drones"])))
        if R.random() < 0.5:
            o.send("UNKLINE " + mask)
    elif k == 2:
        ip = "10.%d.%d.%d" % tuple(R.randint(1, 254) for _ in range(3))
        o.send("DLINE %s%s :%s" % (R.choice(["", "1 ", "%d " % R.randint(1, 30)]), ip, R.choice(["bots", "scan"])))
        if R.random() < 0.5:
            o.send("UNDLINE " + ip)
    elif k == 3:
        g = "*%s*" % R.choice(WORDS)
        o.send("XLINE %s%s :%s" % (R.choice(["", "1 ", "%d " % R.randint(2, 30)]), g, "bad gecos"))
        if R.random() < 0.6:
            o.send("UNXLINE " + g)
    elif k == 4:
        r = R.choice(["#bad%d" % R.randint(1, 99), "badnick%d" % R.randint(1, 99)])
        o.send("RESV %s%s :%s" % (R.choice(["", "1 ", "%d " % R.randint(2, 30)]), r, R.choice(["reserved", "no"])))
        if R.random() < 0.6:
            o.send("UNRESV " + r)
    elif k == 5:
        o.send("REHASH")
    elif k == 6:
        o.send("CONNECT " + R.choice(["leaf.r17.test", "leaf2.r17.test", "nosuch.server"]))
    elif k == 7:
        o.send("WALLOPS :" + R.choice(WORDS), "GLOBOPS :" + R.choice(WORDS), "LOCOPS :" + R.choice(WORDS))
    elif k == 8:
        o.send("KLINE " + victims[0][1] + " :kicked by oper")
        o.send("UNKLINE *@127.0.0.1")
    elif k == 9:
        o.send("SET MAX %d" % R.randint(20, 60), "SET AUTOCONN leaf.r17.test %d" % R.randint(0, 1), "SET FLOODCOUNT %d" % R.randint(5, 20))
    elif k == 10:
        o.send("MODULE LIST", "MODULE RELOAD m_%s.la" % R.choice(["kline", "xline", "nosuch"]))
    elif k == 11:
        o.send("STATS " + R.choice("klopucyi"), "TESTLINE " + mask, "CLOSE")
    elif k == 12:
        o.send("JOIN #ops", "OPME #ops", "MODE #ops +o " + victims[0][1], "KICK #ops %s :%s" % (victims[0][1], R.choice(WORDS)))
        victims[0][0].send("JOIN #ops"); victims[0][0].read(0.2)
        o.send("KICK #ops %s :%s" % (victims[0][1], R.choice(WORDS)))
    elif k == 13:
        o.send(R.choice(["REHASH MOTD", "REHASH DNS", "REHASH"]))
    elif k == 14:
        m = R.choice(["m_locops.la", "m_time.la", "m_nosuch.la"])
        o.send("MODULE UNLOAD " + m, "MODULE LOAD " + m)
    elif k == 15:
        o.send("SQUIT leaf.r17.test :" + R.choice(WORDS))
    else:
        conf = os.path.join(W, "ircd.conf"); orig = open(conf).read()
        open(conf, "a").write(R.choice(["bogus { x = 1; };\n", "class { name = ; };\n", "operator { name = \"x\"; };\n", "auth { };\n"]))
        sig(signal.SIGHUP); time.sleep(0.8); open(conf, "w").write(orig)
    o.read(0.8)
    for v, _ in victims:
        v.close()
    o.send("QUIT :done"); o.close()


def a_fakeserver():
    c = C()
    pw = R.choice(["linkpw", "bad%d" % R.randint(1, 99)])
    name = R.choice(["leaf.r17.test", "rogue%d.r17.test" % R.randint(1, 9)])
    c.send("PASS %s TS 6 9ZZ" % pw, "CAPAB :QS EX IE HOPS TBURST ENCAP SVS", "SERVER %s 1 :fake" % name)
    c.read(1.0); c.close()


def sig(name):
    try:
        pid = int(open(os.path.join(W, "ircd.pid")).read().strip())
        os.kill(pid, name)
    except Exception:
        pass


def a_restart():
    o, _ = oper()
    o.send("RESTART hub.r17.test")
    o.read(0.5); o.close()
    time.sleep(4)


ACTS = [(a_chat, 10), (a_collision, 4), (a_bad_register, 6), (a_flood, 2), (a_idle, 2), (a_half, 2),
        (a_badoper, 3), (a_oper, 12), (a_fakeserver, 2)]
end = time.time() + DUR
restarted = [0]


def worker(main):
    while time.time() < end:
        f = R.choices([a for a, _ in ACTS], [w for _, w in ACTS])[0]
        try:
            f()
        except Exception:
            pass
        x = R.random()
        if main and x < 0.03:
            sig(signal.SIGHUP)
        elif main and x < 0.045:
            sig(signal.SIGUSR1)
        elif main and x < 0.05 and restarted[0] < 2 and time.time() > end - DUR * 0.8:
            restarted[0] += 1
            try:
                a_restart()
            except Exception:
                pass
        time.sleep(R.uniform(0.0, 0.15))


ts = [threading.Thread(target=worker, args=(i == 0,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
time.sleep(2)

try:
    o, _ = oper(); o.send("DIE hub.r17.test"); o.read(1)
except Exception:
    pass
