#!/usr/bin/env python3
"""Local test servers behind the tinyproxy workload (127.0.0.1 only).

18101 answers HTTP (random status, size, sometimes a redirect), 18102 is slow (sleeps longer than
the proxy's Timeout), 18104 sends garbage instead of a response, 18105 is a TCP echo (CONNECT
target), 18106 is an HTTP "upstream proxy" that answers everything, 18108 a SOCKS5 and 18109 a
SOCKS4 upstream that relay to the target. 18103 and 18107 stay dead on purpose.
Runs until killed (or for at most MAX seconds).
"""
import os
import random
import socket
import socketserver
import struct
import sys
import threading
import time

MAX = int(sys.argv[1]) if len(sys.argv) > 1 else 1200


def read_head(sock):
    data = b""
    sock.settimeout(10)
    while b"\r\n\r\n" not in data and len(data) < 65536:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


class Web(socketserver.BaseRequestHandler):
    def handle(self):
        head = read_head(self.request)
        if not head:
            return
        line = head.split(b"\r\n", 1)[0].decode("latin-1", "replace")
        path = line.split(" ")[1] if " " in line else "/"
        status, reason = random.choice([(200, "OK")] * 6 + [(404, "Not Found"), (500, "Internal Server Error"),
                                                             (204, "No Content"), (302, "Found")])
        if "redirect" in path:
            status, reason = 302, "Found"
        body = os.urandom(random.randint(0, 3000)).hex().encode() if status != 204 else b""
        extra = ""
        if status == 302:
            extra = "Location: http://127.0.0.1:18101/moved/%d\r\n" % random.randint(1, 999)
        resp = ("HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n%sConnection: close\r\n\r\n"
                % (status, reason, len(body), extra)).encode() + body
        try:
            self.request.sendall(resp)
        except OSError:
            pass


class Slow(socketserver.BaseRequestHandler):
    def handle(self):
        read_head(self.request)
        time.sleep(random.uniform(5, 8))
        try:
            self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\nslow")
        except OSError:
            pass


class Garbage(socketserver.BaseRequestHandler):
    def handle(self):
        read_head(self.request)
        kind = random.randint(0, 2)
        try:
            if kind == 0:
                self.request.sendall(os.urandom(random.randint(10, 400)))
            elif kind == 1:
                self.request.sendall(b"HTTP/1.1 200 OK\r\nX-Half: ")  # headers never end
            else:
                pass  # close without a word
        except OSError:
            pass


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.settimeout(10)
        try:
            while True:
                data = self.request.recv(4096)
                if not data:
                    break
                self.request.sendall(data)
        except OSError:
            pass


class UpstreamHTTP(socketserver.BaseRequestHandler):
    def handle(self):
        head = read_head(self.request)
        if not head:
            return
        line = head.split(b"\r\n", 1)[0]
        if line.startswith(b"CONNECT"):
            self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            Echo.handle(self)
            return
        body = b"via upstream: " + line + b"\n"
        self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)


def relay(a, b):
    def pump(src, dst):
        try:
            while True:
                d = src.recv(4096)
                if not d:
                    break
                dst.sendall(d)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
    t = threading.Thread(target=pump, args=(b, a), daemon=True)
    t.start()
    pump(a, b)
    t.join(5)


def local_target(host, port):
    # every name the workload sends through the SOCKS upstreams is served locally
    return socket.create_connection(("127.0.0.1", 18101 if port == 80 else port), timeout=5)


class Socks5(socketserver.BaseRequestHandler):
    def handle(self):
        s = self.request
        s.settimeout(10)
        try:
            ver, n = s.recv(2)
            s.recv(n)
            s.sendall(b"\x05\x00")
            hdr = s.recv(4)
            atyp = hdr[3]
            if atyp == 1:
                host = socket.inet_ntoa(s.recv(4))
            elif atyp == 3:
                host = s.recv(s.recv(1)[0]).decode()
            else:
                host = socket.inet_ntop(socket.AF_INET6, s.recv(16))
            port = struct.unpack("!H", s.recv(2))[0]
            try:
                t = local_target(host, port)
            except OSError:
                s.sendall(b"\x05\x05\x00\x01\0\0\0\0\0\0")
                return
            s.sendall(b"\x05\x00\x00\x01\x7f\x00\x00\x01\x00\x00")
            relay(s, t)
        except (OSError, ValueError, IndexError):
            pass


class Socks4(socketserver.BaseRequestHandler):
    def handle(self):
        s = self.request
        s.settimeout(10)
        try:
            hdr = s.recv(8)
            port = struct.unpack("!H", hdr[2:4])[0]
            while not s.recv(1) in (b"\0", b""):
                pass
            try:
                t = local_target("x", port)
            except OSError:
                s.sendall(b"\x00\x5b\0\0\0\0\0\0")
                return
            s.sendall(b"\x00\x5a\0\0\0\0\0\0")
            relay(s, t)
        except (OSError, ValueError, IndexError):
            pass


for port, handler in [(18101, Web), (18102, Slow), (18104, Garbage), (18105, Echo), (18106, UpstreamHTTP),
                      (18108, Socks5), (18109, Socks4)]:
    srv = Server(("127.0.0.1", port), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
time.sleep(MAX)
