#!/usr/bin/env python3
"""Hand-made RADIUS packets for the hostapd RADIUS server (used by workload.sh).
usage: radpkt.py KIND [secret]   env: AUTH/ACCT ports, SRC source address, SPORT source port"""
import hashlib, hmac, os, random, socket, struct, sys, time

AUTH = int(os.environ.get("AUTH", "48112"))
ACCT = int(os.environ.get("ACCT", "48113"))

def attr(t, v):
    return struct.pack("BB", t, len(v) + 2) + v

def access_request(secret, attrs, ident=None, msg_auth=True, state=None, bad_ma=False):
    ident = random.randint(0, 255) if ident is None else ident
    auth = os.urandom(16)
    body = b"".join(attrs)
    if state is not None:
        body += attr(24, state)
    if msg_auth:
        body += attr(80, b"\0" * 16)
    pkt = struct.pack(">BBH", 1, ident, 20 + len(body)) + auth + body
    if msg_auth:
        ma = hmac.new(secret, pkt, hashlib.md5).digest()
        if bad_ma:
            ma = os.urandom(16)
        pkt = pkt[:-16] + ma
    return pkt

def eap_identity(name, eid=None):
    eid = random.randint(0, 255) if eid is None else eid
    n = name.encode()
    return attr(79, struct.pack(">BBHB", 2, eid, 5 + len(n), 1) + n)

def acct_request(secret, status, sess, bad=False, code=4):
    attrs = attr(1, b"acct-user") + attr(40, struct.pack(">I", status)) + attr(44, sess.encode()) \
        + attr(4, socket.inet_aton("127.0.0.1")) + attr(31, b"02-00-00-00-00-%02x" % random.randint(1, 99))
    ident = random.randint(0, 255)
    hdr = struct.pack(">BBH", code, ident, 20 + len(attrs))
    ra = hashlib.md5(hdr + b"\0" * 16 + attrs + secret).digest()
    if bad:
        ra = os.urandom(16)
    return hdr + ra + attrs

def send(pkt, port, wait=0.6):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    src = os.environ.get("SRC", "127.0.0.1")
    s.bind((src, int(os.environ.get("SPORT", "0"))))
    s.settimeout(wait)
    s.sendto(pkt, ("127.0.0.1", port))
    try:
        return s.recv(4096)
    except socket.timeout:
        return None
    finally:
        s.close()

def main():
    kind = sys.argv[1]
    secret = (sys.argv[2] if len(sys.argv) > 2 else "testing123").encode()
    name = lambda: [attr(1, b"alice"), attr(31, b"02-00-00-00-00-77"), attr(4, socket.inet_aton("127.0.0.1"))]
    if kind == "garbage":
        send(os.urandom(random.randint(1, 19)) if random.random() < 0.5 else
             struct.pack(">BBH", 1, 9, 4000) + os.urandom(40), AUTH)
    elif kind == "noeap":            # Access-Request without EAP-Message (PAP style)
        send(access_request(secret, name() + [attr(2, os.urandom(16))]), AUTH)
    elif kind == "nouser":           # EAP-Message without User-Name
        send(access_request(secret, [eap_identity("alice")]), AUTH)
    elif kind == "unknownuser":
        send(access_request(secret, [attr(1, b"zelda")] + [eap_identity("zelda")]), AUTH)
    elif kind == "badma":
        send(access_request(secret, name() + [eap_identity("alice")], bad_ma=True), AUTH)
    elif kind == "nomaauth":         # no Message-Authenticator at all
        send(access_request(secret, name() + [eap_identity("alice")], msg_auth=False), AUTH)
    elif kind == "stalestate":
        send(access_request(secret, name() + [eap_identity("alice")], state=os.urandom(4)), AUTH)
    elif kind == "duplicate":        # same packet twice -> duplicate detection
        pkt = access_request(secret, name() + [eap_identity("alice")])
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); s.settimeout(0.6)
        for _ in range(2):
            s.sendto(pkt, ("127.0.0.1", AUTH))
            try: s.recv(4096)
            except socket.timeout: pass
        s.close()
    elif kind == "abandon":          # start a session and vanish (server times it out)
        send(access_request(secret, name() + [eap_identity("alice")]), AUTH)
    elif kind == "wrongcode":        # a code the auth port does not serve
        pkt = bytearray(access_request(secret, name() + [eap_identity("alice")]))
        pkt[0] = random.choice([4, 11, 12, 13])
        send(bytes(pkt), AUTH)
    elif kind == "disconnect-ack":
        pkt = bytearray(access_request(secret, name())); pkt[0] = random.choice([41, 42]); send(bytes(pkt), AUTH)
    elif kind == "coa-ack":
        pkt = bytearray(access_request(secret, name())); pkt[0] = random.choice([44, 45]); send(bytes(pkt), AUTH)
    elif kind == "acct":             # accounting start/interim/stop
        sess = "%08X" % random.randint(0, 1 << 31)
        for st in (1, 3, 2):
            send(acct_request(secret, st, sess), ACCT, 0.3)
    elif kind == "acct-bad":
        send(acct_request(secret, 1, "BAD0001", bad=True), ACCT)
    elif kind == "acct-code":        # Access-Request sent to the accounting port
        send(acct_request(secret, 1, "ODD0001", code=1), ACCT)
    else:
        raise SystemExit("unknown kind")

main()
