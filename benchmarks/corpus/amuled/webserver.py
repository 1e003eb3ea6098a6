#!/usr/bin/env python3
"""Static file server for amuled's HTTP downloads (accepts absolute request URIs).
usage: webserver.py DIR PORT"""
import http.server, os, sys, urllib.parse
ROOT, PORT = sys.argv[1], int(sys.argv[2])

class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path if "://" in self.path else self.path
        f = os.path.join(ROOT, os.path.basename(path))
        if os.path.isfile(f):
            data = open(f, "rb").read()
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        else:
            self.send_error(404)

http.server.ThreadingHTTPServer(("127.0.0.1", PORT), H).serve_forever()
