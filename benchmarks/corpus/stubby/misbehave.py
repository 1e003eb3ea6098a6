#!/usr/bin/env python3
"""Scripted misbehaving DNS upstreams for the stubby workload (127.0.0.1 only)."""
import random, socket, ssl, struct, sys, threading, time, os

RUN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run")

def answer(q, rcode=0, ip="127.0.0.99"):
    if len(q) < 12:
        return b""
    qid, flags = struct.unpack("!HH", q[:4])
    # find end of question
    i = 12
    while i < len(q) and q[i] != 0:
        i += q[i] + 1
    qend = i + 5
    question = q[12:qend]
    hdr = struct.pack("!HHHHHH", qid, 0x8180 | rcode, 1, 1 if rcode == 0 else 0, 0, 0)
    ans = b""
    if rcode == 0:
        ans = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + socket.inet_aton(ip)
    return hdr + question + ans

def recv_exact(s, n):
    buf = b""
    while len(buf) < n:
        d = s.recv(n - len(buf))
        if not d:
            return None
        buf += d
    return buf

def tcp_serve(conn, mode):
    try:
        conn.settimeout(20)
        while True:
            l = recv_exact(conn, 2)
            if l is None:
                return
            q = recv_exact(conn, struct.unpack("!H", l)[0])
            if q is None:
                return
            if mode == "silent":
                time.sleep(random.uniform(3, 8))
                return
            if mode == "garbage":
                conn.sendall(os.urandom(random.randint(1, 40)))
                return
            if mode == "servfail":
                r = answer(q, rcode=2)
            else:
                r = answer(q)
            conn.sendall(struct.pack("!H", len(r)) + r)
            if mode == "oneshot":
                return
    except Exception:
        pass
    finally:
        try:
            conn.close()
        except Exception:
            pass

def tls_server(port, cert, key, mode):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(os.path.join(RUN, cert), os.path.join(RUN, key))
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", port)); ls.listen(16)
    while True:
        c, _ = ls.accept()
        def h(c=c):
            try:
                if mode == "hangup":
                    time.sleep(random.uniform(0, 0.3)); c.close(); return
                s = ctx.wrap_socket(c, server_side=True)
                if mode == "closeafterhs":
                    s.close(); return
                m = mode if mode != "mixed" else random.choice(["ok", "ok", "oneshot", "servfail", "garbage", "silent"])
                tcp_serve(s, m)
            except Exception:
                try: c.close()
                except Exception: pass
        threading.Thread(target=h, daemon=True).start()

def tcp_plain(port, mode):
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", port)); ls.listen(16)
    while True:
        c, _ = ls.accept()
        if mode == "hangup":
            c.sendall(b"NOT DNS\r\n") if random.random() < 0.5 else None
            c.close()
        else:
            threading.Thread(target=tcp_serve, args=(c, mode), daemon=True).start()

def udp(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", port))
    while True:
        q, a = s.recvfrom(4096)
        r = random.random()
        if r < 0.25:
            continue  # drop -> timeout
        elif r < 0.4:
            s.sendto(os.urandom(random.randint(2, 30)), a)
        elif r < 0.5:
            bad = bytearray(answer(q)); bad[0] ^= 0xff; s.sendto(bytes(bad), a)
        elif r < 0.65:
            s.sendto(answer(q, rcode=random.choice([2, 5])), a)
        else:
            resp = bytearray(answer(q))
            if random.random() < 0.3:
                resp[2] |= 0x02  # TC bit -> retry over TCP
            s.sendto(bytes(resp), a)

servers = [
    (tls_server, (29854, "wrong.pem", "wrong.key", "ok")),
    (tls_server, (29855, "self.pem", "self.key", "ok")),
    (tls_server, (29856, "dns.pem", "dns.key", "mixed")),
    (tcp_plain, (29857, "hangup")),
    (tls_server, (29859, "dns.pem", "dns.key", "silent")),
    (tls_server, (29860, "dns.pem", "dns.key", "closeafterhs")),
    (tcp_plain, (29057, "ok")),
    (udp, (29057,)),
]
for f, a in servers:
    threading.Thread(target=f, args=a, daemon=True).start()
while True:
    time.sleep(3600)
