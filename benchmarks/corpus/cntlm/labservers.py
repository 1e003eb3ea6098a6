#!/usr/bin/env python3
"""Small lab servers for the cntlm workload (127.0.0.1 only).

  labservers.py parent PORT [none|ntlm|basic]   HTTP parent proxy that may demand NTLM or Basic
  labservers.py origin PORT                     plain HTTP origin server (also NTLM WWW auth on /ntlm*)

The parent proxy answers absolute-URI requests itself and tunnels CONNECT requests to the
origin server.  Special paths change its behaviour:
  /close /chunked /big /empty /drop /slow   response shapes and failures
  /badchallenge /notarget /noauthhdr /denyuser   NTLM handshake failures
A user name starting with "bad" is refused at the end of the NTLM handshake.
"""
import base64
import random
import socket
import socketserver
import struct
import sys
import time

ORIGIN = ("127.0.0.1", 46320)


def utf16(s: str) -> bytes:
    return s.encode("utf-16-le")


def type2(with_target=True) -> bytes:
    flags = 0x00028205 | (0x00800000 if with_target else 0)
    challenge = bytes(random.getrandbits(8) for _ in range(8))
    tname = utf16("LAB")
    if with_target:
        info = b""
        for t, v in ((2, "LAB"), (1, "PROXY1"), (4, "lab.test"), (3, "proxy1.lab.test"), (5, "test")):
            b = utf16(v)
            info += struct.pack("<HH", t, len(b)) + b
        info += struct.pack("<HH", 0, 0)
    else:
        info = b""
    off_t = 48
    off_i = off_t + len(tname)
    msg = b"NTLMSSP\0" + struct.pack("<I", 2)
    msg += struct.pack("<HHI", len(tname), len(tname), off_t)
    msg += struct.pack("<I", flags) + challenge + b"\0" * 8
    msg += struct.pack("<HHI", len(info), len(info), off_i if info else 0)
    msg += tname + info
    return msg


def type3_user(blob: bytes) -> str:
    try:
        ulen, _, uoff = struct.unpack("<HHI", blob[36:44])
        raw = blob[uoff:uoff + ulen]
        try:
            return raw.decode("utf-16-le")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    except struct.error:
        return ""


class Conn:
    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def readline(self):
        while b"\n" not in self.buf:
            d = self.sock.recv(65536)
            if not d:
                raise EOFError
            self.buf += d
        line, self.buf = self.buf.split(b"\n", 1)
        return line.rstrip(b"\r").decode("latin-1")

    def read(self, n):
        while len(self.buf) < n:
            d = self.sock.recv(65536)
            if not d:
                raise EOFError
            self.buf += d
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def request(self):
        line = self.readline()
        while line == "":
            line = self.readline()
        headers = {}
        while True:
            h = self.readline()
            if h == "":
                break
            if ":" in h:
                k, v = h.split(":", 1)
                headers.setdefault(k.strip().lower(), []).append(v.strip())
        body = b""
        if "content-length" in headers:
            body = self.read(int(headers["content-length"][0] or 0))
        elif "chunked" in ",".join(headers.get("transfer-encoding", [])).lower():
            while True:
                size = int(self.readline().split(";")[0] or "0", 16)
                if size == 0:
                    while self.readline() != "":
                        pass
                    break
                body += self.read(size)
                self.readline()
        return line, headers, body

    def send(self, code, reason, headers=(), body=b"", close=False, chunked=False, nolength=False):
        out = f"HTTP/1.1 {code} {reason}\r\n"
        for k, v in headers:
            out += f"{k}: {v}\r\n"
        out += "Server: lab-parent/1.0\r\n"
        if chunked:
            out += "Transfer-Encoding: chunked\r\n"
        elif not nolength:
            out += f"Content-Length: {len(body)}\r\n"
        out += "Connection: close\r\n" if close else "Connection: keep-alive\r\n"
        data = out.encode() + b"\r\n"
        if chunked:
            for i in range(0, len(body), 700):
                part = body[i:i + 700]
                data += b"%x\r\n" % len(part) + part + b"\r\n"
            data += b"0\r\n\r\n"
        else:
            data += body
        self.sock.sendall(data)


def page(title, n=1):
    return (f"<html><head><title>{title}</title></head><body>" + "<p>lab content</p>" * n + "</body></html>\n").encode()


def respond_content(c, method, path, body):
    """Serve the request itself; returns False when the connection must end."""
    if "/drop" in path:
        return False
    if "/slow" in path:
        time.sleep(1.5)
    if "/close" in path:
        c.send(200, "OK", [("Content-Type", "text/html")], page("close", 20), close=True, nolength=True)
        return False
    if "/chunked" in path:
        c.send(200, "OK", [("Content-Type", "text/html")], page("chunked", 120), chunked=True)
        return True
    if "/big" in path:
        c.send(200, "OK", [("Content-Type", "application/octet-stream")], b"x" * 40000)
        return True
    if "/empty" in path or method == "HEAD":
        c.send(204 if "/empty" in path else 200, "No Content" if "/empty" in path else "OK", [("Content-Type", "text/html")], b"")
        return True
    if "/missing" in path:
        c.send(404, "Not Found", [("Content-Type", "text/html")], page("not found"))
        return True
    if "/error" in path:
        c.send(502, "Bad Gateway", [("Content-Type", "text/html")], page("upstream error"), close=True)
        return False
    extra = f" received {len(body)} bytes" if body else ""
    c.send(200, "OK", [("Content-Type", "text/html"), ("Cache-Control", "no-cache")], page(f"{method} {path}{extra}", 3))
    return True


def tunnel(a, b):
    a.setblocking(False)
    b.setblocking(False)
    import select
    end = time.time() + 20
    while time.time() < end:
        r, _, _ = select.select([a, b], [], [], 1)
        for s in r:
            try:
                d = s.recv(65536)
            except BlockingIOError:
                continue
            if not d:
                return
            (b if s is a else a).sendall(d)


class Parent(socketserver.BaseRequestHandler):
    auth = "none"

    def handle(self):
        c = Conn(self.request)
        authed = False
        try:
            while True:
                line, headers, body = c.request()
                parts = line.split()
                if len(parts) != 3:
                    c.send(400, "Bad Request", [], page("bad request"), close=True)
                    return
                method, url, _ = parts
                path = url.split("/", 3)[3] if url.count("/") >= 3 else url
                path = "/" + path
                pa = headers.get("proxy-authorization", [""])[0]
                if self.auth == "ntlm" and not authed:
                    if not pa.startswith("NTLM "):
                        c.send(407, "Proxy Authentication Required",
                               [("Proxy-Authenticate", "NTLM"), ("Proxy-Authenticate", 'Basic realm="lab"')],
                               page("auth required"))
                        continue
                    blob = base64.b64decode(pa[5:] + "==")
                    kind = struct.unpack("<I", blob[8:12])[0] if len(blob) >= 12 else 0
                    if kind == 1:
                        if "/noauthhdr" in path:
                            c.send(407, "Proxy Authentication Required", [], page("auth required"))
                        elif "/badchallenge" in path:
                            c.send(407, "Proxy Authentication Required",
                                   [("Proxy-Authenticate", "NTLM " + base64.b64encode(b"NTLMSSP\0\x02").decode())],
                                   page("auth required"))
                        else:
                            c.send(407, "Proxy Authentication Required",
                                   [("Proxy-Authenticate", "NTLM " + base64.b64encode(
                                       type2("/notarget" not in path)).decode())], page("auth required"))
                        continue
                    user = type3_user(blob)
                    if user.lower().startswith("bad") or "/denyuser" in path:
                        c.send(407, "Proxy Authentication Required",
                               [("Proxy-Authenticate", "NTLM"), ("Proxy-Authenticate", 'Basic realm="lab"')],
                               page("access denied"), close=True)
                        return
                    authed = True
                elif self.auth == "basic" and not authed:
                    ok = False
                    if pa.startswith("Basic "):
                        try:
                            ok = base64.b64decode(pa[6:]).decode().startswith("alice:")
                        except Exception:
                            ok = False
                    if not ok:
                        c.send(407, "Proxy Authentication Required", [("Proxy-Authenticate", 'Basic realm="lab"')],
                               page("basic auth required"), close=True)
                        return
                if method == "CONNECT":
                    if "refuse" in url:
                        c.send(403, "Forbidden", [], page("tunnel refused"), close=True)
                        return
                    try:
                        o = socket.create_connection(ORIGIN, timeout=5)
                    except OSError:
                        c.send(502, "Bad Gateway", [], page("cannot connect"), close=True)
                        return
                    self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    if c.buf:
                        o.sendall(c.buf)
                    tunnel(self.request, o)
                    o.close()
                    return
                if not respond_content(c, method, path, body):
                    return
                if "close" in ",".join(headers.get("proxy-connection", []) + headers.get("connection", [])).lower():
                    return
        except (EOFError, OSError, ValueError):
            return


class Origin(socketserver.BaseRequestHandler):
    def handle(self):
        c = Conn(self.request)
        try:
            while True:
                line, headers, body = c.request()
                parts = line.split()
                if len(parts) != 3:
                    c.send(400, "Bad Request", [], page("bad request"), close=True)
                    return
                method, path, _ = parts
                wa = headers.get("authorization", [""])[0]
                if path.startswith("/ntlm"):
                    if not wa.startswith("NTLM "):
                        c.send(401, "Unauthorized", [("WWW-Authenticate", "NTLM")], page("login"))
                        continue
                    blob = base64.b64decode(wa[5:] + "==")
                    kind = struct.unpack("<I", blob[8:12])[0] if len(blob) >= 12 else 0
                    if kind == 1:
                        c.send(401, "Unauthorized", [("WWW-Authenticate", "NTLM " + base64.b64encode(type2()).decode())],
                               page("login"))
                        continue
                if not respond_content(c, method, path, body):
                    return
                if "close" in ",".join(headers.get("connection", [])).lower():
                    return
        except (EOFError, OSError, ValueError):
            return


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    role, port = sys.argv[1], int(sys.argv[2])
    if role == "parent":
        Parent.auth = sys.argv[3] if len(sys.argv) > 3 else "none"
        srv = Server(("127.0.0.1", port), Parent)
    else:
        srv = Server(("127.0.0.1", port), Origin)
    srv.serve_forever()


if __name__ == "__main__":
    main()
