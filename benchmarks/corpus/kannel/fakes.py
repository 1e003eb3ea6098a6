#!/usr/bin/env python3
"""Fake peers for the Kannel workload (127.0.0.1 only):
  - an SMPP 3.4 SMSC on SMPP_PORT: binds (good / wrong password / unknown system id), enquire_link,
    submit_sm (random errors), delivery receipts, mobile-originated deliver_sm, unbind;
    SIGUSR1 drops every connection, SIGUSR2 sends a garbage PDU to every connection;
  - an HTTP server on HTTP_PORT playing both the application behind sms-service get-url /
    dlr-url, and the remote Kannel of an HTTP SMSC (system-type kannel).
Run: python3 fakes.py SMPP_PORT HTTP_PORT
"""
import os, random, signal, socket, socketserver, struct, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

SMPP_PORT, HTTP_PORT = int(sys.argv[1]), int(sys.argv[2])
USERS = {"kannel1": "secret", "kannel2": "s3cret2"}
conns = set()
lock = threading.Lock()


def cstr(b, i):
    j = b.index(b"\0", i)
    return b[i:j].decode("latin-1"), j + 1


class SmppConn:
    def __init__(self, sock):
        self.sock, self.seq, self.bound, self.wlock = sock, random.randint(1, 1000), False, threading.Lock()

    def send(self, cmd, status, seq, body=b""):
        with self.wlock:
            self.sock.sendall(struct.pack(">IIII", 16 + len(body), cmd, status, seq) + body)

    def next_seq(self):
        self.seq += 1
        return self.seq

    def deliver(self, src, dst, text, esm=0):
        body = (b"\0" + bytes([1, 1]) + src.encode() + b"\0" + bytes([1, 1]) + dst.encode() + b"\0" +
                bytes([esm, 0, 0]) + b"\0\0" + bytes([0, 0, 0, 0, len(text)]) + text.encode())
        self.send(0x5, 0, self.next_seq(), body)

    def recv_exact(self, n):
        buf = b""
        while len(buf) < n:
            part = self.sock.recv(n - len(buf))
            if not part:
                raise ConnectionError
            buf += part
        return buf

    def run(self):
        try:
            while True:
                hdr = self.recv_exact(16)
                length, cmd, status, seq = struct.unpack(">IIII", hdr)
                body = self.recv_exact(length - 16) if length > 16 else b""
                self.handle(cmd, seq, body)
        except (ConnectionError, OSError, ValueError):
            pass
        finally:
            with lock:
                conns.discard(self)
            try:
                self.sock.close()
            except OSError:
                pass

    def handle(self, cmd, seq, body):
        if cmd in (0x1, 0x2, 0x9):
            sysid, i = cstr(body, 0)
            pw, i = cstr(body, i)
            if sysid not in USERS:
                st = 0x0F
            elif USERS[sysid] != pw:
                st = 0x0E
            else:
                st = 0
            time.sleep(random.random() * 0.3)
            self.send(0x80000000 | cmd, st, seq, b"fakesmsc\0" if st == 0 else b"")
            if st == 0:
                self.bound = True
                with lock:
                    conns.add(self)
            else:
                time.sleep(0.2)
                raise ConnectionError
        elif cmd == 0x15:
            self.send(0x80000015, 0, seq)
        elif cmd == 0x4:
            _, i = cstr(body, 0)
            i += 2
            src, i = cstr(body, i)
            i += 2
            dst, i = cstr(body, i)
            i += 3
            _, i = cstr(body, i)
            _, i = cstr(body, i)
            regdel = body[i]
            sm_len = body[i + 4]
            text = body[i + 5:i + 5 + sm_len].decode("latin-1", "replace")
            r = random.random()
            if dst.lstrip("+").startswith("4499"):
                st = 0x0B
            elif r < 0.06:
                st = 0x58
            elif r < 0.10:
                st = 0x45
            elif r < 0.12:
                st = 0x14
            else:
                st = 0
            mid = "%08x" % random.getrandbits(32)
            self.send(0x80000004, st, seq, (mid + "\0").encode() if st == 0 else b"\0")
            if st == 0 and regdel:
                def dlr():
                    time.sleep(random.uniform(0.5, 4))
                    stat = random.choice(["DELIVRD", "DELIVRD", "DELIVRD", "UNDELIV", "EXPIRED", "REJECTD"])
                    now = time.strftime("%y%m%d%H%M")
                    txt = "id:%s sub:001 dlvr:%03d submit date:%s done date:%s stat:%s err:%03d text:%s" % (
                        mid, 1 if stat == "DELIVRD" else 0, now, now, stat,
                        0 if stat == "DELIVRD" else random.choice([1, 11, 88]), text[:12])
                    try:
                        self.deliver(dst, src, txt[:250], esm=0x04)
                    except OSError:
                        pass
                threading.Thread(target=dlr, daemon=True).start()
        elif cmd == 0x6:
            self.send(0x80000006, 0, seq)
            raise ConnectionError
        elif cmd in (0x80000005, 0x80000015, 0x80000006, 0x80000000):
            pass
        else:
            self.send(0x80000000, 0x03, seq)


class SmppHandler(socketserver.BaseRequestHandler):
    def handle(self):
        SmppConn(self.request).run()


class TS(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def drop_all(*_):
    with lock:
        for c in list(conns):
            try:
                c.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def garbage(*_):
    with lock:
        for c in list(conns):
            try:
                kind = random.choice([0x00000999, 0x00000103, 0x0000ffff])
                c.send(kind, 0, c.next_seq(), os.urandom(random.randint(0, 12)))
            except OSError:
                pass


def mo_loop():
    words = ["echo", "ping", "web", "nope", "dead", "info", "weather", "balance", "stop", "help"]
    while True:
        time.sleep(random.uniform(2, 6))
        with lock:
            cs = list(conns)
        for c in cs:
            if random.random() < 0.5:
                try:
                    c.deliver("+44%09d" % random.randint(0, 10**9 - 1), random.choice(["1234", "5555", "80080"]),
                              "%s %s" % (random.choice(words), random.randint(1, 999)))
                except OSError:
                    pass


class Http(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *a):
        pass

    def reply(self, code, body, ctype="text/plain"):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        self.do_GET()

    def do_GET(self):
        u = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(u.query).items()}
        p = u.path
        if p == "/app/reply":
            r = random.random()
            if r < 0.15:
                self.reply(200, "")
            elif r < 0.25:
                self.reply(500, "internal error")
            elif r < 0.32:
                self.reply(200, "<html><body>x</body></html>", "text/html")
            else:
                self.reply(200, "Hello %s, you said: %s" % (q.get("from", "?"), q.get("text", "")))
        elif p == "/app/slow":
            time.sleep(random.uniform(1, 3))
            self.reply(200, "slow answer %d" % random.randint(1, 99))
        elif p == "/app/dlr":
            self.reply(200, "ok")
        elif p == "/remote/sendsms":
            r = random.random()
            if r < 0.70:
                self.reply(202, random.choice(["0: Accepted for delivery", "Sent."]))
            elif r < 0.80:
                self.reply(403, "Authorization failed for sendsms")
            elif r < 0.90:
                self.reply(500, "Internal server error")
            else:
                self.reply(202, "3: Queued for later delivery")
        else:
            self.reply(404, "not found")


if __name__ == "__main__":
    signal.signal(signal.SIGUSR1, drop_all)
    signal.signal(signal.SIGUSR2, garbage)
    srv = TS(("127.0.0.1", SMPP_PORT), SmppHandler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    threading.Thread(target=mo_loop, daemon=True).start()
    ThreadingHTTPServer(("127.0.0.1", HTTP_PORT), Http).serve_forever()
