#!/usr/bin/python3
"""TCP backends for the websockify workload.
usage: backend.py echo PORT | banner PORT | unix PATH | wrapped PORT SECONDS"""
import socket, socketserver, sys, threading, time, os, random

class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            while True:
                d = self.request.recv(4096)
                if not d:
                    break
                self.request.sendall(d)
        except OSError:
            pass

class Banner(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            self.request.sendall(b"HELLO from banner backend\r\n")
            time.sleep(random.uniform(0.2, 1.0))
            self.request.shutdown(socket.SHUT_WR)   # close our side, then drain (no RST)
            self.request.settimeout(10)
            while self.request.recv(4096):
                pass
        except OSError:
            pass

class TS(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

class US(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True

mode = sys.argv[1]
if mode == "echo":
    TS(("127.0.0.1", int(sys.argv[2])), Echo).serve_forever()
elif mode == "banner":
    TS(("127.0.0.1", int(sys.argv[2])), Banner).serve_forever()
elif mode == "unix":
    try: os.unlink(sys.argv[2])
    except FileNotFoundError: pass
    US(sys.argv[2], Echo).serve_forever()
elif mode == "wrapped":
    # run under rebind.so: binds the websockify listen port, rebound to the target port
    srv = TS(("127.0.0.1", int(sys.argv[2])), Echo)
    threading.Timer(float(sys.argv[3]), lambda: os._exit(0)).start()
    srv.serve_forever()
