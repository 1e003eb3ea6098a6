# fake peers for the apprise workload: HTTP on 47020, SMTP on 47022, UDP sink on 47023 (no logging of its own)
import http.server, socketserver, socket, threading, time, random, json
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def _body(self):
        n = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(n) if n else b''
    def _reply(self):
        self._body()
        p = self.path
        if '/slow' in p: time.sleep(4)
        if '/drop' in p:
            self.close_connection = True; self.connection.shutdown(socket.SHUT_RDWR); return
        code = 200
        for c in (400, 401, 403, 404, 413, 429, 500, 502, 503):
            if '/e%d' % c in p: code = c
        body = json.dumps({'ok': code == 200, 'status': code, 'id': random.randint(1, 999)}).encode()
        if '/attach' in p and self.command == 'GET':
            body = b'attachment-bytes ' * 50
        self.send_response(code)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers(); self.wfile.write(body)
    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _reply
class T(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
class S(socketserver.StreamRequestHandler):
    def handle(self):
        w = lambda s: self.wfile.write((s + '\r\n').encode())
        w('220 fake.local ESMTP')
        while True:
            line = self.rfile.readline()
            if not line: return
            cmd = line.decode(errors='replace').strip()
            u = cmd.upper()
            if u.startswith('EHLO'):
                w('250-fake.local'); w('250-AUTH PLAIN LOGIN'); w('250 SIZE 1000000')
            elif u.startswith('HELO'): w('250 fake.local')
            elif u.startswith('AUTH'):
                if 'bad' in cmd.lower() or random.random() < 0.15: w('535 5.7.8 Authentication failed')
                else: w('235 2.7.0 Authentication successful')
            elif u.startswith('MAIL'): w('250 OK')
            elif u.startswith('RCPT'):
                w('550 no such user' if 'nobody' in cmd else '250 OK')
            elif u == 'DATA':
                w('354 go ahead')
                while True:
                    l = self.rfile.readline()
                    if not l or l in (b'.\r\n', b'.\n'): break
                w('250 queued' if random.random() > 0.1 else '452 mailbox full')
            elif u == 'QUIT': w('221 bye'); return
            elif u == 'STARTTLS': w('454 TLS not available')
            else: w('250 OK')
class ST(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True; allow_reuse_address = True
def udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', 47023))
    while True: s.recvfrom(65535)
threading.Thread(target=udp, daemon=True).start()
threading.Thread(target=ST(('127.0.0.1', 47022), S).serve_forever, daemon=True).start()
T(('127.0.0.1', 47020), H).serve_forever()
