"""Randomised NATS workload (called by workload.sh): raw-protocol and nats-py clients, JetStream,
MQTT via mosquitto_pub/sub, a leaf node, reloads (SIGHUP, good and broken), SIGUSR1 log reopen,
lame duck mode, restarts, stop. Environment: WD, OUT, DURATION."""
import asyncio, json, os, random, signal, socket, subprocess, time

WD = os.environ["WD"]; DURATION = int(os.environ["DURATION"])
HOST, PORT, MQTT = "127.0.0.1", 28422, 28425
R = random.Random()
state = {"MAXPAYLOAD": 16384, "MAXCONN": 40, "PING": "3s", "TRACELEN": 96, "ALICEPW": "wonderland", "EXTRA": ""}
USERS = {"alice": "wonderland", "bob": "builder", "carol": "carolpw"}
WORDS = ["temp", "orders", "sensors", "billing", "events", "metrics", "jobs", "audit", "alerts", "users"]


def render(broken=False):
    text = open(f"{WD}/nats.conf.in").read()
    for k, v in state.items():
        text = text.replace("{{%s}}" % k, str(v))
    if broken:
        text += R.choice(["max_payload: [oops\n", "listen: 127.0.0.1:notaport\n", "ping_interval: bogus\n",
                          "server_name: other_name\n", "jetstream { store_dir: \"/tmp/elsewhere\" }\n"])
    open(f"{WD}/nats.conf", "w").write(text)


def pid(name="nats"):
    try:
        return int(open(f"{WD}/{name}.pid").read())
    except Exception:
        return None


def start(name="nats"):
    conf = f"{WD}/{name}.conf"
    p = subprocess.Popen(["nats-server", "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        time.sleep(0.2)
        if pid(name) == p.pid:
            break
    time.sleep(0.5)
    return p


procs = {}


def stop(name="nats", sig=signal.SIGTERM, wait=15):
    p = procs.get(name)
    if p and p.poll() is None:
        p.send_signal(sig)
        try:
            p.wait(wait)
        except subprocess.TimeoutExpired:
            p.kill(); p.wait()


def subj(prefix=None):
    return ".".join([prefix or R.choice(WORDS)] + [R.choice(WORDS + [str(R.randint(1, 999))]) for _ in range(R.randint(0, 2))])


# ---------- raw protocol helpers ----------
class Raw:
    def __init__(self, user=None, pw=None, opts=None, connect=True, timeout=3):
        self.s = socket.create_connection((HOST, PORT), timeout=timeout)
        self.f = self.s.makefile("rb")
        self.info = self.f.readline()
        if connect:
            o = {"verbose": False, "pedantic": False, "lang": R.choice(["python3", "go", "raw"]),
                 "version": f"{R.randint(0,2)}.{R.randint(0,20)}.{R.randint(0,9)}", "protocol": 1,
                 "name": f"{R.choice(WORDS)}-{R.randint(1,9999)}"}
            if user:
                o["user"], o["pass"] = user, pw
            o.update(opts or {})
            self.send("CONNECT " + json.dumps(o) + "\r\n")

    def send(self, data):
        self.s.sendall(data.encode() if isinstance(data, str) else data)

    def read(self, n=4096, t=0.5):
        self.s.settimeout(t)
        try:
            return self.s.recv(n)
        except Exception:
            return b""

    def close(self):
        try:
            self.s.close()
        except Exception:
            pass


def payload(n):
    return "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789 =:") for _ in range(n))


def raw_pubsub():
    u = R.choice(["alice", "bob"])
    c = Raw(u, USERS[u], {"verbose": R.random() < 0.3, "echo": R.random() < 0.7, "headers": True})
    s = subj()
    c.send(f"SUB {s} {R.randint(1,99)}\r\n")
    if R.random() < 0.3:
        c.send(f"SUB {s.split('.')[0]}.> grp{R.randint(1,5)} {R.randint(100,199)}\r\n")
    for _ in range(R.randint(1, 4)):
        p = payload(R.choice([0, 5, 20, 60, 150]))
        if R.random() < 0.25:
            h = f"NATS/1.0\r\nX-Id: {R.randint(1,99999)}\r\n\r\n"
            c.send(f"HPUB {s} {len(h)} {len(h)+len(p)}\r\n{h}{p}\r\n")
        else:
            c.send(f"PUB {s} {len(p)}\r\n{p}\r\n")
    c.send("PING\r\n")
    c.read()
    if R.random() < 0.5:
        c.send(f"UNSUB {R.randint(1,99)}\r\n")
    c.close()


def raw_bad():
    k = R.randrange(12)
    if k == 0:
        c = Raw("alice", "wonderland"); c.send(f"FOO{R.randint(1,999)} bar\r\n")
    elif k == 1:
        c = Raw("alice", "wonderland"); c.send("PUB " + "x" * R.randint(600, 900) + " 3\r\n")
    elif k == 2:
        n = state["MAXPAYLOAD"] + R.randint(1, 5000)
        c = Raw("alice", "wonderland"); c.send(f"PUB big.{R.randint(1,99)} {n}\r\n")
    elif k == 3:
        c = Raw("bob", "builder"); c.send(f"PUB secret.{R.choice(WORDS)} 2\r\nhi\r\nPING\r\n")
    elif k == 4:
        c = Raw("bob", "builder"); c.send(f"SUB secret.{R.choice(WORDS)} 7\r\nPING\r\n")
    elif k == 5:
        c = Raw("carol", "carolpw"); c.send(f"PUB {R.choice(['billing', 'jobs'])}.{R.randint(1,9)} 1\r\nx\r\nSUB admin.x 3\r\nPING\r\n")
    elif k == 6:
        c = Raw("alice", "wonderland", {"pedantic": True}); c.send(f"PUB bad..subj{R.randint(1,9)} 1\r\nx\r\nSUB foo.*bar 4\r\nPING\r\n")
    elif k == 7:
        c = Raw(connect=False); c.send(f"PUB early.{R.randint(1,9)} 2\r\nhi\r\n")
    elif k == 8:
        c = Raw(connect=False); c.send("CONNECT {not json" + str(R.randint(1, 99)) + "\r\n")
    elif k == 9:
        c = Raw("alice", "wonderland"); c.send(f"PUB x.y notanumber\r\n")
    elif k == 10:
        c = Raw("alice", "wonderland"); c.send(f"PUB x.y 5\r\ntoolongpayload{R.randint(1,99)}\r\n")
    else:
        c = Raw("alice", "wonderland"); c.send(f"UNSUB\r\nSUB\r\n")
    c.read(); c.close()


def raw_auth_fail():
    k = R.randrange(4)
    if k == 0:
        c = Raw(R.choice(["alice", "bob", "carol"]), f"wrong{R.randint(1,999)}")
    elif k == 1:
        c = Raw(f"mallory{R.randint(1,99)}", "x")
    elif k == 2:
        c = Raw(None, None)
    else:
        c = Raw(connect=False)  # never sends CONNECT: authentication timeout
        time.sleep(R.uniform(2.2, 2.8))
    c.send("PING\r\n"); c.read(t=1); c.close()


def raw_stale():
    c = Raw("alice", "wonderland")
    c.send(f"SUB stale.{R.randint(1,99)} 1\r\n")
    # never answers the server PINGs: stale connection after ping_interval * ping_max
    return c


def raw_slow():
    # subscriber with a tiny receive buffer that never reads: MaxPending / write deadline
    sock = socket.socket(); sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
    sock.connect((HOST, PORT)); sock.recv(2048)
    sub = Raw.__new__(Raw); sub.s = sock
    sub.send('CONNECT {"verbose":false,"user":"alice","pass":"wonderland","name":"slow-%d"}\r\n' % R.randint(1, 999))
    s = f"flood.{R.randint(1,999)}"
    set_trace(False)  # the operator silences the trace for the flood
    try:
        flood(sub, s)
    finally:
        set_trace(True)


def flood(sub, s):
    sub.send(f"SUB {s} 1\r\nPING\r\n"); time.sleep(0.3)
    pub = Raw("alice", "wonderland")
    p = payload(state["MAXPAYLOAD"] - R.randint(10, 500))
    for _ in range(R.randint(20, 30)):
        pub.send("".join(f"PUB {s} {len(p)}\r\n{p}\r\n" for _ in range(50)))
        time.sleep(0.05)
    pub.send("PING\r\n"); pub.read(t=2)
    pub.close(); time.sleep(0.5); sub.close()


def max_conns():
    cs = []
    try:
        for _ in range(state["MAXCONN"] + R.randint(1, 4)):
            cs.append(Raw("alice", "wonderland"))
            cs[-1].send("PING\r\n")
    except Exception:
        pass
    time.sleep(0.5)
    for c in cs:
        c.close()


# ---------- nats-py clients ----------
async def _quiet(e):
    pass


async def with_nc(fn, user="alice", name=None):
    import nats
    nc = await nats.connect(f"nats://{user}:{USERS[user]}@{HOST}:{PORT}", name=name or f"py-{R.randint(1,9999)}",
                            allow_reconnect=False, connect_timeout=2, error_cb=_quiet)
    try:
        await fn(nc)
    finally:
        await nc.drain() if R.random() < 0.5 else await nc.close()


async def reqrep(nc):
    svc = f"svc.{R.choice(WORDS)}"
    async def handler(m):
        await m.respond(f"re:{m.data.decode()}".encode())
    await nc.subscribe(svc, queue=f"workers{R.randint(1,3)}", cb=handler)
    for _ in range(R.randint(1, 3)):
        await nc.request(svc, payload(R.randint(1, 30)).encode(), timeout=1)
    try:
        await nc.request(f"nobody.{R.randint(1,99)}", b"?", timeout=0.5)
    except Exception:
        pass


async def jetstream(nc):
    js = nc.jetstream()
    name = f"S{R.choice(WORDS).upper()}{R.randint(1,30)}"
    k = R.randrange(5)
    try:
        await js.add_stream(name=name, subjects=[f"{name.lower()}.>"], max_msgs=R.randint(5, 500),
                            storage=R.choice(["file", "memory"]))
        for i in range(R.randint(1, 8)):
            await js.publish(f"{name.lower()}.{R.choice(WORDS)}", payload(R.randint(1, 80)).encode())
        if k == 0:
            sub = await js.pull_subscribe(f"{name.lower()}.>", durable=f"d{R.randint(1,99)}")
            for m in await sub.fetch(R.randint(1, 3), timeout=1):
                await m.ack()
        elif k == 1:
            await js.delete_stream(name)
        elif k == 2:
            kv = await js.create_key_value(bucket=f"kv{R.randint(1,20)}")
            await kv.put(f"k{R.randint(1,50)}", payload(10).encode())
            await kv.get(f"k{R.randint(1,50)}")
        elif k == 3:
            await js.purge_stream(name)
        else:
            await js.stream_info(f"NOPE{R.randint(1,99)}")
    except Exception:
        pass


def run_py(coro, user="alice"):
    try:
        asyncio.run(asyncio.wait_for(with_nc(coro, user), 8))
    except Exception:
        pass


def mqtt():
    k = R.randrange(3)
    t = f"mq/{R.choice(WORDS)}/{R.randint(1,99)}"
    if k == 0:
        subprocess.run(["mosquitto_pub", "-h", HOST, "-p", str(MQTT), "-u", "mq", "-P", "mqttpw", "-q", str(R.randint(0, 1)),
                        "-t", t, "-m", payload(R.randint(1, 40)), "-i", f"mqpub{R.randint(1,999)}"], timeout=5, capture_output=True)
    elif k == 1:
        subprocess.run(["timeout", "2", "mosquitto_sub", "-h", HOST, "-p", str(MQTT), "-u", "mq", "-P", "mqttpw",
                        "-t", "mq/#", "-C", "1", "-i", f"mqsub{R.randint(1,999)}"], timeout=5, capture_output=True)
    else:
        subprocess.run(["mosquitto_pub", "-h", HOST, "-p", str(MQTT), "-u", "mq", "-P", f"bad{R.randint(1,99)}",
                        "-t", t, "-m", "x"], timeout=5, capture_output=True)


def reload(broken=False):
    if not broken:
        ch = R.choice(["MAXPAYLOAD", "MAXCONN", "PING", "TRACELEN", "ALICEPW", "EXTRA"])
        if ch == "MAXPAYLOAD":
            state[ch] = R.choice([8192, 16384, 32768, 65536])
        elif ch == "MAXCONN":
            state[ch] = R.randint(20, 45)
        elif ch == "PING":
            state[ch] = R.choice(["2s", "3s", "4s"])
        elif ch == "TRACELEN":
            state[ch] = R.choice([48, 64, 96, 128])
        elif ch == "ALICEPW":
            state[ch] = "wonderland"  # users block re-read
        else:
            state[ch] = R.choice(["", "max_subscriptions: %d" % R.randint(50, 500), "authorization { timeout: 2 }"])
    render(broken)
    p = pid()
    if p:
        os.kill(p, signal.SIGHUP)
    time.sleep(0.5)
    if broken:
        render()


def set_trace(on):
    state["EXTRA"] = state["EXTRA"].replace("trace: false", "")
    if not on:
        state["EXTRA"] += "\ntrace: false"
    render()
    os.kill(pid(), signal.SIGHUP)
    time.sleep(0.3)


def restart(ldm=False):
    p = pid()
    if ldm and p:
        os.kill(p, signal.SIGUSR2)  # lame duck mode
        time.sleep(3)
    stop("nats", signal.SIGTERM if R.random() < 0.7 else signal.SIGINT, wait=40)
    time.sleep(1)
    procs["nats"] = start("nats")


def leaf_bounce():
    stop("leaf", signal.SIGTERM)
    time.sleep(R.uniform(1, 3))
    procs["leaf"] = start("leaf")


def main():
    render()
    procs["nats"] = start("nats")
    procs["leaf"] = start("leaf")
    stale = []
    end = time.time() + DURATION
    restarts = 0
    t0 = time.time()
    actions = [(raw_pubsub, 14), (raw_bad, 10), (raw_auth_fail, 6), (lambda: stale.append(raw_stale()), 2),
               (raw_slow, 3), (max_conns, 2), (lambda: run_py(reqrep, R.choice(["alice", "bob"])), 6),
               (lambda: run_py(jetstream, R.choice(["alice", "alice", "carol"])), 6), (mqtt, 5),
               (lambda: reload(False), 3), (lambda: reload(True), 1),
               (lambda: os.kill(pid(), signal.SIGUSR1), 1), (leaf_bounce, 1)]
    funcs, weights = zip(*actions)
    while time.time() < end:
        try:
            R.choices(funcs, weights)[0]()
        except Exception as e:
            pass
        if len(stale) > 3:
            for c in stale[:2]:
                c.close()
            del stale[:2]
        if restarts < 2 and time.time() > t0 + DURATION * (restarts + 1) / 3:
            restart(ldm=(restarts == 0)); restarts += 1
        time.sleep(R.uniform(0.3, 1.2))
    for c in stale:
        c.close()
    stop("leaf"); stop("nats")


main()
