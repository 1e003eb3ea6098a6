# Minimal fake HKP keyserver / web server for the dirmngr workload (no logging of its own).
import http.server, os, random, socketserver, sys, time, urllib.parse
KEYS = sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    def log_message(self, *a):
        pass
    def send(self, code, body=b"", ctype="text/plain", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
    def pick(self):
        r = random.random()
        if r < 0.08:
            self.send(500, b"internal error"); return True
        if r < 0.12:
            self.send(503, b"busy"); return True
        if r < 0.15:
            self.connection.close(); return True
        if r < 0.17:
            time.sleep(4); self.send(200, b"late"); return True
        return False
    def do_GET(self):
        u = urllib.parse.urlparse(self.path)
        q = urllib.parse.parse_qs(u.query)
        if u.path == "/pks/lookup":
            if self.pick():
                return
            op = q.get("op", [""])[0]; s = q.get("search", [""])[0]
            files = sorted(os.listdir(KEYS))
            if op == "get":
                hit = [f for f in files if s.upper().lstrip("0X")[-8:] in f.upper() or s.lower() in f.lower()]
                if not hit:
                    self.send(404, b"No results found"); return
                self.send(200, open(os.path.join(KEYS, hit[0]), "rb").read(), "application/pgp-keys")
            elif op == "index":
                if random.random() < 0.3:
                    self.send(404, b"No results found"); return
                out = ["info:1:%d" % len(files)]
                for f in files:
                    out.append("pub:%s:1:2048:1700000000::" % f.split(".")[0][-16:])
                    out.append("uid:%s%%40example.test:1700000000::" % f.split(".")[0][:8])
                self.send(200, ("\n".join(out) + "\n").encode())
            else:
                self.send(501, b"not implemented")
        elif u.path.startswith("/redir"):
            self.send(302, b"", extra=[("Location", "http://127.0.0.1:60101/redir%d" % random.randint(0, 9))])
        elif u.path.startswith("/key/"):
            f = os.path.join(KEYS, os.path.basename(u.path))
            if os.path.exists(f):
                self.send(200, open(f, "rb").read(), "application/pgp-keys")
            else:
                self.send(404, b"not here")
        elif u.path.startswith("/garbage"):
            self.send(200, os.urandom(300), "application/octet-stream")
        else:
            self.send(404, b"not here")
    do_HEAD = do_GET
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0")); self.rfile.read(n)
        if self.pick():
            return
        if random.random() < 0.3:
            self.send(403, b"Forbidden"); return
        self.send(200, b"Key block added")
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
