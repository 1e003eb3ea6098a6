#!/usr/bin/env python3
"""Raw clients for the sniproxy workload: rawclient.py MODE PORT [HOST]."""
import os, random, socket, ssl, struct, sys, time
mode, port = sys.argv[1], int(sys.argv[2])
host = sys.argv[3] if len(sys.argv) > 3 else "www.good.test"
R = random.Random()

def hello(sni=None, version=b"\x03\x03", rec=b"\x03\x01", hs_type=1, name_type=0, exts=True):
    body = version + os.urandom(32) + b"\x00" + b"\x00\x04\x00\x2f\x00\x35" + b"\x01\x00"
    if exts:
        ext = b""
        if sni is not None:
            n = sni.encode()
            entry = bytes([name_type]) + struct.pack(">H", len(n)) + n
            sn = struct.pack(">H", len(entry)) + entry
            ext += b"\x00\x00" + struct.pack(">H", len(sn)) + sn
        ext += b"\x00\x0b\x00\x02\x01\x00"  # ec_point_formats
        body += struct.pack(">H", len(ext)) + ext
    hs = bytes([hs_type]) + struct.pack(">I", len(body))[1:] + body
    return b"\x16" + rec + struct.pack(">H", len(hs)) + hs

def send(data, wait=1.0, rst=False, chunks=False):
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    if chunks:
        for i in range(0, len(data), 7):
            s.sendall(data[i:i + 7]); time.sleep(0.02)
    else:
        s.sendall(data)
    if rst:
        time.sleep(0.2)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close(); return
    try:
        s.settimeout(wait); s.recv(65536)
    except Exception:
        pass
    s.close()

if mode == "garbage":
    send(os.urandom(R.randint(8, 400)))
elif mode == "text":
    send(R.choice([b"HELLO\r\n", b"SSH-2.0-OpenSSH_9.2\r\n", b"\x00\x01\x02\x03\x04\x05", b"GET\r\n\r\n"]) * R.randint(1, 5))
elif mode == "sslv2":
    send(b"\x80\x2e\x01\x00\x02\x00\x15\x00\x00\x00\x10" + os.urandom(21) + os.urandom(16))
elif mode == "oldver":
    send(hello(host, version=b"\x02\x00", rec=bytes([R.choice([0, 1, 2]), R.randint(0, 2)])))
elif mode == "ssl3":
    send(hello(None, version=b"\x03\x00", rec=b"\x03\x00", exts=False))
elif mode == "noext":
    send(hello(None, exts=False))
elif mode == "nosni":
    send(hello(None))
elif mode == "nametype":
    send(hello(host, name_type=R.randint(1, 200)))
elif mode == "notclienthello":
    send(hello(host, hs_type=R.choice([2, 11, 16])))
elif mode == "sni":
    send(hello(host), chunks=R.random() < 0.3)
elif mode == "badsni":
    send(hello(R.choice(["bad host", "x..y", "-" * R.randint(1, 9), "a/b", "h\tx", "1.2.3.4", "127.0.0.1", "[::1]"])))
elif mode == "tlsrst":
    send(hello(host), rst=True)
elif mode == "http":
    send(b"GET /%d HTTP/1.1\r\nHost: %s\r\nUser-Agent: raw/%d\r\n\r\n" % (R.randint(1, 9999), host.encode(), R.randint(1, 9)))
elif mode == "httprst":
    send(b"GET /%d HTTP/1.1\r\nHost: %s\r\n\r\n" % (R.randint(1, 9999), host.encode()), rst=True)
elif mode == "nohost":
    send(b"GET /%d HTTP/1.%d\r\nAccept: */*\r\n\r\n" % (R.randint(1, 999), R.randint(0, 1)))
elif mode == "badhost":
    h = R.choice([b"bad host", b"x..y", b"a/b", b"10.1.2.%d" % R.randint(1, 254), b"127.0.0.1:%d" % R.randint(1, 65535), b"[::1]", b"unix:/tmp/x", b"%s\x01" % host.encode()])
    send(b"GET / HTTP/1.1\r\nHost: " + h + b"\r\n\r\n")
elif mode == "bighdr":
    send(b"GET / HTTP/1.1\r\nX-Pad: " + b"a" * R.randint(5000, 20000) + b"\r\nHost: " + host.encode() + b"\r\n\r\n")
elif mode == "bigtls":
    send(b"\x16\x03\x01\x3f\xff\x01" + os.urandom(R.randint(5000, 12000)))
elif mode == "partial":
    s = socket.create_connection(("127.0.0.1", port)); s.sendall(hello(host)[:R.randint(3, 40)]); time.sleep(R.uniform(0.1, 1.5)); s.close()
elif mode == "tlsclient":
    ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=4) as raw:
            with ctx.wrap_socket(raw, server_hostname=host) as s:
                s.sendall(b"GET / HTTP/1.1\r\nHost: %s\r\n\r\n" % host.encode()); s.recv(1000)
    except Exception:
        pass
if mode == "flood":
    socks = []
    for i in range(R.randint(40, 90)):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=2)
            s.sendall(b"GET / HTTP/1.1\r\nHost: slow.test\r\n\r\n" if port in (23080, 23081) else hello("slow.test"))
            socks.append(s)
        except Exception:
            break
    time.sleep(R.uniform(1, 3))
    for s in socks:
        s.close()
