# minimal static npm registry: packuments and tarballs generated from pkgs/ into a dict at start
import hashlib, io, json, sys, tarfile, base64, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
PORT = int(sys.argv[1]); BASE = f"http://127.0.0.1:{PORT}"
SPECS = {  # name: {version: (deps, extra package.json fields)}
  "alpha": {"1.0.0": ({}, {}), "1.1.0": ({}, {}), "2.0.0": ({}, {})},
  "beta": {"1.0.0": ({"alpha": "^1.0.0"}, {}), "1.2.0": ({"alpha": "^1.1.0"}, {})},
  "gamma": {"0.1.0": ({}, {"bin": {"gamma": "cli.js"}}), "0.2.0": ({"beta": "^1.0.0"}, {"bin": {"gamma": "cli.js"}})},
  "delta": {"3.0.0": ({}, {"scripts": {"postinstall": "node -e \"process.exit(0)\""}})},
  "epsilon": {"1.0.0": ({}, {"peerDependencies": {"alpha": "^2.0.0"}})},
  "zeta": {"1.0.0": ({"missing-dep": "^1.0.0"}, {})},
  "eta": {"1.0.0": ({}, {"scripts": {"install": "node -e \"process.exit(3)\""}})},
  "theta": {"1.0.0": ({}, {}), "1.0.1": ({}, {})},
  "iota": {"1.0.0": ({}, {"os": ["win32"]}), "1.1.0": ({}, {"engines": {"node": ">=99"}})},
}
BROKEN = {("theta", "1.0.1")}   # wrong integrity in packument
MISSING_TGZ = {("alpha", "2.0.0")} # tarball 404 every other request
TARS, DOCS = {}, {}
def tgz(name, ver, deps, extra):
    pj = dict(name=name, version=ver, dependencies=deps, license="MIT", **extra)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for fn, data in (("package.json", json.dumps(pj)), ("index.js", f"module.exports = '{name}@{ver}';\n"), ("cli.js", "#!/usr/bin/env node\n")):
            b = data.encode(); ti = tarfile.TarInfo("package/" + fn); ti.size = len(b); ti.mode = 0o755; ti.mtime = 1700000000
            tf.addfile(ti, io.BytesIO(b))
    return pj, buf.getvalue()
for name, vers in SPECS.items():
    doc = {"name": name, "versions": {}, "dist-tags": {"latest": list(vers)[-1]}, "time": {}}
    for ver, (deps, extra) in vers.items():
        pj, data = tgz(name, ver, deps, extra)
        TARS[f"/{name}/-/{name}-{ver}.tgz"] = data
        integ = "sha512-" + base64.b64encode(hashlib.sha512(data if (name, ver) not in BROKEN else b"x").digest()).decode()
        pj["dist"] = {"tarball": f"{BASE}/{name}/-/{name}-{ver}.tgz", "shasum": hashlib.sha1(data).hexdigest() if (name, ver) not in BROKEN else "0" * 40, "integrity": integ}
        if name == "theta" and ver == "1.0.0": pj["deprecated"] = "theta 1.0.0 is deprecated, use 1.0.1"
        doc["versions"][ver] = pj
    DOCS["/" + name] = json.dumps(doc).encode()
hits = {}
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        p = self.path.split("?")[0].replace("%2f", "/").replace("%2F", "/")
        hits[p] = hits.get(p, 0) + 1
        if p == "/slowpkg": time.sleep(5)
        if p in DOCS: body, ct = DOCS[p], "application/json"
        elif p in TARS and not (any(p.endswith(f"{n}-{v}.tgz") for n, v in MISSING_TGZ) and hits[p] % 2): body, ct = TARS[p], "application/octet-stream"
        elif p == "/flaky": self.send_response(500); self.end_headers(); return
        else: self.send_response(404); self.send_header("Content-Type", "application/json"); self.end_headers(); self.wfile.write(b'{"error":"Not found"}'); return
        self.send_response(200); self.send_header("Content-Type", ct); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
ThreadingHTTPServer(("127.0.0.1", PORT), H).serve_forever()
