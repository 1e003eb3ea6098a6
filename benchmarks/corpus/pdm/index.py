import hashlib, http.server, os, re, sys, time
port = int(sys.argv[1])
dirs = sys.argv[2:]
YANKED = {"theta-1.1-py3-none-any.whl"}
def norm(n):
    return re.sub(r"[-_.]+", "-", n).lower()
def files():
    out = {}
    for d in dirs:
        for f in sorted(os.listdir(d)):
            m = re.match(r"(.+?)-\d", f)
            if m:
                out.setdefault(norm(m.group(1)), []).append((f, os.path.join(d, f)))
    return out
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def send(self, code, body, ctype="text/html"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        p = self.path.split("?")[0]
        fs = files()
        m = re.match(r"/simple/([^/]+)/?$", p)
        if p.rstrip("/") == "/simple":
            self.send(200, "".join(f'<a href="/simple/{n}/">{n}</a>\n' for n in fs).encode())
        elif m:
            n = norm(m.group(1))
            if n == "flaky":
                return self.send(503, b"service unavailable")
            if n == "slowpkg":
                time.sleep(8)
                return self.send(200, b"<html></html>")
            if n == "brokenpage":
                return self.send(200, b"\x00\x01garbage", "application/octet-stream")
            if n not in fs:
                return self.send(404, b"not found")
            links = []
            for f, path in fs[n]:
                h = hashlib.sha256(open(path, "rb").read()).hexdigest()
                y = ' data-yanked="broken release"' if f in YANKED else ""
                rp = ' data-requires-python="&gt;=4"' if f == "iota-1.0-py3-none-any.whl" else ""
                links.append(f'<a href="/files/{f}#sha256={h}"{y}{rp}>{f}</a><br/>')
            self.send(200, ("<html><body>\n" + "\n".join(links) + "\n</body></html>").encode())
        elif p.startswith("/files/"):
            f = os.path.basename(p)
            for d in dirs:
                if os.path.exists(os.path.join(d, f)):
                    return self.send(200, open(os.path.join(d, f), "rb").read(), "application/octet-stream")
            self.send(404, b"not found")
        else:
            self.send(404, b"not found")
http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
