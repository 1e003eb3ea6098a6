"""Randomised HTTP + websocket client for the Voila workload (no logging of its own)."""
import json, random, re, sys, time, uuid
import requests, websocket

BASE = sys.argv[1]
N = int(sys.argv[2])
rnd = random.Random()
S = requests.Session()


def get(path, **kw):
    try:
        return S.get(BASE + path, timeout=kw.pop("timeout", 30), **kw)
    except requests.RequestException:
        return None


def render(name, timeout=40):
    r = get("/voila/render/" + name, timeout=timeout)
    m = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', r.text) if r is not None else None
    return m.group(1) if m else None


def msg(kind, content):
    return json.dumps({"header": {"msg_id": uuid.uuid4().hex, "username": "w", "session": uuid.uuid4().hex,
                                  "msg_type": kind, "version": "5.3", "date": ""},
                       "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []})


def ws(kid, actions):
    try:
        c = websocket.create_connection(BASE.replace("http", "ws") + f"/api/kernels/{kid}/channels?session_id={uuid.uuid4()}", timeout=5)
    except Exception:
        return
    try:
        for a in actions:
            if a == "info":
                c.send(msg("kernel_info_request", {}))
            elif a == "exec":
                c.send(msg("execute_request", {"code": rnd.choice(["1+1", "print(42)", "undefined_name", "import sys; sys.stdout.write('x')"]),
                                              "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False}))
            elif a == "junk":
                c.send("this is not json")
            elif a == "badmsg":
                c.send(json.dumps({"channel": "nowhere", "header": {}}))
            t = time.time()
            while time.time() - t < 0.5:
                try:
                    c.recv()
                except Exception:
                    break
    finally:
        if rnd.random() < 0.8:
            c.close()


def shutdown(kid):
    try:
        S.post(BASE + f"/voila/api/shutdown/{kid}", timeout=10)
    except requests.RequestException:
        pass


for _ in range(N):
    a = rnd.choices(["ok", "fail", "fail2", "crash", "slow", "broken", "missing", "tree", "files", "static",
                     "contents", "badkernel", "kernelapi"],
                    weights=[10, 4, 3, 1, 1, 2, 2, 3, 2, 2, 2, 2, 2])[0]
    if a in ("ok", "fail", "fail2", "crash", "slow"):
        kid = render(a + ".ipynb")
        if kid:
            r = rnd.random()
            if r < 0.5:
                ws(kid, rnd.choices(["info", "exec", "junk", "badmsg"], weights=[4, 4, 1, 1], k=rnd.randint(1, 4)))
            elif r < 0.6:
                get(f"/api/kernels/{kid}")
            if rnd.random() < 0.8:
                shutdown(kid)
            elif rnd.random() < 0.5:
                try:
                    S.delete(BASE + f"/api/kernels/{kid}", timeout=10)
                except requests.RequestException:
                    pass
    elif a == "broken":
        render("broken.ipynb")
    elif a == "missing":
        render(rnd.choice(["nope.ipynb", "sub/none.ipynb", "plain.txt"]))
    elif a == "tree":
        get(rnd.choice(["/", "/voila/tree", "/voila/tree/nosuchdir"]))
    elif a == "files":
        get(rnd.choice(["/voila/files/plain.txt", "/voila/files/ok.ipynb", "/voila/files/../../etc/passwd", "/voila/files/missing.png"]))
    elif a == "static":
        get(rnd.choice(["/voila/static/voila.js", "/voila/static/missing.css", "/voila/templates/lab/static/nope.css", "/voila/api/themes/none"]))
    elif a == "contents":
        get(rnd.choice(["/voila/api/contents", "/voila/api/contents/ok.ipynb", "/voila/api/contents/none"]))
    elif a == "badkernel":
        k = str(uuid.uuid4())
        if rnd.random() < 0.5:
            ws(k, ["info"])
        else:
            get(f"/api/kernels/{k}")
            shutdown(k)
    elif a == "kernelapi":
        get(rnd.choice(["/api/kernels", "/api/sessions", "/api/status"]))
    time.sleep(rnd.uniform(0, 0.3))
