"""Local test site for the Scrapy workload (127.0.0.1 only).
Usage: python3 site.py http|raw PORT SEED"""
import gzip, http.server, random, socket, socketserver, sys, threading, time
MODE = sys.argv[1]; PORT, SEED = int(sys.argv[2]), int(sys.argv[3]); PRAW = 26102
R = random.Random(SEED)
WORDS = "alpha beta gamma delta omega kilo lima tango zulu nova orion vega lyra".split()
OFF = ["http://example.com/", "http://www.python.org/about", "http://offsite.test/x",
       "http://cdn.other.net/lib.js", "https://github.com/scrapy"]

def links(port, n):
    out = []
    for _ in range(n):
        k = R.randrange(36)
        if k < 10: out.append(f"/page/{R.randrange(1, 900)}")
        elif k == 10: out.append(f"/redirect/{R.randrange(1, 900)}")
        elif k == 11: out.append(f"/r302/{R.randrange(1, 900)}?from={R.choice(WORDS)}")
        elif k == 12: out.append(f"/missing/{R.choice(WORDS)}{R.randrange(99)}")
        elif k == 13: out.append(f"/error/{R.randrange(50)}")
        elif k == 14: out.append(f"/slow/{R.randrange(40)}")
        elif k == 15: out.append(f"/private/{R.choice(WORDS)}")
        elif k == 16: out.append(R.choice(OFF) + str(R.randrange(9)))
        elif k == 17: out.append(f"/cat/{R.choice(WORDS)}?page={R.randrange(1,6)}")
        elif k == 18: out.append(f"/page/{R.randrange(1, 20)}#frag{R.randrange(5)}")
        elif k == 19: out.append(f"/loop/{R.randrange(20)}")
        elif k == 20: out.append(f"/big/{R.randrange(10)}")
        elif k == 21: out.append(f"/truncated/{R.randrange(20)}")
        elif k == 22: out.append(f"/meta/{R.randrange(1, 900)}")
        elif k == 23: out.append(f"/unavailable/{R.randrange(30)}")
        elif k == 24: out.append(f"http://localhost:{PRAW}/garbage/{R.randrange(50)}")
        elif k == 25: out.append(f"http://localhost:26103/refused/{R.randrange(50)}")
        elif k == 26: out.append(f"/deep/{R.randrange(1,4)}/" + "/".join(R.choice(WORDS) for _ in range(R.randrange(1, 4))))
        elif k == 27: out.append("/long/" + "x" * R.randrange(150, 400))
        elif k == 28: out.append(f"/admin/{R.choice(WORDS)}")
        elif k == 30: out.append(f"/bomb/{R.randrange(30)}")
        elif k == 31: out.append(f"/enc/{R.randrange(30)}")
        elif k == 32: out.append(f"/badhdr/{R.randrange(30)}")
        elif k == 33: out.append(f"/chunked/{R.randrange(30)}")
        elif k == 34: out.append(f"http://{R.choice(WORDS)}.localhost:{PORT}/page/{R.randrange(9)}")
        else: out.append(f"/offredir/{R.randrange(20)}")
    return out

class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def send(self, code, body=b"", ctype="text/html", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in extra: self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD": self.wfile.write(body)
    def page(self, title, n):
        ls = links(self.server.server_port, n)
        if title.startswith("/page/") and title[6:].isdigit():
            ls.append(f"/page/{int(title[6:]) % 900 + 1}")
        elif title == "/":
            ls += [f"/page/{R.randrange(1, 900)}" for _ in range(5)]
        body = f"<html><head><title>{title}</title></head><body><h1>{title}</h1>" + \
            "".join(f'<a href="{l}">{R.choice(WORDS)}</a> ' for l in ls) + \
            f'<a href="mailto:info@{R.choice(WORDS)}.test">mail</a><p>{" ".join(R.choice(WORDS) for _ in range(R.randrange(5, 60)))}</p></body></html>'
        return body.encode()
    def do_GET(self):
        p = self.path
        parts = p.split("/")
        if p == "/robots.txt":
            if R.random() < 0.1: return self.send(500, b"oops", "text/plain")
            return self.send(200, b"User-agent: *\nDisallow: /private/\nDisallow: /admin\n", "text/plain")
        if p == "/" or p.startswith("/page/") or p.startswith("/cat/") or p.startswith("/deep/"):
            if p.startswith("/deep/"):
                d = p.rstrip("/").count("/")
                return self.send(200, (f'<html><body><a href="{p.rstrip("/")}/{R.choice(WORDS)}">deeper</a>' +
                                       f'<a href="/page/{R.randrange(1,900)}">p</a></body></html>').encode())
            if R.random() < 0.04: return self.send(404, b"<html>not here</html>")
            body = self.page(p, R.randrange(3, 8))
            if R.random() < 0.15 and "gzip" in self.headers.get("Accept-Encoding", ""):
                return self.send(200, gzip.compress(body), extra=[("Content-Encoding", "gzip")])
            return self.send(200, body)
        if p.startswith("/redirect/"):
            return self.send(301, b"", extra=[("Location", f"/page/{parts[2]}")])
        if p.startswith("/r302/"):
            return self.send(R.choice([302, 303, 307]), b"", extra=[("Location", f"/page/{R.randrange(1, 900)}")])
        if p.startswith("/loop/"):
            return self.send(302, b"", extra=[("Location", f"/loop/{int(parts[2].split('?')[0]) + 1}")])
        if p.startswith("/offredir/"):
            return self.send(301, b"", extra=[("Location", R.choice(OFF) + parts[2])])
        if p.startswith("/meta/"):
            return self.send(200, f'<html><head><meta http-equiv="refresh" content="0;url=/page/{parts[2]}"></head><body>moved</body></html>'.encode())
        if p.startswith("/missing/") or p.startswith("/private/") or p.startswith("/admin"):
            return self.send(404, b"<html>Not Found</html>")
        if p.startswith("/error/"):
            return self.send(R.choice([500, 500, 502, 504]), b"<html>Server Error</html>")
        if p.startswith("/unavailable/"):
            if R.random() < 0.5: return self.send(200, self.page("back", 3))
            return self.send(R.choice([503, 429, 403, 410]), b"busy", "text/plain")
        if p.startswith("/slow/"):
            time.sleep(R.choice([0.5, 1.5, 6, 9]))
            try: return self.send(200, self.page("slow", 2))
            except OSError: return
        if p.startswith("/big/"):
            n = R.choice([300_000, 800_000, 3_000_000])
            return self.send(200, b"<html><body>" + b"z" * n + b"</body></html>")
        if p.startswith("/truncated/"):
            body = self.page("cut", 3)
            self.send_response(200); self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body) + R.randrange(10, 500))); self.end_headers()
            self.wfile.write(body); self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if p.startswith("/bomb/"):
            return self.send(200, gzip.compress(b" " * R.choice([700_000, 1_500_000, 5_000_000])),
                             extra=[("Content-Encoding", "gzip")])
        if p.startswith("/enc/"):
            return self.send(200, b"\x00\x01garbled", extra=[("Content-Encoding", R.choice(["x-custom", "compress", "zz"]))])
        if p.startswith("/badhdr/"):
            body = self.page("badhdr", 2)
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Broken-Header-%d\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % (R.randrange(999), len(body)) + body)
            self.close_connection = True
            return
        if p.startswith("/chunked/"):
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
            try:
                for _ in range(R.choice([70, 300])):
                    self.wfile.write(b"y" * 10_000)
            except OSError:
                pass
            self.close_connection = True
            return
        if p.startswith("/long/"):
            return self.send(200, self.page("long", 1))
        if p.startswith("/img/"):
            return self.send(200, bytes(R.randrange(256) for _ in range(500)), "image/png")
        return self.send(404, b"<html>Not Found</html>")

class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    def handle_error(self, request, client_address): pass

class Raw(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            self.request.recv(4096)
            k = R.randrange(3)
            if k == 0: self.request.sendall(b"SSH-2.0-OpenSSH_9.2\r\nnonsense\r\n")
            elif k == 1: self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n")  # then close
            else: pass  # close without answer
        except OSError: pass

class RS(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True

if MODE == "http":
    S(("127.0.0.1", PORT), H).serve_forever()
else:
    RS(("127.0.0.1", PORT), Raw).serve_forever()
