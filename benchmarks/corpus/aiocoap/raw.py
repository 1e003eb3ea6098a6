# sends hand-made (often malformed) CoAP datagrams to the server under test
import socket, sys, random, os
host, port, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s.settimeout(1.0)
mid = random.randrange(65536).to_bytes(2, "big")
tok = os.urandom(2)
pkts = {
    "short": b"\x40",
    "empty": b"",
    "badver": b"\x80\x01" + mid,
    "ping": b"\x40\x00" + mid,
    "rst": b"\x70\x00" + mid,
    "ack": b"\x60\x00" + mid,
    "badtkl": b"\x49\x01" + mid + b"\x00",
    "badopt": b"\x42\x01" + mid + tok + b"\xf0",
    "crit": b"\x42\x01" + mid + tok + b"\xb4test" + b"\xd1\x0c\x00",
    "nonempty_ping": b"\x40\x00" + mid + b"\xffxx",
    "resp": b"\x52\x45" + mid + tok + b"\xffhello",
    "garbage": os.urandom(random.randint(4, 30)),
}
s.sendto(pkts[kind], (host, port))
try:
    s.recv(2048)
except OSError:
    pass
