"""Write N randomised pcaps (HTTP, DNS, TLS, SSH, FTP, SMTP, ICMP, IPv6, fragments, odd packets)."""
import os, random, sys
from scapy.all import (Ether, IP, IPv6, TCP, UDP, ICMP, DNS, DNSQR, DNSRR, Raw, Dot1Q, GRE, fragment, wrpcap, PcapWriter)
out = sys.argv[1]; n = int(sys.argv[2]); R = random.Random()
os.makedirs(out, exist_ok=True)

def tcp_session(c, s, sp, dp, req, resp, v6=False, close=True):
    L = IPv6 if v6 else IP
    cs, ss = R.randint(1000, 2**31), R.randint(1000, 2**31)
    pk = [L(src=c, dst=s)/TCP(sport=sp, dport=dp, flags="S", seq=cs),
          L(src=s, dst=c)/TCP(sport=dp, dport=sp, flags="SA", seq=ss, ack=cs+1),
          L(src=c, dst=s)/TCP(sport=sp, dport=dp, flags="A", seq=cs+1, ack=ss+1)]
    cs += 1; ss += 1
    for q, a in zip(req, resp):
        if q:
            pk.append(L(src=c, dst=s)/TCP(sport=sp, dport=dp, flags="PA", seq=cs, ack=ss)/Raw(q)); cs += len(q)
            pk.append(L(src=s, dst=c)/TCP(sport=dp, dport=sp, flags="A", seq=ss, ack=cs))
        if a:
            pk.append(L(src=s, dst=c)/TCP(sport=dp, dport=sp, flags="PA", seq=ss, ack=cs)/Raw(a)); ss += len(a)
            pk.append(L(src=c, dst=s)/TCP(sport=sp, dport=dp, flags="A", seq=cs, ack=ss))
    if close:
        pk += [L(src=c, dst=s)/TCP(sport=sp, dport=dp, flags="FA", seq=cs, ack=ss),
               L(src=s, dst=c)/TCP(sport=dp, dport=sp, flags="FA", seq=ss, ack=cs+1),
               L(src=c, dst=s)/TCP(sport=sp, dport=dp, flags="A", seq=cs+1, ack=ss+1)]
    return pk

def host(): return "10.%d.%d.%d" % (R.randint(0, 9), R.randint(0, 255), R.randint(1, 254))
def ext(): return "%d.%d.%d.%d" % (R.choice([93, 151, 185, 203]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
paths = ["/", "/index.php?id=%d", "/admin/login", "/wp-login.php", "/etc/passwd", "/cgi-bin/test.cgi?q=%d", "/download/file%d.exe", "/api/v1/items/%d"]

def flows():
    pk = []
    for _ in range(R.randint(3, 12)):
        kind = R.choice(["http", "http", "dns", "tls", "ssh", "ftp", "smtp", "icmp", "udp", "v6", "frag", "bad"])
        c, s, sp = host(), ext(), R.randint(20000, 65000)
        if kind == "http":
            p = R.choice(paths); p = p % R.randint(1, 9999) if "%d" in p else p
            ua = R.choice(["curl/7.88.1", "Mozilla/5.0", "sqlmap/1.7", "python-requests/2.28", "Nikto"])
            req = ("%s %s HTTP/1.1\r\nHost: www.example%d.com\r\nUser-Agent: %s\r\n\r\n" % (R.choice(["GET", "POST", "HEAD", "PUT"]), p, R.randint(1, 50), ua)).encode()
            body = b"x" * R.randint(0, 800)
            resp = b"HTTP/1.1 %d OK\r\nContent-Length: %d\r\nServer: nginx\r\n\r\n" % (R.choice([200, 404, 500, 302]), len(body)) + body
            pk += tcp_session(c, s, sp, R.choice([80, 8080, 80]), [req], [resp])
        elif kind == "dns":
            name = "%s%d.%s" % (R.choice(["www", "mail", "cdn", "xj3k9q", "update"]), R.randint(1, 99), R.choice(["example.com", "test.org", "evil.biz"]))
            q = IP(src=c, dst="10.0.0.53")/UDP(sport=sp, dport=53)/DNS(id=R.randint(1, 65535), rd=1, qd=DNSQR(qname=name, qtype=R.choice(["A", "AAAA", "TXT", "MX"])))
            a = IP(src="10.0.0.53", dst=c)/UDP(sport=53, dport=sp)/DNS(id=q[DNS].id, qr=1, rcode=R.choice([0, 3]), qd=q[DNS].qd, an=DNSRR(rrname=name, rdata="1.2.3.4"))
            pk += [q, a]
            if R.random() < 0.3:
                pk.append(IP(src=c, dst="10.0.0.53")/UDP(sport=sp+1, dport=53)/Raw(os.urandom(R.randint(3, 40))))
        elif kind == "tls":
            hello = bytes.fromhex("16030100") + b"\x00\x2f" + bytes.fromhex("0100002b0303") + os.urandom(32) + b"\x00\x00\x02\x00\x2f\x01\x00"
            pk += tcp_session(c, s, sp, 443, [hello], [os.urandom(R.randint(50, 300))])
        elif kind == "ssh":
            pk += tcp_session(c, s, sp, 22, [b"SSH-2.0-OpenSSH_%d.%dp1\r\n" % (R.randint(6, 9), R.randint(0, 9))], [b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"])
        elif kind == "ftp":
            pk += tcp_session(c, s, sp, 21, [None, b"USER anonymous\r\n", b"PASS x@y\r\n", b"RETR /pub/f%d.bin\r\n" % R.randint(1, 99)],
                              [b"220 FTP ready\r\n", b"331 Password\r\n", b"230 OK\r\n", b"550 No such file\r\n"])
        elif kind == "smtp":
            pk += tcp_session(c, s, sp, 25, [None, b"EHLO client%d\r\n" % R.randint(1, 99), b"MAIL FROM:<a@b.c>\r\n", b"RCPT TO:<root@x.y>\r\n", b"QUIT\r\n"],
                              [b"220 mx ESMTP\r\n", b"250 mx\r\n", b"250 OK\r\n", b"550 no such user\r\n", b"221 bye\r\n"])
        elif kind == "icmp":
            pk += [IP(src=c, dst=s)/ICMP(type=8, id=R.randint(1, 999), seq=i)/Raw(b"a" * 32) for i in range(R.randint(1, 4))]
        elif kind == "udp":
            pk += [IP(src=c, dst=s)/UDP(sport=sp, dport=R.randint(1, 65535))/Raw(os.urandom(R.randint(1, 200))) for _ in range(R.randint(1, 3))]
        elif kind == "v6":
            pk += tcp_session("fd00::%x" % R.randint(1, 999), "2001:db8::%x" % R.randint(1, 999), sp, 80,
                              [b"GET /v6 HTTP/1.1\r\nHost: v6.example\r\n\r\n"], [b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"], v6=True)
        elif kind == "frag":
            pk += fragment(IP(src=c, dst=s)/UDP(sport=sp, dport=R.randint(1000, 9000))/Raw(os.urandom(R.randint(1500, 4000))), fragsize=R.choice([256, 512, 1024]))
        else:
            pk += R.choice([[IP(src=c, dst=s, ihl=3)/TCP()], [IP(src=c, dst=s)/TCP(sport=sp, dport=80, flags="SF")],
                            [IP(src=c, dst=s, ttl=0)/UDP(dport=R.randint(1, 999))], [IP(src=c, dst=s, chksum=0x1234)/TCP(dport=80)]])
    return pk

for i in range(n):
    pk = flows()
    wrap = R.random()
    frames = []
    for p in pk:
        e = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
        if wrap < 0.2: frames.append(e/Dot1Q(vlan=R.randint(1, 4000))/p)
        else: frames.append(e/p)
    t = 1733390000 + R.randint(0, 86400 * 30)
    for j, f in enumerate(frames):
        f.time = t + j * R.uniform(0.001, 0.2)
    wrpcap(os.path.join(out, "capture-%02d-%d.pcap" % (i, R.randint(100, 999))), frames)
