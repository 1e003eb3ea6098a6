#!/usr/bin/env python3
"""Randomised STOMP client sessions against the broker (raw frames + stomp.py); no logging."""
import random, socket, sys, time, uuid
PORT = int(sys.argv[1]); N = int(sys.argv[2]); AUTH = sys.argv[3] == "auth" if len(sys.argv) > 3 else False
R = random.Random()
QUEUES = ["/queue/orders", "/queue/jobs", "/queue/mail.out", "/queue/audit"]
TOPICS = ["/topic/prices", "/topic/news", "/topic/alerts"]

def frame(cmd, headers=None, body=""):
    h = "".join(f"{k}:{v}\n" for k, v in (headers or {}).items())
    return (f"{cmd}\n{h}\n{body}\0").encode()

class C:
    def __init__(self):
        self.s = socket.create_connection(("127.0.0.1", PORT), timeout=2)
        self.buf = b""
    def tx(self, *a, **k):
        try: self.s.sendall(frame(*a, **k))
        except OSError: pass
    def raw(self, b):
        try: self.s.sendall(b)
        except OSError: pass
    def rx(self, wait=0.3):
        self.s.settimeout(wait); out = []
        try:
            while True:
                d = self.s.recv(65536)
                if not d: break
                self.buf += d
        except (socket.timeout, OSError): pass
        while b"\0" in self.buf:
            f, self.buf = self.buf.split(b"\0", 1); out.append(f.lstrip(b"\n").decode(errors="replace"))
        return out
    def close(self):
        try: self.s.close()
        except OSError: pass

def login():
    if not AUTH: return {}
    return R.choice([{"login": "alice", "passcode": "wonderland"}, {"login": "bob", "passcode": "builder"},
                     {"login": "bob", "passcode": "wrong"}, {"login": "mallory", "passcode": "x"}, {}]) if R.random() < 0.35 \
        else R.choice([{"login": "alice", "passcode": "wonderland"}, {"login": "bob", "passcode": "builder"}])

def connect(c, ver=None):
    h = login()
    ver = ver or R.choice([None, "1.0", "1.1", "1.2", "1.0,1.1,1.2"])
    if ver: h["accept-version"] = ver; h["host"] = "localhost"
    c.tx(R.choice(["CONNECT", "STOMP"]) if ver else "CONNECT", h); c.rx(); return ver

def producer():
    c = C(); connect(c)
    for i in range(R.randint(1, 6)):
        dest = R.choice(QUEUES + TOPICS)
        h = {"destination": dest}
        if R.random() < 0.3: h["receipt"] = f"r-{R.randint(1, 9999)}"
        c.tx("SEND", h, R.choice(["hello", "order #%d" % R.randint(1, 500), "x" * R.randint(1, 60), "{\"k\": %d}" % i]))
    c.rx()
    if R.random() < 0.8: c.tx("DISCONNECT", {"receipt": "bye"}); c.rx()
    c.close()

def consumer():
    c = C(); ver = connect(c, R.choice(["1.0", "1.1", "1.2", None]))
    dest = R.choice(QUEUES + TOPICS); sid = str(R.randint(1, 99))
    ack = R.choice(["auto", "client", "client-individual"])
    c.tx("SUBSCRIBE", {"destination": dest, "id": sid, "ack": ack})
    p = C(); connect(p, "1.2")
    for i in range(R.randint(1, 4)):
        p.tx("SEND", {"destination": dest}, "m%d" % i)
    for f in c.rx(0.6):
        if f.startswith("MESSAGE") and ack != "auto":
            hs = dict(l.split(":", 1) for l in f.split("\n\n")[0].split("\n")[1:] if ":" in l)
            mid = hs.get("message-id", "") if R.random() < 0.8 else "bogus-" + str(uuid.uuid4())[:8]
            ah = {"message-id": mid, "subscription": sid}
            if ver in ("1.2",): ah["id"] = hs.get("ack", mid)
            c.tx("ACK", ah)
    c.rx(0.2)
    if R.random() < 0.6: c.tx("UNSUBSCRIBE", {"destination": dest, "id": sid})
    if R.random() < 0.6: c.tx("DISCONNECT")
    c.rx(0.1); c.close(); p.tx("DISCONNECT"); p.close()

def transaction():
    c = C(); connect(c, R.choice(["1.0", "1.2"])); t = "tx-%d" % R.randint(1, 999)
    c.tx("BEGIN", {"transaction": t})
    for i in range(R.randint(1, 3)):
        c.tx("SEND", {"destination": R.choice(QUEUES), "transaction": t}, "in tx")
    c.tx(R.choice(["COMMIT", "COMMIT", "ABORT"]), {"transaction": t})
    if R.random() < 0.4: c.tx("COMMIT", {"transaction": "tx-unknown"})
    if R.random() < 0.3: c.tx("SEND", {"destination": "/queue/jobs", "transaction": "nope"}, "x")
    if R.random() < 0.3: c.tx("BEGIN")
    c.rx(); c.tx("DISCONNECT"); c.close()

def errors():
    c = C(); kind = R.randint(0, 13)
    if kind == 0: c.tx("SEND", {"destination": "/queue/jobs"}, "not connected")          # first frame not CONNECT
    elif kind == 1: connect(c); c.tx("FROB", {"x": "1"})                                  # invalid command
    elif kind == 2: connect(c); c.tx("SEND", {}, "no destination")
    elif kind == 3: connect(c, "1.1"); c.tx("SUBSCRIBE", {"destination": "/queue/jobs"}) # missing id
    elif kind == 4: connect(c, "1.2"); c.tx("NACK", {"message-id": "m1", "subscription": "1", "id": "x"})
    elif kind == 5: c.tx("CONNECT", {"accept-version": "1.1", "heart-beat": "fast"})
    elif kind == 6: c.tx("CONNECT", {"accept-version": "2.0,3.1"})
    elif kind == 7: c.tx("STOMP", {"host": "localhost"})
    elif kind == 8: c.tx("CONNECT", {"accept-version": "one.two"})
    elif kind == 9: connect(c, "1.0"); c.tx("ACK", {"subscription": "1"})
    elif kind == 10: connect(c, "1.0"); c.tx("UNSUBSCRIBE", {})
    elif kind == 11: pass                                                                 # connect and hang up
    elif kind == 12: connect(c, "1.2"); c.tx("ACK", {"message-id": "zz", "id": "zz"})   # ack with nothing pending
    else: connect(c); c.tx("SUBSCRIBE", {"id": "3"})
    c.rx(); c.close()

def heartbeat():
    c = C(); c.tx("CONNECT", {"accept-version": "1.1", "host": "localhost", "heart-beat": "%d,%d" % (R.choice([100, 200]), R.choice([0, 100]))})
    c.rx(1.2); c.close()

def stomppy():
    try:
        import stomp
        conn = stomp.Connection([("127.0.0.1", PORT)], heartbeats=(0, 0))
        kw = {"username": "alice", "passcode": "wonderland"} if AUTH else {}
        conn.connect(wait=True, **kw)
        conn.subscribe(destination=R.choice(QUEUES), id=1, ack="auto")
        for i in range(R.randint(1, 3)):
            conn.send(body="stomp.py message %d" % i, destination=R.choice(QUEUES + TOPICS))
        time.sleep(0.2); conn.disconnect()
    except Exception:
        pass

ops = [(producer, 26), (consumer, 24), (transaction, 10), (errors, 28), (heartbeat, 3), (stomppy, 9)]
for _ in range(N):
    f = R.choices([o for o, _ in ops], [w for _, w in ops])[0]
    try: f()
    except OSError: pass
    time.sleep(R.random() * 0.3)
