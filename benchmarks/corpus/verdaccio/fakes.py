"""Fake helpers for the Verdaccio workload (127.0.0.1 only).

  python3 fakes.py uplink PORT   -- a flaky npm-like registry: answers packuments, 404s, 500s,
                                    garbage JSON, or stalls past the uplink timeout, at random
  python3 fakes.py hook PORT     -- a webhook sink for Verdaccio notifications (200 or 500)
"""
import hashlib
import io
import json
import random
import sys
import tarfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODE, PORT = sys.argv[1], int(sys.argv[2])


def tarball(name, version):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        data = json.dumps({"name": name, "version": version}).encode()
        info = tarfile.TarInfo("package/package.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
        body = (("// %s\n" % name) * random.randint(1, 40)).encode()
        info = tarfile.TarInfo("package/index.js")
        info.size = len(body)
        tar.addfile(info, io.BytesIO(body))
    return buf.getvalue()


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, code, body, ctype="application/json"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if MODE == "hook":
            return self.send(200, b"{}")
        path = self.path.lstrip("/")
        if path.endswith(".tgz"):
            name = path.split("/-/")[0].replace("%2f", "/")
            version = path.rsplit("-", 1)[1][:-4]
            return self.send(200, tarball(name, version), "application/octet-stream")
        name = path.replace("%2f", "/").replace("%2F", "/")
        r = random.random()
        if r < 0.15:
            return self.send(404, b'{"error":"not_found"}')
        if r < 0.3:
            return self.send(500, b"<html>internal error</html>", "text/html")
        if r < 0.4:
            return self.send(200, b'{"name": "broken", "versions": {')
        if r < 0.5:
            time.sleep(6)
            return self.send(200, b"{}")
        if r < 0.55:
            return self.send(503, b'{"error":"maintenance"}')
        versions = {}
        for v in ["1.0.%d" % i for i in range(random.randint(1, 4))]:
            tb = tarball(name, v)
            versions[v] = {"name": name, "version": v,
                           "dist": {"tarball": "http://127.0.0.1:%d/%s/-/%s-%s.tgz" % (PORT, name, name.split("/")[-1], v),
                                    "shasum": hashlib.sha1(tb).hexdigest()}}
        body = {"name": name, "versions": versions, "dist-tags": {"latest": sorted(versions)[-1]},
                "time": {v: "2024-01-01T00:00:00.000Z" for v in versions}}
        self.send(200, json.dumps(body).encode())

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(n)
        if random.random() < 0.3:
            return self.send(500, b'{"error":"hook failed"}')
        self.send(200, b'{"ok":true}')


ThreadingHTTPServer(("127.0.0.1", PORT), H).serve_forever()
