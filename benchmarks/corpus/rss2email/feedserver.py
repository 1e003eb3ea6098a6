#!/usr/bin/python3
# minimal HTTP feed server for the rss2email workload: generated RSS/Atom feeds, broken feeds,
# redirects, 404/500, HTML pages, empty pages and slow responses
import random, sys, time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
items = {}
WORDS = 'alpha beta gamma delta kernel release notes patch security update fix regression build docs'.split()

def grow(name):
    lst = items.setdefault(name, [])
    for _ in range(random.choice([0, 0, 1, 1, 2, 3])):
        n = len(lst) + 1
        lst.append((n, ' '.join(random.sample(WORDS, 3)).title(), time.time()))
    return lst[-6:]

def rss(name, path):
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<rss version="2.0"><channel>',
           '<title>%s news</title><link>http://127.0.0.1:%d/</link><description>feed %s</description>' % (name, PORT, name)]
    for n, t, ts in grow(name):
        guid = '' if (n % 7 == 3) else '<guid>urn:%s:%d</guid>' % (name, n)
        enc = '<enclosure url="http://127.0.0.1:%d/files/%s-%d.mp3" length="1234" type="audio/mpeg"/>' % (PORT, name, n) if n % 5 == 0 else ''
        auth = '<author>writer%d@example.test (Writer %d)</author>' % (n % 3, n % 3) if n % 2 else ''
        out.append('<item><title>%s %d</title><link>http://127.0.0.1:%d/%s/%d.html</link>%s%s%s'
                   '<description>&lt;p&gt;Item &lt;b&gt;%d&lt;/b&gt; of %s with &lt;a href="http://127.0.0.1:%d/x"&gt;a link&lt;/a&gt;&lt;/p&gt;</description>'
                   '<pubDate>%s</pubDate></item>' % (t, n, PORT, name, n, guid, enc, auth, n, name, PORT, formatdate(ts)))
    out.append('</channel></rss>')
    return '\n'.join(out)

def atom(name, path):
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           '<title>%s log</title><id>urn:feed:%s</id><updated>2026-12-07T00:00:00Z</updated>' % (name, name),
           '<author><name>Atom Author</name><email>atom@example.test</email></author>']
    for n, t, ts in grow(name):
        out.append('<entry><title>%s %d</title><id>urn:%s:entry:%d</id><link href="http://127.0.0.1:%d/%s/%d"/>'
                   '<updated>%s</updated><content type="html">&lt;h2&gt;%s&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;one&lt;/li&gt;&lt;li&gt;two&lt;/li&gt;&lt;/ul&gt;</content></entry>'
                   % (t, n, name, n, PORT, name, n, time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(ts)), t))
    out.append('</feed>')
    return '\n'.join(out)

class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def send(self, code, body, ctype='application/rss+xml', extra=()):
        b = body.encode()
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(b)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(b)
    def do_GET(self):
        p = self.path.strip('/').split('/')
        kind, name = p[0], (p[1] if len(p) > 1 else 'x')
        if kind == 'rss':
            if random.random() < 0.08:
                return self.send(503, 'busy', 'text/plain')
            self.send(200, rss(name, self.path))
        elif kind == 'atom':
            self.send(200, atom(name, self.path), 'application/atom+xml')
        elif kind == 'moved':
            self.send(301, '', 'text/plain', [('Location', 'http://127.0.0.1:%d/rss/%s' % (PORT, name))])
        elif kind == 'temp':
            self.send(302, '', 'text/plain', [('Location', 'http://127.0.0.1:%d/atom/%s' % (PORT, name))])
        elif kind == 'broken':
            self.send(200, rss(name, self.path)[:-random.randint(20, 200)] + '<item><title>oops</titl></channel>')
        elif kind == 'html':
            self.send(200, '<html><head><title>not a feed</title></head><body><p>hello</p></body></html>', 'text/html')
        elif kind == 'empty':
            self.send(200, '', 'application/rss+xml')
        elif kind == 'plain':
            self.send(200, rss(name, self.path), 'text/plain')
        elif kind == 'slow':
            time.sleep(8)
            self.send(200, rss(name, self.path))
        elif kind == 'error':
            self.send(500, 'internal error', 'text/plain')
        else:
            self.send(404, 'not found', 'text/plain')

ThreadingHTTPServer(('127.0.0.1', PORT), H).serve_forever()
