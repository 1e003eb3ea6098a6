import asyncio, logging, random, socket, sys
import websockets
from websockets.asyncio.server import serve
from websockets.asyncio.client import connect
from websockets.http11 import Response
from websockets.datastructures import Headers

logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s %(message)s", level=logging.WARNING, stream=sys.stderr)
logging.getLogger("websockets").setLevel(logging.DEBUG)

R = random.Random(int(sys.argv[1]))
ROUNDS = int(sys.argv[2])
P = 46001
WORDS = ["alpha", "beta", "gamma", "delta", "omega", "ping", "status", "update", "hello", "bye"]

async def handler(ws):
    async for msg in ws:
        if msg == "raise":
            raise RuntimeError("handler asked to fail")
        if msg == "close":
            await ws.close(4000 + R.randint(0, 99), "bye from server")
            return
        if msg == "sleep":
            await asyncio.sleep(3)
        await ws.send(msg)

def process_request(conn, request):
    if request.path == "/forbidden":
        return conn.respond(403, "forbidden\n")
    if request.path == "/health":
        return conn.respond(200, "OK\n")
    if request.path == "/boom":
        raise ValueError("bad path " + request.path)

def process_response(conn, request, response):
    if request.path == "/badresp":
        raise KeyError("response hook failed")

async def silent_peer(reader, writer):
    await asyncio.sleep(5)
    writer.close()

async def bad_peer(reader, writer):
    await reader.read(1024)
    writer.write(R.choice([b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nhi\n", b"garbage\r\n\r\n", b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: wrong\r\n\r\n"]))
    await writer.drain()
    writer.close()

async def raw(data, wait=0.3, keep=False):
    try:
        r, w = await asyncio.open_connection("127.0.0.1", P)
        w.write(data)
        await w.drain()
        try:
            await asyncio.wait_for(r.read(4096), wait)
        except asyncio.TimeoutError:
            pass
        if keep:
            await asyncio.sleep(keep)
        w.transport.abort()
    except OSError:
        pass

HS = b"GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"

async def action():
    a = R.choices(["normal", "big", "raise", "close", "forbidden", "health", "boom", "badresp", "rawbad", "drop", "nopong", "timeout", "badpeer", "refused", "origin", "clientping", "binary", "frag", "slow"],
                  weights=[30, 4, 3, 5, 3, 3, 2, 2, 8, 4, 2, 2, 3, 2, 2, 4, 5, 3, 2])[0]
    u = f"ws://127.0.0.1:{P}"
    try:
        if a in ("normal", "big", "raise", "close", "clientping", "binary", "frag", "slow"):
            async with connect(u + "/" + R.choice(WORDS), open_timeout=2, ping_interval=None, max_size=R.choice([2048, 2**20])) as ws:
                for _ in range(R.randint(1, 4)):
                    if a == "binary":
                        await ws.send(bytes(R.randrange(256) for _ in range(R.randint(1, 40))))
                    elif a == "frag":
                        await ws.send([R.choice(WORDS) for _ in range(R.randint(2, 4))])
                    else:
                        await ws.send(" ".join(R.choice(WORDS) for _ in range(R.randint(1, 6))))
                    await asyncio.wait_for(ws.recv(), 2)
                if a == "big":
                    await ws.send("x" * R.randint(1100, 5000))
                    await asyncio.wait_for(ws.recv(), 2)
                elif a == "raise":
                    await ws.send("raise")
                    await asyncio.wait_for(ws.recv(), 2)
                elif a == "close":
                    await ws.send("close")
                    await asyncio.wait_for(ws.recv(), 2)
                elif a == "clientping":
                    pong = await ws.ping(R.choice(["", "probe", "1234"]))
                    await asyncio.wait_for(pong, 2)
                elif a == "slow":
                    await ws.send("sleep")
                    await asyncio.wait_for(ws.recv(), 1)
                if R.random() < 0.3:
                    await ws.close(R.choice([1000, 1001, 4001]), R.choice(["", "done", "going away"]))
        elif a in ("forbidden", "health", "boom", "badresp"):
            async with connect(u + "/" + a, open_timeout=2) as ws:
                await ws.send("hi")
        elif a == "origin":
            async with connect(u + "/o", origin="http://evil.example", open_timeout=2) as ws:
                await ws.send("hi")
        elif a == "rawbad":
            await raw(R.choice([
                b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
                b"POST / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
                b"HELLO WORLD\r\n\r\n",
                b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n",
                b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\n\r\n",
                b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"b" * 9000 + b"\r\n\r\n",
                b"GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n",
                b"GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n",
                b"GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://evil.example\r\n\r\n",
                b"GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: chat\r\n\r\n",
                b"",
            ]))
        elif a == "drop":
            await raw(HS + (b"\x81\x85abcd" + bytes(x ^ y for x, y in zip(b"hello", b"abcda")) if R.random() < 0.5 else b"\x89\x00" if R.random() < 0.5 else b"\xff\x7f"), wait=0.3)
        elif a == "nopong":
            await raw(HS, wait=0.2, keep=2.2)
        elif a == "timeout":
            async with connect(f"ws://127.0.0.1:{P+1}/", open_timeout=R.choice([0.5, 1])) as ws:
                pass
        elif a == "badpeer":
            async with connect(f"ws://127.0.0.1:{P+2}/", open_timeout=2) as ws:
                pass
        elif a == "refused":
            async def loop():
                async for ws in connect(f"ws://127.0.0.1:{P+3}/", open_timeout=1):
                    break
            await asyncio.wait_for(loop(), R.choice([2, 4, 7]))
    except (Exception, asyncio.TimeoutError):
        pass

async def main():
    s1 = await asyncio.start_server(silent_peer, "127.0.0.1", P + 1)
    s2 = await asyncio.start_server(bad_peer, "127.0.0.1", P + 2)
    for life in range(ROUNDS):
        async with serve(handler, "127.0.0.1", P, process_request=process_request, process_response=process_response,
                         origins=[None, "http://good.example"], max_size=1024, ping_interval=R.choice([0.7, 1.0, 1.5]), ping_timeout=0.6,
                         close_timeout=1) as server:
            for _ in range(R.randint(8, 20)):
                tasks = [asyncio.create_task(asyncio.wait_for(action(), 10)) for _ in range(R.choice([1, 1, 1, 2, 3]))]
                await asyncio.gather(*tasks, return_exceptions=True)
                await asyncio.sleep(R.random() * 0.3)
        await asyncio.sleep(0.2)
    s1.close(); s2.close()

asyncio.run(main())
