# a stand-in single-user server: answers every request with a small page, prints nothing
import os, signal, sys
from http.server import HTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlparse
u = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:52530/"))
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_POST = do_GET
    def log_message(self, *a):
        pass
signal.signal(signal.SIGINT, lambda *a: os._exit(0))
signal.signal(signal.SIGTERM, lambda *a: os._exit(0))
HTTPServer((u.hostname or "127.0.0.1", u.port), H).serve_forever()
