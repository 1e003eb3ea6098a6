#!/usr/bin/env python3
"""Send one kind of malformed traffic to the private KDC (127.0.0.1:25400)."""
import os, random, socket, sys, time, base64
HOST, PORT = "127.0.0.1", 25400
kind = sys.argv[1] if len(sys.argv) > 1 else random.choice(
    ["udp_rand", "udp_asn1", "tcp_rand", "tcp_big", "tcp_ext", "tcp_strange", "tcp_close",
     "tcp_partial", "http_404", "http_bad", "http_noop", "http_b64", "tcp_asn1"])

def tcp(data, wait=0.3, close_early=False):
    s = socket.create_connection((HOST, PORT), timeout=3)
    try:
        if data:
            s.sendall(data)
        if not close_early:
            try:
                s.recv(4096)
            except Exception:
                pass
        time.sleep(wait)
    finally:
        s.close()

def udp(data):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(1)
    s.sendto(data, (HOST, PORT))
    try:
        s.recvfrom(4096)
    except Exception:
        pass
    s.close()

r = random.Random()
if kind == "udp_rand":
    udp(os.urandom(r.randint(8, 200)))
elif kind == "udp_asn1":
    tag = r.choice([0x6a, 0x6c, 0x6e, 0x7e, 0x30, 0x75])
    body = os.urandom(r.randint(4, 60))
    udp(bytes([tag, len(body)]) + body)
elif kind == "tcp_asn1":
    tag = r.choice([0x6a, 0x6c, 0x7e])
    body = os.urandom(r.randint(4, 60))
    pkt = bytes([tag, len(body)]) + body
    tcp(len(pkt).to_bytes(4, "big") + pkt)
elif kind == "tcp_rand":
    body = os.urandom(r.randint(10, 300))
    tcp(len(body).to_bytes(4, "big") + body)
elif kind == "tcp_big":
    tcp((200000).to_bytes(4, "big") + os.urandom(1000) * 12, close_early=True)
elif kind == "tcp_ext":
    tcp(b"\x80\x00\x00\x01" + os.urandom(8))
elif kind == "tcp_strange":
    tcp(r.choice([b"HELLO KDC\r\n", b"PING 12345\n", b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03"]))
elif kind == "tcp_close":
    tcp(b"", wait=0.1, close_early=True)
elif kind == "tcp_partial":
    tcp((500).to_bytes(4, "big") + os.urandom(r.randint(10, 100)), wait=0.2, close_early=True)
elif kind == "http_404":
    tcp(r.choice([b"GET / HTTP/1.0\r\n\r\n", b"GET /index.html HTTP/1.1\r\n\r\n", b"GET /favicon.ico HTTP/1.0\r\n\r\n"]))
elif kind == "http_bad":
    tcp(r.choice([b"GET /%zz%q HTTP/1.0\r\n\r\n", b"GET  \r\n\r\n"]))
elif kind == "http_noop":
    tcp(b"GET \r\n\r\n")
elif kind == "http_b64":
    body = os.urandom(r.randint(10, 80))
    tcp(b"GET /" + base64.b64encode(body) + b" HTTP/1.0\r\n\r\n")
