#!/usr/bin/env python3
"""Randomised trojan-protocol clients against the trojan server.
usage: client.py SERVER_PORT N_ACTIONS"""
import hashlib, os, random, socket, ssl, struct, sys, threading, time

SPORT = int(sys.argv[1]); N = int(sys.argv[2])
ECHO, UDPECHO, HTTP, CLOSED = 25102, 25103, 25101, 25109
UDPHOST = "127.0.0.5"  # UDP echo lives on its own address
GOOD = ["alpha-pass", "bravo-pass", "charlie-pass"]
BAD = ["wrong", "letmein", "hunter2", "alpha-pas"]

def ctx(alpn=None):
    c = ssl.create_default_context()
    c.check_hostname = False
    c.verify_mode = ssl.CERT_NONE
    if alpn:
        c.set_alpn_protocols(alpn)
    return c

def tls(alpn=None):
    raw = socket.create_connection(("127.0.0.1", SPORT), timeout=5)
    return ctx(alpn).wrap_socket(raw, server_hostname="trojan.local")

def addr(host, port):
    try:
        return b"\x01" + socket.inet_aton(host) + struct.pack(">H", port)
    except OSError:
        h = host.encode()
        return b"\x03" + bytes([len(h)]) + h + struct.pack(">H", port)

def req(pw, cmd, host, port, payload=b""):
    return hashlib.sha224(pw.encode()).hexdigest().encode() + b"\r\n" + bytes([cmd]) + addr(host, port) + b"\r\n" + payload

def drain(s, t=1.0):
    s.settimeout(t)
    got = b""
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            got += d
    except (OSError, ssl.SSLError):
        pass
    return got

def act_connect():
    s = tls()
    host = random.choice(["127.0.0.1", "localhost", "127.0.0.1"])
    s.sendall(req(random.choice(GOOD), 1, host, ECHO, os.urandom(random.randint(0, 300))))
    for _ in range(random.randint(0, 4)):
        s.sendall(os.urandom(random.randint(1, 3000)))
        time.sleep(random.random() * 0.2)
    drain(s, 0.5)
    s.close()

def act_connect_closed():
    s = tls()
    s.sendall(req(random.choice(GOOD), 1, "127.0.0.1", CLOSED, b"hello"))
    drain(s, 1)
    s.close()

def act_connect_unresolvable():
    s = tls()
    host = random.choice(["no-such-host.invalid", "backend%d.nowhere.invalid" % random.randint(1, 99)])
    s.sendall(req(random.choice(GOOD), 1, host, 80, b"GET / HTTP/1.0\r\n\r\n"))
    drain(s, 1)
    s.close()

def act_bad_password():
    s = tls()
    s.sendall(req(random.choice(BAD), 1, "127.0.0.1", ECHO, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
    drain(s, 1)
    s.close()

def act_garbage_tls():
    s = tls(random.choice([None, ["h2"], ["http/1.1"]]))
    s.sendall(random.choice([b"GET / HTTP/1.1\r\nHost: trojan.local\r\n\r\n", os.urandom(random.randint(1, 200)), b"\r\n\r\n"]))
    drain(s, 1)
    s.close()

def act_plain_http():
    s = socket.create_connection(("127.0.0.1", SPORT), timeout=5)
    s.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    drain(s, 1)
    s.close()

def act_garbage_raw():
    s = socket.create_connection(("127.0.0.1", SPORT), timeout=5)
    s.sendall(random.choice([os.urandom(random.randint(1, 500)), b"\x16\x03\x01\x00\x05hello", b"SSH-2.0-OpenSSH_9.2\r\n"]))
    drain(s, 1)
    s.close()

def act_connect_drop():
    s = socket.create_connection(("127.0.0.1", SPORT), timeout=5)
    if random.random() < 0.5:
        time.sleep(0.2)
    s.close()

def udp_pkt(host, port, payload):
    return addr(host, port) + struct.pack(">H", len(payload)) + b"\r\n" + payload

def act_udp():
    s = tls()
    first = udp_pkt(UDPHOST, UDPECHO, os.urandom(random.randint(1, 200)))
    s.sendall(req(random.choice(GOOD), 3, "0.0.0.0", 0, first))
    for _ in range(random.randint(1, 5)):
        s.sendall(udp_pkt(UDPHOST, UDPECHO, os.urandom(random.randint(1, 1200))))
        time.sleep(0.1)
    drain(s, 0.8)
    s.close()

def act_udp_unresolvable():
    s = tls()
    s.sendall(req(random.choice(GOOD), 3, "0.0.0.0", 0, udp_pkt("dns.nowhere.invalid", 53, b"x" * 20)))
    drain(s, 1)
    s.close()

def act_udp_too_long():
    s = tls()
    s.sendall(req(random.choice(GOOD), 3, "0.0.0.0", 0, b""))
    s.sendall(addr(UDPHOST, UDPECHO) + struct.pack(">H", 60000) + b"\r\n" + os.urandom(9000))
    drain(s, 1)
    s.close()

ACTIONS = [(act_connect, 30), (act_connect_closed, 6), (act_connect_unresolvable, 5), (act_bad_password, 10),
           (act_garbage_tls, 8), (act_plain_http, 5), (act_garbage_raw, 6), (act_connect_drop, 5),
           (act_udp, 12), (act_udp_unresolvable, 3), (act_udp_too_long, 3)]

def one():
    f = random.choices([a for a, _ in ACTIONS], [w for _, w in ACTIONS])[0]
    try:
        f()
    except (OSError, ssl.SSLError):
        pass

threads = []
for i in range(N):
    t = threading.Thread(target=one)
    t.start()
    threads.append(t)
    time.sleep(random.random() * 0.15)
    if len(threads) > 6:
        threads.pop(0).join()
for t in threads:
    t.join()
