import http.server, os, random, sys, time, socketserver
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_HEAD(self): self.handle_req(head=True)
    def do_GET(self): self.handle_req()
    def handle_req(self, head=False):
        import urllib.parse
        u = urllib.parse.urlsplit(self.path)
        p = u.path
        if u.hostname and u.hostname.startswith(("down", "nohost")):
            self.send_error(502); return
        kind = p.strip("/").split("/")[0]
        if kind == "missing":
            self.send_error(404); return
        if kind == "forbidden":
            self.send_error(403); return
        if kind == "error":
            self.send_error(500); return
        if kind == "unavail":
            self.send_error(503); return
        if kind == "drop":
            self.connection.close(); return
        if kind == "redirect":
            self.send_response(302); self.send_header("Location", "http://files.example.test/file/redirected.bin"); self.end_headers(); return
        size = random.randint(1000, 400000)
        if kind == "big":
            size = random.randint(2000000, 6000000)
        name = os.path.basename(p) or "index.bin"
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size))
        if kind != "noname":
            self.send_header("Content-Disposition", 'attachment; filename="%s"' % name)
        self.end_headers()
        if head: return
        sent = 0
        chunk = random.randbytes(65536)
        try:
            while sent < size:
                n = min(len(chunk), size - sent)
                if kind == "truncate" and sent > size // 2:
                    self.connection.close(); return
                if kind in ("slow", "big"):
                    time.sleep(0.2)
                self.wfile.write(chunk[:n]); sent += n
        except Exception:
            pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
