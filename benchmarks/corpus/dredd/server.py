import sys, json, time, http.server, socketserver
from urllib.parse import urlparse, parse_qs
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a):
        pass
    def send(self, code, body, ctype="application/json", extra=None):
        b = body.encode() if isinstance(body, str) else body
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(b)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(b)
    def handle_any(self):
        u = urlparse(self.path)
        q = parse_qs(u.query)
        n = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(n).decode("utf-8", "replace") if n else ""
        p = u.path
        if p.startswith("/delay/"):
            time.sleep(float(p.split("/")[2]))
            return self.send(200, json.dumps({"delayed": True}))
        if p.startswith("/status/"):
            c = int(p.split("/")[2])
            return self.send(c, json.dumps({"status": c}))
        if p == "/big":
            rows = int(q.get("rows", ["40"])[0])
            return self.send(200, json.dumps([{"row": i, "label": "entry-%04d" % i} for i in range(rows)]))
        if p == "/html":
            return self.send(200, "<html><body><h1>hi</h1></body></html>", "text/html")
        if p == "/text":
            return self.send(200, "plain text body", "text/plain")
        if p == "/badjson":
            return self.send(200, "{not json", "application/json")
        if p == "/auth":
            if self.headers.get("Authorization") == "Bearer good":
                return self.send(200, json.dumps({"auth": "ok"}))
            return self.send(401, json.dumps({"error": "unauthorized"}), extra={"WWW-Authenticate": "Bearer"})
        if p == "/redirect":
            return self.send(302, "", extra={"Location": "/json"})
        if p == "/close":
            self.close_connection = True
            self.wfile.flush()
            self.connection.shutdown(2)
            return
        if p.startswith("/items"):
            if self.command == "POST":
                try:
                    obj = json.loads(data or "{}")
                except Exception:
                    return self.send(400, json.dumps({"error": "bad json"}))
                obj["id"] = 7
                return self.send(201, json.dumps(obj))
            if self.command == "DELETE":
                return self.send(204, "")
            return self.send(200, json.dumps([{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]))
        return self.send(200, json.dumps({"path": p, "method": self.command, "args": q, "body": data}))
    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = handle_any
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
