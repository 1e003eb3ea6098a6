#!/usr/bin/env python3
"""Local test servers for the aria2 workload (127.0.0.1 only).

HTTP on HTTP_PORT: /files/<name> with Range support, and misbehaving paths:
  /slow/<name>     trickles the body (timeouts, low speed)
  /drop/<name>     sends part of the body then closes (retries, resumes)
  /norange/<name>  ignores Range (no segmented download)
  /redir/<n>/<name> redirect chain, /loop redirects forever
  /auth/<name>     basic auth user:secret
  /err/<code>      answers that HTTP status
  /garbage         not HTTP at all
  /hang            accepts and never answers
  /digest/<name>   sends a Digest header (good or bad)
  /flaky/<name>    503 two times in three
FTP on FTP_PORT (pyftpdlib): anonymous read-only on the same files, user ftpuser/ftppass.
"""
import base64, hashlib, os, random, socket, socketserver, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = sys.argv[1]
HTTP_PORT = int(sys.argv[2])
FTP_PORT = int(sys.argv[3])
PASV_LO, PASV_HI = int(sys.argv[4]), int(sys.argv[5])


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def _file(self, name):
        p = os.path.join(ROOT, os.path.basename(name))
        return p if os.path.isfile(p) else None

    def _send_file(self, path, ranges=True, trickle=0.0, drop=False, extra=None):
        size = os.path.getsize(path)
        start, end = 0, size - 1
        rng = self.headers.get("Range")
        partial = False
        if ranges and rng and rng.startswith("bytes="):
            a, _, b = rng[6:].partition("-")
            start = int(a or 0)
            end = int(b) if b else size - 1
            if start >= size:
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{size}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            partial = True
        self.send_response(206 if partial else 200)
        if ranges:
            self.send_header("Accept-Ranges", "bytes")
        if partial:
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Last-Modified", self.date_time_string(os.path.getmtime(path)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command == "HEAD":
            return
        with open(path, "rb") as f:
            f.seek(start)
            left = end - start + 1
            sent = 0
            while left > 0:
                chunk = f.read(min(left, 4096 if trickle else 65536))
                if not chunk:
                    break
                try:
                    self.wfile.write(chunk)
                except OSError:
                    return
                left -= len(chunk)
                sent += len(chunk)
                if drop and sent > (end - start + 1) // 3:
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if trickle:
                    time.sleep(trickle)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        kind = parts[0] if parts else ""
        name = parts[-1]
        if kind == "files" or kind == "slow" or kind == "drop" or kind == "norange" or kind == "digest":
            p = self._file(name)
            if not p:
                return self._status(404)
            if kind == "files":
                return self._send_file(p)
            if kind == "slow":
                return self._send_file(p, trickle=random.choice([0.05, 0.3, 1.5]))
            if kind == "drop":
                return self._send_file(p, drop=True)
            if kind == "norange":
                return self._send_file(p, ranges=False)
            if kind == "digest":
                d = hashlib.sha256(open(p, "rb").read()).digest()
                if random.random() < 0.5:
                    d = hashlib.sha256(os.urandom(8)).digest()
                return self._send_file(p, extra={"Digest": "SHA-256=" + base64.b64encode(d).decode()})
        if kind == "redir" and len(parts) >= 3:
            n = int(parts[1])
            loc = f"/files/{name}" if n <= 0 else f"/redir/{n-1}/{name}"
            return self._status(random.choice([301, 302, 303, 307]), {"Location": loc})
        if kind == "loop":
            return self._status(302, {"Location": "/loop?" + str(random.randint(1, 99999))})
        if kind == "auth":
            want = "Basic " + base64.b64encode(b"user:secret").decode()
            if self.headers.get("Authorization") != want:
                return self._status(401, {"WWW-Authenticate": 'Basic realm="aria2test"'})
            p = self._file(name)
            return self._send_file(p) if p else self._status(404)
        if kind == "err":
            return self._status(int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 500)
        if kind == "flaky":
            if random.random() < 0.66:
                return self._status(503, {"Retry-After": "1"})
            p = self._file(name)
            return self._send_file(p) if p else self._status(404)
        if kind == "garbage":
            self.wfile.write(os.urandom(random.randint(20, 200)))
            self.close_connection = True
            return
        if kind == "hang":
            time.sleep(40)
            self.close_connection = True
            return
        return self._status(404)

    def _status(self, code, headers=None):
        body = f"<html><body>{code}</body></html>\n".encode()
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class S(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def ftp():
    from pyftpdlib.authorizers import DummyAuthorizer
    from pyftpdlib.handlers import FTPHandler
    from pyftpdlib.servers import ThreadedFTPServer
    import logging
    logging.getLogger("pyftpdlib").setLevel(logging.CRITICAL)
    a = DummyAuthorizer()
    a.add_user("ftpuser", "ftppass", ROOT, perm="elr")
    a.add_anonymous(ROOT)
    FTPHandler.authorizer = a
    FTPHandler.passive_ports = range(PASV_LO, PASV_HI)
    FTPHandler.permit_foreign_addresses = False
    srv = ThreadedFTPServer(("127.0.0.1", FTP_PORT), FTPHandler)
    srv.serve_forever()


threading.Thread(target=ftp, daemon=True).start()
S(("127.0.0.1", HTTP_PORT), H).serve_forever()
