#!/usr/bin/env python3
"""Backends for the trojan workload: TCP echo, UDP echo, and an HTTP-ish fallback.
usage: backends.py tcpecho PORT | udpecho PORT | http PORT"""
import random, socket, socketserver, sys, threading

kind, port = sys.argv[1], int(sys.argv[2])

class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        s = self.request
        s.settimeout(10)
        try:
            while True:
                d = s.recv(65536)
                if not d:
                    return
                if random.random() < 0.05:
                    return  # backend drops the connection
                s.sendall(d)
        except OSError:
            pass

class Http(socketserver.BaseRequestHandler):
    def handle(self):
        s = self.request
        s.settimeout(5)
        try:
            s.recv(65536)
            body = b"<html>fallback site</html>\n"
            s.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
        except OSError:
            pass

class UdpEcho(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        if random.random() < 0.9:
            sock.sendto(data.upper(), self.client_address)

class TS(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

if kind == "tcpecho":
    TS(("127.0.0.1", port), Echo).serve_forever()
elif kind == "http":
    TS(("127.0.0.1", port), Http).serve_forever()
else:
    socketserver.ThreadingUDPServer(("127.0.0.5", port), UdpEcho).serve_forever()
