# sends hand-made DNS queries (odd, malformed, foreign) to the server
import socket, struct, random, sys, base64
DOM = "tun.example.test"
def q(name_labels, qtype=16, hdr_only=False, qd=1):
    h = struct.pack(">HHHHHH", random.randint(0, 65535), 0x0100, qd, 0, 0, 0)
    if hdr_only: return h
    body = b"".join(bytes([len(l)]) + l for l in name_labels) + b"\0" + struct.pack(">HH", qtype, 1)
    return h + body
def labels(s): return [x.encode() for x in s.split(".")]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.3)
kind = sys.argv[1]
for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 1):
    if kind == "foreign":
        pkt = q(labels(random.choice(["www.example.org", "mail.test.net", "a.b.c.example.com", "x" * random.randint(3, 20) + ".invalid"])))
    elif kind == "headeronly":
        pkt = q([], hdr_only=True)
    elif kind == "atype":
        pkt = q(labels("abc." + DOM), qtype=random.choice([1, 28, 15, 2]))
    elif kind == "longlabel":
        pkt = q([b"A" * random.randint(64, 120)] + labels(DOM))
    elif kind == "notclient":
        data = struct.pack(">HHHB", random.randint(1, 65535), random.randint(1, 50), 0, 0x02) + b"hello"
        pkt = q([base64.b64encode(data).rstrip(b"=")] + labels(DOM))
    elif kind == "short":
        pkt = q([b"QUJD"] + labels(DOM))
    elif kind == "tooshortname":
        pkt = q(labels("x.t"))
    try:
        s.sendto(pkt, ("127.0.0.1", 46053)); s.recvfrom(2048)
    except OSError: pass
