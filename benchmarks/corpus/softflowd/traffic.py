#!/usr/bin/env python3
"""Traffic peer: bursts of UDP datagrams, TCP connection attempts (accepted or refused) and
TCP sessions toward the softflowd namespace. usage: traffic.py DST DST6 SECONDS"""
import random, socket, sys, time
dst, dst6, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
end = time.time() + secs
while time.time() < end:
    k = random.choices(["udp", "udp6", "tcp", "tcpopen"], [5, 2, 3, 2])[0]
    try:
        if k in ("udp", "udp6"):
            fam, d = (socket.AF_INET, dst) if k == "udp" else (socket.AF_INET6, dst6)
            s = socket.socket(fam, socket.SOCK_DGRAM)
            port = random.choice([53, 123, 161, 514, 28100 + random.randint(1, 20), random.randint(1024, 65000)])
            for _ in range(random.randint(20, 200)):
                s.sendto(bytes(random.randint(10, 900)), (d, port))
            s.close()
        elif k == "tcp":
            for _ in range(random.randint(1, 6)):
                s = socket.socket(); s.settimeout(0.2)
                try: s.connect((dst, random.choice([22, 80, 443, random.randint(1024, 65000)])))
                except OSError: pass
                s.close()
        else:
            s = socket.socket(); s.settimeout(1)
            s.connect((dst, 28110))
            for _ in range(random.randint(20, 200)):
                s.sendall(bytes(random.randint(100, 1400)))
            s.close()
    except OSError:
        pass
    time.sleep(random.uniform(0.3, 1.5))
