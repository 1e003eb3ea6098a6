import asyncio, random, socket, sys, time, urllib.request
from autobahn.asyncio.wamp import ApplicationSession
from autobahn.asyncio.websocket import WampWebSocketClientFactory
from autobahn.wamp.types import ComponentConfig, PublishOptions, SubscribeOptions, RegisterOptions, CallOptions
from autobahn.wamp.exception import ApplicationError
from autobahn.wamp import auth
from autobahn.wamp.serializer import JsonSerializer, MsgPackSerializer, CBORSerializer

PORT = int(sys.argv[1]); N = int(sys.argv[2])
rnd = random.Random()

class S(ApplicationSession):
    def onConnect(self):
        x = self.config.extra
        self.join(x["realm"], authmethods=x.get("methods"), authid=x.get("authid"))
    def onChallenge(self, ch):
        x = self.config.extra
        if ch.method == "ticket":
            return x["secret"]
        if ch.method == "wampcra":
            return auth.compute_wcs(x["secret"].encode(), ch.extra["challenge"].encode())
        raise Exception("unknown method")
    async def onJoin(self, details):
        try:
            await self.config.extra["job"](self)
        except Exception:
            pass
        self.leave()
    def onDisconnect(self):
        f = self.config.extra["done"]
        if not f.done():
            f.set_result(True)

async def session(job, path="ws", realm="realm1", methods=None, authid=None, secret=None, ser=None, hold=False):
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    extra = dict(job=job, realm=realm, methods=methods, authid=authid, secret=secret, done=done)
    factory = WampWebSocketClientFactory(lambda: S(ComponentConfig(realm, extra)), url="ws://127.0.0.1:%d/%s" % (PORT, path),
                                         serializers=[ser or rnd.choice([JsonSerializer(), MsgPackSerializer(), CBORSerializer()])])
    try:
        transport, proto = await loop.create_connection(factory, "127.0.0.1", PORT)
        await asyncio.wait_for(done, 8)
    except Exception:
        pass

async def backend(s):
    def add(a, b): return a + b
    def fail(x): raise ApplicationError("com.example.error.invalid_value", "bad value", x)
    async def slow(d):
        await asyncio.sleep(d); return d
    await s.register(add, "com.example.add")
    await s.register(fail, "com.example.fail")
    await s.register(slow, "com.example.slow")
    await s.subscribe(lambda *a, **k: None, "com.example.topic")
    await asyncio.sleep(rnd.uniform(2, 6))

async def caller(s):
    for _ in range(rnd.randint(1, 6)):
        a = rnd.choice(["add"] * 6 + ["fail"] * 2 + ["slow", "timeout", "nosuch", "secret", "publish", "publish_ack", "subscribe", "regdup", "meta", "badpub"])
        try:
            if a == "add": await s.call("com.example.add", rnd.randint(1, 99), rnd.randint(1, 99))
            elif a == "fail": await s.call("com.example.fail", rnd.randint(1, 9))
            elif a == "slow": await s.call("com.example.slow", rnd.random())
            elif a == "timeout": await s.call("com.example.slow", 2, options=CallOptions(timeout=0.5))
            elif a == "nosuch": await s.call("com.example.missing%d" % rnd.randint(1, 5))
            elif a == "secret": await s.call("com.secret.data")
            elif a == "publish": s.publish("com.example.topic", rnd.randint(1, 100))
            elif a == "publish_ack": await s.publish("com.example.topic", "x", options=PublishOptions(acknowledge=True, exclude_me=False))
            elif a == "badpub": await s.publish("com.secret.topic", 1, options=PublishOptions(acknowledge=True))
            elif a == "subscribe":
                sub = await s.subscribe(lambda *a, **k: None, "com.example.topic")
                await asyncio.sleep(0.2); await sub.unsubscribe()
            elif a == "regdup": await s.register(lambda: 1, "com.example.add")
            elif a == "meta": await s.call("wamp.session.count")
        except Exception:
            pass
        await asyncio.sleep(rnd.random() * 0.1)

def http_get(path):
    try:
        urllib.request.urlopen("http://127.0.0.1:%d%s" % (PORT, path), timeout=3).read()
    except Exception:
        pass

def raw(port, data):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2); s.sendall(data); time.sleep(0.1)
        try: s.recv(1024)
        except Exception: pass
        s.close()
    except Exception:
        pass

async def main():
    tasks = []
    for _ in range(N):
        a = rnd.choice(["backend"] * 2 + ["caller"] * 8 + ["badticket", "badcra", "goodcra", "badrealm", "noauth", "http", "http404", "info", "wsgarbage", "rawgarbage", "abort"])
        if a == "backend": tasks.append(asyncio.create_task(session(backend, path="auth", methods=["ticket"], authid="alice", secret="secret123")))
        elif a == "caller": tasks.append(asyncio.create_task(session(caller)))
        elif a == "badticket": await session(caller, path="auth", methods=["ticket"], authid="alice", secret="wrong%d" % rnd.randint(1, 99))
        elif a == "badcra": await session(caller, path="auth", methods=["wampcra"], authid=rnd.choice(["bob", "mallory"]), secret="nope")
        elif a == "goodcra": await session(caller, path="auth", methods=["wampcra"], authid="bob", secret="bobsecret")
        elif a == "badrealm": await session(caller, realm="realm%d" % rnd.randint(2, 9))
        elif a == "noauth": await session(caller, path="auth", methods=["anonymous"])
        elif a == "http": await asyncio.to_thread(http_get, "/")
        elif a == "http404": await asyncio.to_thread(http_get, "/missing%d.html" % rnd.randint(1, 99))
        elif a == "info": await asyncio.to_thread(http_get, "/info")
        elif a == "wsgarbage": await asyncio.to_thread(raw, PORT, b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
        elif a == "rawgarbage": await asyncio.to_thread(raw, PORT + 1, rnd.choice([b"\x7f\xf1\x00\x00", b"hello\r\n", b"\x7f\x12\x00\x00"]))
        elif a == "abort":
            await asyncio.to_thread(raw, PORT, b"GET /ws HTTP/1.1\r\nHost: x\r\n")
        await asyncio.sleep(rnd.random() * 0.3)
    await asyncio.gather(*tasks)

asyncio.run(main())
