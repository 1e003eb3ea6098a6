"""Small ASGI application served by Hypercorn for the round31 workload."""
import asyncio
import json
import os

FAIL_LIFESPAN = os.environ.get("R31H_LIFESPAN", "ok")


async def lifespan(receive, send):
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            if FAIL_LIFESPAN == "raise":
                raise RuntimeError("lifespan not supported by this build")
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            if FAIL_LIFESPAN == "shutdown-raise":
                raise RuntimeError("shutdown hook failed")
            await send({"type": "lifespan.shutdown.complete"})
            return


async def body_of(receive):
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


async def respond(send, status, body, ctype=b"text/plain", extra=()):
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()), *extra]})
    await send({"type": "http.response.body", "body": body})


async def websocket(scope, receive, send):
    path = scope["path"]
    message = await receive()  # websocket.connect
    if path == "/ws/deny":
        await send({"type": "websocket.close", "code": 1008})
        return
    if path == "/ws/crash":
        raise ValueError("websocket handler crashed")
    await send({"type": "websocket.accept"})
    while True:
        message = await receive()
        if message["type"] == "websocket.disconnect":
            return
        text = message.get("text") or ""
        if text == "close":
            await send({"type": "websocket.close", "code": 1000})
            return
        if text == "bad":
            await send({"type": "websocket.send", "text": 12345})
            return
        await send({"type": "websocket.send", "text": text.upper()})


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    if scope["type"] == "websocket":
        return await websocket(scope, receive, send)
    path = scope["path"]
    if path == "/":
        await respond(send, 200, b"hello from r31h\n")
    elif path == "/json":
        body = json.dumps({"method": scope["method"], "query": scope["query_string"].decode()}).encode()
        await respond(send, 200, body, b"application/json")
    elif path == "/echo":
        data = await body_of(receive)
        await respond(send, 200 if data else 400, data or b"empty body\n")
    elif path == "/slow":
        await asyncio.sleep(float(dict(p.split("=") for p in scope["query_string"].decode().split("&") if "=" in p).get("t", "0.5")))
        await respond(send, 200, b"slow done\n")
    elif path == "/block":
        import time
        time.sleep(0.2)  # blocks the event loop on purpose
        await respond(send, 200, b"blocked\n")
    elif path == "/error":
        raise RuntimeError("handler failed on purpose")
    elif path == "/keyerror":
        return {}["missing"]
    elif path == "/nostart":
        await send({"type": "http.response.body", "body": b"oops"})
    elif path == "/badpath":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": "not bytes"})
    elif path.startswith("/status/"):
        code = int(path.rsplit("/", 1)[1])
        await respond(send, code, b"status\n")
    elif path == "/redirect":
        await respond(send, 302, b"", extra=[(b"location", b"/")])
    elif path == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        for i in range(3):
            await send({"type": "http.response.body", "body": f"chunk {i}\n".encode(), "more_body": True})
        await send({"type": "http.response.body", "body": b""})
    elif path == "/push":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.push", "path": "/json", "headers": []})
        await send({"type": "http.response.body", "body": b"pushed"})
    else:
        await respond(send, 404, b"not found\n")
