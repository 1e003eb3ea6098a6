#!/usr/bin/env python3
"""Test backends for the sslsplit workload: TCP echo, TLS echo, STARTTLS line server, closer."""
import socket, ssl, sys, threading

def serve(port, handler):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(64)
    def loop():
        while True:
            c, _ = s.accept()
            threading.Thread(target=guard, args=(handler, c), daemon=True).start()
    threading.Thread(target=loop, daemon=True).start()

def guard(handler, c):
    try:
        handler(c)
    except Exception:
        pass
    finally:
        try: c.close()
        except Exception: pass

def echo(c):
    while True:
        d = c.recv(4096)
        if not d: return
        c.sendall(d)

def tls_echo(c):
    echo(CTX.wrap_socket(c, server_side=True))

def closer(c):
    c.close()

def starttls(c, greet=False):
    f = c.makefile("rb")
    if greet:
        c.sendall(b"220 backend.test ESMTP ready\r\n")
    while True:
        line = f.readline()
        if not line: return
        cmd = line.strip().upper()
        if cmd.startswith(b"EHLO") or cmd.startswith(b"HELO"):
            c.sendall(b"250-backend.test\r\n250 STARTTLS\r\n")
        elif cmd == b"STARTTLS":
            c.sendall(b"220 2.0.0 Ready to start TLS\r\n")
            t = CTX.wrap_socket(c, server_side=True)
            tf = t.makefile("rb")
            while True:
                l2 = tf.readline()
                if not l2: return
                if l2.strip().upper() == b"QUIT":
                    t.sendall(b"221 bye\r\n"); return
                t.sendall(b"250 ok " + l2.strip()[:40] + b"\r\n")
        elif cmd == b"QUIT":
            c.sendall(b"221 bye\r\n"); return
        else:
            c.sendall(b"250 ok\r\n")

if __name__ == "__main__":
    d = sys.argv[1]
    CTX = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    CTX.load_cert_chain(d + "/srv.crt", d + "/srv.key")
    serve(46113, echo)
    serve(46114, tls_echo)
    serve(46115, starttls)
    serve(46116, closer)
    serve(46117, lambda c: starttls(c, greet=True))
    threading.Event().wait()
