#!/bin/bash
# Round-12 corpus workload: ngIRCd 26.1 (Debian 12 package ngircd), run in the foreground with -n so
# that it logs to stdout as "[pid:level uptime] message" (this build has no DEBUG/SNIFFER, so the
# levels are err..info). Two linked servers on 127.0.0.1: irc.alpha.test (ports 20667 and 20669,
# the log that is kept) and irc.beta.test (port 20668); a third configured peer (irc.gamma.test,
# port 20670) never answers. Raw-socket python clients (clients.py below) connect from random
# 127.0.x.y source addresses and register, collide on nicks, join/part, set modes and topics, kick,
# message, become opers with good and bad passwords, kill, add K/G-lines, flood, send garbage,
# HTTP requests, fake server handshakes, and sit silent until the ping timeout. The workload also
# rehashes (SIGHUP and REHASH with changed and broken configs), restarts (RESTART), takes the
# linked server down and up, and stops the hub at the end (DIE).
# Note: ngIRCd 26.1 loops for ever logging "Write error on connection ..." when a client drops its
# socket while commands of it still wait in the server's penalty queue, so every client here either
# QUITs and waits for the server to close, or PINGs and waits for the PONG before dropping the link.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
#   apt-get install -y ngircd python3
set -u
OUT=$(readlink -f "${1:-$(dirname "$0")}"); DURATION=${2:-300}
W=/tmp/r12irc; mkdir -p "$W/run"; chown irc:irc "$W/run"; cd "$W"
LOG="$OUT/ngircd.log"; rm -f "$LOG" "$W/beta.log"
PY=/usr/bin/python3
cat > clients.py <<'PYEOF'
#!/usr/bin/python3
"""Randomised raw-socket IRC clients against two linked ngIRCd servers on 127.0.0.1.
usage: clients.py DURATION WORKERS"""
import random, socket, sys, threading, time

ALPHA, BETA = 20667, 20668
ALPHA2 = 20669
DURATION, WORKERS = float(sys.argv[1]), int(sys.argv[2])
END = time.time() + DURATION
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa".split()
NICKS = "anna bob carol dave erin frank grace heidi ivan judy mallory niaj olivia peggy rupert sybil trent victor walter".split()
CHANS = ["#lobby", "#dev", "#ops", "#random", "#help", "&local", "#secret", "#music", "+modeless", "#keyed", "#missingkeys"]
online = set()
lock = threading.Lock()


def rnick():
    n = random.choice(NICKS)
    r = random.random()
    if r < 0.5:
        n += str(random.randint(1, 99))
    elif r < 0.6:
        n += "_" * random.randint(1, 2)
    return n


def src_ip():
    return "127.0.%d.%d" % (random.choice([0, 0, 0, 1, 2]), random.randint(2, 60))


class Client:
    def __init__(self, port=None, src=None, timeout=4.0):
        self.port = port or random.choice([ALPHA, ALPHA, ALPHA, ALPHA2, BETA])
        self.s = socket.socket()
        self.s.settimeout(timeout)
        self.s.bind((src or src_ip(), 0))
        self.s.connect(("127.0.0.1", self.port))
        self.buf = b""
        self.nick = None

    def send(self, line):
        try:
            self.s.sendall(line.encode("utf-8", "replace") + b"\r\n")
        except OSError:
            pass

    def lines(self, wait=0.3):
        """read what is there within `wait` seconds; answer PINGs"""
        out = []
        end = time.time() + wait
        while time.time() < end:
            self.s.settimeout(max(0.05, end - time.time()))
            try:
                d = self.s.recv(4096)
            except socket.timeout:
                break
            except OSError:
                return out + ["<closed>"]
            if not d:
                return out + ["<closed>"]
            self.buf += d
            while b"\r\n" in self.buf:
                ln, self.buf = self.buf.split(b"\r\n", 1)
                ln = ln.decode("utf-8", "replace")
                if ln.startswith("PING"):
                    self.send("PONG" + ln[4:])
                out.append(ln)
        return out

    def register(self, nick=None, user=None, tries=3):
        nick = nick or rnick()
        self.send(f"NICK {nick}")
        self.send(f"USER {user or random.choice(WORDS)} 0 * :{random.choice(WORDS).title()} {random.choice(WORDS).title()}")
        for _ in range(tries * 4):
            ls = self.lines(0.5)
            for ln in ls:
                p = ln.split()
                if len(p) > 1 and p[1] == "001":
                    self.nick = nick
                    with lock:
                        online.add(nick)
                    return True
                if len(p) > 1 and p[1] in ("433", "432", "436"):
                    nick = (rnick() if p[1] == "432" else nick + str(random.randint(0, 9)))[:12]
                    self.send(f"NICK {nick}")
                if "<closed>" in ln or ln.startswith("ERROR"):
                    return False
        return False

    def drain(self, token=None, maxwait=90.0):
        """read until the server closed the link (token None) or until a line containing the
        token (or a 451 reply) arrived: the server has then handled all that we sent before"""
        end = time.time() + maxwait
        while time.time() < end:
            for ln in self.lines(0.5):
                if ln == "<closed>":
                    return
                if token and (token in ln or " 451 " in ln):
                    return

    def close(self, quit_msg=None):
        # never leave unprocessed commands behind (see the workload notes): either QUIT and wait
        # for the server to close, or PING and wait for the PONG before dropping the socket
        if quit_msg is not None:
            self.send(f"QUIT :{quit_msg}" if quit_msg else "QUIT")
            self.drain()
        else:
            tok = "sync%d" % random.randint(1000, 99999)
            self.send(f"PING :{tok}")
            self.drain(tok)
        try:
            self.s.close()
        except OSError:
            pass
        if self.nick:
            with lock:
                online.discard(self.nick)


def other_nick():
    with lock:
        return random.choice(sorted(online)) if online else rnick()


def chat_session():
    c = Client()
    if random.random() < 0.08:
        c.send("PASS nothing-needed")
    if not c.register(nick=random.choice(["bad nick!", "9lives", "#chan", "x" * 20]) if random.random() < 0.08 else None):
        c.close("")
        return
    joined = []
    for _ in range(random.randint(1, 3)):
        ch = random.choice(CHANS)
        key = random.choice(["", "", " hunter2", " wrongkey", " annakey", " bobkey"]) if ch in ("#secret", "#keyed", "#missingkeys") else ""
        c.send(f"JOIN {ch}{key}")
        joined.append(ch)
    c.lines(0.4)
    for _ in range(random.randint(2, 10)):
        ch = random.choice(joined)
        r = random.random()
        if r < 0.3:
            c.send(f"PRIVMSG {ch} :{' '.join(random.choices(WORDS, k=random.randint(1, 8)))}")
        elif r < 0.42:
            c.send(f"PRIVMSG {other_nick()} :hi {random.choice(WORDS)}")
        elif r < 0.5:
            c.send(f"TOPIC {ch} :{random.choice(WORDS)} {random.randint(1, 999)}")
        elif r < 0.58:
            c.send(f"MODE {ch} {random.choice(['+t', '-t', '+n', '+m', '-m', '+i', '-i', '+l 7', '-l', '+k pw' + str(random.randint(1, 9)), '-k x', '+s', '+b *!*@10.*', '-b *!*@10.*'])}")
        elif r < 0.64:
            c.send(f"MODE {ch} {random.choice(['+o', '+v', '-o', '-v'])} {other_nick()}")
        elif r < 0.7:
            c.send(f"KICK {ch} {other_nick()} :{random.choice(['bye', 'spam', 'behave', ''])}")
        elif r < 0.76:
            new = rnick()
            c.send(f"NICK {new}")
            for ln in c.lines(0.3):
                if " NICK " in ln and ln.startswith(":" + (c.nick or "?") + "!"):
                    with lock:
                        online.discard(c.nick)
                        online.add(new)
                    c.nick = new
        elif r < 0.8:
            c.send(f"PART {ch} :{random.choice(['later', 'brb', ''])}")
        elif r < 0.84:
            c.send(random.choice([f"WHOIS {other_nick()}", "LIST", f"NAMES {ch}", "LUSERS", "MOTD", "VERSION", "TIME", "ADMIN", "INFO", "STATS l", "LINKS"]))
        elif r < 0.88:
            c.send(f"NOTICE {ch} :{random.choice(WORDS)}")
        elif r < 0.92:
            c.send(f"AWAY :{random.choice(WORDS)}" if random.random() < 0.5 else "AWAY")
        elif r < 0.95:
            c.send(f"INVITE {other_nick()} {ch}")
        else:
            c.send(random.choice(["REHASH", "DIE", f"KILL {other_nick()} :go away", "RESTART", "CONNECT irc.beta.test", "SQUIT irc.beta.test :x", "WALLOPS :hi", "GLINE *!*@10.1.1.1 60 :x"]))
        c.lines(random.uniform(0.1, 0.6))
    time.sleep(random.uniform(0, 1.5))
    end = random.random()
    if end < 0.55:
        c.close(random.choice(["Leaving", "bye all", "Client exited", f"see you {random.choice(WORDS)}", ""]))
    elif end < 0.85:
        c.close()  # drop the socket without QUIT
    else:
        c.close("")


def oper_session():
    c = Client(port=random.choice([ALPHA, ALPHA, BETA]))
    if not c.register(nick="op" + random.choice(NICKS)[:4] + str(random.randint(1, 99))):
        c.close("")
        return
    r = random.random()
    if r < 0.45:
        c.send("OPER boss opsecret")
    elif r < 0.65:
        c.send(f"OPER boss {random.choice(['opsecrets', 'letmein', '1234', 'OPSECRET'])}")
    elif r < 0.8:
        c.send(f"OPER {random.choice(['root', 'admin', 'bossy'])} opsecret")
    else:
        c.send("OPER netadmin n3tpass")  # host mask does not match
    ok = any(" 381 " in ln for ln in c.lines(0.6))
    if ok:
        for _ in range(random.randint(1, 4)):
            r = random.random()
            if r < 0.2:
                c.send(f"KILL {other_nick()} :{random.choice(['flooding', 'spam', 'test kill'])}")
            elif r < 0.32:
                c.send(f"WALLOPS :{random.choice(WORDS)} {random.randint(1, 99)}")
            elif r < 0.44:
                mask = f"*!*@10.{random.randint(0, 255)}.{random.randint(0, 255)}.*"
                c.send(f"{random.choice(['KLINE', 'GLINE'])} {mask} {random.choice([60, 300, 3600])} :{random.choice(['abuse', 'spam bot'])}")
                c.lines(0.3)
                if random.random() < 0.5:
                    c.send(f"{random.choice(['KLINE', 'GLINE'])} {mask}")
            elif r < 0.52:
                c.send(f"MODE {random.choice(CHANS)} +o {c.nick}")
            elif r < 0.58:
                c.send(f"KICK {random.choice(CHANS)} {other_nick()} :oper kick")
            elif r < 0.68:
                c.send(random.choice(["STATS k", "STATS g", "STATS l", "STATS u", "STATS m", "TRACE", "LINKS"]))
            elif r < 0.76:
                c.send(f"SQUIT irc.{random.choice(['gamma', 'delta'])}.test :{random.choice(['test', 'maintenance'])}")
            elif r < 0.84:
                c.send(f"CONNECT irc.{random.choice(['gamma', 'beta'])}.test")
            elif r < 0.92:
                c.send(f"DISCONNECT irc.{random.choice(['gamma', 'delta'])}.test")
            else:
                c.send(f"MODE {c.nick} {random.choice(['+w', '-w', '+i', '+x', '+s'])}")
            c.lines(0.4)
    c.close(random.choice(["oper done", "", None]))


def timeout_session():
    c = Client()
    if random.random() < 0.5:
        c.send(f"NICK {rnick()}")  # never sends USER
    elif not c.register():
        c.close()
        return
    # stay silent and never answer PING: the server times us out
    deadline = time.time() + 40
    while time.time() < deadline and time.time() < END + 30:
        try:
            c.s.settimeout(1)
            d = c.s.recv(4096)
            if not d:
                break
        except socket.timeout:
            continue
        except OSError:
            break
    c.close()


def garbage_session():
    r = random.random()
    try:
        c = Client()
    except OSError:
        return
    if r < 0.2:
        c.send(f"GET /{random.choice(['', 'index.html', 'admin'])} HTTP/1.1\r\nHost: localhost\r\n")
    elif r < 0.35:
        c.register()
        c.send("PRIVMSG #lobby :" + "A" * random.randint(600, 3000))
    elif r < 0.5:
        c.register()
        c.send(f":{random.choice(['someoneelse', 'irc.beta.test', 'x!y@z'])} PRIVMSG #lobby :spoof")
    elif r < 0.6:
        try:
            c.s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(20, 200))) + b"\r\n")
        except OSError:
            pass
    elif r < 0.75:
        c.register()
        for i in range(random.randint(8, 16)):  # flood
            c.send(f"PRIVMSG #lobby :flood {i} {random.choice(WORDS)}")
        c.lines(1.0)
    elif r < 0.85:
        c.send(f"USER {random.choice(['bad user', 'x@y', ''])} 0 * :x")
        c.send(f"NICK {rnick()}")
    else:
        c.register()
        c.send(random.choice(["FOOBAR x y", "PRIVMSG", "JOIN", "MODE", "KICK #lobby", "NICK", "PONG", "SUMMON x", "USERS"]))
    c.lines(0.5)
    c.close(random.choice([None, ""]))


def fake_server_session():
    c = Client(port=ALPHA, src="127.0.0.1")
    name, pw = random.choice([("irc.beta.test", "wrongpass"), ("irc.unknown.test", "whatever"),
                              ("irc.gamma.test", "nope"), ("irc.beta.test", "beta2alpha")])
    c.send(f"PASS {pw} 0210-IRC+ ngircd|26.1:CHLMSXZ PZ")
    c.send(f"SERVER {name} 1 :fake peer")
    c.lines(1.0)
    c.close()


def collide_session():
    """the same nick registered on both linked servers at (nearly) the same moment"""
    nick = random.choice(NICKS)[:5] + "x%d" % random.randint(1, 9)
    a, b = Client(port=ALPHA), Client(port=BETA)
    for c in (a, b):
        c.send(f"NICK {nick}")
    for c in (a, b):
        c.send(f"USER {random.choice(WORDS)} 0 * :twin")
    a.lines(1.0)
    b.lines(0.5)
    a.close(random.choice(["twin", None]))
    b.close(random.choice(["twin", None]))


def conn_flood():
    ip = "127.0.3.%d" % random.randint(2, 50)
    socks = []
    for _ in range(random.randint(6, 9)):
        try:
            socks.append(Client(port=ALPHA, src=ip))
        except OSError:
            pass
    time.sleep(0.5)
    for c in socks:
        c.close()


def worker(i):
    random.seed(i * 7919 + int(time.time()))
    while time.time() < END:
        r = random.random()
        try:
            if r < 0.55:
                chat_session()
            elif r < 0.68:
                oper_session()
            elif r < 0.74:
                timeout_session()
            elif r < 0.9:
                garbage_session()
            elif r < 0.93:
                fake_server_session()
            elif r < 0.96:
                collide_session()
            else:
                conn_flood()
        except OSError:
            pass
        time.sleep(random.uniform(0.2, 1.5))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(WORKERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
PYEOF
cat > motd <<'M'
Welcome to the round-12 test network.
Be nice.
M
printf 'anna:*:annakey\n*:bob*:bobkey\n' > keyed.keys
write_alpha() {  # $1 = variant: good | extra | broken
cat > alpha.conf <<C
[Global]
	Name = irc.alpha.test
	AdminInfo1 = Round 12 lab
	AdminInfo2 = Loopback City
	AdminEMail = admin@alpha.test
	Info = alpha hub server
	Listen = 127.0.0.1
	Ports = 20667, 20669
	MotdFile = $W/motd
	PidFile = $W/run/alpha.pid
	ServerUID = irc
	ServerGID = irc
	HelpFile = /usr/share/doc/ngircd/Commands.txt
[Limits]
	ConnectRetry = $((15 + RANDOM % 10))
	MaxConnections = 60
	MaxConnectionsIP = 6
	MaxJoins = 4
	MaxNickLength = 12
	PingTimeout = 20
	PongTimeout = 10
[Options]
	DNS = no
	Ident = no
	PAM = no
	OperCanUseMode = yes
	AllowRemoteOper = yes
[Operator]
	Name = boss
	Password = opsecret
[Operator]
	Name = netadmin
	Password = n3tpass
	Mask = *!*@10.0.0.*
[Server]
	Name = irc.beta.test
	Host = 127.0.0.1
	Port = 20668
	MyPassword = alpha2beta
	PeerPassword = beta2alpha
	Group = 1
[Server]
	Name = irc.gamma.test
	Host = 127.0.0.1
	Port = 20670
	MyPassword = alpha2gamma
	PeerPassword = gamma2alpha
[Channel]
	Name = #lobby
	Topic = Welcome to the lobby
	Modes = +tn
[Channel]
	Name = #secret
	Modes = +tnk hunter2
	Modes = +l $((5 + RANDOM % 10))
[Channel]
	Name = #keyed
	Modes = +nk x
	KeyFile = $W/keyed.keys
C
case $1 in
  extra) printf '[Channel]\n\tName = #announce%d\n\tTopic = news %d\n\tModes = +tnm\n' $((RANDOM % 9)) $RANDOM >> alpha.conf
         printf '[Channel]\n\tName = #missingkeys\n\tModes = +k y\n\tKeyFile = %s/nokeys-%d.keys\n' "$W" $RANDOM >> alpha.conf ;;
  broken) printf '[Options]\n\tFrobnicate = %d\n[Limits]\n\tPingTimeout = 3\n[Bogus]\n\tName = x\n[Channel]\n\tName = bad channel\n' $RANDOM >> alpha.conf
          sed -i "s/Name = irc.alpha.test/Name = irc.alpha$((RANDOM % 9)).test/; s/MaxNickLength = 12/MaxNickLength = 15/" alpha.conf ;;
esac
}
cat > beta.conf <<C
[Global]
	Name = irc.beta.test
	AdminInfo1 = Round 12 lab
	AdminInfo2 = Loopback City
	AdminEMail = admin@beta.test
	Info = beta leaf server
	Listen = 127.0.0.1
	Ports = 20668
	PidFile = $W/run/beta.pid
	ServerUID = irc
	ServerGID = irc
[Limits]
	MaxNickLength = 12
	PingTimeout = 20
	PongTimeout = 10
[Options]
	DNS = no
	Ident = no
	PAM = no
	AllowRemoteOper = yes
[Operator]
	Name = boss
	Password = opsecret
[Server]
	Name = irc.alpha.test
	Host = 127.0.0.1
	MyPassword = beta2alpha
	PeerPassword = alpha2beta
C
write_alpha good

A=; B=
start_alpha() { ngircd -n -f "$W/alpha.conf" >>"$LOG" 2>&1 & A=$!; }
start_beta() { ngircd -n -f "$W/beta.conf" >>"$W/beta.log" 2>&1 & B=$!; }
# one oper command over a fresh connection to alpha
oper_cmd() { $PY - "$@" <<'P'
import socket, sys, time, random
s = socket.create_connection(("127.0.0.1", 20667)); s.settimeout(3)
n = "ctl%d" % random.randint(10, 99)
s.sendall(f"NICK {n}\r\nUSER ctl 0 * :control\r\n".encode())
buf = b""
while b" 001 " not in buf:
    d = s.recv(4096)
    if not d: sys.exit(1)
    buf += d
    if b"PING" in d: s.sendall(b"PONG :x\r\n")
s.sendall(b"OPER boss opsecret\r\n"); time.sleep(0.5)
s.sendall((" ".join(sys.argv[1:]) + "\r\n").encode()); time.sleep(1)
try: s.sendall(b"QUIT :control done\r\n"); time.sleep(0.3)
except OSError: pass
P
}

start_beta; sleep 1; start_alpha; sleep 3
$PY clients.py "$DURATION" 6 & CL=$!
T0=$SECONDS
at() { while [ $((SECONDS - T0)) -lt "$1" ]; do sleep 1; done; }
at $((DURATION * 15 / 100)); write_alpha extra; kill -HUP "$A"
at $((DURATION * 25 / 100)); oper_cmd REHASH
at $((DURATION * 32 / 100)); kill "$B"; wait "$B" 2>/dev/null   # the linked server goes away ...
at $((DURATION * 42 / 100)); start_beta                          # ... and comes back
at $((DURATION * 50 / 100)); write_alpha broken; kill -HUP "$A"
at $((DURATION * 55 / 100)); write_alpha good; oper_cmd REHASH
at $((DURATION * 62 / 100)); oper_cmd SQUIT irc.beta.test :maintenance
at $((DURATION * 66 / 100)); oper_cmd CONNECT irc.beta.test
at $((DURATION * 72 / 100)); oper_cmd RESTART
at $((DURATION * 85 / 100)); write_alpha extra; kill -HUP "$A"
wait "$CL"
sleep 25   # let the silent clients run into their ping timeouts
oper_cmd DIE; sleep 2
kill "$A" 2>/dev/null; wait "$A" 2>/dev/null
kill "$B" 2>/dev/null; wait "$B" 2>/dev/null
echo "done: $(wc -l < "$LOG") lines in $LOG"
