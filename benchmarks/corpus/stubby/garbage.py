#!/usr/bin/env python3
"""Send malformed DNS messages to stubby over UDP and TCP."""
import os, random, socket, struct, sys
port = int(sys.argv[1]); n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
for _ in range(n):
    kind = random.choice(["udp_rand", "udp_short", "udp_hdr", "tcp_rand", "tcp_half", "tcp_len0"])
    try:
        if kind.startswith("udp"):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.5)
            if kind == "udp_rand": p = os.urandom(random.randint(1, 200))
            elif kind == "udp_short": p = os.urandom(random.randint(1, 11))
            else: p = struct.pack("!HHHHHH", random.randint(0, 65535), 0x0100, 5, 0, 0, 0) + b"\x03foo"
            s.sendto(p, ("127.0.0.1", port))
            try: s.recv(4096)
            except Exception: pass
            s.close()
        else:
            s = socket.create_connection(("127.0.0.1", port), timeout=1)
            if kind == "tcp_rand": s.sendall(os.urandom(random.randint(1, 300)))
            elif kind == "tcp_half": s.sendall(struct.pack("!H", 500) + os.urandom(20))
            else: s.sendall(b"\x00\x00")
            try: s.recv(4096)
            except Exception: pass
            s.close()
    except Exception:
        pass
