#!/usr/bin/env python3
"""Fake peers for the redir workload: echo server, FTP-like server, HTTP CONNECT proxy."""
import random, socket, socketserver, sys, threading, time

BASE = int(sys.argv[1]) if len(sys.argv) > 1 else 46010


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        s = self.request
        mode = random.random()
        if mode < 0.1:
            return                      # close at once
        if mode < 0.2:
            time.sleep(4)               # idle: lets redir time out
        s.settimeout(5)
        try:
            while True:
                d = s.recv(4096)
                if not d:
                    break
                s.sendall(d)
        except OSError:
            pass


class Ftp(socketserver.BaseRequestHandler):
    def handle(self):
        s = self.request
        s.settimeout(5)
        try:
            s.sendall(b"220 fake ftp ready\r\n")
            f = s.makefile("rb")
            for line in f:
                cmd = line.strip().upper()
                if cmd.startswith(b"PASV"):
                    d = socket.socket()
                    d.bind(("127.0.0.1", 0))
                    d.listen(1)
                    p = d.getsockname()[1]
                    s.sendall(b"227 Entering Passive Mode (127,0,0,1,%d,%d)\r\n" % (p >> 8, p & 255))
                    threading.Thread(target=self.data, args=(d,), daemon=True).start()
                elif cmd.startswith(b"PORT"):
                    a = cmd.split(b" ", 1)[1].split(b",")
                    host = ".".join(x.decode() for x in a[:4]); port = int(a[4]) * 256 + int(a[5])
                    s.sendall(b"200 PORT ok\r\n")
                    try:
                        c = socket.create_connection((host, port), timeout=3)
                        c.sendall(b"data " * random.randint(1, 50)); c.close()
                    except OSError:
                        pass
                    s.sendall(b"226 done\r\n")
                elif cmd.startswith(b"QUIT"):
                    s.sendall(b"221 bye\r\n")
                    break
                else:
                    s.sendall(b"200 ok\r\n")
        except OSError:
            pass

    def data(self, d):
        d.settimeout(5)
        try:
            c, _ = d.accept()
            c.sendall(b"file-line\n" * random.randint(1, 40)); c.close()
        except OSError:
            pass
        d.close()


class Proxy(socketserver.BaseRequestHandler):
    def handle(self):
        s = self.request
        s.settimeout(5)
        try:
            s.recv(1024)
            s.sendall(b"HTTP/1.0 200 Connection established\r\n\r\n")
            while True:
                d = s.recv(4096)
                if not d:
                    break
                s.sendall(d)
        except OSError:
            pass


class Mute(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.settimeout(5)
        try:
            self.request.recv(1024)     # read CONNECT, then hang up without reply
        except OSError:
            pass


class TS(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


for off, h in ((0, Echo), (1, Ftp), (3, Proxy), (4, Mute)):
    for _ in range(60):                 # the port may be briefly held as another program's ephemeral port
        try:
            srv = TS(("127.0.0.1", BASE + off), h)
            break
        except OSError:
            time.sleep(0.5)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
time.sleep(float(sys.argv[2]) if len(sys.argv) > 2 else 600)
