#!/usr/bin/env python3
"""Clients for the sslsplit workload: echo over TCP/TLS, STARTTLS, garbage, early close."""
import os, random, socket, ssl, sys, time

def ctx(sni_ok=True, ver=None):
    c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    c.check_hostname = False
    c.verify_mode = ssl.CERT_NONE
    c.set_ciphers("ALL:@SECLEVEL=0")
    if ver == "tls12":
        c.maximum_version = ssl.TLSVersion.TLSv1_2
    return c

def conn(port):
    return socket.create_connection(("127.0.0.1", port), timeout=8)

def main():
    mode, port = sys.argv[1], int(sys.argv[2])
    host = sys.argv[3] if len(sys.argv) > 3 else None
    try:
        s = conn(port)
    except OSError:
        return
    try:
        if mode == "tcpecho":
            for _ in range(random.randint(1, 4)):
                s.sendall(b"line %d %s\n" % (random.randint(0, 999), os.urandom(4).hex().encode()))
                s.recv(4096)
        elif mode == "tlsecho":
            t = ctx(ver=random.choice([None, "tls12"])).wrap_socket(s, server_hostname=host)
            for _ in range(random.randint(1, 3)):
                t.sendall(b"secret %d\n" % random.randint(0, 9999))
                t.recv(4096)
            t.close()
        elif mode == "smtp":
            f = s.makefile("rb")
            if port == 46109:
                f.readline()
            s.sendall(b"EHLO client.test\r\n"); f.readline(); f.readline()
            if random.random() < 0.8:
                s.sendall(b"STARTTLS\r\n"); f.readline()
                t = ctx().wrap_socket(s, server_hostname=host)
                tf = t.makefile("rb")
                t.sendall(b"MAIL FROM:<a@b.test>\r\n"); tf.readline()
                t.sendall(b"QUIT\r\n"); tf.readline()
                t.close()
            else:
                s.sendall(b"QUIT\r\n"); f.readline()
        elif mode == "garbage":
            s.sendall(os.urandom(random.randint(5, 900)))
            time.sleep(0.3)
            try: s.recv(4096)
            except Exception: pass
        elif mode == "badhello":
            # a TLS record header claiming a handshake, followed by junk
            s.sendall(b"\x16\x03\x01\x00\x40" + os.urandom(64))
            try: s.recv(4096)
            except Exception: pass
        elif mode == "plainhttp":
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            try: s.recv(4096)
            except Exception: pass
        elif mode == "early":
            pass
        elif mode == "halfhs":
            t = ctx().wrap_socket(s, server_hostname=host, do_handshake_on_connect=False)
            s.settimeout(0.2)
            try: t.do_handshake()
            except Exception: pass
        elif mode == "rawhttp":
            req = random.choice([
                b"GET /index.html HTTP/1.1\r\nHost: www.example.test\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n",
                b"HEAD / HTTP/1.0\r\n\r\n",
                b"POST /ocsp HTTP/1.1\r\nHost: ocsp.example.test\r\nContent-Type: application/ocsp-request\r\nContent-Length: 5\r\nConnection: close\r\n\r\nAAAAA",
                b"GET /ocsp/MEIwQDA%2BMDwwOjAJBgUrDgMCGgUABBT HTTP/1.1\r\nHost: ocsp.example.test\r\nConnection: close\r\n\r\n",
                b"BREW /pot HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                b"\x00\x01garbage-not-http\r\n\r\n",
                b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZQ==\r\n\r\n",
            ])
            if port in (46100, 46105):
                s = ctx().wrap_socket(s, server_hostname=host or "www.example.test")
            s.sendall(req)
            try:
                while s.recv(4096): pass
            except Exception: pass
    except Exception:
        pass
    try: s.close()
    except Exception: pass

if __name__ == "__main__":
    main()
