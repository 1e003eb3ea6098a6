#!/usr/bin/env python3
"""Scripted REST/websocket client for jupyter_server (run with the venv python)."""
import json, random, sys, time, uuid, urllib.request, urllib.error
import websocket  # websocket-client, installed with jupyter_server

PORT = int(sys.argv[1]); TOKEN = sys.argv[2]
BASE = "http://127.0.0.1:%d" % PORT

def req(method, path, body=None, token=TOKEN, raw=None, headers=None, how="header"):
    url = BASE + path
    h = dict(headers or {})
    if token is not None:
        if how == "header":
            h["Authorization"] = "token " + token
        else:
            url += ("&" if "?" in url else "?") + "token=" + token
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    if data is not None:
        h.setdefault("Content-Type", "application/json")
    r = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(r, timeout=30) as resp:
            txt = resp.read()
            return resp.status, (json.loads(txt) if txt[:1] in (b"{", b"[") else txt)
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:
        return 0, str(e)

def ws_execute(kid, codes, session=None):
    url = "ws://127.0.0.1:%d/api/kernels/%s/channels?token=%s" % (PORT, kid, TOKEN)
    if session:
        url += "&session_id=" + session
    try:
        ws = websocket.create_connection(url, timeout=10)
    except Exception:
        return
    sid = uuid.uuid4().hex
    for code in codes:
        mid = uuid.uuid4().hex
        msg = {"header": {"msg_id": mid, "username": "wl", "session": sid, "msg_type": "execute_request",
                          "version": "5.3", "date": ""},
               "parent_header": {}, "metadata": {}, "channel": "shell",
               "content": {"code": code, "silent": False, "store_history": True,
                           "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}
        if random.random() < 0.15:
            msg["header"]["msg_type"] = random.choice(["kernel_info_request", "complete_request", "inspect_request"])
            msg["content"] = {"code": "pri", "cursor_pos": 3, "detail_level": 0}
        try:
            ws.send(json.dumps(msg))
            if random.random() < 0.1:
                ws.send("this is not json")
            end = time.time() + 5
            while time.time() < end:
                m = json.loads(ws.recv())
                if m.get("msg_type") == "status" and m["content"].get("execution_state") == "idle" \
                        and m.get("parent_header", {}).get("msg_id") == mid:
                    break
        except Exception:
            break
    try:
        ws.close()
    except Exception:
        pass

CODES = ["1+1", "print('hello from workload')", "import os; os.getpid()", "1/0", "x = [i*i for i in range(1000)]; sum(x)",
         "undefined_name", "import time; time.sleep(0.3)", "def f(:\n  pass", "import sys; print('err', file=sys.stderr)",
         "'%d' % 5"]

def api_tour():
    for p in random.sample(["/api", "/api/status", "/api/kernelspecs", "/api/kernelspecs/python3",
                            "/api/kernelspecs/nosuchspec", "/api/me", "/api/kernels", "/api/sessions",
                            "/api/terminals", "/api/contents", "/api/nonexistent", "/api/kernels/not-a-uuid",
                            "/api/kernels/%s" % uuid.uuid4(), "/api/sessions/%s" % uuid.uuid4(),
                            "/tree", "/kernelspecs/python3/logo-64x64.png", "/static/nothing.js",
                            "/api/contents/no/such/file.txt", "/api/config/nothing", "/api/spec.yaml",
                            "/api/me?permissions=%7B%22contents%22%3A%5B%22read%22%5D%7D"], 6):
        req("GET", p, how=random.choice(["header", "query"]))

def bad_auth():
    for _ in range(random.randint(1, 4)):
        kind = random.choice(["wrongtok", "notok", "wrongquery", "badscheme", "login", "loginpost", "loginok", "xsrf"])
        if kind == "wrongtok":
            req(random.choice(["GET", "POST", "DELETE"]), random.choice(["/api/kernels", "/api/sessions", "/api/contents"]), token="wrong" + uuid.uuid4().hex[:6])
        elif kind == "notok":
            req("GET", random.choice(["/api/kernels", "/api/status", "/tree", "/"]), token=None)
        elif kind == "wrongquery":
            req("GET", "/api/kernels", token="bad", how="query")
        elif kind == "badscheme":
            req("GET", "/api/kernels", token=None, headers={"Authorization": "Bearer " + uuid.uuid4().hex})
        elif kind == "login":
            req("GET", "/login?next=%2Ftree", token=None)
        elif kind == "loginpost":
            req("POST", "/login", token=None, raw=b"password=wrongpw", headers={"Content-Type": "application/x-www-form-urlencoded"})
        elif kind == "loginok":
            req("POST", "/login?next=%2Fapi%2Fstatus", token=None, raw=("password=" + TOKEN).encode(), headers={"Content-Type": "application/x-www-form-urlencoded"})
        elif kind == "xsrf":
            req("POST", "/api/contents", token=None, body={"type": "file"}, headers={"Cookie": "_xsrf=abc"})

def kernels():
    ids = []
    for _ in range(random.randint(1, 3)):
        st, k = req("POST", "/api/kernels", body={"name": "python3"})
        if st == 201:
            ids.append(k["id"])
    for bad in random.sample(["nosuchkernel", "BAD"], 1):
        req("POST", "/api/kernels", body={"name": bad})
    if random.random() < 0.5:
        req("POST", "/api/kernels", raw=b"{not json")
    time.sleep(1.5)
    for kid in ids:
        ws_execute(kid, random.sample(CODES, random.randint(1, 4)))
        for act in random.sample(["get", "interrupt", "restart", "noop"], 2):
            if act == "get":
                req("GET", "/api/kernels/" + kid)
            elif act == "interrupt":
                req("POST", "/api/kernels/%s/interrupt" % kid)
            elif act == "restart":
                req("POST", "/api/kernels/%s/restart" % kid)
                time.sleep(1)
        if random.random() < 0.25:
            ws_execute(kid, ["import os; os._exit(1)"])   # kernel dies, restarter acts
            time.sleep(3)
    for kid in ids:
        if random.random() < 0.85:
            req("DELETE", "/api/kernels/" + kid)
    req("DELETE", "/api/kernels/" + str(uuid.uuid4()))
    req("POST", "/api/kernels/%s/restart" % uuid.uuid4())

def contents():
    d = "work%d" % random.randint(1, 9999)
    req("PUT", "/api/contents/" + d, body={"type": "directory"})
    req("POST", "/api/contents/" + d, body={"type": "notebook"})
    req("POST", "/api/contents/" + d, body={"type": "file", "ext": ".txt"})
    nb = {"type": "notebook", "format": "json", "content": {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}}
    req("PUT", "/api/contents/%s/a.ipynb" % d, body=nb)
    req("PUT", "/api/contents/%s/t.txt" % d, body={"type": "file", "format": "text", "content": "hello"})
    if random.random() < 0.5:
        req("PUT", "/api/contents/%s/bad.ipynb" % d, body={"type": "notebook", "format": "json", "content": {"nope": 1}})
    if random.random() < 0.5:
        req("PUT", "/api/contents/%s/x.txt" % d, raw=b"{{{bad")
    req("GET", "/api/contents/%s/a.ipynb" % d)
    req("GET", "/api/contents/%s?content=1" % d)
    req("POST", "/api/contents/%s/a.ipynb/checkpoints" % d)
    st, cps = req("GET", "/api/contents/%s/a.ipynb/checkpoints" % d)
    if st == 200 and cps and random.random() < 0.5:
        req("POST", "/api/contents/%s/a.ipynb/checkpoints/%s" % (d, cps[0]["id"]))
    req("PATCH", "/api/contents/%s/t.txt" % d, body={"path": "%s/renamed.txt" % d})
    req("PATCH", "/api/contents/%s/missing.txt" % d, body={"path": "%s/r2.txt" % d})
    req("POST", "/api/contents/%s" % d, body={"copy_from": "%s/a.ipynb" % d})
    req("GET", "/api/contents/../../etc/passwd")
    req("GET", "/api/contents/%s/nothere.ipynb" % d)
    req("GET", "/files/%s/renamed.txt" % d)
    req("GET", "/nbconvert/html/%s/a.ipynb" % d)
    # sessions tied to the notebook
    st, s = req("POST", "/api/sessions", body={"path": "%s/a.ipynb" % d, "type": "notebook", "name": "a", "kernel": {"name": "python3"}})
    if st == 201:
        time.sleep(1)
        ws_execute(s["kernel"]["id"], random.sample(CODES, 2), session=s["id"])
        req("PATCH", "/api/sessions/" + s["id"], body={"path": "%s/moved.ipynb" % d})
        req("PATCH", "/api/sessions/" + s["id"], body={"kernel": {"name": "nosuchkernel"}})
        req("GET", "/api/sessions/" + s["id"])
        req("DELETE", "/api/sessions/" + s["id"])
    req("POST", "/api/sessions", body={"path": "x.ipynb", "type": "notebook"})
    req("POST", "/api/sessions", raw=b"garbage")
    req("DELETE", "/api/contents/%s/a.ipynb" % d)
    req("DELETE", "/api/contents/%s" % d)
    if random.random() < 0.5:
        req("DELETE", "/api/contents/%s/ghost.txt" % d)

def terminals():
    st, t = req("POST", "/api/terminals", body={})
    if st == 200:
        try:
            ws = websocket.create_connection("ws://127.0.0.1:%d/terminals/websocket/%s?token=%s" % (PORT, t["name"], TOKEN), timeout=5)
            ws.send(json.dumps(["stdin", "echo hi\r"]))
            time.sleep(0.5)
            ws.close()
        except Exception:
            pass
        req("GET", "/api/terminals/" + t["name"])
        req("DELETE", "/api/terminals/" + t["name"])
    req("DELETE", "/api/terminals/9999")

if __name__ == "__main__":
    random.seed()
    what = sys.argv[3]
    if what == "mix":
        steps = [api_tour, bad_auth, kernels, contents, terminals]
        for _ in range(int(sys.argv[4])):
            random.choice(steps)()
    elif what == "shutdown":
        req("POST", "/api/shutdown")
