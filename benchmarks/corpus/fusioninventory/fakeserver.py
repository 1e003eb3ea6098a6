# Minimal fake OCS/GLPI inventory server for the workload; behaviour chosen by URL path; no logging.
import sys, time, zlib, http.server
REPLY = {
    'send':     b'<?xml version="1.0" encoding="UTF-8"?>\n<REPLY><RESPONSE>SEND</RESPONSE><PROLOG_FREQ>1</PROLOG_FREQ></REPLY>',
    'noupdate': b'<?xml version="1.0" encoding="UTF-8"?>\n<REPLY><RESPONSE>NO_ACCOUNT_UPDATE</RESPONSE><PROLOG_FREQ>2</PROLOG_FREQ></REPLY>',
    'badxml':   b'this is <not xml',
}
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.0'
    def out(self, code, body=b'', hdrs=()):
        self.send_response(code)
        for k, v in hdrs: self.send_header(k, v)
        self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_POST(self):
        n = int(self.headers.get('Content-Length') or 0); data = self.rfile.read(n) if n else b''
        try: body = zlib.decompress(data)
        except Exception: body = data
        p = self.path
        if '/auth' in p and self.headers.get('Authorization') != 'Basic cjQzYjpnb29kcGFzcw==':
            return self.out(401, b'no', [('WWW-Authenticate', 'Basic realm="r43b"')])
        if '/err500' in p: return self.out(500, b'<html>oops</html>')
        if '/forbidden' in p: return self.out(403, b'forbidden')
        if '/slow' in p: time.sleep(4); return self.out(200, zlib.compress(REPLY['send']))
        if '/empty' in p: return self.out(200, b'')
        if '/garbage' in p: return self.out(200, b'\x00\x01 garbage reply \x02')
        if '/badxml' in p: return self.out(200, zlib.compress(REPLY['badxml']))
        if '/plain' in p: return self.out(200, REPLY['noupdate'])
        if b'<QUERY>PROLOG</QUERY>' in body:
            return self.out(200, zlib.compress(REPLY['noupdate' if '/noupdate' in p else 'send']))
        return self.out(200, zlib.compress(b'<?xml version="1.0" encoding="UTF-8"?>\n<REPLY><RESPONSE>ACCOUNT_UPDATE</RESPONSE></REPLY>'))
    def do_GET(self): self.out(404, b'not found')
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
