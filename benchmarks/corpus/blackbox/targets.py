"""Probe targets for the blackbox workload (127.0.0.1 only):
22200 HTTP (/ok, /missing 404, /error 500, /redirect, /slow, /auth basic auth, /json), 22201 SSH-like
banner, 22202 wrong banner, 22203 silent TCP, 22053 UDP+TCP DNS (A/AAAA/MX/TXT for *.example.test,
NXDOMAIN, REFUSED for refused.test, SERVFAIL for broken.test, no answer for slow.test)."""
import base64, http.server, random, socket, socketserver, struct, threading, time

class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def reply(self, code, body=b"hello world\n", headers=()):
        self.send_response(code)
        for k, v in headers: self.send_header(k, v)
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_GET(self):
        p = self.path
        if p.startswith("/missing"): self.reply(404, b"not here\n")
        elif p.startswith("/error"): self.reply(random.choice([500, 502, 503]), b"broken\n")
        elif p.startswith("/redirect"): self.reply(302, b"", [("Location", "/ok")])
        elif p.startswith("/loop"): self.reply(302, b"", [("Location", "/loop")])
        elif p.startswith("/slow"): time.sleep(8); self.reply(200)
        elif p.startswith("/auth"):
            if self.headers.get("Authorization") == "Basic " + base64.b64encode(b"prober:s3cret").decode():
                self.reply(200, b"welcome\n")
            else: self.reply(401, b"denied\n", [("WWW-Authenticate", 'Basic realm="x"')])
        elif p.startswith("/json"): self.reply(200, b'{"status":"%s"}\n' % random.choice([b"up", b"degraded"]), [("Content-Type", "application/json")])
        else: self.reply(200, b"hello world version=%d\n" % random.randint(1, 9), [("X-Server", "targets")])
    do_POST = do_GET
    def do_HEAD(self): self.reply(200, b"")
    def log_message(self, *a): pass
    def handle(self):
        try: super().handle()
        except Exception: pass

class T(socketserver.ThreadingTCPServer):
    allow_reuse_address = True; daemon_threads = True

class Banner(socketserver.BaseRequestHandler):
    def handle(self):
        s = self.request; s.settimeout(5)
        try:
            s.sendall(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"); s.recv(100)
        except Exception: pass
class Wrong(socketserver.BaseRequestHandler):
    def handle(self):
        try: self.request.sendall(b"220 mail.example.test ESMTP ready\r\n"); time.sleep(1)
        except Exception: pass
class Silent(socketserver.BaseRequestHandler):
    def handle(self): time.sleep(10)

def dns_answer(q):
    tid, flags, qd = struct.unpack(">HHH", q[:6])
    i = 12; labels = []
    while q[i]:
        labels.append(q[i + 1:i + 1 + q[i]].decode(errors="replace")); i += q[i] + 1
    qtype, qclass = struct.unpack(">HH", q[i + 1:i + 5]); question = q[12:i + 5]
    name = ".".join(labels).lower(); rcode = 0; answers = []
    if name.startswith("slow"): return None
    if name.startswith("refused"): rcode = 5
    elif name.startswith("broken"): rcode = 2
    elif not name.endswith("example.test"): rcode = 3
    elif qtype == 1: answers.append((1, bytes([192, 0, 2, random.randint(1, 254)])))
    elif qtype == 28: answers.append((28, bytes(15) + bytes([1])))
    elif qtype == 15: answers.append((15, struct.pack(">H", 10) + b"\x02mx\xc0\x0c"))
    elif qtype == 16: t = b"v=spf1 -all"; answers.append((16, bytes([len(t)]) + t))
    rr = b"".join(b"\xc0\x0c" + struct.pack(">HHIH", t, 1, 300, len(d)) + d for t, d in answers)
    return struct.pack(">HHHHHH", tid, 0x8400 | rcode | (flags & 0x0100), 1, len(answers), 0, 0) + question + rr

def udp_dns():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 22053))
    while True:
        q, a = s.recvfrom(4096)
        try:
            r = dns_answer(q)
            if r: s.sendto(r, a)
        except Exception: pass
class TcpDns(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            n = struct.unpack(">H", self.request.recv(2))[0]; q = self.request.recv(n)
            r = dns_answer(q)
            if r: self.request.sendall(struct.pack(">H", len(r)) + r)
            else: time.sleep(10)
        except Exception: pass

for port, h in ((22201, Banner), (22202, Wrong), (22203, Silent), (22053, TcpDns)):
    threading.Thread(target=T(("127.0.0.1", port), h).serve_forever, daemon=True).start()
threading.Thread(target=udp_dns, daemon=True).start()
http.server.ThreadingHTTPServer(("127.0.0.1", 22200), H).serve_forever()
