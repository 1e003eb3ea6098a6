# Minimal PyPI-like index (PEP 691 simple JSON + /pypi/<name>/json + files) driven by state.json
import hashlib, json, sys, os, time, random
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
STATE = sys.argv[2]
BASE = 'http://127.0.0.1:%s' % sys.argv[1]

def load():
    with open(STATE) as f:
        return json.load(f)

def content(name, ver, kind):
    return (('%s-%s-%s' % (name, ver, kind)) * 50).encode()

class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def send(self, code, body, ctype='application/json', serial=None):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        if serial is not None:
            self.send_header('X-PyPI-Last-Serial', str(serial))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        st = load()
        pk = st['packages']
        faults = st.get('faults', {})
        p = self.path.split('?')[0]
        if p.rstrip('/') == '/simple':
            if faults.get('index') == 'down':
                return self.send(503, b'unavailable', 'text/plain')
            projects = [{'name': n, '_last-serial': v['serial']} for n, v in pk.items()]
            if faults.get('index') == 'malformed':
                projects.append({'name': 'broken-entry'})
            return self.send(200, json.dumps({'meta': {'api-version': '1.0', '_last-serial': st['serial']}, 'projects': projects}).encode(), 'application/vnd.pypi.simple.v1+json', st['serial'])
        if p.startswith('/pypi/') and p.endswith('/json'):
            name = p.split('/')[2]
            if name not in pk or faults.get(name) == '404':
                return self.send(404, b'{"message": "Not Found"}')
            if faults.get(name) == '500':
                return self.send(500, b'oops', 'text/plain')
            if faults.get(name) == 'slow':
                time.sleep(4)
            v = pk[name]
            serial = v['serial'] - 1 if faults.get(name) == 'stale' else v['serial']
            rel = {}
            for ver in v['versions']:
                files = []
                for kind in ('tar.gz', 'whl'):
                    fn = '%s-%s.%s' % (name, ver, kind) if kind != 'whl' else '%s-%s-py3-none-any.whl' % (name.replace('-', '_'), ver)
                    data = content(name, ver, kind)
                    sha = hashlib.sha256(data).hexdigest()
                    if faults.get(name) == 'badhash' and kind == 'whl':
                        sha = '0' * 64
                    files.append({'filename': fn, 'url': '%s/packages/%s/%s/%s' % (BASE, sha[:2], name, fn),
                                  'size': len(data), 'digests': {'sha256': sha, 'md5': hashlib.md5(data).hexdigest()},
                                  'upload_time_iso_8601': '2024-0%d-1%dT10:00:00.000000Z' % (ver.count('.') + 1, len(ver) % 10),
                                  'packagetype': 'sdist' if kind == 'tar.gz' else 'bdist_wheel',
                                  'requires_python': '>=3.8', 'yanked': False, 'python_version': 'py3'})
                rel[ver] = files
            meta = {'info': {'name': name, 'version': v['versions'][-1], 'summary': 'test', 'classifiers': [], 'license': 'MIT', 'requires_dist': None},
                    'last_serial': serial, 'releases': rel, 'urls': rel[v['versions'][-1]] if v['versions'] else []}
            return self.send(200, json.dumps(meta).encode(), serial=serial)
        if p.startswith('/packages/'):
            parts = p.split('/')
            name, fn = parts[3], parts[4]
            if faults.get(name) == 'filegone':
                return self.send(404, b'gone', 'text/plain')
            if name not in pk:
                return self.send(404, b'gone', 'text/plain')
            for ver in pk[name]['versions']:
                for kind in ('tar.gz', 'whl'):
                    cand = '%s-%s.%s' % (name, ver, kind) if kind != 'whl' else '%s-%s-py3-none-any.whl' % (name.replace('-', '_'), ver)
                    if cand == fn:
                        return self.send(200, content(name, ver, kind), 'application/octet-stream')
            return self.send(404, b'nope', 'text/plain')
        self.send(404, b'nope', 'text/plain')

ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
