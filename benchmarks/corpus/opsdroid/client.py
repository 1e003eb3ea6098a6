import asyncio, json, random, sys
import aiohttp
BASE = "http://127.0.0.1:48100"
TOKEN = "s3cret-token"
R = random.Random()
WORDS = ["alpha", "beta", "gamma", "delta", "deploy", "status", "server", "disk", "queue"]

def text():
    k = R.choices(["hi", "echo", "remember", "recall", "crash", "divide", "div0", "unknown", "empty", "unicode"],
                  [10, 12, 6, 6, 2, 4, 2, 8, 1, 2])[0]
    w = R.choice(WORDS)
    return {"hi": R.choice(["hi", "Hello there", "hey bot"]),
            "echo": "echo %s %d" % (w, R.randint(0, 999)),
            "remember": "remember %s %d" % (w, R.randint(0, 99)),
            "recall": "recall %s" % R.choice(WORDS + ["nothing"]),
            "crash": "crash now",
            "divide": "divide %d %d" % (R.randint(0, 999), R.randint(1, 20)),
            "div0": "divide %d 0" % R.randint(0, 999),
            "unknown": "%s %s?" % (R.choice(["what is", "show me", "please"]), w),
            "empty": "",
            "unicode": "héllo wörld ✓ %s" % w}[k]

async def session(http):
    hdr = {"Authorization": TOKEN} if R.random() > 0.08 else R.choice([{}, {"Authorization": "wrong"}])
    async with http.post(BASE + "/connector/websocket", headers=hdr) as r:
        if r.status != 200:
            return
        sock = json.loads(await r.text())["socket"]
    if R.random() < 0.06:
        await asyncio.sleep(5)  # let the socket request time out
    if R.random() < 0.05:
        try:
            async with http.ws_connect(BASE + "/connector/websocket/00000000-0000-0000-0000-%012d" % R.randint(0, 10**6)) as ws:
                pass
        except Exception:
            pass
    try:
        async with http.ws_connect(BASE + "/connector/websocket/" + sock) as ws:
            for _ in range(R.randint(1, 8)):
                kind = R.choices(["json", "plain", "badjson", "nomsg", "target", "binary"], [10, 5, 2, 1, 1, 1])[0]
                if kind == "json":
                    await ws.send_str(json.dumps({"message": text(), "user": R.choice(["ann", "bob", "cy", None]), "socket": sock}))
                elif kind == "plain":
                    await ws.send_str(text())
                elif kind == "badjson":
                    await ws.send_str('{"message": "%s"' % text())
                elif kind == "nomsg":
                    await ws.send_str(json.dumps({"user": "bob"}))
                elif kind == "target":
                    await ws.send_str(json.dumps({"message": text(), "user": "cy", "socket": "gone-%d" % R.randint(0, 99)}))
                elif kind == "binary":
                    await ws.send_bytes(b"\x00\x01binary")
                try:
                    await asyncio.wait_for(ws.receive(), timeout=R.choice([2.0, 2.0, 2.0, 0.2]))
                except asyncio.TimeoutError:
                    pass
            while R.random() < 0.97:
                try:
                    m = await asyncio.wait_for(ws.receive(), timeout=1.0)
                    if m.type != aiohttp.WSMsgType.TEXT:
                        break
                except asyncio.TimeoutError:
                    break
            if R.random() < 0.03:
                ws._response.connection.transport.abort() if ws._response.connection else None
    except aiohttp.ClientResponseError:
        pass
    except Exception:
        pass

async def rest(http):
    path = R.choice(["/", "/stats", "/skill/botskills/ping", "/connectors", "/skills", "/config", "/nope", "/connector/websocket/abc"])
    meth = "POST" if "ping" in path and R.random() < 0.7 else "GET"
    try:
        async with http.request(meth, BASE + path, data=R.choice([None, "{bad", '{"a": 1}'])) as r:
            await r.read()
    except Exception:
        pass

async def main(n):
    async with aiohttp.ClientSession() as http:
        for _ in range(n):
            if R.random() < 0.15:
                await rest(http)
            elif R.random() < 0.1:
                await asyncio.gather(*[session(http) for _ in range(R.randint(3, 16))])
            else:
                await session(http)
            await asyncio.sleep(R.uniform(0.05, 0.5))
asyncio.run(main(int(sys.argv[1])))
