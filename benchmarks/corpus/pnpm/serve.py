"""Minimal static npm registry: GET /<name> -> packument, GET /<name>/-/<file> -> tarball."""
import http.server, os, sys, time, urllib.parse

root, port = sys.argv[1], int(sys.argv[2])


class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        path = urllib.parse.unquote(self.path.split('?')[0]).strip('/')
        parts = path.split('/')
        if parts[0] == 'r45-flaky' or parts[0] == 'r45-slow':
            if parts[0] == 'r45-slow':
                time.sleep(30)
            self.send_response(503); self.end_headers(); return
        if len(parts) == 3 and parts[1] == '-':
            f = os.path.join(root, os.path.basename(parts[2]))
            ctype = 'application/octet-stream'
        else:
            f = os.path.join(root, os.path.basename(parts[0]) + '.json')
            ctype = 'application/json'
        if not os.path.isfile(f):
            body = b'{"error":"Not found"}'
            self.send_response(404)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers(); self.wfile.write(body); return
        data = open(f, 'rb').read()
        self.send_response(200)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(data)))
        self.end_headers(); self.wfile.write(data)

    def do_PUT(self):
        self.send_response(403); self.end_headers()


http.server.ThreadingHTTPServer(('127.0.0.1', port), H).serve_forever()
