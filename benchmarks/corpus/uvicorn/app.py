"""Small ASGI app served by uvicorn for the workload."""
import asyncio, json, os

MODE = os.environ.get("APP_MODE", "")


async def lifespan(receive, send):
    while True:
        msg = await receive()
        if msg["type"] == "lifespan.startup":
            if MODE == "no-lifespan":
                raise RuntimeError("lifespan not supported here")
            if MODE == "fail-startup":
                await send({"type": "lifespan.startup.failed", "message": "database at 127.0.0.1:15999 unreachable"})
                return
            await send({"type": "lifespan.startup.complete"})
        elif msg["type"] == "lifespan.shutdown":
            if MODE == "fail-shutdown":
                await send({"type": "lifespan.shutdown.failed", "message": "could not flush cache"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
            return


async def text(send, status, body, ctype=b"text/plain"):
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def http(scope, receive, send):
    path = scope["path"]
    body = b""
    while True:
        m = await receive()
        body += m.get("body", b"")
        if not m.get("more_body"):
            break
    if path == "/":
        await text(send, 200, b"hello\n")
    elif path == "/echo":
        await text(send, 200, body or b"empty\n")
    elif path == "/json":
        await text(send, 200, json.dumps({"method": scope["method"], "q": scope["query_string"].decode()}).encode(),
                   b"application/json")
    elif path == "/slow":
        await asyncio.sleep(float(scope["query_string"].decode().partition("=")[2] or 1))
        await text(send, 200, b"slow done\n")
    elif path == "/error":
        raise ValueError("handler blew up on purpose")
    elif path == "/noresponse":
        return
    elif path == "/partial":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]})
        await send({"type": "http.response.body", "body": b"only part", "more_body": True})
        return
    elif path == "/returns":
        await text(send, 200, b"ok\n")
        return "unexpected"
    elif path == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for i in range(3):
            await send({"type": "http.response.body", "body": b"chunk %d\n" % i, "more_body": True})
        await send({"type": "http.response.body", "body": b""})
    elif path == "/forbidden":
        await text(send, 403, b"no\n")
    else:
        await text(send, 404, b"not found\n")


async def websocket(scope, receive, send):
    path = scope["path"]
    m = await receive()  # websocket.connect
    if path == "/ws/reject":
        await send({"type": "websocket.close"})
        return
    if path == "/ws/deny":
        await send({"type": "websocket.http.response.start", "status": 401, "headers": []})
        await send({"type": "websocket.http.response.body", "body": b"auth required"})
        return
    if path == "/ws/crash":
        raise RuntimeError("websocket handler crashed")
    await send({"type": "websocket.accept"})
    while True:
        m = await receive()
        if m["type"] == "websocket.disconnect":
            return
        data = m.get("text") or ""
        if data == "bye":
            await send({"type": "websocket.close", "code": 1000})
            return
        if data == "boom":
            raise KeyError("boom")
        await send({"type": "websocket.send", "text": "echo: " + data})


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    if scope["type"] == "http":
        return await http(scope, receive, send)
    return await websocket(scope, receive, send)
