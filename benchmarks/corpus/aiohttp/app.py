import asyncio
from aiohttp import web

HERE = __file__.rsplit("/", 1)[0]


async def index(request):
    return web.Response(text="hello")


async def item(request):
    n = request.match_info["n"]
    if not n.isdigit():
        raise web.HTTPBadRequest(text="bad id")
    if int(n) > 500:
        raise web.HTTPNotFound()
    return web.json_response({"id": int(n)})


async def echo(request):
    data = await request.read()
    return web.Response(body=data)


async def ignore_body(request):
    return web.Response(text="ignored")


async def boom(request):
    raise RuntimeError("boom " + request.query.get("why", "x"))


async def keyerr(request):
    return web.Response(text=request.query["needed"])


async def none(request):
    return None


async def wrong(request):
    return {"not": "a response"}


async def timeout(request):
    raise asyncio.TimeoutError()


async def slow(request):
    await asyncio.sleep(float(request.query.get("t", "1")))
    return web.Response(text="slow")


async def stream(request):
    resp = web.StreamResponse()
    await resp.prepare(request)
    for i in range(int(request.query.get("n", "5"))):
        await resp.write(b"chunk\n")
        await asyncio.sleep(0.2)
    if request.query.get("fail"):
        raise ValueError("failed mid-stream")
    await resp.write_eof()
    return resp


async def redirect(request):
    raise web.HTTPFound("/")


async def forbidden(request):
    raise web.HTTPForbidden()


async def ws(request):
    w = web.WebSocketResponse(protocols=("chat.v1",))
    await w.prepare(request)
    async for msg in w:
        if msg.type == web.WSMsgType.TEXT:
            await w.send_str(msg.data.upper())
    return w


def init(argv):
    app = web.Application()
    app.router.add_get("/", index)
    app.router.add_get("/item/{n}", item)
    app.router.add_post("/echo", echo)
    app.router.add_post("/ignore", ignore_body)
    app.router.add_get("/boom", boom)
    app.router.add_get("/keyerr", keyerr)
    app.router.add_get("/none", none)
    app.router.add_get("/wrong", wrong)
    app.router.add_get("/timeout", timeout)
    app.router.add_get("/slow", slow)
    app.router.add_get("/stream", stream)
    app.router.add_get("/redirect", redirect)
    app.router.add_get("/admin", forbidden)
    app.router.add_get("/ws", ws)
    app.router.add_static("/static", HERE + "/static")
    return app
