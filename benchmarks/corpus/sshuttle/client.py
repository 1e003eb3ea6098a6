"""Traffic through the tunnel: TCP fetches, refused ports, DNS lookups (random)."""
import random, socket, struct, sys
kind = sys.argv[1]
def dnsq(name):
    q = struct.pack(">HHHHHH", random.randrange(65536), 0x0100, 1, 0, 0, 0)
    q += b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\x00\x00\x01\x00\x01"
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(3)
    s.sendto(q, ("10.244.44.53", 53))
    try: s.recvfrom(2048)
    except OSError: pass
def tcp(host, port, payload):
    s = socket.socket(); s.settimeout(4)
    try:
        s.connect((host, port)); s.sendall(payload)
        while s.recv(65536): pass
    except OSError: pass
    finally: s.close()
if kind == "http":
    path = random.choice(["/", "/index.html", "/missing", "/big.bin", "/" + "x" * random.randrange(1, 40)])
    tcp("10.244.44.2", 49580, f"GET {path} HTTP/1.0\r\nHost: t\r\n\r\n".encode())
elif kind == "refused":
    tcp("10.244.44.2", random.choice([49581, 49582]), b"hello")
elif kind == "nohost":
    tcp("10.244.44.%d" % random.randrange(100, 200), 49580, b"x")
elif kind == "abort":
    s = socket.socket(); s.settimeout(3)
    try:
        s.connect(("10.244.44.2", 49580)); s.sendall(b"GET /big.bin HTTP/1.0\r\n\r\n"); s.recv(100)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError: pass
    s.close()
elif kind == "dns":
    dnsq(random.choice(["www.example.test", "db.test", "nothere.example", "drop.example.test", "a%d.test" % random.randrange(99)]))
