#!/usr/bin/env python3
"""Randomised HTTP client for the CherryPy app (several run in parallel from workload.sh)."""
import base64, http.client, json, random, socket, sys, time, http.cookiejar, urllib.request, urllib.error

HOST, PORT = "127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 38300
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 50
R = random.Random()
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def get(path, headers=None, data=None, method=None):
    req = urllib.request.Request(f"http://{HOST}:{PORT}{path}", data=data, headers=headers or {}, method=method)
    try:
        with opener.open(req, timeout=10) as r:
            r.read(); return r.status
    except urllib.error.HTTPError as e:
        e.read(); return e.code
    except Exception:
        return 0

def auth(user, pw):
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{pw}".encode()).decode()}

def raw(payload, read=True):
    try:
        s = socket.create_connection((HOST, PORT), timeout=5)
        s.sendall(payload)
        if read:
            s.recv(4096)
        s.close()
    except Exception:
        pass

def op_pages():
    get(R.choice(["/", "/hello", f"/hello?name={R.choice(['ann', 'bo', 'cy', '%C3%A9l%C3%A8ve'])}", "/big", "/nothing/here", "/hello/extra/segments"]),
        headers={"Accept-Encoding": "gzip"} if R.random() < 0.5 else {})

def op_session():
    for _ in range(R.randint(1, 4)):
        get("/counter")
    if R.random() < 0.3:
        get("/logout")
    if R.random() < 0.2:
        jar.clear()
        get("/counter", headers={"Cookie": "session_id=deadbeef%d" % R.randint(1, 999)})

def op_cache():
    get(f"/cached?item={R.choice('abc')}", headers={"Accept-Encoding": "gzip"} if R.random() < 0.5 else {})
    if R.random() < 0.3:
        get(f"/cached?item={R.choice('abc')}", headers={"Cache-Control": "no-cache", "Pragma": "no-cache"})

def op_static():
    get(R.choice(["/static/hello.txt", "/static/site.css", "/static/missing.png", "/static/../app.py", "/static/"]),
        headers={"If-Modified-Since": "Sun, 06 Dec 2026 00:00:00 GMT"} if R.random() < 0.3 else {})

def op_auth():
    user = R.choice(["alice", "bob", "mallory", "alice"])
    pw = R.choice(["wonderland", "builder", "guess", "123456"])
    if R.random() < 0.2:
        get("/secure/")                                      # no credentials
    elif R.random() < 0.1:
        get("/secure/", headers={"Authorization": "Basic !!notbase64!!"})
    else:
        get("/secure/", headers=auth(user, pw))

def op_api():
    key = R.choice(["alpha", "beta", "gamma", "delta"])
    act = R.random()
    if act < 0.35:
        get(f"/api/put?key={key}", data=json.dumps({"v": R.randint(1, 999), "tags": ["x"] * R.randint(0, 5)}).encode(),
            headers={"Content-Type": "application/json"})
    elif act < 0.45:
        get(f"/api/put?key={key}", data=b'{"broken": ', headers={"Content-Type": "application/json"})
    elif act < 0.5:
        get(f"/api/put?key={key}", data=b"key=value", headers={"Content-Type": "text/plain"})
    elif act < 0.75:
        get(f"/api/get?key={key}")
    elif act < 0.85:
        get(f"/api/delete?key={key}")
    elif act < 0.9:
        get(f"/api/put?key={key}")                             # GET -> 405
    else:
        get("/api/")

def op_errors():
    act = R.random()
    if act < 0.35:
        get(f"/crash?kind={R.choice(['value', 'zero', 'key'])}")
    elif act < 0.5:
        get("/teapot")
    elif act < 0.6:
        get(f"/go?where={R.choice(['/hello', '/api/', 'http://127.0.0.1:38300/big'])}")
    elif act < 0.7:
        get("/upload", data=b"", method="POST")
    elif act < 0.8:
        boundary = "xyz%d" % R.randint(1, 9999)
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f{R.randint(1,9)}.txt\"\r\n"
                f"Content-Type: text/plain\r\n\r\n" + "data " * R.randint(1, 200) + f"\r\n--{boundary}--\r\n").encode()
        get("/upload", data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    elif act < 0.9:
        get("/hello?name=a&name=b&name=c")
    else:
        get("/crash?kind=value&unexpected=1")

def op_garbage():
    act = R.random()
    if act < 0.25:
        raw(b"GARBAGE\r\n\r\n")
    elif act < 0.4:
        raw(b"GET / HTTP/9.9\r\nHost: x\r\n\r\n")
    elif act < 0.55:
        raw(b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    elif act < 0.7:
        raw(b"POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nshort", read=False)   # client goes away
    elif act < 0.85:
        raw(b"GET /slow?secs=2 HTTP/1.1\r\nHost: x\r\n\r\n", read=False)                        # disconnect early
    else:
        raw(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(R.randrange(256) for _ in range(60)))  # TLS hello

ops = [op_pages, op_pages, op_session, op_cache, op_static, op_auth, op_auth, op_api, op_api, op_errors, op_garbage]
for _ in range(STEPS):
    R.choice(ops)()
    time.sleep(R.uniform(0.01, 0.15))
