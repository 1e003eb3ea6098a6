import json, random, socket, sys, threading
import requests
base, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
users = [("alice", "pw-a"), ("bob", "pw-b"), ("carol", "pw-c"), ("dave", "wrong")]
buckets = ["shop", "blog", "quiet", "team", "default"]
colls = ["articles", "orders", "drafts", "tasks"]
S = requests.Session()
def auth(): return rnd.choice(users) if rnd.random() < 0.9 else None
def req(method, path, **kw):
    try:
        return S.request(method, base + path, timeout=10, **kw)
    except requests.RequestException:
        return None
def rec():
    return {"data": {"title": rnd.choice(["hello", "todo", "buy milk", "x" * rnd.randint(1, 40)]), "n": rnd.randint(-5, 500), "done": rnd.random() < .5}}
def raw(data):
    try:
        s = socket.create_connection(("127.0.0.1", int(base.split(":")[2].split("/")[0])), timeout=3)
        s.sendall(data)
        if rnd.random() < 0.5: s.recv(1000)
        s.close()
    except OSError:
        pass
for _ in range(n):
    k = rnd.random(); b = rnd.choice(buckets); c = rnd.choice(colls); a = auth()
    if k < 0.10:
        req("PUT", f"/buckets/{b}", auth=a, json=rnd.choice([None, {"permissions": {"read": ["system.Everyone"]}}, {"permissions": {"write": ["system.Authenticated"]}}]))
    elif k < 0.20:
        body = {"data": {"schema": {"type": "object", "properties": {"title": {"type": "string"}, "n": {"type": "integer", "minimum": 0}}, "required": ["title"]}}} if rnd.random() < .4 else None
        req("PUT", f"/buckets/{b}/collections/{c}", auth=a, json=body)
    elif k < 0.36:
        req("POST", f"/buckets/{b}/collections/{c}/records", auth=a, json=rec())
    elif k < 0.40:
        rid = rnd.choice(["tmp1", "r1", "r2", "abc"])
        req("PUT", f"/buckets/{b}/collections/{c}/records/{rid}", auth=a, json=rec(), headers={"If-Match": '"123"'} if rnd.random() < .3 else {})
    elif k < 0.50:
        qs = rnd.choice(["", "?_limit=2", "?_sort=-last_modified", "?n=5", "?gt_n=100", "?_limit=abc", "?_sort=n&_fields=title", "?has_title=true", "?like_title=buy*", "?_since=xyz", "?in_n=1,2,3", "?_token=bogus"])
        req("GET", f"/buckets/{b}/collections/{c}/records{qs}", auth=a)
    elif k < 0.55:
        req("PATCH", f"/buckets/{b}/collections/{c}/records/{rnd.choice(['r1','r2','abc'])}", auth=a,
            data=json.dumps([{"op": "replace", "path": "/data/n", "value": 1}]) if rnd.random() < .5 else json.dumps({"data": {"n": rnd.randint(0, 9)}}),
            headers={"Content-Type": rnd.choice(["application/json", "application/json-patch+json", "application/merge-patch+json"])})
    elif k < 0.59:
        req("DELETE", rnd.choice([f"/buckets/{b}/collections/{c}/records/{rnd.choice(['r1','r2','abc'])}", f"/buckets/{b}/collections/{c}/records", f"/buckets/{b}/collections/{c}"]), auth=a)
    elif k < 0.62:
        req("DELETE", f"/buckets/{b}", auth=a)
    elif k < 0.66:
        req("PUT", f"/buckets/{b}/groups/{rnd.choice(['admins','readers'])}", auth=a, json={"data": {"members": [rnd.choice(["system.Authenticated", "basicauth:xyz"])]}})
    elif k < 0.70:
        reqs = [{"method": rnd.choice(["POST", "GET", "PUT"]), "path": f"/buckets/{b}/collections/{c}/records", "body": rec()} for _ in range(rnd.randint(1, 13))]
        req("POST", "/batch", auth=a, json={"requests": reqs} if rnd.random() < .85 else {"reqs": 1})
    elif k < 0.73:
        req("GET", f"/buckets/{b}/history{rnd.choice(['', '?resource_name=record', '?_limit=3'])}", auth=a)
    elif k < 0.75:
        req("GET", "/permissions", auth=a)
    elif k < 0.80:
        req("GET", rnd.choice(["/", "/__heartbeat__", "/__lbheartbeat__", "/__version__", "/__api__", "/contribute.json", "/buckets/", "/nope", "/buckets/shop/stuff"]), auth=a)
    elif k < 0.84:
        req(rnd.choice(["POST", "PUT", "PATCH"]), f"/buckets/{b}/collections/{c}/records", auth=a, data=rnd.choice(["{not json", "[]", '{"data": 5}', '{"permissions": {"fly": ["x"]}}', ""]), headers={"Content-Type": "application/json"})
    elif k < 0.87:
        req("GET", f"/buckets/{b}/collections", headers={"Authorization": rnd.choice(["Basic !!!", "Bearer abc", "Basic " + "Zm9v", "Token x"])})
    elif k < 0.89:
        req("GET", f"/buckets/{b}/collections/{c}/records?title=%ff%fe", auth=a)
    elif k < 0.91:
        req(rnd.choice(["OPTIONS", "TRACE", "PUT"]), rnd.choice(["/", "/buckets", "/__heartbeat__"]), auth=a, headers={"Origin": "http://evil.test", "Access-Control-Request-Method": "GET"})
    elif k < 0.95:
        req("DELETE", f"/buckets/{b}/collections/{c}/records", auth=a) if rnd.random() < .2 else req("PUT", f"/buckets/{b}/collections/{c}/records/{rnd.choice(['r1','r2','x y','' ])}", auth=a, json=rec())
    elif k < 0.97:
        raw(rnd.choice([b"GARBAGE\r\n\r\n", b"GET /v1/ HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", b"GET /v1/ HTTP/1.1\r\n", b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{", b"GET /v1/ HTTP/1.1\r\nHost: x\r\n\r\n"]))
    else:
        def one():
            try: requests.get(base + "/buckets/shop/collections/articles/records", auth=users[0], timeout=10)
            except requests.RequestException: pass
        ts = [threading.Thread(target=one) for _ in range(rnd.randint(3, 8))]
        for t in ts: t.start()
        for t in ts: t.join()
