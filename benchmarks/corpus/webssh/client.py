# Drives a running wssh over HTTP and websockets with random actions.
import asyncio, json, random, sys, urllib.parse
from tornado.httpclient import AsyncHTTPClient, HTTPRequest, HTTPClientError
from tornado.websocket import websocket_connect

W = sys.argv[1]            # e.g. 127.0.0.1:44100
SSH_PORT = sys.argv[2]     # stub ssh port
SILENT = sys.argv[3]       # silent tcp port
DEAD = sys.argv[4]         # closed port
KEYFILE = sys.argv[5]      # private key for keyuser
N = int(sys.argv[6])
random.seed(int(sys.argv[7]))
http = AsyncHTTPClient()

async def fetch(path, method="GET", body=None, headers=None):
    req = HTTPRequest("http://%s%s" % (W, path), method=method, body=body,
                      headers=headers or {}, request_timeout=15)
    try:
        return await http.fetch(req, raise_error=False)
    except Exception:
        return None

async def xsrf():
    r = await fetch("/")
    if r is None:
        return None
    for c in r.headers.get_list("Set-Cookie"):
        if c.startswith("_xsrf="):
            return c.split(";")[0][6:]

async def login(fields, use_xsrf=True, origin=None):
    tok = await xsrf() if use_xsrf else None
    h = {"Content-Type": "application/x-www-form-urlencoded"}
    if tok:
        fields = dict(fields, _xsrf=tok)
        h["Cookie"] = "_xsrf=" + tok
    if origin:
        h["Origin"] = origin
    r = await fetch("/", "POST", urllib.parse.urlencode(fields), h)
    try:
        return json.loads(r.body)
    except Exception:
        return {}

async def ws(wid, actions, origin=None):
    url = "ws://%s/ws" % W + ("" if wid is None else "?id=" + wid)
    h = {"Origin": origin} if origin else {}
    try:
        conn = await websocket_connect(HTTPRequest(url, headers=h, connect_timeout=5))
    except Exception:
        return
    for a in actions:
        if a == "read":
            try:
                await asyncio.wait_for(conn.read_message(), 1.5)
            except Exception:
                pass
        elif a == "drop":
            conn.close()
            return
        else:
            try:
                await conn.write_message(a)
            except Exception:
                return
    await asyncio.sleep(0.3)
    conn.close()

def good_user():
    return random.choice([("alice", "wonder")] * 5 + [("carol", "secret"), ("dave", "pass")])

async def session():
    u, p = good_user()
    fields = {"hostname": "127.0.0.1", "port": SSH_PORT, "username": u, "password": p}
    if random.random() < 0.3:
        fields["term"] = random.choice(["xterm-256color", "vt100"])
    res = await login(fields, origin=random.choice([None, None, "http://" + W]))
    wid = res.get("id")
    if not wid:
        return
    acts = [json.dumps({"resize": [random.randint(60, 200), random.randint(20, 60)]}), "read"]
    for _ in range(random.randint(1, 6)):
        c = random.choice(["ls", "pwd", "uname -a", "echo hi", "big", "date"])
        acts += [json.dumps({"data": c + "\r"}), "read"]
    r = random.random()
    if r < 0.25:
        acts += ["not json", json.dumps([1, 2]), json.dumps({"resize": ["a", "b"]})]
    if r < 0.5:
        acts += [json.dumps({"data": "exit\r"}), "read", "read", json.dumps({"data": "after\r"})]
    elif r < 0.75:
        acts += ["drop"]
    await ws(wid, acts, origin=random.choice([None, "http://" + W]))

async def keylogin():
    key = open(KEYFILE).read()
    fields = {"hostname": "127.0.0.1", "port": SSH_PORT, "username": "keyuser", "privatekey": key}
    if random.random() < 0.3:
        fields["privatekey"] = "-----BEGIN OPENSSH PRIVATE KEY-----\nnotakey\n-----END OPENSSH PRIVATE KEY-----\n"
    elif random.random() < 0.2:
        fields["username"] = "alice"
    res = await login(fields)
    if res.get("id"):
        await ws(res["id"], [json.dumps({"data": "pwd\r"}), "read", json.dumps({"data": "exit\r"}), "read"])

async def bad():
    k = random.randrange(16)
    if k == 0:
        await login({"hostname": "127.0.0.1", "port": SSH_PORT, "username": "alice", "password": "wrong%d" % random.randrange(99)})
    elif k == 1:
        await login({"hostname": "127.0.0.1", "port": SSH_PORT, "username": random.choice(["root", "mallory"]), "password": "x"})
    elif k == 2:
        await login({"hostname": "127.0.0.1", "port": DEAD, "username": "alice", "password": "wonder"})
    elif k == 3:
        await login({"hostname": "127.0.0.1", "port": SILENT, "username": "alice", "password": "wonder"})
    elif k == 4:
        await login({"hostname": "bad host!", "port": SSH_PORT, "username": "alice", "password": "x"})
    elif k == 5:
        await login({"hostname": "127.0.0.1", "port": "99999", "username": "alice", "password": "x"})
    elif k == 6:
        await login({"hostname": "127.0.0.1", "port": SSH_PORT, "username": "", "password": "x"})
    elif k == 7:
        await login({"hostname": "127.0.0.1", "port": SSH_PORT, "username": "alice", "password": "wonder"}, use_xsrf=False)
    elif k == 8:
        await login({"hostname": "127.0.0.1", "port": SSH_PORT, "username": "alice", "password": "wonder"}, origin="http://evil.example")
    elif k == 9:
        await ws(None, ["read"])
    elif k == 10:
        await ws("deadbeef%d" % random.randrange(1000), ["read"])
    elif k == 11:
        await ws("x", ["read"], origin="http://evil.example")
    elif k == 12:
        await fetch(random.choice(["/nothere", "/admin", "/static/missing.js", "/ws"]))
    elif k == 13:
        await fetch("/", "HEAD")
    elif k == 14:
        # log in but never open the websocket: worker gets recycled
        u, p = good_user()
        await login({"hostname": "127.0.0.1", "port": SSH_PORT, "username": u, "password": p})
    else:
        await fetch("/static/js/main.js")

async def main():
    for _ in range(N):
        r = random.random()
        if r < 0.45:
            await session()
        elif r < 0.55:
            await keylogin()
        else:
            await bad()

asyncio.run(main())
