#!/usr/bin/python3
"""Tiny real servers for keepalived's health checkers. usage: rsrv.py KIND IP PORT MODEFILE
KIND: http https tcp smtp dns udp. MODEFILE holds the current behaviour (re-read per request):
ok, 500, 404, 301, slow, bad (wrong body / garbage), close (accept then close), drop (ignore)."""
import os, random, socket, socketserver, ssl, struct, sys, threading, time

kind, ip, port, modefile = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

def mode():
    try:
        return open(modefile).read().strip() or "ok"
    except OSError:
        return "ok"

BODY = b"healthy\n"

class H(socketserver.BaseRequestHandler):
    def handle(self):
        s = self.request
        s.settimeout(10)
        m = mode()
        if m == "close":
            return
        if m == "slow":
            time.sleep(6)
        if kind in ("http", "https"):
            try:
                s.recv(4096)
            except OSError:
                return
            if m == "bad":
                body = b"unhealthy %d\n" % random.randint(1, 999)
                status = "200 OK"
            elif m in ("500", "404", "301"):
                body = b"error\n"
                status = {"500": "500 Internal Server Error", "404": "404 Not Found", "301": "301 Moved Permanently"}[m]
            else:
                body, status = BODY, "200 OK"
            s.sendall(b"HTTP/1.0 " + status.encode() + b"\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        elif kind == "smtp":
            if m == "bad":
                s.sendall(b"554 5.3.2 service unavailable\r\n")
                return
            if m == "500":
                s.sendall(b"garbage-banner\r\n")
                return
            s.sendall(b"220 rs.r11k ESMTP ready\r\n")
            f = s.makefile("rb")
            indata = False
            for line in f:
                if indata:
                    if line.rstrip(b"\r\n") == b".":
                        indata = False
                        s.sendall(b"250 2.0.0 queued as %X\r\n" % random.randint(1 << 20, 1 << 32))
                    continue
                cmd = line.strip().upper()
                if cmd.startswith(b"HELO") or cmd.startswith(b"EHLO"):
                    s.sendall(b"250 rs.r11k\r\n" if m != "404" else b"501 5.5.4 bad helo\r\n")
                elif cmd.startswith(b"MAIL") or cmd.startswith(b"RCPT"):
                    s.sendall(b"250 2.1.0 ok\r\n" if m != "301" else b"550 5.1.1 no such user\r\n")
                elif cmd.startswith(b"DATA"):
                    s.sendall(b"354 go ahead\r\n")
                    indata = True
                elif cmd.startswith(b"QUIT"):
                    s.sendall(b"221 bye\r\n")
                    return
                else:
                    s.sendall(b"500 what\r\n")
        else:  # tcp
            try:
                s.sendall(b"hello\n")
            except OSError:
                pass

class TS(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

def udp_loop():
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind((ip, port))
    while True:
        data, addr = u.recvfrom(2048)
        m = mode()
        if m in ("drop", "close"):
            continue
        if m == "slow":
            time.sleep(6)
        if kind == "udp":
            u.sendto(data if m != "bad" else b"nope", addr)
            continue
        # dns
        if len(data) < 12:
            continue
        qid = data[:2]
        q = data[12:]
        end = q.index(b"\0") + 5
        question = q[:end]
        if m == "bad":
            u.sendto(os.urandom(random.randint(3, 11)), addr)
        elif m in ("500", "404"):
            rcode = 2 if m == "500" else 3
            u.sendto(qid + struct.pack(">HHHHH", 0x8180 | rcode, 1, 0, 0, 0) + question, addr)
        else:
            ans = b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 60, 4) + socket.inet_aton("10.211.0.%d" % random.randint(30, 99))
            u.sendto(qid + struct.pack(">HHHHH", 0x8180, 1, 1, 0, 0) + question + ans, addr)

if kind in ("dns", "udp"):
    udp_loop()
else:
    srv = TS((ip, port), H)
    if kind == "https":
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(os.path.join(os.path.dirname(modefile), "rs.pem"))
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    srv.serve_forever()
