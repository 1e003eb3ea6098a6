"""Fake peers probed by the blackbox exporter: HTTP, HTTPS, TCP banner servers and a DNS responder.
Usage: peers.py CERTFILE KEYFILE"""
import gzip, http.server, random, socket, socketserver, ssl, struct, sys, threading, time

BASE = 34420


class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        p = self.path.split("?")[0]
        if p == "/ok":
            self.send(200, b"all good: healthy\n", [("Content-Type", "text/plain"), ("X-Status", "up")])
        elif p == "/notfound":
            self.send(404, b"nope\n")
        elif p == "/error":
            self.send(500, b"boom\n")
        elif p == "/redirect":
            self.send(302, b"", [("Location", "/ok")])
        elif p == "/loop":
            self.send(302, b"", [("Location", "/loop")])
        elif p == "/slow":
            time.sleep(random.choice([0.2, 3, 6]))
            self.send(200, b"slow\n")
        elif p == "/bad":
            self.send(200, b"status: unhealthy ERROR\n", [("X-Status", "down")])
        elif p == "/gzip":
            self.send(200, gzip.compress(b"compressed healthy\n"), [("Content-Encoding", "gzip")])
        elif p == "/badgzip":
            self.send(200, b"notgzip", [("Content-Encoding", "gzip")])
        elif p == "/lastmod":
            self.send(200, b"x\n", [("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT")])
        elif p == "/big":
            self.send(200, b"x" * 200000)
        elif p == "/close":
            self.close_connection = True
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort")
        else:
            self.send(200, b"default\n")

    do_HEAD = do_GET

    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0))
        self.rfile.read(n)
        self.send(random.choice([200, 201, 400]), b"posted\n")


class TS(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve_http(port, ctx=None):
    s = TS(("127.0.0.1", port), H)
    if ctx:
        s.socket = ctx.wrap_socket(s.socket, server_side=True)
    s.serve_forever()


def banner(conn):
    try:
        kind = random.choice(["ssh", "ssh", "smtp", "irc", "junk", "silent", "close"])
        if kind == "ssh":
            conn.sendall(b"SSH-2.0-OpenSSH_9.2 fake\r\n")
            conn.settimeout(2)
            conn.recv(100)
        elif kind == "smtp":
            conn.sendall(b"220 fake.example ESMTP\r\n")
            conn.recv(100)
            conn.sendall(b"250 OK\r\n")
        elif kind == "irc":
            conn.settimeout(3)
            conn.recv(100)
            conn.sendall(b"PING :abc123\r\n")
            conn.recv(100)
            conn.sendall(b":server 001 prober :Welcome\r\n")
        elif kind == "junk":
            conn.sendall(b"HELLO what\r\n")
        elif kind == "silent":
            time.sleep(4)
        conn.close()
    except Exception:
        conn.close()


def serve_tcp(port, ctx=None):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(50)
    while True:
        c, _ = s.accept()
        if ctx:
            try:
                c = ctx.wrap_socket(c, server_side=True)
            except Exception:
                c.close()
                continue
        threading.Thread(target=banner, args=(c,), daemon=True).start()


def dns_answer(q):
    tid, flags, qd = struct.unpack(">HHH", q[:6])
    i = 12
    while q[i] != 0:
        i += 1 + q[i]
    qname_end = i + 1
    qtype, = struct.unpack(">H", q[qname_end:qname_end + 2])
    question = q[12:qname_end + 4]
    mode = random.choice(["ok", "ok", "ok", "nx", "servfail", "drop", "empty"])
    if mode == "drop":
        return None
    rcode = {"nx": 3, "servfail": 2}.get(mode, 0)
    answers = b""
    an = 0
    if mode == "ok":
        if qtype == 1:
            answers = b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 300, 4) + bytes([127, 0, 0, random.randint(1, 9)])
            an = 1
        elif qtype == 28:
            answers = b"\xc0\x0c" + struct.pack(">HHIH", 28, 1, 300, 16) + b"\x00" * 15 + b"\x01"
            an = 1
        elif qtype == 6:
            rd = b"\x02ns\xc0\x0c\x05admin\xc0\x0c" + struct.pack(">IIIII", random.randint(1, 999), 3600, 600, 86400, 300)
            answers = b"\xc0\x0c" + struct.pack(">HHIH", 6, 1, 300, len(rd)) + rd
            an = 1
    hdr = struct.pack(">HHHHHH", tid, 0x8180 | rcode, 1, an, 0, 0)
    return hdr + question + answers


def serve_dns(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", port))
    while True:
        q, a = s.recvfrom(512)
        try:
            r = dns_answer(q)
        except Exception:
            r = b"\x00garbage"
        if r:
            s.sendto(r, a)


if __name__ == "__main__":
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(sys.argv[1], sys.argv[2])
    threading.Thread(target=serve_http, args=(BASE + 1,), daemon=True).start()
    threading.Thread(target=serve_http, args=(BASE + 2, ctx), daemon=True).start()
    threading.Thread(target=serve_tcp, args=(BASE + 3,), daemon=True).start()
    threading.Thread(target=serve_tcp, args=(BASE + 5, ctx), daemon=True).start()
    threading.Thread(target=serve_dns, args=(BASE + 4,), daemon=True).start()
    while True:
        time.sleep(60)
