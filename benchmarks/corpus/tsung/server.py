# minimal HTTP test server for the tsung workload (no logging)
import socketserver, sys, time, random
random.seed(int(sys.argv[2]))
class H(socketserver.StreamRequestHandler):
    def handle(self):
        try:
            while True:
                line = self.rfile.readline()
                if not line:
                    return
                parts = line.decode('latin-1').split()
                path = parts[1] if len(parts) > 1 else '/'
                length = 0
                while True:
                    h = self.rfile.readline()
                    if not h or h in (b'\r\n', b'\n'):
                        break
                    if h.lower().startswith(b'content-length:'):
                        length = int(h.split(b':')[1])
                if length:
                    self.rfile.read(length)
                if path.startswith('/slow'):
                    time.sleep(4)
                if path.startswith('/close'):
                    return
                if path.startswith('/garbage'):
                    self.wfile.write(b'THIS IS NOT HTTP\r\n\r\n')
                    return
                status, body, extra = '200 OK', 'hello id=%d token=abc%d\n' % (random.randint(1, 999), random.randint(1, 99)), ''
                if path.startswith('/missing'):
                    status, body = '404 Not Found', 'not found\n'
                elif path.startswith('/error'):
                    status, body = '500 Internal Server Error', 'error\n'
                elif path.startswith('/redirect'):
                    status, body, extra = '302 Found', '', 'Location: http://127.0.0.1:48700/\r\n'
                elif path.startswith('/big'):
                    body = 'x' * 20000 + '\n'
                elif path.startswith('/json'):
                    body = '{"user":{"id":%d,"name":"u%d"}}' % (random.randint(1, 99), random.randint(1, 99))
                if path.startswith('/chunked'):
                    data = body.encode()
                    self.wfile.write(('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n' % len(data)).encode() + data + b'\r\n0\r\n\r\n')
                else:
                    self.wfile.write(('HTTP/1.1 %s\r\nContent-Length: %d\r\n%s\r\n%s' % (status, len(body), extra, body)).encode())
                if random.random() < 0.1:
                    return
        except (ConnectionError, OSError):
            return
class S(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    def handle_error(self, request, client_address):
        pass
S(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
