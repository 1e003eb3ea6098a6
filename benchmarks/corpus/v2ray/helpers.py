#!/usr/bin/env python3
"""Backends for the v2ray workload: http (TCP), echo (TCP), udpecho, fakedns (UDP)."""
import random, socket, socketserver, struct, sys, threading
from http.server import ThreadingHTTPServer, SimpleHTTPRequestHandler

mode, port = sys.argv[1], int(sys.argv[2])

class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass

class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.settimeout(5)
        try:
            while True:
                d = self.request.recv(4096)
                if not d:
                    break
                self.request.sendall(d)
        except OSError:
            pass

class TS(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

def fakedns():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", port))
    while True:
        data, addr = s.recvfrom(2048)
        if len(data) < 12:
            continue
        r = random.random()
        if r < 0.15:
            continue  # drop: client times out
        if r < 0.2:
            s.sendto(b"\x00garbage" + bytes(random.randrange(256) for _ in range(8)), addr)
            continue
        tid, flags, qd = struct.unpack("!HHH", data[:6])
        i = 12
        labels = []
        while i < len(data) and data[i]:
            labels.append(data[i + 1:i + 1 + data[i]].decode(errors="replace"))
            i += 1 + data[i]
        q = data[12:i + 5]
        qtype = struct.unpack("!H", data[i + 1:i + 3])[0] if i + 3 <= len(data) else 1
        name = ".".join(labels)
        if name.endswith("invalid") or r < 0.3:
            s.sendto(struct.pack("!HHHHHH", tid, 0x8183, 1, 0, 0, 0) + q, addr)
        elif r < 0.35:
            s.sendto(struct.pack("!HHHHHH", tid, 0x8182, 1, 0, 0, 0) + q, addr)  # SERVFAIL
        elif qtype == 1:
            ans = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + socket.inet_aton("127.0.0.1")
            s.sendto(struct.pack("!HHHHHH", tid, 0x8180, 1, 1, 0, 0) + q + ans, addr)
        else:
            s.sendto(struct.pack("!HHHHHH", tid, 0x8180, 1, 0, 0, 0) + q, addr)

if mode == "http":
    ThreadingHTTPServer.allow_reuse_address = True
    ThreadingHTTPServer(("127.0.0.1", port), Quiet).serve_forever()
elif mode == "echo":
    TS(("127.0.0.1", port), Echo).serve_forever()
elif mode == "udpecho":
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", port))
    while True:
        d, a = s.recvfrom(65535)
        s.sendto(d, a)
elif mode == "fakedns":
    fakedns()
