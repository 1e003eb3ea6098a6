import sys, time, json, base64
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

class H(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def log_message(self, *a):
        pass
    def send(self, code, body=b'', ctype='text/plain', extra=()):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)
    def handle_any(self):
        n = int(self.headers.get('Content-Length') or 0)
        data = self.rfile.read(n) if n else b''
        p = self.path.split('?')[0]
        parts = p.strip('/').split('/')
        if p.startswith('/status/'):
            return self.send(int(parts[1]), b'status\n')
        if p.startswith('/redirect/'):
            k = int(parts[1])
            loc = '/redirect/%d' % (k - 1) if k > 1 else '/json'
            return self.send(302, b'', extra=[('Location', loc)])
        if p == '/loop':
            return self.send(301, b'', extra=[('Location', '/loop')])
        if p.startswith('/slow/'):
            time.sleep(float(parts[1]))
            return self.send(200, b'slow\n')
        if p == '/basic':
            want = 'Basic ' + base64.b64encode(b'alice:secret').decode()
            if self.headers.get('Authorization') != want:
                return self.send(401, b'no\n', extra=[('WWW-Authenticate', 'Basic realm="r45"')])
            return self.send(200, b'{"auth": true}', 'application/json')
        if p == '/bearer':
            if self.headers.get('Authorization') != 'Bearer tok123':
                return self.send(401, b'no\n')
            return self.send(200, b'{"bearer": true}', 'application/json')
        if p == '/cookie':
            return self.send(200, b'{"c": 1}', 'application/json', extra=[('Set-Cookie', 'sid=%d; Path=/' % int(time.time()))])
        if p == '/cut':
            self.send_response(200)
            self.send_header('Content-Type', 'text/plain')
            self.send_header('Content-Length', '100000')
            self.end_headers()
            self.wfile.write(b'partial')
            self.wfile.flush()
            self.close_connection = True
            return
        if p == '/xml':
            return self.send(200, b'<?xml version="1.0"?><a><b>1</b><c x="2"/></a>', 'application/xml')
        if p == '/badjson':
            return self.send(200, b'{"a": 1,', 'application/json')
        if p == '/drop':
            self.close_connection = True
            self.connection.close()
            return
        if p == '/echo':
            body = json.dumps({'method': self.command, 'path': self.path,
                               'len': len(data), 'ctype': self.headers.get('Content-Type')}).encode()
            return self.send(200, body, 'application/json')
        if p == '/text':
            return self.send(200, b'hello\nworld\n')
        return self.send(200, json.dumps({'path': self.path, 'ok': True}).encode(), 'application/json')
    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = handle_any

ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
