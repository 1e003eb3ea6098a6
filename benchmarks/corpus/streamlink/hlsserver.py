import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
WWW = sys.argv[2]
SEGS = sorted(f for f in os.listdir(WWW) if f.endswith('.ts'))
START = time.time()


def playlist(names, endlist=True, seq=0, extra=''):
    out = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:1', '#EXT-X-MEDIA-SEQUENCE:%d' % seq]
    if extra:
        out.append(extra)
    for n in names:
        out += ['#EXTINF:1.000,', n]
    if endlist:
        out.append('#EXT-X-ENDLIST')
    return ('\n'.join(out) + '\n').encode()


class H(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *a):
        pass

    def send(self, code, body, ctype='application/vnd.apple.mpegurl', length=None):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def seg(self, name):
        p = os.path.join(WWW, os.path.basename(name))
        if not os.path.exists(p):
            return self.send(404, b'not found', 'text/plain')
        with open(p, 'rb') as f:
            self.send(200, f.read(), 'video/mp2t')

    def do_GET(self):
        path = self.path.split('?')[0]
        parts = path.strip('/').split('/')
        kind = parts[0]
        last = parts[-1]
        n = len(SEGS)
        if path == '/master.m3u8':
            body = ['#EXTM3U']
            for bw, res, sub in ((300000, '160x120', 'vod'), (600000, '320x240', 'live'),
                                 (900000, '640x480', 'missing'), (1200000, '1280x720', 'slow')):
                body += ['#EXT-X-STREAM-INF:BANDWIDTH=%d,RESOLUTION=%s' % (bw, res), '/%s/index.m3u8' % sub]
            return self.send(200, ('\n'.join(body) + '\n').encode())
        if kind == 'plain':
            if last == 'video.ts':
                data = b''.join(open(os.path.join(WWW, s), 'rb').read() for s in SEGS[:4])
                return self.send(200, data, 'video/mp2t')
            return self.send(404, b'not found', 'text/plain')
        if last == 'index.m3u8':
            if kind == 'vod':
                return self.send(200, playlist(SEGS[:6]))
            if kind == 'live':
                seq = int((time.time() - START) / 1.0)
                return self.send(200, playlist([SEGS[(seq + i) % n] for i in range(4)], False, seq))
            if kind == 'missing':
                return self.send(200, playlist([s if i % 3 else 'gone%03d.ts' % i for i, s in enumerate(SEGS[:6])]))
            if kind in ('slow', 'drop'):
                return self.send(200, playlist(SEGS[:4]))
            if kind == 'bad':
                return self.send(200, b'<html><body>this is not a playlist</body></html>\n', 'text/html')
            if kind == 'broken':
                return self.send(200, playlist(SEGS[:3], extra='#EXT-X-KEY:METHOD\n#EXT-X-START:TIME-OFFSET=abc\n#EXT-X-PROGRAM-DATE-TIME:notadate'))
            if kind == 'enc':
                return self.send(200, playlist(SEGS[:3], extra='#EXT-X-KEY:METHOD=AES-128,URI="/nokey/key.bin",IV=0x00000000000000000000000000000001'))
            if kind == 'sample':
                return self.send(200, playlist(SEGS[:3], extra='#EXT-X-KEY:METHOD=SAMPLE-AES,URI="/nokey/key.bin"'))
            if kind == 'badkey':
                return self.send(200, playlist(SEGS[:3], extra='#EXT-X-KEY:METHOD=AES-128,URI="/shortkey/key.bin"'))
            if kind == 'empty':
                return self.send(200, playlist([]))
            if kind == 'stall':
                time.sleep(20)
                return self.send(200, playlist(SEGS[:2]))
            return self.send(404, b'not found', 'text/plain')
        if kind == 'shortkey':
            return self.send(200, b'0123', 'application/octet-stream')
        if kind == 'slow' and last.endswith('.ts'):
            time.sleep(6)
            return self.seg(last)
        if kind == 'drop' and last.endswith('.ts'):
            data = open(os.path.join(WWW, os.path.basename(last)), 'rb').read()
            self.send_response(200)
            self.send_header('Content-Type', 'video/mp2t')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data[:len(data) // 3])
            self.close_connection = True
            return
        if last.endswith('.ts'):
            return self.seg(last)
        return self.send(404, b'not found', 'text/plain')


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(('127.0.0.1', PORT), H).serve_forever()
