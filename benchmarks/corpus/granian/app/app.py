import asyncio, os

async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            m = await receive()
            if m["type"] == "lifespan.startup":
                if os.path.exists("/tmp/round37-r37e/granian_failstart"):
                    await send({"type": "lifespan.startup.failed", "message": "startup refused by flag file"})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif m["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] == "websocket":
        m = await receive()
        await send({"type": "websocket.accept"})
        while True:
            m = await receive()
            if m["type"] == "websocket.disconnect":
                return
            await send({"type": "websocket.send", "text": m.get("text") or "x"})
    path = scope["path"]
    body = b""
    while True:
        m = await receive()
        body += m.get("body", b"")
        if not m.get("more_body"):
            break
    if path == "/boom":
        raise RuntimeError("boom requested")
    if path == "/slow":
        await asyncio.sleep(0.3)
    if path == "/nostart":
        return
    status = 404 if path.startswith("/missing") else (201 if scope["method"] == "POST" else 200)
    await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok %d\n" % len(body)})
