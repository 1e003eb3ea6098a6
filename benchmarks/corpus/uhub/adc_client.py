#!/usr/bin/env python3
"""Randomised ADC clients for the uhub workload: python3 adc_client.py PORT SCENARIO [SEED]"""
import ctypes, base64, os, random, socket, sys, time

_g = ctypes.CDLL("libgcrypt.so.20")
_g.gcry_check_version(None)

def tiger(data):
    buf = ctypes.create_string_buffer(24)
    _g.gcry_md_hash_buffer(306, buf, data, len(data))
    return buf.raw

def b32(raw):
    return base64.b32encode(raw).decode().rstrip("=")

def b32d(s):
    s = s + "=" * (-len(s) % 8)
    return base64.b32decode(s)

def esc(s):
    return s.replace("\\", "\\\\").replace(" ", "\\s").replace("\n", "\\n")

PORT = int(sys.argv[1])
R = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else None)
WORDS = "alpha beta gamma delta files music movies linux debian share hello anyone here iso flac ogg".split()
AGENTS = ["DC++ 0.868", "EiskaltDC++ 2.4.2", "AirDC++ 3.90", "ncdc 1.23", "LinuxDC++ 1.1.0", "uhub-test/0.1"]


class Client:
    def __init__(self, nick=None, src="127.0.0.1", pid=None, timeout=3.0):
        self.nick = nick or R.choice(["anna", "bob", "carl", "dora", "erik", "fay", "gus", "hedda", "ivar", "jo"]) + str(R.randint(1, 9999))
        self.pid = pid or os.urandom(24)
        self.cid = b32(tiger(self.pid))
        self.sid = None
        self.src = src
        self.s = socket.socket()
        self.s.settimeout(timeout)
        self.s.bind((src, 0))
        self.s.connect(("127.0.0.1", PORT))
        self.buf = b""

    def send(self, line):
        try:
            self.s.sendall(line.encode() if isinstance(line, str) else line)
        except OSError:
            pass

    def read(self, wait=0.3):
        end = time.time() + wait
        out = []
        while time.time() < end:
            try:
                self.s.settimeout(max(0.01, end - time.time()))
                data = self.s.recv(65536)
                if not data:
                    break
                self.buf += data
            except (socket.timeout, OSError):
                break
        while b"\n" in self.buf:
            l, self.buf = self.buf.split(b"\n", 1)
            out.append(l.decode("utf-8", "replace"))
        return out

    def wait_for(self, prefix, wait=2.0):
        end = time.time() + wait
        while time.time() < end:
            for l in self.read(0.2):
                if l.startswith(prefix):
                    return l
        return None

    def handshake(self, sup="HSUP ADBASE ADTIGR ADPING\n"):
        self.send(sup)
        l = self.wait_for("ISID")
        if l:
            self.sid = l.split()[1]
        return self.sid

    def inf(self, extra="", nick=None, cid=None, pid=None):
        nick = self.nick if nick is None else nick
        parts = ["BINF", self.sid or "AAAA"]
        if cid is not False:
            parts.append("ID" + (cid or self.cid))
        if pid is not False:
            parts.append("PD" + (pid or b32(self.pid)))
        if nick is not False:
            parts.append("NI" + esc(nick))
        parts += ["SL%d" % R.randint(1, 5), "SS%d" % R.randint(0, 10 ** 11), "SF%d" % R.randint(0, 5000),
                  "HN%d" % R.randint(0, 4), "HR0", "HO0", "VE" + esc(R.choice(AGENTS)), "I40.0.0.0", "U4%d" % R.randint(1024, 65000), "SUTCP4,UDP4"]
        if extra:
            parts.append(extra)
        self.send(" ".join(parts) + "\n")

    def login(self, password=None, extra=""):
        if not self.handshake():
            return False
        self.inf(extra)
        for _ in range(20):
            for l in self.read(0.2):
                if l.startswith("IGPA") and password is not None:
                    chal = b32d(l.split()[1])[:24]
                    self.send("HPAS %s\n" % b32(tiger(password.encode() + chal)))
                elif l.startswith("IGPA"):
                    self.send("HPAS %s\n" % b32(os.urandom(24)))
                elif l.startswith("ISTA") and not l.startswith("ISTA 000"):
                    return False
                elif l.startswith("IQUI"):
                    return False
                elif l.startswith("BINF " + (self.sid or "")):
                    return True
        return True

    def chat(self, text):
        self.send("BMSG %s %s\n" % (self.sid, esc(text)))

    def pm(self, target_sid, text):
        self.send("EMSG %s %s %s PM%s\n" % (self.sid, target_sid, esc(text), self.sid))

    def search(self, term):
        self.send("BSCH %s AN%s TO%d\n" % (self.sid, esc(term), R.randint(1, 99999)))

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass


def sentence():
    return " ".join(R.choice(WORDS) for _ in range(R.randint(1, 8)))


def sc_normal():
    a = Client()
    if not a.login():
        return a.close()
    others = []
    for _ in range(R.randint(0, 3)):
        c = Client()
        if c.login():
            others.append(c)
    for _ in range(R.randint(1, 6)):
        act = R.random()
        if act < 0.35:
            a.chat(sentence())
        elif act < 0.5 and others:
            a.pm(others[0].sid, sentence())
        elif act < 0.65:
            a.search(R.choice(WORDS))
        elif act < 0.8:
            a.chat(R.choice(["!help", "!stats", "!myip", "!uptime", "!version", "!history", "!motd", "!rules", "!topic", "!showtopic", "!log", "!nosuchcmd", "!getip " + a.nick, "!example", "++plus"]))
        elif act < 0.9:
            newnick = a.nick + "_" + str(R.randint(1, 99))
            a.send("BINF %s NI%s\n" % (a.sid, esc(newnick)))
            a.nick = newnick
        else:
            a.send("BINF %s SS%d SF%d\n" % (a.sid, R.randint(0, 10 ** 10), R.randint(0, 900)))
        a.read(0.1)
    if others and R.random() < 0.5:
        o = others[0]
        a.send("DCTM %s %s ADC/1.0 %d %d\n" % (a.sid, o.sid, R.randint(1024, 65000), R.randint(1, 99999)))
        a.send("DRCM %s %s ADC/1.0 %d\n" % (a.sid, o.sid, R.randint(1, 99999)))
    a.read(0.2)
    if R.random() < 0.5:
        a.send("BQUI %s\n" % a.sid)  # ignored by hub
    for c in [a] + others:
        c.read(0.05)
        c.close()


def sc_registered():
    who = R.choice([("opuser", "oppass"), ("reguser", "regpass"), ("admin1", "adminpw"), ("super1", "superpw")])
    good = R.random() < 0.7
    c = Client(nick=who[0])
    ok = c.login(password=who[1] if good else "wrong" + str(R.randint(1, 99)))
    if ok and good:
        victims = []
        if R.random() < 0.6:
            v = Client()
            if v.login():
                victims.append(v)
        cmds = ["!stats", "!log", "!uptime", "!reload" if R.random() < 0.15 else "!version", "!topic " + sentence(), "!cleartopic", "!broadcast " + sentence(), "!getip " + c.nick, "!whoip 127.0.0.0-127.255.255.255", "!history 3"]
        for cmd in R.sample(cmds, R.randint(1, 4)):
            c.chat(cmd)
            c.read(0.15)
        if victims:
            c.chat("!kick " + victims[0].nick)
            c.read(0.2)
        for v in victims:
            v.close()
    c.read(0.1)
    c.close()


def sc_bad_login():
    kind = R.choice(["nick_taken", "cid_taken", "no_nick", "bad_nick", "short_nick", "long_nick", "space_nick",
                     "bad_cid", "no_cid", "no_pid", "pid_mismatch", "denied_nick", "banned_nick", "reg_nopass",
                     "wrong_sid", "obsolete", "nohash", "bad_sup", "inf_before_sup", "bad_utf8"])
    keep = None
    c = Client()
    if kind in ("nick_taken", "cid_taken"):
        keep = Client()
        keep.login()
        if kind == "nick_taken":
            c.nick = keep.nick
        else:
            c.pid, c.cid = keep.pid, keep.cid
    if kind == "obsolete":
        c.handshake("HSUP ADBAS0\n")
        c.read(0.3)
    elif kind == "nohash":
        c.handshake("HSUP ADBASE\n")
        c.read(0.3)
    elif kind == "bad_sup":
        c.send("HSUP XXBASE YYTIGR\n")
        c.read(0.3)
    elif kind == "inf_before_sup":
        c.inf()
        c.read(0.3)
    else:
        c.handshake()
        if kind == "no_nick":
            c.inf(nick=False)
        elif kind == "bad_nick":
            c.inf(nick="bad\x01nick")
        elif kind == "short_nick":
            c.inf(nick="")
        elif kind == "long_nick":
            c.inf(nick="x" * 90)
        elif kind == "space_nick":
            c.inf(nick=" spacey")
        elif kind == "bad_cid":
            c.inf(cid="NOTAVALIDCID")
        elif kind == "no_cid":
            c.inf(cid=False)
        elif kind == "no_pid":
            c.inf(pid=False)
        elif kind == "pid_mismatch":
            c.inf(pid=b32(os.urandom(24)))
        elif kind == "denied_nick":
            c.inf(nick=R.choice(["Administrator", "hubbot", "root"]))
        elif kind == "banned_nick":
            c.inf(nick="spammer")
        elif kind == "reg_nopass":
            c.inf(nick="reguser")
            c.read(0.5)
            c.send("HPAS TOOSHORT\n")
        elif kind == "wrong_sid":
            c.sid = "ZZZZ"
            c.inf()
        elif kind == "bad_utf8":
            c.send(b"BINF " + (c.sid or "AAAA").encode() + b" NI\xff\xfeabc ID" + c.cid.encode() + b" PD" + b32(c.pid).encode() + b"\n")
        c.read(0.5)
    c.close()
    if keep:
        keep.close()


def sc_garbage():
    c = Client()
    kind = R.choice(["random", "http", "long", "empty", "binary", "half", "badcmd", "after_login"])
    if kind == "random":
        c.send(bytes(R.randrange(32, 127) for _ in range(R.randint(5, 200))) + b"\n")
    elif kind == "http":
        c.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    elif kind == "long":
        c.handshake()
        c.send("BMSG %s %s\n" % (c.sid or "AAAA", "A" * R.randint(70000, 140000)))
    elif kind == "empty":
        c.send("\n\n\n")
    elif kind == "binary":
        c.send(os.urandom(R.randint(10, 400)))
    elif kind == "half":
        c.send("HSUP ADBA")
    elif kind == "badcmd":
        c.handshake()
        c.send("XYZW %s foo\n" % c.sid)
    elif kind == "after_login":
        if c.login():
            for _ in range(R.randint(1, 3)):
                c.send(R.choice(["BMSG\n", "DMSG %s\n" % c.sid, "HPAS abc\n", "BINF ZZZZ NIfoo\n", "ZZZZ\n", "BSCH\n", "DRES %s AAAA\n" % c.sid, "BMSG %s %s\n" % (c.sid, "B" * 70000)]))
    c.read(0.4)
    c.close()


def sc_flood():
    c = Client()
    if c.login():
        what = R.choice(["chat", "search", "inf", "extras"])
        for i in range(R.randint(6, 15)):
            if what == "chat":
                c.chat("flood %d" % i)
            elif what == "search":
                c.search("flood%d" % i)
            elif what == "inf":
                c.send("BINF %s SS%d\n" % (c.sid, i))
            else:
                c.send("DINF %s\n" % c.sid)
        c.read(0.4)
    c.close()


def sc_many():
    cl = []
    for _ in range(R.randint(4, 9)):
        try:
            c = Client()
            c.login()
            cl.append(c)
        except OSError:
            pass
    for c in cl:
        if c.sid and R.random() < 0.5:
            c.chat(sentence())
    for c in cl:
        c.read(0.05)
    R.shuffle(cl)
    for c in cl:
        c.close()


def sc_idle():
    c = Client(timeout=40)
    if R.random() < 0.5:
        c.handshake()
    time.sleep(R.uniform(20, 35))
    c.read(0.5)
    c.close()


def sc_banned_ip():
    c = Client(src=R.choice(["127.0.0.66", "127.0.0.67"]))
    c.login()
    c.read(0.3)
    c.close()


def sc_slow_reader():
    """a client that never reads while others chat a lot"""
    slow = Client(timeout=10)
    slow.s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
    slow.login()
    talkers = []
    for _ in range(R.randint(6, 10)):
        t = Client()
        if t.login():
            talkers.append(t)
    for i in range(5):
        for t in talkers:
            t.chat("bulk %d %s" % (i, "x" * R.randint(8000, 12000)))
    for t in talkers:
        t.read(0.1)
    time.sleep(1.0)
    slow.close()
    for t in talkers:
        t.close()


SCEN = {n[3:]: f for n, f in list(globals().items()) if n.startswith("sc_")}
if __name__ == "__main__":
    name = sys.argv[2]
    try:
        SCEN[name]()
    except (ConnectionError, OSError) as e:
        pass
