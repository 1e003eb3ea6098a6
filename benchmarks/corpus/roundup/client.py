#!/usr/bin/env python3
"""Randomised web/REST/XML-RPC client for the roundup workload.
usage: client.py BASEURL ROUNDS SEED"""
import base64, http.cookiejar, json, random, re, socket, sys, time, urllib.error, urllib.parse, urllib.request

BASE = sys.argv[1].rstrip("/")           # http://127.0.0.1:62101/demo
ROUNDS = int(sys.argv[2])
random.seed(int(sys.argv[3]))
HOST, PORT = re.match(r"http://([^:/]+):(\d+)", BASE).groups()
PORT = int(PORT)
USERS = [("admin", "adminpw")] + [("user%d" % i, "pw%d" % i) for i in range(1, 5)]


class Session:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.user = None

    def req(self, path, data=None, headers=None, method=None, timeout=10):
        url = path if path.startswith("http") else BASE + path
        h = {"Referer": BASE + "/", "Origin": "http://%s:%d" % (HOST, PORT)}
        h.update(headers or {})
        h = {k: v for k, v in h.items() if v is not None}
        if isinstance(data, dict):
            data = urllib.parse.urlencode(data, doseq=True).encode()
        r = urllib.request.Request(url, data=data, headers=h, method=method)
        try:
            with self.op.open(r, timeout=timeout) as resp:
                return resp.status, resp.read().decode("utf-8", "replace"), resp.headers
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace"), e.headers
        except Exception as e:
            return 0, str(e), {}

    def csrf(self, path):
        code, body, _ = self.req(path)
        m = re.search(r'name="@csrf" value="([^"]+)"', body)
        return m.group(1) if m else None

    def login(self, name=None, pw=None):
        name, pw = (name, pw) if name else random.choice(USERS)
        if random.random() < 0.25:
            pw = "wrong-" + pw
        tok = self.csrf("/")
        d = {"@action": "login", "__login_name": name, "__login_password": pw, "__came_from": BASE + "/"}
        if tok:
            d["@csrf"] = tok
        self.req("/", d)
        self.user = (name, pw)


def browse(s):
    paths = ["/", "/issue", "/issue?@sort=-activity&@columns=title,status&@pagesize=5",
             "/issue%d" % random.randint(1, 12), "/user", "/keyword", "/@@file/style.css",
             "/nosuchclass", "/issue99999", "/issue?@template=nosuch", "/?@action=nosuchaction",
             "/user1?@template=item", "/issue?@filter=status&status=1", "/msg%d" % random.randint(1, 6),
             "/issue?@search_text=hello&@action=search", "/_file/nothere.png", "/issue1/history"]
    s.req(random.choice(paths))


def new_issue(s):
    tok = s.csrf("/issue?@template=item")
    d = {"@action": "new", "title": "issue %d %s" % (random.randint(1, 9999), random.choice(["crash", "typo", "slow", "ui"])),
         "priority": random.choice(["1", "2", "3", "4", "bogus"]), "status": random.choice(["1", "2", "3"]),
         "@note": "note %d" % random.randint(1, 999), "nosy": random.choice(["admin", "user1,user2", "nobody_here"])}
    if random.random() < 0.85:
        d["@template"] = "item"
    if random.random() < 0.85 and tok:
        d["@csrf"] = tok
    elif random.random() < 0.5:
        d["@csrf"] = "forged%d" % random.randint(1, 99999)
    s.req("/issue", d)


def edit_issue(s):
    n = random.randint(1, 10)
    tok = s.csrf("/issue%d" % n)
    d = {"@action": "edit", "status": random.choice(["1", "2", "3", "5", "99"]), "@note": "update %d" % random.randint(1, 99)}
    if tok:
        d["@csrf"] = tok
    s.req("/issue%d" % n, d)
    if tok and random.random() < 0.3:           # replay the used token
        s.req("/issue%d" % n, d)


def bad_headers(s):
    tok = s.csrf("/issue?@template=item")
    d = {"@action": "new", "title": "hdr test", "@csrf": tok or "x"}
    h = random.choice([{"Referer": "http://evil.example/"}, {"Origin": "http://evil.example"},
                       {"X-Forwarded-Host": "evil.example"}, {"Host": "evil.example:1"},
                       {"Referer": None, "Origin": None}])
    s.req("/issue", d, headers=h)


def register(s):
    tok = s.csrf("/user?@template=register")
    n = random.randint(1, 99999)
    d = {"@action": "register", "username": random.choice(["reg%d" % n, "admin", ""]), "password": "pw",
         "@confirm@password": random.choice(["pw", "pw2"]), "address": random.choice(["reg%d@localhost" % n, "bad-address"]),
         "realname": "Reg %d" % n, "@template": "page"}
    if tok:
        d["@csrf"] = tok
    s.req("/user", d)


def rest(s):
    name, pw = random.choice(USERS)
    if random.random() < 0.2:
        pw = "nope"
    auth = "Basic " + base64.b64encode(("%s:%s" % (name, pw)).encode()).decode()
    h = {"Authorization": auth, "X-Requested-With": "rest", "Content-Type": "application/json",
         "Accept": "application/json"}
    if random.random() < 0.1:
        h["X-Requested-With"] = None
    op = random.randint(0, 9)
    if op == 0:
        s.req("/rest/data/issue?@page_size=%d&@fields=title,status" % random.randint(1, 5), headers=h)
    elif op == 1:
        code, body, hd = s.req("/rest/data/issue/%d" % random.randint(1, 12), headers=h)
        etag = hd.get("ETag") if hd else None
        if etag:
            h2 = dict(h, **{"If-Match": etag if random.random() < 0.7 else '"stale"'})
            s.req("/rest/data/issue/%d/title" % random.randint(1, 3), data=json.dumps({"data": "rest title %d" % random.randint(1, 99)}).encode(), headers=h2, method="PUT")
    elif op == 2:
        s.req("/rest/data/issue", data=json.dumps({"title": "via rest %d" % random.randint(1, 999), "priority": random.choice(["1", "urgent", "nonsense"])}).encode(), headers=h, method="POST")
    elif op == 3:
        s.req("/rest/data/nosuchclass", headers=h)
    elif op == 4:
        s.req("/rest/data/issue/%d" % random.randint(1, 5), headers=h, method="DELETE")
    elif op == 5:
        s.req("/rest/data/issue/1", data=b"{}", headers=dict(h, **{"X-HTTP-Method-Override": "PATCH"}), method=random.choice(["POST", "GET"]))
    elif op == 6:
        s.req("/rest/data/issue", data=b"{broken json", headers=h, method="POST")
    elif op == 7:
        s.req("/rest/", headers=h)
    elif op == 8:
        s.req("/rest/data/user/1?@verbose=2", headers=dict(h, Accept="application/xml"))
    else:
        s.req("/rest/data/issue/1/@poe" if random.random() < 0.5 else "/rest/data/issue/@poe", data=b"", headers=h, method="POST")


def xmlrpc(s):
    name, pw = random.choice(USERS)
    auth = "Basic " + base64.b64encode(("%s:%s" % (name, pw)).encode()).decode()
    call = random.choice([("list", ["issue"]), ("display", ["issue1", "title"]), ("schema", []),
                          ("filter", ["issue", None, {"status": "1"}]), ("display", ["issue999"]),
                          ("lookup", ["user", "nobody"])])
    import xmlrpc.client
    body = xmlrpc.client.dumps(tuple(call[1]), call[0], allow_none=True).encode()
    s.req("/xmlrpc", data=body, headers={"Authorization": auth, "Content-Type": "text/xml", "X-Requested-With": "x"})


def raw(s):
    junk = random.choice([b"GARBAGE\r\n\r\n", b"GET /demo/ HTTP/9.9\r\n\r\n", b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03",
                          b"GET " + b"/x" * 40000 + b" HTTP/1.1\r\n\r\n", b"FROB /demo/ HTTP/1.1\r\nHost: x\r\n\r\n",
                          b"GET /demo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n"])
    try:
        c = socket.create_connection((HOST, PORT), timeout=3)
        c.sendall(junk)
        c.recv(4096)
        c.close()
    except Exception:
        pass


def logout(s):
    s.req("/?@action=logout")
    s.user = None


ACTIONS = [(browse, 4), (new_issue, 2), (edit_issue, 2), (bad_headers, 3), (register, 1), (rest, 8),
           (xmlrpc, 2), (raw, 2), (logout, 1)]
sess = [Session() for _ in range(2)]
for s in sess:
    if random.random() < 0.8:
        s.login()
for i in range(ROUNDS):
    s = random.choice(sess)
    if s.user is None and random.random() < 0.4:
        s.login()
    fn = random.choices([a for a, w in ACTIONS], [w for a, w in ACTIONS])[0]
    fn(s)
    time.sleep(random.uniform(0, 0.15))
