"""Small Sanic application for the round31 workload (ports 27200-27201 on 127.0.0.1)."""
import asyncio
import logging
import os
import random

from sanic import Sanic, response
from sanic.exceptions import BadRequest, Forbidden, NotFound, SanicException, ServiceUnavailable

log = logging.getLogger("sanic.root.r31h")

app = Sanic("r31h_shop")
app.config.REQUEST_TIMEOUT = float(os.environ.get("R31H_REQUEST_TIMEOUT", "2"))
app.config.RESPONSE_TIMEOUT = 3
app.config.KEEP_ALIVE_TIMEOUT = 2
app.config.REQUEST_MAX_SIZE = 4096
app.config.INSPECTOR = True
app.config.INSPECTOR_HOST = "127.0.0.1"
app.config.INSPECTOR_PORT = 27201
app.config.INSPECTOR_API_KEY = "r31h-inspector-key"
app.config.NOISY_EXCEPTIONS = True

ITEMS = {1: "apple", 2: "pear", 3: "plum"}


class OutOfStock(SanicException):
    status_code = 409
    message = "item is out of stock"


@app.before_server_start
async def setup(app, loop):
    log.info("opening fake inventory with %d items", len(ITEMS))


@app.after_server_stop
async def teardown(app, loop):
    log.info("inventory closed")


@app.on_request
async def check_token(request):
    if request.path.startswith("/admin") and request.headers.get("x-token") != "secret":
        log.warning("rejected admin request from %s", request.ip)
        raise Forbidden("bad or missing token")


@app.on_response
async def tag(request, resp):
    resp.headers["x-r31h"] = "1"


@app.get("/")
async def index(request):
    return response.text("r31h shop\n")


@app.get("/items/<item_id:int>")
async def item(request, item_id):
    if item_id not in ITEMS:
        log.debug("item %d missing", item_id)
        raise NotFound(f"no item {item_id}")
    return response.json({"id": item_id, "name": ITEMS[item_id]})


@app.post("/items")
async def add_item(request):
    data = request.json
    if not isinstance(data, dict) or "name" not in data:
        raise BadRequest("name is required")
    new_id = max(ITEMS) + 1
    ITEMS[new_id] = data["name"]
    log.info("added item %d (%s)", new_id, data["name"])
    return response.json({"id": new_id}, status=201)


@app.get("/buy/<item_id:int>")
async def buy(request, item_id):
    if random.random() < 0.5:
        raise OutOfStock()
    return response.text("bought\n")


@app.get("/crash")
async def crash(request):
    return 1 / 0


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(float(request.args.get("t", "0.2")))
    return response.text("slow\n")


@app.get("/maintenance")
async def maintenance(request):
    raise ServiceUnavailable("down for maintenance")


@app.get("/admin/stats")
async def stats(request):
    return response.json({"items": len(ITEMS)})


@app.get("/stream")
async def stream(request):
    resp = await request.respond(content_type="text/plain")
    for i in range(3):
        await resp.send(f"part {i}\n")
    await resp.eof()


@app.get("/none")
async def no_response(request):
    log.error("handler for %s forgot to return a response", request.path)


@app.websocket("/ws")
async def ws_echo(request, ws):
    async for msg in ws:
        if msg == "quit":
            await ws.close(code=1000, reason="bye")
            break
        if msg == "boom":
            raise ValueError("websocket boom")
        await ws.send(msg[::-1])


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=27200, debug=True, access_log=True,
            workers=int(os.environ.get("R31H_WORKERS", "1")))
