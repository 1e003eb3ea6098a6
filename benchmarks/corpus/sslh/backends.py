#!/usr/bin/env python3
"""Backends behind sslh (127.0.0.1 only): ssh-like banner 23310, http 23311, TLS 23312/23313,
openvpn-ish echo 23314, closer 23316, echo 23317, banner for timeouts 23318.
23315 (xmpp) and 23319 (tls catch-all) are left dead."""
import asyncio, random, ssl, sys
CERT, KEY = sys.argv[1], sys.argv[2]

async def banner(r, w):
    try:
        w.write(b"SSH-2.0-OpenSSH_%d.%dp1 Debian\r\n" % (random.randint(7, 9), random.randint(0, 9)))
        await w.drain()
        await asyncio.wait_for(r.read(4096), random.uniform(0.5, 3))
    except Exception:
        pass
    w.close()

async def http(r, w):
    try:
        await asyncio.wait_for(r.read(4096), 5)
        body = b"ok %d\n" % random.randint(1, 99999)
        w.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
        await w.drain()
    except Exception:
        pass
    w.close()

async def echo(r, w):
    try:
        for _ in range(random.randint(1, 4)):
            d = await asyncio.wait_for(r.read(4096), 2)
            if not d:
                break
            w.write(d); await w.drain()
    except Exception:
        pass
    w.close()

async def closer(r, w):
    w.close()

async def main():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(CERT, KEY)
    ctx.set_alpn_protocols(["h2", "http/1.1"])
    srv = [await asyncio.start_server(banner, "127.0.0.1", 23310),
           await asyncio.start_server(http, "127.0.0.1", 23311),
           await asyncio.start_server(http, "127.0.0.1", 23312, ssl=ctx),
           await asyncio.start_server(http, "127.0.0.1", 23313, ssl=ctx),
           await asyncio.start_server(echo, "127.0.0.1", 23314),
           await asyncio.start_server(closer, "127.0.0.1", 23316),
           await asyncio.start_server(echo, "127.0.0.1", 23317),
           await asyncio.start_server(banner, "127.0.0.1", 23318)]
    await asyncio.gather(*(s.serve_forever() for s in srv))

asyncio.run(main())
