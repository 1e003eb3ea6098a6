import sys, random, time, gzip, hashlib, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
SEED = int(sys.argv[2])
rng = random.Random(SEED)
LOCK = threading.Lock()
BASE = 'http://127.0.0.1:%s' % sys.argv[1]
WORDS = 'alpha beta gamma delta kernel release patch security update notes weekly digest tea garden river'.split()
def title(): return ' '.join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).capitalize()
def items(n, kind, feed):
    out = []
    for i in range(rng.randint(1, 3)):
        g = '%s-%d-%d' % (feed, n, rng.randint(0, 12))
        t = title()
        day = rng.randint(1, 28)
        if kind == 'rss2':
            extra = ''
            if rng.random() < 0.3: extra += '<enclosure url="%s/media/%s.mp3" length="100" type="audio/mpeg"/>' % (BASE, g)
            if rng.random() < 0.3: extra += '<content:encoded><![CDATA[<p>%s <b>bold</b></p>]]></content:encoded>' % t
            if rng.random() < 0.5: extra += '<author>a%d@example.org (Writer)</author>' % rng.randint(1, 9)
            if rng.random() < 0.2: extra += '<dc:creator>Creator %d</dc:creator>' % rng.randint(1, 9)
            pd = '<pubDate>%s, %02d Nov 2026 10:%02d:00 +0000</pubDate>' % (rng.choice(['Mon', 'Tue', 'Wed']), day, rng.randint(0, 59)) if rng.random() < 0.8 else ''
            out.append('<item><title>%s</title><link>%s/a/%s</link><guid>%s</guid><description>%s text</description>%s%s</item>' % (t, BASE, g, g, t, pd, extra))
        elif kind == 'atom':
            c = '<content type="html">&lt;p&gt;%s&lt;/p&gt;</content>' % t if rng.random() < 0.5 else '<summary>%s</summary>' % t
            au = '<author><name>Auth %d</name></author>' % rng.randint(1, 5) if rng.random() < 0.5 else ''
            out.append('<entry><title>%s</title><id>urn:%s</id><updated>2026-11-%02dT10:00:00Z</updated><link href="%s/a/%s"/>%s%s</entry>' % (t, g, day, BASE, g, c, au))
        elif kind == 'rdf':
            out.append('<item rdf:about="%s/a/%s"><title>%s</title><link>%s/a/%s</link><description>%s</description><dc:date>2026-11-%02dT10:00:00Z</dc:date></item>' % (BASE, g, t, BASE, g, t, day))
        else:
            out.append('<item><title>%s</title><link>%s/a/%s</link><description>%s</description></item>' % (t, BASE, g, t))
    return ''.join(out)
def feed(kind, n, feedid):
    if kind == 'rss2':
        return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Feed %s</title><link>%s/</link><description>d</description>%s</channel></rss>' % (feedid, BASE, items(n, kind, feedid)))
    if kind == 'atom':
        return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom %s</title><id>urn:%s</id><updated>2026-11-20T10:00:00Z</updated><link href="%s/"/>%s</feed>' % (feedid, feedid, BASE, items(n, kind, feedid)))
    if kind == 'rdf':
        return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="%s/"><title>RDF %s</title><link>%s/</link><description>d</description></channel>%s</rdf:RDF>' % (BASE, feedid, BASE, items(n, kind, feedid)))
    return ('<?xml version="1.0"?><rss version="0.91"><channel><title>Old %s</title><link>%s/</link><description>d</description>%s</channel></rss>' % (feedid, BASE, items(n, kind, feedid)))
count = {}
class H(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def log_message(self, *a): pass
    def send(self, code, body=b'', ctype='application/xml', headers=()):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        for k, v in headers: self.send_header(k, v)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD': self.wfile.write(body)
    def do_GET(self):
        with LOCK:  # content depends only on seed, path and request count, not on thread timing
            global rng
            p = self.path.split('?')[0]
            count[p] = count.get(p, 0) + 1
            rng = random.Random('%d|%s|%d' % (SEED, p, count[p]))
            self.respond(p, count[p])
    def respond(self, p, n):
        parts = p.strip('/').split('/')
        kind = parts[0]
        if kind in ('rss2', 'atom', 'rdf', 'rss091'):
            self.send(200, feed(kind, n, parts[-1].split('.')[0]).encode())
        elif kind == 'etag':
            tag = '"%s"' % hashlib.md5(('%s%d' % (p, n // 3)).encode()).hexdigest()[:12]
            if self.headers.get('If-None-Match') == tag:
                self.send(304, headers=[('ETag', tag)])
            else:
                self.send(200, feed('rss2', n // 3, parts[-1].split('.')[0]).encode(), headers=[('ETag', tag)])
        elif kind == 'redir':
            self.send(301, headers=[('Location', BASE + '/rss2/' + parts[-1])])
        elif kind == 'redirloop':
            self.send(302, headers=[('Location', BASE + p)])
        elif kind == 'gone':
            self.send(404, b'not found', 'text/plain')
        elif kind == 'err':
            self.send(rng.choice([500, 503, 403]), b'error', 'text/plain')
        elif kind == 'auth':
            self.send(401, b'auth', 'text/plain', headers=[('WWW-Authenticate', 'Basic realm="feeds"')])
        elif kind == 'slow':
            body = feed('rss2', n, 'slow').encode(); LOCK.release(); time.sleep(6); LOCK.acquire(); self.send(200, body)
        elif kind == 'cut':
            body = feed('rss2', n, 'cut').encode()
            self.send_response(200); self.send_header('Content-Type', 'application/xml')
            self.send_header('Content-Length', str(len(body) + 500)); self.end_headers()
            self.wfile.write(body[:len(body) // 2]); self.wfile.flush()
            self.close_connection = True
        elif kind == 'malformed':
            self.send(200, rng.choice([b'<rss version="2.0"><channel><title>broken</title><item><title>x</channel>',
                                       b'<?xml version="1.0"?><html><body>not a feed</body></html>',
                                       b'<rss><channel><title>no version</title></channel></rss>',
                                       b'plain text, no xml at all']))
        elif kind == 'empty':
            self.send(200, b'')
        elif kind == 'gzip':
            self.send(200, gzip.compress(feed('atom', n, 'gz').encode()), headers=[('Content-Encoding', 'gzip')])
        else:
            self.send(404, b'no', 'text/plain')
ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
