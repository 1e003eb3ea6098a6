# minimal test HTTP server for the yt-dlp workload (no logging of its own)
import http.server, os, sys, time, random
ROOT = sys.argv[2]
class H(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k):
        super().__init__(*a, directory=ROOT, **k)
    def log_message(self, *a):
        pass
    def do_GET(self):
        p = self.path.split('?')[0]
        if p.startswith('/redir/'):
            self.send_response(random.choice([301, 302, 307]))
            self.send_header('Location', '/' + p[len('/redir/'):])
            self.send_header('Content-Length', '0')
            self.end_headers(); return
        if p.startswith('/status/'):
            code = int(p.split('/')[2])
            body = b'<html><body>nope</body></html>'
            self.send_response(code)
            self.send_header('Content-Type', 'text/html')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers(); self.wfile.write(body); return
        if p.startswith('/slow/'):
            time.sleep(float(p.split('/')[2])); p = '/' + '/'.join(p.split('/')[3:])
            self.path = p
        if p.startswith('/cut/'):
            # first request is cut short; a ranged request (resume) gets the rest
            f = os.path.join(ROOT, p[len('/cut/'):])
            data = open(f, 'rb').read()
            rng = self.headers.get('Range')
            if rng and rng.startswith('bytes='):
                a = int(rng[6:].split('-')[0] or 0)
                self.send_response(206)
                self.send_header('Content-Type', 'video/mp4')
                self.send_header('Content-Range', 'bytes %d-%d/%d' % (a, len(data) - 1, len(data)))
                self.send_header('Content-Length', str(len(data) - a))
                self.end_headers(); self.wfile.write(data[a:]); return
            self.send_response(200)
            self.send_header('Content-Type', 'video/mp4')
            self.send_header('Accept-Ranges', 'bytes')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data[:len(data) // 3]); self.wfile.flush()
            self.close_connection = True
            return
        if p.startswith('/drop/'):
            self.close_connection = True
            self.connection.close(); return
        return super().do_GET()
    def do_HEAD(self):
        return super().do_HEAD()
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
