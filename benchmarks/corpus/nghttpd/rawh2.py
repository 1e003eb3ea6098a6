#!/usr/bin/env python3
"""Minimal raw HTTP/2 client sending good and malformed frames; usage: rawh2.py PORT CASE [SEED]"""
import random, socket, struct, sys, time

PORT, CASE = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else None)
MAGIC = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"


def frame(ftype, flags, sid, payload=b""):
    return struct.pack(">I", len(payload))[1:] + bytes([ftype, flags]) + struct.pack(">I", sid) + payload


def lit(name, value):
    def s(b):
        assert len(b) < 127
        return bytes([len(b)]) + b
    return b"\x00" + s(name.encode()) + s(value.encode())


def req(path="/index.html", method="GET", extra=()):
    hs = [(":method", method), (":scheme", "http"), (":path", path), (":authority", "127.0.0.1")] + list(extra)
    return b"".join(lit(n, v) for n, v in hs)


def settings(pairs=()):
    return frame(4, 0, 0, b"".join(struct.pack(">HI", k, v) for k, v in pairs))


def drain(s, secs):
    s.settimeout(secs)
    end = time.time() + secs
    try:
        while time.time() < end:
            if not s.recv(65536):
                break
    except OSError:
        pass


s = socket.create_connection(("127.0.0.1", PORT))
ack = frame(4, 1, 0)
sid = rnd.choice([1, 3, 5, 7])
if CASE == "http1":
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
elif CASE == "nosettings":
    s.sendall(MAGIC + frame(6, 0, 0, b"12345678"))
elif CASE == "upperhdr":
    s.sendall(MAGIC + settings() + ack + frame(1, 5, sid, req(extra=[("X-Bad", "1")])))
elif CASE == "ignhdr":
    s.sendall(MAGIC + settings() + ack + frame(1, 5, sid, req(extra=[("bad header", "v%d" % rnd.randint(1, 99))])))
elif CASE == "badpath":
    s.sendall(MAGIC + settings() + ack + frame(1, 5, sid, req(path="no-slash")))
elif CASE == "wu0":
    s.sendall(MAGIC + settings() + ack + frame(8, 0, 0, struct.pack(">I", 0)))
elif CASE == "ping":
    s.sendall(MAGIC + settings() + ack + frame(6, 0, 0, bytes(rnd.randrange(256) for _ in range(8))))
elif CASE == "dataidle":
    s.sendall(MAGIC + settings() + ack + frame(0, 1, sid, b"hello"))
elif CASE == "badhpack":
    s.sendall(MAGIC + settings() + ack + frame(1, 5, sid, b"\xff\xff\xff\xff\xff\xff"))
elif CASE == "rst":
    s.sendall(MAGIC + settings() + ack + frame(1, 4, sid, req(method="POST")) + frame(3, 0, sid, struct.pack(">I", 8)))
elif CASE == "goaway":
    s.sendall(MAGIC + settings() + ack + frame(1, 5, sid, req()) + frame(7, 0, 0, struct.pack(">II", 0, 0) + b"bye"))
elif CASE == "priority":
    s.sendall(MAGIC + settings() + ack + frame(2, 0, sid + 2, struct.pack(">IB", 0, rnd.randint(0, 255))) + frame(1, 5, sid, req()))
elif CASE == "badsetting":
    s.sendall(MAGIC + settings([(2, 2)]) )
elif CASE == "badwindow":
    s.sendall(MAGIC + settings([(4, 0x80000000)]))
elif CASE == "selfdep":
    s.sendall(MAGIC + settings() + ack + frame(2, 0, sid, struct.pack(">IB", sid, 10)))
elif CASE == "post":
    body = b"x" * rnd.randint(1, 4000)
    s.sendall(MAGIC + settings() + ack + frame(1, 4, sid, req(path="/upload", method="POST", extra=[("content-length", str(len(body)))])) + frame(0, 1, sid, body))
elif CASE == "cl_mismatch":
    s.sendall(MAGIC + settings() + ack + frame(1, 4, sid, req(path="/upload", method="POST", extra=[("content-length", "10")])) + frame(0, 1, sid, b"abc"))
elif CASE == "noack":
    s.sendall(MAGIC + settings())
    drain(s, 12)
elif CASE == "hang":
    s.sendall(MAGIC + settings() + ack + frame(1, 4, sid, req(method="POST")))
    drain(s, 64)
elif CASE == "trunc":
    s.sendall(MAGIC + settings() + ack + frame(1, 5, sid, req())[:12])
elif CASE == "contonly":
    s.sendall(MAGIC + settings() + ack + frame(9, 4, sid, req()))
drain(s, 0.5)
s.close()
