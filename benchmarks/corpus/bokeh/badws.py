import sys, random
from tornado.ioloop import IOLoop
from tornado.websocket import websocket_connect
from tornado.httpclient import HTTPRequest
url, kind = sys.argv[1], sys.argv[2]
async def main():
    headers = {}
    sub = None
    if kind == "origin":
        headers["Origin"] = "http://evil.example:1234"
    if kind == "badtoken":
        sub = ["bokeh", "notatoken"]
    if kind == "garbage":
        sub = ["bokeh", "eyJzZXNzaW9uX2lkIjogImFiYyJ9"]
    req = HTTPRequest(url, headers=headers)
    try:
        c = await websocket_connect(req, subprotocols=sub)
        if kind == "junkmsg":
            await c.write_message("this is not a bokeh message")
            await c.write_message('{"msgid": "1", "msgtype": "PULL-DOC-REQ"}')
        m = await c.read_message()
        c.close()
    except Exception as e:
        print("ws", kind, type(e).__name__, file=sys.stderr)
IOLoop.current().run_sync(main, timeout=5)
