#!/usr/bin/env python3
"""Randomised RADIUS client for the radsecproxy workload.
Usage: client.py PROTO(udp|tcp|tls) HOST PORT SECRET SRCADDR COUNT [CERTDIR]"""
import hashlib, hmac, os, random, socket, ssl, struct, sys, time

proto, host, port, secret, src, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].encode(), sys.argv[5], int(sys.argv[6])
certdir = sys.argv[7] if len(sys.argv) > 7 else None
REALMS = ["example.com", "example.com", "tls.example", "tcp.example", "deny.example", "unknown.org", "", "acct.example", "viatls.example"]
PREFIX = ["bob", "alice", "bad", "chal", "slow", "badauth", "junk", "bob", "alice", "anonymous"]

def attr(t, v):
    return struct.pack("BB", t, len(v) + 2) + v

def encpw(pw, auth):
    pw = pw + b"\x00" * (-len(pw) % 16)
    out, last = b"", auth
    for i in range(0, len(pw), 16):
        b = hashlib.md5(secret + last).digest()
        c = bytes(x ^ y for x, y in zip(pw[i:i + 16], b))
        out += c; last = c
    return out

def build(code, ident, attrs, ma):
    auth = os.urandom(16)
    if code == 4:
        auth = bytes(16)
    body = b"".join(attr(t, v(auth) if callable(v) else v) for t, v in attrs)
    if ma:
        body += b"\x50\x12" + bytes(16)
    hdr = struct.pack("!BBH", code, ident, 20 + len(body))
    if ma:
        m = hmac.new(secret, hdr + auth + body, hashlib.md5).digest()
        body = body[:-16] + m
    if code == 4:
        auth = hashlib.md5(hdr + bytes(16) + body + secret).digest()
    return hdr + auth + body

def one(ident):
    r = random.random()
    user = random.choice(PREFIX) + str(random.randint(1, 99))
    realm = random.choice(REALMS)
    if realm:
        user += "@" + realm
    u = user.encode()
    mac = "%02x-%02x-%02x-%02x-%02x-%02x" % tuple(random.randrange(256) for _ in range(6))
    if r < 0.04:
        return bytes(random.randrange(256) for _ in range(random.randint(1, 40)))  # garbage
    if r < 0.07:
        p = build(1, ident, [(1, u)], False)
        return p[:2] + struct.pack("!H", len(p) + 50) + p[4:]  # length lie
    if r < 0.10:
        return build(random.choice([7, 40, 99, 2]), ident, [(1, u)], False)  # odd code
    if r < 0.12:
        return build(12, ident, [], True)  # status-server
    if r < 0.30:
        st = random.choice([b"\x00\x00\x00\x01", b"\x00\x00\x00\x02", b"\x00\x00\x00\x03"])
        return build(4, ident, [(1, u), (40, st), (44, b"%08x" % random.getrandbits(32)), (31, mac.encode()), (4, socket.inet_aton(src))], False)
    ma = random.random() < 0.7
    attrs = [(1, u), (2, lambda a: encpw(b"pw" + os.urandom(3).hex().encode(), a)), (4, socket.inet_aton(src)), (5, struct.pack("!I", random.randint(0, 50))), (31, mac.encode())]
    if random.random() < 0.05:
        attrs.append((26, b""))  # empty vendor-specific? keep short
        attrs[-1] = (26, b"\x00\x00\x00\x09")
    return build(1, ident, attrs, ma)

def main():
    ctx = None
    if proto == "tls":
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.load_verify_locations(os.path.join(certdir, "ca.pem"))
        ctx.load_cert_chain(os.path.join(certdir, "client.pem"), os.path.join(certdir, "client.key"))
    sent = 0
    while sent < count:
        if proto == "udp":
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind((src, 0))
            s.settimeout(0.3)
            conn = None
        else:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind((src, 0))
            s.settimeout(3)
            try:
                s.connect((host, port))
            except OSError as e:
                print("connect failed", e); time.sleep(0.5); sent += 1; continue
            if ctx:
                try:
                    s = ctx.wrap_socket(s)
                except (OSError, ssl.SSLError) as e:
                    print("tls failed", e); sent += 1; continue
            s.settimeout(0.5)
        burst = random.randint(1, 6)
        for _ in range(burst):
            pkt = one(random.randrange(256))
            try:
                if proto == "udp":
                    s.sendto(pkt, (host, port))
                    try: s.recv(4096)
                    except OSError: pass
                else:
                    s.sendall(pkt)
                    try: s.recv(4096)
                    except OSError: pass
            except OSError:
                break
            sent += 1
            time.sleep(random.uniform(0.0, 0.05))
        s.close()

main()
