#!/usr/bin/env python3
"""A misbehaving HTTP tracker on 127.0.0.1:PORT; the path selects the behaviour.
usage: faketracker.py PORT PEERSPEC   (PEERSPEC: ip:port,ip:port,...)"""
import random, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
PEERS = [p.split(":") for p in sys.argv[2].split(",")] if len(sys.argv) > 2 else []

def benc(x):
    if isinstance(x, int): return b"i%de" % x
    if isinstance(x, str): x = x.encode()
    if isinstance(x, bytes): return b"%d:%s" % (len(x), x)
    if isinstance(x, list): return b"l" + b"".join(benc(i) for i in x) + b"e"
    if isinstance(x, dict): return b"d" + b"".join(benc(k) + benc(x[k]) for k in sorted(x)) + b"e"

class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def reply(self, code, body, ctype="text/plain"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0].strip("/").split("/")[0]
        peers = [{"ip": ip, "port": int(pt)} for ip, pt in PEERS]
        if path == "ok":
            self.reply(200, benc({"interval": random.choice([30, 60, 120]), "min interval": 20, "peers": peers}))
        elif path == "fail":
            self.reply(200, benc({"failure reason": random.choice(["torrent not registered", "you are banned", "rate limited"])}))
        elif path == "warn":
            self.reply(200, benc({"interval": 60, "warning message": "tracker in maintenance mode", "peers": peers}))
        elif path == "garbage":
            self.reply(200, random.choice([b"<html>not a tracker</html>", b"d8:intervali", b"li1ei2e", b"\x00\x01\x02garbage"]))
        elif path == "notfound":
            self.reply(404, b"not found")
        elif path == "servererror":
            self.reply(500, b"internal error")
        elif path == "empty":
            self.reply(200, b"")
        elif path == "badpeers":
            self.reply(200, benc({"interval": 60, "peers": b"\x7f\x00\x00"}))
        elif path == "redirect":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:57100/announce?" + self.path.split("?", 1)[-1])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "slow":
            time.sleep(random.uniform(2, 8))
            self.reply(200, benc({"interval": 60, "peers": peers}))
        elif path == "scrape":
            self.reply(200, benc({"files": {}}))
        else:
            self.reply(400, b"bad request")

ThreadingHTTPServer(("127.0.0.1", PORT), H).serve_forever()
