# Minimal fake monitoring endpoint (Healthchecks/Cronhub/Cronitor/ntfy) for the workload; no logging.
import sys, http.server
class H(http.server.BaseHTTPRequestHandler):
    def reply(self):
        n = int(self.headers.get('Content-Length') or 0)
        if n: self.rfile.read(n)
        code = 500 if 'fail' in self.path else (404 if 'gone' in self.path else 200)
        self.send_response(code); self.send_header('Content-Length', '2'); self.end_headers(); self.wfile.write(b'OK')
    do_GET = do_POST = do_PUT = do_HEAD = reply
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
