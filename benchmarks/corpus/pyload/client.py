import http.cookiejar, json, random, re, sys, time, urllib.parse, urllib.request, urllib.error
BASE = "http://localhost:48000"
FS = "http://files.example.test"
R = random.Random()

class C:
    def __init__(self):
        self.cj = http.cookiejar.CookieJar()
        self.op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cj))
        self.csrf = ""
    def req(self, method, path, data=None, headers=None, ctype=None):
        h = dict(headers or {})
        if self.csrf:
            h["X-CSRFToken"] = self.csrf
        body = None
        if data is not None:
            if ctype == "json":
                body = json.dumps(data).encode(); h["Content-Type"] = "application/json"
            else:
                body = urllib.parse.urlencode(data).encode(); h["Content-Type"] = "application/x-www-form-urlencoded"
        r = urllib.request.Request(BASE + path, data=body, headers=h, method=method)
        try:
            with self.op.open(r, timeout=30) as f:
                return f.status, f.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")
        except Exception as e:
            return 0, str(e)
    def login(self, user="pyload", pw="pyload"):
        st, html = self.req("GET", "/login")
        m = re.search(r'name="csrf_token" value="([^"]+)"', html)
        tok = m.group(1) if m else ""
        self.csrf = ""
        st, html = self.req("POST", "/login", {"username": user, "password": pw, "csrf_token": tok})
        st, html = self.req("GET", "/dashboard")
        m = re.search(r'name="csrf-token" content="([^"]+)"', html)
        self.csrf = m.group(1) if m else tok
        return st
    def api(self, method, func, data=None, ctype="json", headers=None):
        return self.req(method, "/api/" + func, data, headers, ctype)

def links(n):
    out = []
    for _ in range(n):
        k = R.choices(["file", "slow", "missing", "forbidden", "error", "unavail", "drop", "truncate", "redirect", "noname", "refused", "nohost", "big"],
                      [30, 6, 8, 3, 4, 3, 3, 3, 3, 3, 4, 2, 2])[0]
        name = "f%05d_%s.bin" % (R.randint(0, 99999), k)
        if k == "refused":
            out.append("http://down%d.example.test/file/%s" % (R.randint(0, 9), name))
        elif k == "nohost":
            out.append("http://no-such-host-%d.invalid/file/%s" % (R.randint(0, 999), name))
        else:
            out.append("%s/%s/%s" % (FS, k, name))
    return out

def step(c):
    a = R.choices(["add", "addfiles", "queue", "status", "pause", "unpause", "restart_failed", "delete", "del_finished",
                   "badlogin", "badkey", "wrongmethod", "badargs", "checkurls", "pages", "config", "stopall", "genkey", "toggle"],
                  [20, 4, 8, 6, 2, 3, 3, 3, 2, 3, 2, 2, 2, 2, 4, 1, 1, 1, 2])[0]
    if a == "add":
        c.api("POST", "add_package", {"name": "pkg%d" % R.randint(1, 9999), "links": links(R.randint(1, 5)), "dest": R.choice([1, 1, 1, 0])})
    elif a == "addfiles":
        st, q = c.api("GET", "get_queue", ctype=None)
        try:
            pids = [p["pid"] for p in json.loads(q)]
        except Exception:
            pids = []
        c.api("POST", "add_files", {"package_id": R.choice(pids) if pids else 9999, "links": links(R.randint(1, 3))})
    elif a == "queue":
        c.api("GET", R.choice(["get_queue", "get_queue_data", "get_collector", "status_downloads", "get_events"]), ctype=None)
    elif a == "status":
        c.api("GET", R.choice(["status_server", "free_space", "get_server_version", "is_time_download", "get_log"]), ctype=None)
    elif a == "pause":
        c.api("POST", "pause_server", ctype=None)
    elif a == "unpause":
        c.api("POST", "unpause_server", ctype=None)
    elif a == "toggle":
        c.api("POST", R.choice(["toggle_pause", "toggle_reconnect"]), ctype=None)
    elif a == "restart_failed":
        c.api("POST", "restart_failed", ctype=None)
    elif a == "delete":
        st, q = c.api("GET", "get_queue", ctype=None)
        try:
            pids = [p["pid"] for p in json.loads(q)]
        except Exception:
            pids = []
        if pids:
            c.api("POST", "delete_packages", {"package_ids": R.sample(pids, min(len(pids), R.randint(1, 2)))})
    elif a == "del_finished":
        c.api("POST", "delete_finished", ctype=None)
    elif a == "badlogin":
        d = C(); d.login(R.choice(["admin", "pyload", "root", "guest\nx"]), "wrong%d" % R.randint(0, 99))
        d.api("GET", "status_server", ctype=None)
    elif a == "badkey":
        C().api("GET", "status_server", ctype=None, headers={"X-API-Key": R.choice(["pl_" + "%032x" % R.getrandbits(128), "abc", "xxxxxxxxxxxxxxxxxxx"])})
    elif a == "wrongmethod":
        c.api(R.choice(["GET", "POST"]) if False else "GET", R.choice(["add_package", "pause_server", "delete_finished"]), ctype=None)
        c.api("POST", R.choice(["get_queue", "status_server"]), ctype=None)
        c.api("GET", R.choice(["no_such_func", "_private"]), ctype=None)
    elif a == "badargs":
        c.api("POST", R.choice(["add_package", "delete_packages", "restart_package", "add_files"]), {"bogus": 1})
        c.api("GET", "get_package_data", {"package_id": R.randint(5000, 9000)})
    elif a == "checkurls":
        c.api("POST", "check_urls", {"urls": links(R.randint(1, 4))})
    elif a == "pages":
        c.req("GET", R.choice(["/", "/dashboard", "/queue", "/collector", "/files", "/settings", "/logs", "/info", "/nope", "/filemanager"]))
    elif a == "config":
        c.api("POST", "set_config_value", {"category": "download", "option": "max_downloads", "value": str(R.randint(1, 4))})
    elif a == "stopall":
        c.api("POST", "stop_all_downloads", ctype=None)
    elif a == "genkey":
        c.api("POST", "generate_apikey", {"user": "pyload", "password": R.choice(["pyload", "bad"]), "name": "k%d" % R.randint(0, 99)})

def main():
    n = int(sys.argv[1])
    c = C(); c.login()
    for i in range(n):
        step(c)
        time.sleep(R.uniform(0.05, 0.6))
    if len(sys.argv) > 2:
        c.api("POST", sys.argv[2], ctype=None)
main()
