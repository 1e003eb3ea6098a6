# Minimal ASGI application for the daphne workload (no logging of its own).
import asyncio
import json


async def read_body(receive):
    body = b""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        body += message.get("body", b"")
        if not message.get("more_body"):
            return body


async def send_text(send, status, text, ctype=b"text/plain"):
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype)]})
    await send({"type": "http.response.body", "body": text.encode()})


async def http_app(scope, receive, send):
    path = scope["path"]
    if path == "/":
        await send_text(send, 200, "hello\n")
    elif path == "/json":
        await send_text(send, 200, json.dumps({"client": scope["client"], "qs": scope["query_string"].decode()}), b"application/json")
    elif path == "/echo":
        body = await read_body(receive)
        if body is not None:
            await send_text(send, 200, "%d bytes\n" % len(body))
    elif path == "/slow":
        await asyncio.sleep(float(scope["query_string"].decode() or "0.5"))
        await send_text(send, 200, "slow\n")
    elif path == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        for i in range(3):
            await send({"type": "http.response.body", "body": b"chunk %d\n" % i, "more_body": True})
            await asyncio.sleep(0.05)
        await send({"type": "http.response.body", "body": b"end\n"})
    elif path == "/boom":
        raise RuntimeError("boom requested by client")
    elif path == "/badstatus":
        await send({"type": "http.response.start", "status": "200", "headers": []})
        await send({"type": "http.response.body", "body": b"x"})
    elif path == "/badheader":
        await send({"type": "http.response.start", "status": 200, "headers": [("x-str", "not bytes")]})
        await send({"type": "http.response.body", "body": b"x"})
    elif path == "/silent":
        return
    elif path == "/hang":
        while True:
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                continue
    elif path == "/stubborn":
        await send_text(send, 200, "bye\n")
        while True:
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                continue
    else:
        await send_text(send, 404, "not found\n")


async def ws_app(scope, receive, send):
    path = scope["path"]
    while True:
        message = await receive()
        kind = message["type"]
        if kind == "websocket.connect":
            if path == "/ws/reject":
                await send({"type": "websocket.close", "code": 1000})
                return
            if path == "/ws/boom":
                raise ValueError("websocket handler failed")
            if path == "/ws/late":
                await asyncio.sleep(5)
            await send({"type": "websocket.accept"})
            if path == "/ws/close":
                await send({"type": "websocket.send", "text": "closing"})
                await send({"type": "websocket.close", "code": 4000 + len(path)})
        elif kind == "websocket.receive":
            if message.get("text") == "crash":
                raise KeyError("crash")
            if message.get("bytes") is not None:
                await send({"type": "websocket.send", "bytes": message["bytes"][::-1]})
            else:
                await send({"type": "websocket.send", "text": (message.get("text") or "").upper()})
        elif kind == "websocket.disconnect":
            return


async def application(scope, receive, send):
    if scope["type"] == "http":
        await http_app(scope, receive, send)
    elif scope["type"] == "websocket":
        await ws_app(scope, receive, send)
    elif scope["type"] == "lifespan":
        raise NotImplementedError("no lifespan support")
