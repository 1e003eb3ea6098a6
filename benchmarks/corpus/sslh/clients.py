#!/usr/bin/env python3
"""Raw clients for the sslh workload: clients.py MODE PORT."""
import os, random, socket, ssl, struct, sys, time
mode, port = sys.argv[1], int(sys.argv[2])
R = random.Random()

def conn(first=b"", wait=1.0, rst=False, chunks=False, more=b""):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=4)
        if chunks:
            for i in range(0, len(first), 3):
                s.sendall(first[i:i + 3]); time.sleep(0.05)
        elif first:
            s.sendall(first)
        if rst:
            time.sleep(R.uniform(0.05, 0.5))
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)); s.close(); return
        if more:
            time.sleep(0.2); s.sendall(more)
        s.settimeout(wait)
        try:
            s.recv(65536)
        except Exception:
            pass
        s.close()
    except Exception:
        pass

if mode == "ssh":
    conn(b"SSH-2.0-OpenSSH_%d.%d\r\n" % (R.randint(6, 9), R.randint(0, 9)), more=os.urandom(R.randint(10, 300)))
elif mode == "http":
    m = R.choice([b"GET", b"POST", b"HEAD", b"PUT", b"DELETE", b"OPTIONS", b"CONNECT", b"TRACE"])
    conn(m + b" /%d HTTP/1.1\r\nHost: h%d.test\r\n\r\n" % (R.randint(1, 9999), R.randint(1, 99)), chunks=R.random() < 0.2)
elif mode == "openvpn":
    body = b"\x38" + os.urandom(8) + b"\x00" + b"\x00\x00\x00\x00" + os.urandom(R.randint(0, 20))
    conn(struct.pack(">H", len(body)) + body)
elif mode == "xmpp":
    conn(b"<?xml version='1.0'?><stream:stream to='chat%d.test' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>" % R.randint(1, 50))
elif mode == "regex":
    conn(b"HELLO %d\r\n" % R.randint(1, 99999))
elif mode == "garbage":
    conn(os.urandom(R.randint(1, 500)))
elif mode == "text":
    conn(R.choice([b"QUIT\r\n", b"EHLO x\r\n", b"\r\n", b"PING :x\r\n", b"\x00\x00\x00\x00"]))
elif mode == "silent":
    conn(b"", wait=R.uniform(4.5, 7))
elif mode == "early":
    s = socket.create_connection(("127.0.0.1", port)); time.sleep(R.uniform(0, 0.5)); s.close()
elif mode == "rst":
    conn(R.choice([b"SSH-2.0-x\r\n", b"GET / HTTP/1.0\r\n\r\n", os.urandom(30)]), rst=True)
elif mode == "partial":
    conn(R.choice([b"SS", b"G", b"\x16\x03", b"\x00", b"<?x"]), wait=R.uniform(2.5, 4))
elif mode in ("tls", "tlsalpn", "tlsnosni"):
    ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
    if mode == "tlsalpn":
        ctx.set_alpn_protocols([R.choice(["h2", "http/1.1", "xmpp-client", "imap", "acme-tls/1"])])
    name = R.choice(["mail.example.test", "www.example.test", "vpn.example.test", "a%d.example.test" % R.randint(1, 99)])
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=4) as raw:
            with ctx.wrap_socket(raw, server_hostname=None if mode == "tlsnosni" else name) as s:
                s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"); s.recv(100)
    except Exception:
        pass
elif mode == "tlsbad":
    kind = R.choice(["sslv2", "ssl3", "notch", "trunc"])
    if kind == "sslv2":
        d = b"\x80\x2e\x01\x00\x02\x00\x15\x00\x00\x00\x10" + os.urandom(37)
    elif kind == "ssl3":
        body = b"\x03\x00" + os.urandom(32) + b"\x00\x00\x02\x00\x2f\x01\x00"
        hs = b"\x01" + struct.pack(">I", len(body))[1:] + body
        d = b"\x16\x03\x00" + struct.pack(">H", len(hs)) + hs
    elif kind == "notch":
        d = b"\x16\x03\x01\x00\x10\x02" + os.urandom(15)
    else:
        d = b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc" + os.urandom(R.randint(5, 60))
    conn(d, wait=3)
