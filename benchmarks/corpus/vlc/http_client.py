#!/usr/bin/env python3
"""HTTP clients for VLC's stream output and lua http interface.  usage: http_client.py ROLE"""
import base64, random, socket, sys, time
R = random.Random(); role = sys.argv[1]
def req(port, raw, read_secs=1.0):
    try:
        s = socket.create_connection(('127.0.0.1', port), timeout=2)
        s.sendall(raw)
        end = time.time() + read_secs
        s.settimeout(0.5)
        while time.time() < end:
            try:
                if not s.recv(65536): break
            except socket.timeout: pass
        s.close()
    except OSError: pass
def get(port, path, auth=None, secs=1.0, method='GET'):
    h = f'{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: wl/{R.randint(1,9)}\r\n'
    if auth: h += 'Authorization: Basic ' + base64.b64encode(auth.encode()).decode() + '\r\n'
    req(port, (h + '\r\n').encode(), secs)
if role == 'stream':
    get(35400, '/' + R.choice(['ch1', 'ch1', 'ch2', 'c' + str(R.randint(10, 99)), 'nope', '']), secs=R.uniform(0.5, 4),
        method=R.choice(['GET', 'GET', 'GET', 'HEAD']))
elif role == 'garbage':
    port = R.choice([35400, 35402])
    req(port, R.choice([b'HELLO\r\n\r\n', b'GET\r\n\r\n', b'POST /ch1 HTTP/1.1\r\nContent-Length: 5\r\n\r\nabcde',
                        b'GET /ch1 HTTP/9.9\r\n\r\n', bytes(R.randrange(32, 127) for _ in range(40)) + b'\r\n\r\n',
                        b'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n']), 0.5)
elif role == 'web':
    path = R.choice(['/requests/status.xml', '/requests/status.json', '/requests/playlist.xml', '/index.html',
                     '/requests/vlm.xml', '/requests/status.xml?command=pl_pause', '/nonexistent.html', '/requests/browse.xml?dir=/'])
    get(35402, path, auth=R.choice([':webpw', ':webpw', ':wrong', None, 'user:webpw']), secs=0.5)
