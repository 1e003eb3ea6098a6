"""Minimal fake DNS server: A answers for *.test, NXDOMAIN otherwise, silence for drop*."""
import socket, struct, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], int(sys.argv[2])))
while True:
    q, peer = s.recvfrom(2048)
    if len(q) < 12:
        continue
    i, labels = 12, []
    while i < len(q) and q[i]:
        labels.append(q[i + 1:i + 1 + q[i]].decode(errors="replace")); i += 1 + q[i]
    name = ".".join(labels).lower()
    qend = i + 5
    if name.startswith("drop"):
        continue
    if name.endswith(".test"):
        hdr = q[:2] + b"\x81\x80" + b"\x00\x01\x00\x01\x00\x00\x00\x00"
        ans = b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04" + socket.inet_aton("10.244.44.2")
        s.sendto(hdr + q[12:qend] + ans, peer)
    else:
        s.sendto(q[:2] + b"\x81\x83" + b"\x00\x01\x00\x00\x00\x00\x00\x00" + q[12:qend], peer)
