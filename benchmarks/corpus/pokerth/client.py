"""Scripted PokerTH clients (hand-encoded protobuf, 4-byte length prefix) for a local pokerth_server."""
import random, socket, struct, sys, threading, time

HOST = "127.0.0.1"; PORT = int(sys.argv[1]); NCLIENTS = int(sys.argv[2]); DURATION = float(sys.argv[3])
random.seed(int(sys.argv[4]))
SERVER_PW = sys.argv[5] if len(sys.argv) > 5 else ""
NAMES_FILE = "/tmp/round33-r33d/pokerth/names.txt"

def varint(n):
    out = b""
    while True:
        b = n & 0x7F; n >>= 7
        if n: out += bytes([b | 0x80])
        else: return out + bytes([b])
def fv(num, val): return varint(num << 3) + varint(val)
def fb(num, data):
    if isinstance(data, str): data = data.encode()
    return varint((num << 3) | 2) + varint(len(data)) + data
def envelope(mtype, body): return fv(1, mtype) + fb(mtype + 1, body)
def frame(msg): return struct.pack(">I", len(msg)) + msg

def rd_varint(buf, i):
    shift = 0; n = 0
    while True:
        b = buf[i]; i += 1; n |= (b & 0x7F) << shift; shift += 7
        if not b & 0x80: return n, i
def decode(buf):
    """flat dict: field -> list of values (ints or bytes)"""
    out = {}; i = 0
    while i < len(buf):
        key, i = rd_varint(buf, i); num, wt = key >> 3, key & 7
        if wt == 0: v, i = rd_varint(buf, i)
        elif wt == 2:
            l, i = rd_varint(buf, i); v = buf[i:i + l]; i += l
        elif wt == 5: v = buf[i:i + 4]; i += 4
        elif wt == 1: v = buf[i:i + 8]; i += 8
        else: break
        out.setdefault(num, []).append(v)
    return out

def game_info(name, bad=False):
    b = fb(1, name) + fv(2, 1) + fv(3, random.choice([2, 3, 4, 5, 7, 10])) + fv(4, random.choice([1, 2]))
    b += fv(5, random.choice([3, 5, 8])) + fv(6, 1) + fv(7, random.choice([1, 2, 3])) + fv(8, 1000)
    b += fv(9, random.choice([4, 8, 11])) + fv(10, random.choice([5, 6, 8]) if not bad else 999)
    b += fv(11, random.choice([5, 8, 10, 15]) if not bad else 0) + fv(12, random.choice([10, 20, 50]))
    b += fv(13, random.choice([1000, 2000, 3000]) if not bad else 1)
    return b

games = {}      # gameId -> admin nick
def src_ip(): return "127.0.%d.%d" % (random.choice([0, 0, 0, 1]), random.randint(2, 250))
lock = threading.Lock()

class Client:
    def __init__(self, nick):
        self.nick = nick; self.s = None; self.pid = None; self.game = None; self.hand = 0; self.admin = False
        self.buf = b""
    def send(self, mtype, body):
        self.s.sendall(frame(envelope(mtype, body)))
    def recv(self, timeout=1.0):
        self.s.settimeout(timeout)
        try:
            while len(self.buf) < 4 or len(self.buf) < 4 + struct.unpack(">I", self.buf[:4])[0]:
                d = self.s.recv(65536)
                if not d: raise ConnectionError("closed")
                self.buf += d
        except socket.timeout:
            return None
        n = struct.unpack(">I", self.buf[:4])[0]; msg = self.buf[4:4 + n]; self.buf = self.buf[4 + n:]
        top = decode(msg); t = top[1][0]
        body = decode(top[t + 1][0]) if (t + 1) in top else {}
        return t, body
    def login(self):
        self.s = socket.create_connection((HOST, PORT), timeout=5, source_address=(src_ip(), 0))
        t, ann = self.recv(5)
        ver = decode(ann[1][0]); major, minor = ver[1][0], ver[2][0]
        r = random.random()
        if r < 0.05: major += 1                              # unsupported version
        nick = self.nick
        if r > 0.95: nick = ""                                # invalid name
        elif r > 0.92: nick = "x" * 80
        init = fb(1, fv(1, major) + fv(2, minor)) + fv(2, 0)
        if SERVER_PW or random.random() < 0.05:
            init += fb(4, SERVER_PW if random.random() < 0.8 else "wrongpw")
        init += fv(5, 2) + fb(6, nick)
        self.send(2, init)
        while True:
            m = self.recv(5)
            if m is None: return False
            t, b = m
            if t == 6:
                self.pid = b[2][0]
                try:
                    with open(NAMES_FILE, "a") as nf: nf.write(nick + "\n")
                except OSError: pass
                return True
            if t == 73: return False
    def act(self):
        """one random lobby / game action, then drain incoming"""
        r = random.random()
        with lock: gl = list(games)
        if self.game is None:
            if r < 0.3 or not gl:
                name = random.choice(["Table %d" % random.randint(1, 99), "Fun game", "high stakes", "Table %d" % random.randint(1, 99)] * 6 + ["", "  ", "fuck this"])
                pw = random.choice(["", "", "", "secret"])
                body = fb(1, game_info(name, bad=random.random() < 0.03)) + (fb(2, pw) if pw else b"") + fv(3, 1)
                self.send(22, body)
            elif r < 0.7:
                body = fv(1, random.choice(gl * 4 + [9999])) + (fb(2, random.choice(["secret", "nope"])) if random.random() < 0.3 else b"") + (fb(2, "") if random.random() < 0.02 else b"") + fv(3, 1)
                if random.random() < 0.15: body += fv(4, 1)
                self.send(21, body)
            elif r < 0.8:
                self.send(63, fb(3, random.choice(["hi all", "anyone?", "gg", "lol", "/me waves", "!help", "x" * 300])))
            elif r < 0.85:
                self.send(18, fb(1, b"".join(varint(random.randint(1, 40)) for _ in range(random.randint(1, 3)))))
            elif r < 0.9:
                self.send(71, fv(1, random.choice(gl + [12345])))         # report game
            elif r < 0.93:
                self.send(69, fv(1, random.randint(1, 30)) + fb(2, bytes(16)))  # report avatar
            else:
                self.send(20, fv(1, random.choice([1, 2])))
        else:
            if r < 0.45 and self.admin:
                self.send(36, fv(1, self.game) + fv(2, 0) + fv(3, 1))       # start, fill with bots
            elif r < 0.3:
                self.send(31, fv(1, self.game))                             # leave
            elif r < 0.45:
                self.send(63, fb(1, varint(self.game)) + fb(3, random.choice(["nice hand", "fold already", "gl", "?"])) if False else fv(1, self.game) + fb(3, random.choice(["nice hand", "fold already", "gl", "?"])))
            elif r < 0.5:
                self.send(42, fv(1, self.game) + fv(2, self.hand) + fv(3, random.randint(0, 3)) + fv(4, random.randint(1, 6)) + fv(5, random.choice([0, 10, 50, 5000])))
            elif r < 0.53:
                self.send(51, b"")
            elif r < 0.56 and self.admin:
                self.send(30, fv(1, self.game) + fv(2, random.randint(1, 40)))  # kick
            elif r < 0.58:
                self.send(55, fv(1, self.game) + fv(2, random.randint(1, 40)))  # ask kick
            elif r < 0.6:
                self.send(58, fv(1, self.game) + fv(2, random.randint(1, 3)) + fv(3, random.choice([0, 1])))
            elif r < 0.62 and self.admin:
                self.send(32, fv(1, self.game) + fv(2, random.randint(1, 40)))  # invite
        self.drain()
    def drain(self, t_end=None):
        t_end = t_end or time.time() + random.uniform(0.2, 2.0)
        while time.time() < t_end:
            m = self.recv(0.2)
            if m is None: continue
            t, b = m
            if t == 24:
                self.game = b[1][0]; self.admin = bool(b[2][0])
                if self.admin:
                    with lock: games[self.game] = self.nick
            elif t in (29,):
                self.game = None; self.admin = False
            elif t == 28 and b.get(2, [0])[0] == self.pid:
                self.admin = True
            elif t == 40: self.hand += 1
            elif t == 41 and b.get(2, [0])[0] == self.pid and self.game is not None:
                if random.random() < 0.9:
                    time.sleep(random.uniform(0, 0.6))
                    act = random.choice([1, 2, 3, 3, 3, 4, 5, 6]); bet = random.choice([0, 20, 40, 100, 1000])
                    self.send(42, fv(1, self.game) + fv(2, self.hand) + fv(3, b[3][0]) + fv(4, act) + fv(5, bet))
            elif t == 53:
                self.game = None; self.admin = False
            elif t == 14:
                pass
            elif t == 15 and b.get(2, [0])[0] == 3:
                with lock: games.pop(b[1][0], None)
            elif t == 36 and random.random() < 0.93:
                self.send(37, fv(1, b[1][0]))
            elif t == 67:
                self.send(68, b"")
    def run(self, until):
        try:
            if not self.login():
                self.s.close(); return
            while time.time() < until:
                self.act()
                if random.random() < 0.01:
                    raise ConnectionError("random disconnect")
            if random.random() < 0.5: self.s.shutdown(socket.SHUT_RDWR)
            self.s.close()
        except (OSError, ConnectionError, KeyError, IndexError):
            try: self.s.close()
            except Exception: pass

def junk():
    try:
        s = socket.create_connection((HOST, PORT), timeout=3, source_address=(src_ip(), 0))
        r = random.random()
        if r < 0.3: s.sendall(b"GET / HTTP/1.0\r\n\r\n")
        elif r < 0.5: s.sendall(struct.pack(">I", 0x7fffffff) + b"x" * 10)
        elif r < 0.7: s.sendall(frame(b"\x08\x63\xff\xff"))            # unknown / broken message
        elif r < 0.85: s.sendall(frame(envelope(42, fv(1, 1))))        # action before init
        time.sleep(random.uniform(0, 2)); s.close()
    except OSError: pass

end = time.time() + DURATION
threads = []
names = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "walter"]
def player():
    while time.time() < end - 3:
        nick = random.choice(names) + (str(random.randint(1, 99)) if random.random() < 0.7 else "")
        Client(nick).run(min(end, time.time() + random.uniform(5, DURATION * 0.6)))
        time.sleep(random.uniform(0.5, 8))
for i in range(NCLIENTS):
    th = threading.Thread(target=player, daemon=True)
    th.start(); threads.append(th); time.sleep(random.uniform(0.1, 1.5))
    if random.random() < 0.2: junk()
while time.time() < end:
    time.sleep(1)
    if random.random() < 0.1: junk()
