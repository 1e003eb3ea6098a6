#!/usr/bin/env python3
"""Local targets for the blackbox exporter workload (HTTP, HTTPS, TCP banner, STARTTLS, TLS, DNS, gRPC)."""
import gzip, os, random, socket, socketserver, ssl, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from concurrent import futures

D = os.path.dirname(os.path.abspath(__file__))
R = os.path.join(D, "run")
CERT, KEY = os.path.join(R, "cert.pem"), os.path.join(R, "key.pem")
H = "127.0.0.1"


class Web(BaseHTTPRequestHandler):
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

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(n) if n else b""
        if self.path.startswith("/api"):
            ok = b"probe" in data
            self.send(201 if ok else 400, b'{"accepted":%s}' % (b"true" if ok else b"false"))
        else:
            self.do_GET()

    def do_GET(self):
        p = self.path.split("?")[0]
        host = self.headers.get("Host", "")
        if p == "/ok":
            self.send(200, b"status: healthy\nversion 1.%d\n" % random.randint(0, 9),
                      [("Content-Type", "text/plain"), ("X-Backend", "web-%d" % random.randint(1, 3))])
        elif p == "/degraded":
            self.send(200, b"status: ERROR database unreachable\n", [("Content-Type", "text/plain")])
        elif p == "/fail":
            self.send(random.choice([500, 502, 503]), b"backend failure\n")
        elif p == "/missing":
            self.send(404, b"not found\n")
        elif p == "/nocontent":
            self.send(204)
        elif p == "/redirect":
            self.send(302, b"", [("Location", "/ok")])
        elif p == "/redirect-other":
            port = self.server.server_address[1]
            scheme = "https" if isinstance(self.connection, ssl.SSLSocket) else "http"
            self.send(301, b"", [("Location", "%s://127.0.0.2:%d/ok" % (scheme, port))])
        elif p == "/loop":
            self.send(302, b"", [("Location", "/loop?n=%d" % random.randint(0, 999))])
        elif p == "/slow":
            time.sleep(6)
            self.send(200, b"late\n")
        elif p == "/big":
            self.send(200, b"x" * random.randint(5000, 20000), [("Content-Type", "application/octet-stream")])
        elif p == "/gzip":
            self.send(200, gzip.compress(b"status: healthy\n" * 20), [("Content-Encoding", "gzip")])
        elif p == "/plain":
            self.send(200, b"this is not compressed\n" * 3)
        elif p == "/headers":
            hs = [("Server", random.choice(["nginx/1.22", "Apache/2.4", "lighttpd"])),
                  ("Last-Modified", time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() - 3600)))]
            if random.random() < 0.5:
                hs.append(("X-Deprecated", "yes"))
            self.send(200, b"ok\n", hs)
        elif p == "/auth":
            if self.headers.get("Authorization") == "Basic cHJvYmU6c2VjcmV0":  # probe:secret
                self.send(200, b"welcome\n")
            else:
                self.send(401, b"unauthorized\n", [("WWW-Authenticate", 'Basic realm="x"')])
        elif p == "/drop":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\npartial")
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
        elif p == "/garbage":
            self.wfile.write(b"HTTP/9.x what\r\n\r\n")
            self.close_connection = True
        else:
            self.send(404, b"no route\n")

    do_HEAD = do_GET


class TServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def tls_ctx():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(CERT, KEY)
    return ctx


class Banner(socketserver.StreamRequestHandler):
    def handle(self):
        mode = random.random()
        if mode < 0.15:
            self.wfile.write(b"ERR service busy\n")
            return
        self.wfile.write(b"OK banner-server ready %d\n" % random.randint(100, 999))
        line = self.rfile.readline().strip()
        if line.startswith(b"PING"):
            self.wfile.write(b"PONG " + line[5:] + b"\n")
        else:
            self.wfile.write(b"ERR unknown command\n")
        self.rfile.readline()


class StartTLS(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220 mail.local ESMTP ready\n")
        line = self.rfile.readline().strip()
        if line.upper() != b"STARTTLS":
            self.wfile.write(b"500 unrecognised\n")
            return
        self.wfile.write(b"220 go ahead\n")
        try:
            s = tls_ctx().wrap_socket(self.connection, server_side=True)
            s.sendall(b"250 secure\n")
            s.recv(100)
        except Exception:
            pass


class TLSEcho(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            s = tls_ctx().wrap_socket(self.request, server_side=True)
            s.sendall(b"OK tls ready\n")
            s.recv(100)
        except Exception:
            pass


class Hang(socketserver.BaseRequestHandler):
    def handle(self):
        time.sleep(8)


class TCPS(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def dns_server(port):
    from dnslib import RR, QTYPE, RCODE, A, MX, TXT, SOA, NS
    from dnslib.server import DNSServer, BaseResolver

    class Res(BaseResolver):
        def resolve(self, request, handler):
            reply = request.reply()
            q = request.q
            name = str(q.qname).lower()
            if name.startswith("slow."):
                time.sleep(5)
            if name.startswith("broken."):
                reply.header.rcode = RCODE.SERVFAIL
                return reply
            if not name.endswith("example.test.") :
                reply.header.rcode = RCODE.NXDOMAIN
                reply.add_auth(RR("example.test.", QTYPE.SOA, rdata=SOA("ns1.example.test.", "admin.example.test.", (2026120601, 3600, 600, 86400, 60)), ttl=60))
                return reply
            if q.qtype == QTYPE.A:
                n = random.randint(1, 3)
                for i in range(n):
                    reply.add_answer(RR(q.qname, QTYPE.A, rdata=A("127.0.%d.%d" % (random.randint(0, 1), i + 10)), ttl=300))
            elif q.qtype == QTYPE.MX:
                reply.add_answer(RR(q.qname, QTYPE.MX, rdata=MX("mail.example.test.", 10), ttl=300))
            elif q.qtype == QTYPE.TXT:
                reply.add_answer(RR(q.qname, QTYPE.TXT, rdata=TXT(random.choice(["v=spf1 -all", "hello world"])), ttl=300))
            elif q.qtype == QTYPE.SOA:
                reply.add_answer(RR("example.test.", QTYPE.SOA, rdata=SOA("ns1.example.test.", "admin.example.test.", (2026120601, 3600, 600, 86400, 60)), ttl=60))
            reply.add_auth(RR("example.test.", QTYPE.NS, rdata=NS("ns1.example.test."), ttl=300))
            return reply

    for tcp in (False, True):
        s = DNSServer(Res(), port=port, address=H, tcp=tcp, logger=type("L", (), {"log_recv": lambda *a: 0, "log_send": lambda *a: 0, "log_request": lambda *a: 0, "log_reply": lambda *a: 0, "log_truncated": lambda *a: 0, "log_error": lambda *a: 0, "log_data": lambda *a: 0})())
        s.start_thread()


def grpc_server(port, tls):
    import grpc
    from grpc_health.v1 import health, health_pb2, health_pb2_grpc
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    hs = health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(hs, server)
    hs.set("", health_pb2.HealthCheckResponse.SERVING)
    hs.set("orders", health_pb2.HealthCheckResponse.SERVING)
    hs.set("billing", health_pb2.HealthCheckResponse.NOT_SERVING)

    def flip():
        while True:
            time.sleep(2)
            hs.set("orders", random.choice([health_pb2.HealthCheckResponse.SERVING, health_pb2.HealthCheckResponse.NOT_SERVING]))
    threading.Thread(target=flip, daemon=True).start()
    if tls:
        creds = grpc.ssl_server_credentials([(open(KEY, "rb").read(), open(CERT, "rb").read())])
        server.add_secure_port("%s:%d" % (H, port), creds)
    else:
        server.add_insecure_port("%s:%d" % (H, port))
    server.start()
    return server


KEEP = []


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    threads = []
    if which in ("all", "web"):
        for port, tls in ((45210, False), (45211, True)):
            for addr in ("127.0.0.1", "127.0.0.2"):
                srv = TServer((addr, port), Web)
                if tls:
                    srv.socket = tls_ctx().wrap_socket(srv.socket, server_side=True)
                threads.append(threading.Thread(target=srv.serve_forever, daemon=True))
        for port, cls in ((45220, Banner), (45221, StartTLS), (45222, TLSEcho), (45225, Hang)):
            threads.append(threading.Thread(target=TCPS((H, port), cls).serve_forever, daemon=True))
    if which in ("all", "dns"):
        dns_server(45230)
    if which in ("all", "grpc"):
        KEEP.append(grpc_server(45240, False))
        KEEP.append(grpc_server(45241, True))
    for t in threads:
        t.start()
    while True:
        time.sleep(3600)


main()
