#!/usr/bin/env python3
"""Randomised HTTP client for the json-server workload (no output of its own)."""
import http.client, json, random, socket, sys, time

host, port, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
R = random.Random(seed)
W = lambda: R.choice("alpha beta gamma delta epsilon zeta eta theta".split())

def req(method, path, body=None, headers=None):
    try:
        c = http.client.HTTPConnection(host, port, timeout=5)
        c.request(method, path, body=body, headers=headers or {})
        c.getresponse().read()
        c.close()
    except OSError:
        pass

def raw(data, close_early=False):
    try:
        s = socket.create_connection((host, port), timeout=3)
        s.sendall(data)
        if close_early:
            s.close(); return
        while s.recv(65536):
            pass
        s.close()
    except OSError:
        pass

J = {"Content-Type": "application/json"}
ACTIONS = [
    (30, lambda: req("GET", R.choice(["/posts", "/comments", "/users", "/profile", "/db"]))),
    (20, lambda: req("GET", "/posts/%d" % R.randrange(1, 40))),
    (8, lambda: req("GET", "/posts?_page=%d&_limit=%d" % (R.randrange(1, 5), R.randrange(2, 10)))),
    (6, lambda: req("GET", "/posts?_sort=%s&_order=%s" % (R.choice(["views", "title", "id"]), R.choice(["asc", "desc"])))),
    (5, lambda: req("GET", "/posts?q=%s" % W())),
    (5, lambda: req("GET", "/posts?views_gte=%d&author=%s" % (R.randrange(900), R.choice(["ann", "bob"])))),
    (5, lambda: req("GET", "/posts/%d/comments" % R.randrange(1, 31))),
    (4, lambda: req("GET", "/comments?_expand=post&postId=%d" % R.randrange(1, 31))),
    (3, lambda: req("GET", "/posts?_embed=comments&_start=%d&_end=%d" % (0, R.randrange(1, 6)))),
    (6, lambda: req("GET", "/api/posts/%d" % R.randrange(1, 31))),
    (3, lambda: req("GET", "/blog/%d" % R.randrange(1, 31))),
    (3, lambda: req("GET", "/people")),
    (4, lambda: req("GET", "/")),
    (2, lambda: req("GET", "/favicon.ico")),
    (6, lambda: req("GET", R.choice(["/nothing", "/posts/abc/xyz", "/users/999", "/wp-login.php"]))),
    (8, lambda: req("POST", "/posts", json.dumps({"title": W() + " " + W(), "author": "cy", "views": 0}), J)),
    (3, lambda: req("POST", "/comments", "body=%s&postId=%d" % (W(), R.randrange(1, 31)), {"Content-Type": "application/x-www-form-urlencoded"})),
    (5, lambda: req("PATCH", "/posts/%d" % R.randrange(1, 35), json.dumps({"views": R.randrange(5000)}), J)),
    (3, lambda: req("PUT", "/users/%d" % R.randrange(1, 12), json.dumps({"name": W(), "email": "x@example.test"}), J)),
    (3, lambda: req("PUT", "/profile", json.dumps({"name": "r33a", "theme": R.choice(["dark", "light"])}), J)),
    (4, lambda: req("DELETE", "/comments/%d" % R.randrange(1, 70))),
    (3, lambda: req("OPTIONS", "/posts", None, {"Origin": "http://example.test", "Access-Control-Request-Method": "PUT"})),
    (2, lambda: req("HEAD", "/users")),
    (4, lambda: req("POST", "/posts", R.choice(['{"title": }', "{'a': 1}", '{"title": "x",}', "[1, 2", "nul"]), J)),
    (1, lambda: req("POST", "/posts", '{"a":1}', {"Content-Type": "application/json; charset=klingon"})),
    (1, lambda: req("POST", "/posts", '{"a":1}', {"Content-Type": "application/json", "Content-Encoding": "br2"})),
    (1, lambda: req("POST", "/posts", '{"a":"' + "x" * (11 * 1024 * 1024) + '"}', J)),
    (1, lambda: raw(b"POST /posts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"a\":", close_early=True)),
    (1, lambda: raw(b"GARBAGE\r\n\r\n")),
    (1, lambda: req("POST", "/profile/x", "{}", J)),
    (1, lambda: req("GET", "/posts?_page=x&_limit=-1")),
]
weights = [w for w, _ in ACTIONS]
for _ in range(count):
    R.choices(ACTIONS, weights)[0][1]()
    time.sleep(R.random() * 0.15)
