import sys, time, os, random
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

PORT = int(sys.argv[1])
MAGIC = {'jpg': b'\xff\xd8\xff\xe0\x00\x10JFIF\x00', 'png': b'\x89PNG\r\n\x1a\n\x00\x00',
         'gif': b'GIF89a\x01\x00\x01\x00', 'webm': b'\x1a\x45\xdf\xa3\x00\x00', 'mp4': b'\x00\x00\x00\x18ftypmp42'}

class H(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def log_message(self, *a):
        pass
    def send(self, code, body=b'', ctype='text/html', extra=()):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)
    def do_GET(self):
        p = self.path.split('?')[0]
        if p.startswith('http://'):
            p = '/' + p.split('/', 3)[3]
        base = 'http://gallery.test'
        if p.startswith('/page/'):
            n = int(p.split('/')[2].split('.')[0])
            imgs = ''.join('<img src="/img/p%d_%d.%s">' % (n, i, random.choice(['jpg', 'png', 'gif'])) for i in range(1 + n % 4))
            bad = '<img src="/img/nf%d.jpg">' % n if n % 3 == 0 else ''
            body = ('<html><head><title>Page %d</title></head><body>%s%s'
                    '<a href="%s/img/a%d.png">a</a></body></html>' % (n, imgs, bad, base, n)).encode()
            return self.send(200, body)
        if p.startswith('/list'):
            n = int(p[5:].split('.')[0] or 1)
            body = '\n'.join('%s/img/l%d_%d.jpg' % (base, n, i) for i in range(1 + n % 3)) + '\n%s/page/%d.html\n' % (base, n)
            return self.send(200, body.encode(), 'text/plain')
        if p.startswith('/img/'):
            name, _, ext = p[5:].rpartition('.')
            ext = ext.lower()
            if name.startswith('nf'):
                return self.send(404, b'not found')
            if name.startswith('err'):
                return self.send(500 + int(name[3:] or 0) % 4, b'server error')
            if name.startswith('forbid'):
                return self.send(403, b'forbidden')
            if name.startswith('rd'):
                return self.send(302, b'', extra=[('Location', '/img/x' + name + '.' + ext)])
            if name.startswith('slow'):
                time.sleep(3)
            if name.startswith('bad'):
                return self.send(200, b'<html><body>not an image</body></html>', 'text/html')
            if name.startswith('empty'):
                return self.send(200, b'', 'image/jpeg')
            if name.startswith('wrong'):
                return self.send(200, MAGIC['png'] + os.urandom(64), 'image/png')
            body = MAGIC.get(ext, b'') + os.urandom(200 + random.randrange(2000))
            if name.startswith('cut'):
                self.send_response(200)
                self.send_header('Content-Type', 'image/jpeg')
                self.send_header('Content-Length', str(len(body) + 5000))
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
                self.close_connection = True
                return
            return self.send(200, body, 'image/' + ext)
        return self.send(404, b'nothing')
    do_HEAD = do_GET

ThreadingHTTPServer(('127.0.0.1', PORT), H).serve_forever()
