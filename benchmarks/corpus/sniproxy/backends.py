#!/usr/bin/env python3
"""Local backends for the sniproxy workload (127.0.0.1 only):
 23110 HTTP server answering,  23111 TLS server answering (self-signed),
 23112 accepts then closes at once, 23113 accepts and stays silent (slow),
 23114 answers garbage. 23119 is left dead (nothing listens)."""
import asyncio, random, ssl, sys
CERT, KEY = sys.argv[1], sys.argv[2]

async def http(r, w):
    try:
        data = await asyncio.wait_for(r.read(4096), 5)
        body = b"hello %d\n" % random.randint(1, 99999) * random.randint(1, 50)
        w.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
        await w.drain()
    except Exception:
        pass
    w.close()

async def closer(r, w):
    w.close()

async def silent(r, w):
    try:
        await asyncio.sleep(random.uniform(2, 6))
    finally:
        w.close()

async def garbage(r, w):
    try:
        await asyncio.wait_for(r.read(100), 3)
        w.write(bytes(random.getrandbits(8) for _ in range(random.randint(10, 3000))))
        await w.drain()
    except Exception:
        pass
    w.close()

async def main():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(CERT, KEY)
    servers = [await asyncio.start_server(http, "127.0.0.1", 23110),
               await asyncio.start_server(http, "127.0.0.1", 23111, ssl=ctx),
               await asyncio.start_server(closer, "127.0.0.1", 23112),
               await asyncio.start_server(silent, "127.0.0.1", 23113),
               await asyncio.start_server(garbage, "127.0.0.1", 23114)]
    await asyncio.gather(*(s.serve_forever() for s in servers))

asyncio.run(main())
