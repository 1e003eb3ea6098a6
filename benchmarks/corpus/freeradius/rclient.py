"""Raw RADIUS packets for workload.sh: what radclient cannot send (other source addresses,
missing or wrong Message-Authenticator, duplicates, malformed packets).
Usage: rclient.py ACTION"""
import hashlib, hmac, os, random, socket, struct, sys, time

def attr(t, v):
    return bytes([t, len(v) + 2]) + v

def pap(password, secret, ra):
    p = password.encode()
    p += b"\0" * (-len(p) % 16 or (16 if not p else 0))
    out, prev = b"", ra
    for i in range(0, len(p), 16):
        h = hashlib.md5(secret + prev).digest()
        c = bytes(a ^ b for a, b in zip(p[i:i + 16], h))
        out += c; prev = c
    return out

def access_request(user, password, secret, msgauth=True, ident=None, extra=b""):
    ra = os.urandom(16); ident = random.randint(0, 255) if ident is None else ident
    attrs = attr(1, user.encode()) + attr(2, pap(password, secret, ra)) + attr(4, socket.inet_aton("127.0.0.1")) \
        + attr(5, struct.pack("!I", random.randint(0, 48))) + extra
    if msgauth:
        attrs += attr(80, b"\0" * 16)
    pkt = struct.pack("!BBH", 1, ident, 20 + len(attrs)) + ra + attrs
    if msgauth:
        mac = hmac.new(secret, pkt, hashlib.md5).digest()
        pkt = pkt[:-16] + mac
    return pkt

def send(pkt, src="127.0.0.1", port=18812, wait=1.5, repeat=1, gap=0.05):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((src, 0)); s.settimeout(wait)
    for _ in range(repeat):
        s.sendto(pkt, ("127.0.0.1", port)); time.sleep(gap)
    try:
        s.recv(4096)
    except socket.timeout:
        pass
    s.close()

def main():
    act = sys.argv[1]
    user = random.choice(["alice", "bob", "mallory", "trent", "zoe%d" % random.randint(1, 99)])
    if act == "unknown_client":          # a NAS the server does not know
        src = "127.0.0.%d" % random.randint(3, 250)
        send(access_request(user, "pw%d" % random.randint(0, 999), b"whatever"), src=src, port=random.choice([18812, 18812, 18813]), wait=0.3)
    elif act == "nas_b_nomsgauth":       # client that must sign requests, without Message-Authenticator
        send(access_request(user, "x", b"nasbsecret", msgauth=False), src="127.0.0.2", wait=0.3)
    elif act == "nas_b_ok":              # same client, signed
        send(access_request(random.choice(["alice", "grace"]), random.choice(["wonderland", "gracepw", "nope"]), b"nasbsecret"), src="127.0.0.2")
    elif act == "wrong_secret":          # signed with the wrong shared secret
        send(access_request(user, "x", b"wrong-%d" % random.randint(0, 99)), wait=0.3)
    elif act == "duplicate":             # the same request sent again while the first is still delayed
        pkt = access_request(user, "bad%d" % random.randint(0, 99), b"testing123")
        send(pkt, repeat=random.randint(2, 3), gap=0.2, wait=2.0)
    elif act == "conflict":              # same id, different content while the first is unfinished
        ident = random.randint(0, 255)
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); s.settimeout(2.0)
        for pw in ("first%d" % random.randint(0, 99), "second%d" % random.randint(0, 99)):
            s.sendto(access_request(user, pw, b"testing123", ident=ident), ("127.0.0.1", 18812)); time.sleep(0.2)
        try: s.recv(4096)
        except socket.timeout: pass
    elif act == "duplicate_proxy":       # retransmissions and a changed packet while the proxy waits for a dead home server
        ident = random.randint(0, 255)
        u = "%s%d@dead.example" % (random.choice(["ann", "bert", "cyd"]), random.randint(1, 99))
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); s.settimeout(3.0)
        pkt = access_request(u, "pw", b"testing123", ident=ident)
        for _ in range(random.randint(1, 2)):
            s.sendto(pkt, ("127.0.0.1", 18812)); time.sleep(0.5)
        if random.random() < 0.5:
            s.sendto(access_request(u, "other", b"testing123", ident=ident), ("127.0.0.1", 18812))
        try: s.recv(4096)
        except socket.timeout: pass
    elif act == "garbage":               # malformed packets
        kind = random.randint(0, 4)
        if kind == 0:
            pkt = os.urandom(random.randint(1, 19))                  # shorter than a header
        elif kind == 1:
            pkt = access_request(user, "x", b"testing123")
            pkt = pkt[:2] + struct.pack("!H", len(pkt) + random.randint(5, 50)) + pkt[4:]  # length too big
        elif kind == 2:
            pkt = struct.pack("!BBH", random.choice([0, 7, 99, 200]), 1, 24) + os.urandom(16) + b"\x01\x04ab"  # unknown code
        elif kind == 3:
            pkt = struct.pack("!BBH", 1, 2, 24) + os.urandom(16) + b"\x01\x01ab"   # attribute length 1
        else:
            pkt = struct.pack("!BBH", 1, 3, 23) + os.urandom(16) + b"\x01\x00a"    # attribute length 0
        send(pkt, port=random.choice([18812, 18813]), wait=0.2)

if __name__ == "__main__":
    main()
