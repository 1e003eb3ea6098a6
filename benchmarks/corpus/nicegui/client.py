import asyncio
import json
import random
import re
import socket
import sys
import uuid

import httpx
import socketio

port = int(sys.argv[1])
rnd = random.Random(int(sys.argv[2]))
steps = int(sys.argv[3])
base = "http://127.0.0.1:%d" % port


async def session(http):
    r = await http.get(base + "/")
    m = re.search(r"'client_id': '([0-9a-f-]+)'", r.text)
    cid = m.group(1) if m and rnd.random() < 0.9 else str(uuid.uuid4())
    els = json.loads(re.search(r"parseElements\(String\.raw`(.*?)`\)", r.text, re.S).group(1))
    listeners = [(k, e["listener_id"], e["type"]) for k, v in els.items() for e in v.get("events", [])
                 if e["type"] in ("click", "update:value")]
    sio = socketio.AsyncClient(reconnection=False)
    query = "client_id=%s&next_message_id=0&implicit_handshake=true&tab_id=%s&document_id=%s" % (
        cid, uuid.uuid4(), uuid.uuid4())
    try:
        await sio.connect(base + "/?" + query, socketio_path="/_nicegui_ws/socket.io",
                          transports=[rnd.choice(["websocket", "polling"])], wait_timeout=5)
    except Exception:
        return
    for _ in range(rnd.randint(1, 8)):
        k, lid, typ = rnd.choice(listeners)
        msg = {"client_id": cid, "id": int(k), "listener_id": lid, "type": typ,
               "args": [json.dumps("v%d" % rnd.randint(0, 99))] if typ == "update:value" else []}
        if rnd.random() < 0.05:
            del msg["listener_id"]
        await sio.emit("event", msg)
        await asyncio.sleep(rnd.uniform(0.05, 0.6))
    if rnd.random() < 0.3:
        await sio.emit("ack", {"client_id": cid, "next_message_id": rnd.randint(0, 5)})
    await asyncio.sleep(rnd.uniform(0, 1))
    if rnd.random() < 0.8:
        await sio.disconnect()


async def main():
    async with httpx.AsyncClient(timeout=10) as http:
        for _ in range(steps):
            act = rnd.choices(["session", "index", "boom", "slow", "nope", "api", "apibad", "garbage", "sleep"],
                              weights=[12, 4, 1, 2, 3, 4, 2, 2, 3])[0]
            try:
                if act == "session":
                    await session(http)
                elif act == "index":
                    await http.get(base + "/")
                elif act == "boom":
                    await http.get(base + "/boom")
                elif act == "slow":
                    await http.get(base + "/slow")
                elif act == "nope":
                    await http.get(base + rnd.choice(["/nope", "/x/y", "/_nicegui/none.js"]))
                elif act == "api":
                    await http.get(base + "/api/add", params={"a": rnd.randint(0, 9), "b": rnd.randint(0, 9)})
                elif act == "apibad":
                    await http.get(base + "/api/add", params={"a": "x"})
                elif act == "garbage":
                    s = socket.create_connection(("127.0.0.1", port), timeout=3)
                    s.sendall(rnd.choice([b"BLAH\r\n\r\n", b"GET / HTTP/7.0\r\n\r\n"]))
                    s.close()
                else:
                    await asyncio.sleep(rnd.uniform(0.2, 1.5))
            except Exception:
                pass


asyncio.run(main())
