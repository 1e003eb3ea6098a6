import json
import random
import socket
import sys
import time

import httpx
from gradio_client import Client

port = int(sys.argv[1])
rnd = random.Random(int(sys.argv[2]))
steps = int(sys.argv[3])
base = "http://127.0.0.1:%d" % port


def raw(data):
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    try:
        s.sendall(data)
        if rnd.random() < 0.5:
            s.recv(4096)
    except OSError:
        pass
    s.close()


client = None
for _ in range(3):
    try:
        client = Client(base + "/", verbose=False)
        break
    except Exception:
        time.sleep(2)
jobs = []
for _ in range(steps):
    act = rnd.choices(["greet", "add", "boom", "grerr", "slow", "stream", "cancel", "burst", "badjson",
                       "badfn", "callapi", "garbage", "notfound", "config", "upload", "sleep"],
                      weights=[12, 8, 6, 3, 3, 5, 3, 2, 3, 3, 4, 2, 3, 2, 2, 4])[0]
    try:
        if act == "greet" and client:
            client.predict(rnd.choice(["ann", "bob", "zoë", ""]), api_name="/greet")
        elif act == "add" and client:
            client.predict(rnd.randint(-9, 99), rnd.random(), api_name="/add")
        elif act == "boom" and client:
            client.predict(rnd.choice(["x", "bad", "?"]), api_name="/boom")
        elif act == "grerr" and client:
            client.predict("gr", api_name="/boom")
        elif act == "slow" and client:
            client.predict(rnd.choice([0.5, 1, 2]), api_name="/slow")
        elif act == "stream" and client:
            client.predict(rnd.randint(1, 8), api_name="/stream")
        elif act == "cancel" and client:
            j = client.submit(rnd.choice([3, 5]), api_name="/slow")
            time.sleep(rnd.uniform(0.3, 1.5))
            j.cancel()
        elif act == "burst" and client:
            js = [client.submit(rnd.choice([1, 2]), api_name="/slow") for _ in range(rnd.randint(3, 7))]
            for j in js:
                try:
                    j.result(timeout=20)
                except Exception:
                    pass
        elif act == "badjson":
            httpx.post(base + "/gradio_api/queue/join", content=rnd.choice([b"{", b"[]", b'{"data": 1}']),
                       headers={"content-type": "application/json"}, timeout=5)
        elif act == "badfn":
            httpx.post(base + "/gradio_api/queue/join",
                       json={"data": ["x"], "fn_index": rnd.choice([99, -5]), "session_hash": "s%d" % rnd.randint(1, 9999)},
                       timeout=5)
        elif act == "callapi":
            name = rnd.choice(["greet", "add", "boom", "nosuch"])
            data = rnd.choice([["amy"], [1, 2], "notalist", [None]])
            r = httpx.post(base + "/gradio_api/call/" + name, json={"data": data}, timeout=5)
            if r.status_code == 200:
                eid = r.json().get("event_id")
                with httpx.stream("GET", base + "/gradio_api/call/%s/%s" % (name, eid), timeout=10) as s:
                    for _line in s.iter_lines():
                        pass
        elif act == "garbage":
            raw(rnd.choice([b"\x16\x03\x01\x00\xa5garbage\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"NONSENSE\r\n\r\n"]))
        elif act == "notfound":
            httpx.get(base + rnd.choice(["/nope", "/gradio_api/file=/etc/passwd", "/gradio_api/info", "/config"]), timeout=5)
        elif act == "config":
            httpx.get(base + "/config", timeout=5)
        elif act == "upload":
            httpx.post(base + "/gradio_api/upload", files={"files": ("a.txt", b"hello %d" % rnd.randint(0, 99))}, timeout=5)
        else:
            time.sleep(rnd.uniform(0.2, 1.5))
    except Exception:
        pass
